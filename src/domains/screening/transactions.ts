import { isoNow, isoToday } from "../../kernel/clock.ts";
import type { Ctx } from "../../kernel/context.ts";
import { screeningDb } from "./db.ts";
import { getEnabledLists, listsOf } from "./enabled-lists.ts";
import { currentList } from "./list-cache.ts";
import { listLabel } from "./lists/read-list.ts";
import { prepareName } from "./matcher/score.ts";
import { getCountryChart, getJurisdictions, licenceReasons, sanctionedJurisdiction } from "./rules.ts";
import type { TransactionsTable } from "./tables.ts";
import type { TransactionCheckView } from "./views.ts";

export type TransactionCheck = TransactionCheckView;
export type CheckFinding = TransactionCheck["findings"][number];

/**
 * Everything that must hold before a transaction with a foreign party is approved: a clear latest
 * screening on the current list (COC-18.1), no comprehensively sanctioned jurisdiction (COC-18.2),
 * a licence or exception for a controlled item (COC-19.1), and payment only to the party itself,
 * in its country of domicile (COC-20.1).
 */
export async function checkTransaction(ctx: Ctx, t: TransactionsTable): Promise<TransactionCheck> {
  const db = screeningDb(ctx);
  const party = await db
    .selectFrom("counterparties")
    .selectAll()
    .where("id", "=", t.counterparty_id)
    .executeTakeFirstOrThrow();
  const findings: CheckFinding[] = [];
  const list = await currentList(ctx);
  const screening = party.last_screening_id
    ? await db
        .selectFrom("screenings")
        .selectAll()
        .where("id", "=", party.last_screening_id)
        .executeTakeFirst()
    : undefined;
  const hits = await db
    .selectFrom("screening_hits")
    .select(["entity_id", "list_name", "list_source", "programs", "status", "score", "kind", "explanation"])
    .where("counterparty_id", "=", party.id)
    .where("status", "in", ["open", "true_match"])
    .orderBy("score", "desc")
    .execute();
  // A PEP calls for enhanced due diligence, never a block.
  const blocking = hits.filter((h) => h.kind !== "pep");
  const peps = hits.filter((h) => h.kind === "pep");
  const named = (h: (typeof blocking)[number]) =>
    h.list_source === "ownership"
      ? `the ownership entered for it: ${(JSON.parse(h.explanation) as { summary: string }).summary}`
      : `${listLabel(h.list_source)} entry ${h.entity_id} ${h.list_name} [${(JSON.parse(h.programs) as string[]).join(", ")}]`;
  const ownedBlock = blocking.find(
    (h) => h.kind === "ownership" && h.list_source === "ownership" && h.status === "open",
  );
  const current = list?.select(listsOf(await getEnabledLists(ctx), party.legal_entity_id)) ?? [];
  if (party.status === "blocked" || blocking.some((h) => h.status === "true_match") || ownedBlock) {
    const h = blocking.find((x) => x.status === "true_match");
    findings.push({
      rule: "COC-18.1",
      ok: false,
      message:
        !h && ownedBlock
          ? `Refused (COC-18.1): ${party.name} is blocked by ownership: ${named(ownedBlock)}.`
          : `Refused (COC-18.1): ${party.name} is blocked as a true match with ${h ? named(h) : "a sanctions list entry"}.`,
    });
  } else if (!list || !current.length) {
    findings.push({
      rule: "COC-18.1",
      ok: !party.is_foreign,
      message: party.is_foreign
        ? "Refused (COC-18.1): no sanctions list has been imported, so the party cannot be screened."
        : "Domestic party: SDN screening not required.",
    });
  } else if (
    !screening ||
    (screening.list_version_ids ?? screening.list_version_id) !== current.map((l) => l.versionId).join(",")
  ) {
    findings.push({
      rule: "COC-18.1",
      ok: false,
      message: `Refused (COC-18.1): ${party.name} has not been screened against the current list version yet.`,
    });
  } else if (blocking.length) {
    findings.push({
      rule: "COC-18.1",
      ok: false,
      message: `Refused (COC-18.1): ${blocking.length} open screening hit(s) await review, best ${named(blocking[0]!)} (score ${Number(blocking[0]!.score).toFixed(2)}).`,
    });
  } else {
    const pep = peps[0];
    findings.push({
      rule: "COC-18.1",
      ok: true,
      message: pep
        ? `No sanctions hit (${screening.screened_at.slice(0, 10)}); ${pep.status === "true_match" ? "a politically exposed person" : "a possible politically exposed person"} (${pep.list_name}, ${listLabel(pep.list_source)}): enhanced due diligence, not a block.`
        : `Latest screening is clear (${screening.screened_at.slice(0, 10)}).`,
    });
  }
  const jurisdictions = await getJurisdictions(ctx);
  const where = [
    ["the party", party.country, party.region],
    ["the destination", t.destination_country, null],
  ] as const;
  let sanctioned = false;
  for (const [what, country, region] of where) {
    const j = sanctionedJurisdiction(jurisdictions, country, region);
    if (j) {
      sanctioned = true;
      findings.push({
        rule: "COC-18.2",
        ok: false,
        message: `Refused (COC-18.2): ${what} is in ${j.label}, a comprehensively sanctioned jurisdiction.`,
      });
    }
  }
  if (!sanctioned)
    findings.push({
      rule: "COC-18.2",
      ok: true,
      message: "No comprehensively sanctioned jurisdiction involved.",
    });
  if (t.item_id) {
    const item = await db
      .selectFrom("export_items")
      .selectAll()
      .where("id", "=", t.item_id)
      .executeTakeFirst();
    const dest = t.destination_country ?? party.country;
    if (item && dest) {
      const needed = licenceReasons(await getCountryChart(ctx), dest, item.eccn, JSON.parse(item.reasons));
      if (!needed)
        findings.push({
          rule: "COC-19.1",
          ok: true,
          message: `${item.name} (${item.eccn}) needs no licence to ${dest} under the country chart.`,
        });
      else {
        const today = isoToday(ctx.clock);
        const licence = await db
          .selectFrom("export_licences")
          .selectAll()
          .where("eccn", "=", item.eccn)
          .where("country", "=", dest)
          .where((eb) => eb.or([eb("valid_until", "is", null), eb("valid_until", ">=", today)]))
          .executeTakeFirst();
        findings.push(
          licence
            ? {
                rule: "COC-19.1",
                ok: true,
                message: `${item.name} (${item.eccn}) to ${dest}: ${licence.kind} ${licence.reference} on record.`,
              }
            : {
                rule: "COC-19.1",
                ok: false,
                message: `Refused (COC-19.1): ${item.name} (${item.eccn}) to ${dest} needs a licence (${needed.join(", ")}) and none or no exception is on record.`,
              },
        );
      }
    }
  }
  if (party.is_foreign && (t.payee_name || t.payee_account_country || t.payee_address_country)) {
    const names = [party.name, ...(JSON.parse(party.aliases) as string[])].map((n) => prepareName(n).joined);
    const problems: string[] = [];
    if (t.payee_name && !names.includes(prepareName(t.payee_name).joined))
      problems.push(`the payee "${t.payee_name}" is not ${party.name}`);
    if (t.payee_account_country && t.payee_account_country !== party.country)
      problems.push(
        `the account is in ${t.payee_account_country}, not ${party.country ?? "the party's country"}`,
      );
    if (t.payee_address_country && t.payee_address_country !== party.country)
      problems.push(
        `the payment address is in ${t.payee_address_country}, not ${party.country ?? "the party's country"}`,
      );
    findings.push(
      problems.length
        ? {
            rule: "COC-20.1",
            ok: false,
            message: `Refused (COC-20.1): payment only to the contracting party, in its name, in its country of domicile: ${problems.join("; ")}.`,
          }
        : {
            rule: "COC-20.1",
            ok: true,
            message: "Payment goes to the contracting party in its country of domicile.",
          },
    );
  }
  return { ok: findings.every((f) => f.ok), findings, checkedAt: isoNow(ctx.clock) };
}

export const toTransaction = (r: TransactionsTable & { counterparty_name?: string }) => ({
  id: r.id,
  counterpartyId: r.counterparty_id,
  counterpartyName: r.counterparty_name ?? null,
  description: r.description,
  amountCents: Number(r.amount_cents),
  currency: r.currency,
  destinationCountry: r.destination_country,
  itemId: r.item_id,
  payeeName: r.payee_name,
  payeeAccountCountry: r.payee_account_country,
  payeeAddressCountry: r.payee_address_country,
  status: r.status,
  check: r.check_result ? (JSON.parse(r.check_result) as TransactionCheck) : null,
  decidedBy: r.decided_by,
  decidedAt: r.decided_at,
  createdAt: r.created_at,
});
