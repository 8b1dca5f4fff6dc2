import { sql } from "kysely";
import { z } from "zod";
import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { contains } from "../../kernel/db.ts";
import { conflict, forbidden, notFound } from "../../kernel/errors.ts";
import { newId } from "../../kernel/ids.ts";
import { type Cents, formatMoney, parseMoney } from "../../kernel/money.ts";
import { getSetting, putSetting } from "../../kernel/settings.ts";
import { discDb, todayOf } from "./db.ts";
import { authorize, can, type GiftSubject } from "./policy.ts";
import {
  type GiftFilter,
  type GiftInput,
  giftDecisionInput,
  giftFilter,
  giftInput,
  giftRecordInput,
  giftSettingsInput,
} from "./schemas.ts";
import {
  closeTasks,
  jsonOr,
  mailTo,
  nextNumber,
  openTask,
  parseInput,
  userOfPerson,
  usersWith,
  withPerson,
} from "./support.ts";
import type { GiftsTable } from "./tables.ts";
import type { GiftList, GiftSettingsView, GiftView } from "./views.ts";

// ---- Thresholds (configuration; the Code leaves the amounts to "Company policies then in effect", COC-6.5)

export type GiftSettings = { perItemCents: number; perRecipientYearCents: number };
export const DEFAULT_GIFT_SETTINGS: GiftSettings = { perItemCents: 10_000, perRecipientYearCents: 25_000 };
const settingsSchema = z.object({
  perItemCents: z.number().int().nonnegative(),
  perRecipientYearCents: z.number().int().nonnegative(),
});
const SETTINGS_KEY = "disclosures.gifts";

export const getGiftSettings = (ctx: Ctx) =>
  getSetting(ctx, SETTINGS_KEY, settingsSchema, DEFAULT_GIFT_SETTINGS);

export async function updateGiftSettings(
  ctx: Ctx,
  raw: { perItem: string; perRecipientYear: string },
): Promise<GiftSettingsView> {
  authorize(ctx.actor, "gift.configure");
  const input = parseInput(giftSettingsInput, raw);
  const next: GiftSettings = {
    perItemCents: Number(parseMoney(input.perItem)),
    perRecipientYearCents: Number(parseMoney(input.perRecipientYear)),
  };
  return withTransaction(ctx, async (tx) => {
    await putSetting(tx, SETTINGS_KEY, next);
    await record(tx, "gift.configure", null, next);
    return presentSettings(next);
  });
}

export const presentSettings = (s: GiftSettings): GiftSettingsView => ({
  perItem: formatMoney(BigInt(s.perItemCents)),
  perRecipientYear: formatMoney(BigInt(s.perRecipientYearCents)),
  perItemCents: s.perItemCents,
  perRecipientYearCents: s.perRecipientYearCents,
});

// ---- Helpers

const cents = (v: number | string | bigint | null | undefined): Cents => BigInt(String(v ?? 0));
export const recipientKey = (name: string, organisation: string) =>
  `${name.trim().toLowerCase().replace(/\s+/g, " ")}|${organisation.trim().toLowerCase().replace(/\s+/g, " ")}`;
export const giftHref = (id: string) => `/disclosures/gifts/${id}`;
const isGovernment = (g: { official: string }) => g.official !== "none";
/** The actor's relation to one entry, for the rules of policy.ts. */
const giftSubject = (ctx: Ctx, g: Pick<GiftsTable, "user_id" | "status">): GiftSubject => ({
  isMine: ctx.actor.kind === "user" && ctx.actor.userId === g.user_id,
  status: g.status,
});

/** The running total (USD cents) per recipient per year, excluding refused requests. */
async function totalsFor(ctx: Ctx, keys: { key: string; year: string; direction: string }[]) {
  const map = new Map<string, Cents>();
  if (keys.length === 0) return map;
  const rows = await discDb(ctx)
    .selectFrom("gifts")
    .select([
      "recipient_key",
      "direction",
      sql<string>`substr(event_date, 1, 4)`.as("year"),
      sql<string | number>`sum(usd_value_cents)`.as("total"),
    ])
    .where("recipient_key", "in", [...new Set(keys.map((k) => k.key))])
    .where("status", "!=", "rejected")
    .groupBy(["recipient_key", "direction", sql`substr(event_date, 1, 4)`])
    .execute();
  for (const r of rows) map.set(`${r.recipient_key}|${r.direction}|${r.year}`, cents(r.total));
  return map;
}

function toGift(ctx: Ctx, g: GiftsTable & { person_name: string | null }, totals: Map<string, Cents>) {
  const a = ctx.actor;
  const subject = giftSubject(ctx, g);
  const mine = subject.isMine;
  const total = totals.get(`${g.recipient_key}|${g.direction}|${g.event_date.slice(0, 4)}`) ?? 0n;
  return {
    id: g.id,
    number: g.number,
    direction: g.direction,
    person: g.person_name,
    counterpartyName: g.counterparty_name,
    organisation: g.organisation,
    official: g.official,
    isGovernmentOfficial: isGovernment(g),
    kind: g.kind,
    description: g.description,
    value: formatMoney(cents(g.value_cents), g.currency),
    valueCents: cents(g.value_cents).toString(),
    currency: g.currency,
    usdValue: formatMoney(cents(g.usd_value_cents)),
    eventDate: g.event_date,
    businessPurpose: g.business_purpose,
    status: g.status,
    approvalReasons: jsonOr<string[]>(g.approval_reasons, []),
    approvalText: g.approval_text,
    approver: g.approver_label,
    decidedAt: g.decided_at,
    recordedAt: g.recorded_at,
    recipientYearTotal: formatMoney(total),
    recipientYearTotalCents: total.toString(),
    createdAt: g.created_at,
    isMine: mine,
    can: {
      decide: can(a, "gift.decide", subject),
      record: can(a, "gift.record", subject),
    },
  };
}
export type Gift = ReturnType<typeof toGift>;

const selectGifts = (ctx: Ctx) =>
  discDb(ctx)
    .selectFrom("gifts as g")
    .leftJoin("persons as p", "p.id", "g.person_id")
    .selectAll("g")
    .select(sql<string | null>`p.first_name || ' ' || p.last_name`.as("person_name"));

async function present(ctx: Ctx, rows: (GiftsTable & { person_name: string | null })[]) {
  const totals = await totalsFor(
    ctx,
    rows.map((r) => ({ key: r.recipient_key, year: r.event_date.slice(0, 4), direction: r.direction })),
  );
  return rows.map((r) => toGift(ctx, r, totals));
}

async function loadGift(ctx: Ctx, id: string) {
  const row = await selectGifts(ctx).where("g.id", "=", id).executeTakeFirst();
  if (!row || !can(ctx.actor, "gift.read", giftSubject(ctx, row))) throw notFound("The gift entry");
  return row;
}

export async function getGift(ctx: Ctx, id: string): Promise<GiftView> {
  const [gift] = await present(ctx, [await loadGift(ctx, id)]);
  return gift!;
}

// ---- Use cases

const COC_12_1 =
  "Gifts, favours, meals, entertainment or hospitality for a government representative (US or non-US) need the Legal Department's prior written approval (COC-12.1, Code section 12; see also COC-2.1 and COC-2.2, Code section 2)";

/**
 * Files a gift, meal, entertainment or hospitality given or received. Anything for a government
 * official needs Legal's prior written approval, requested before the event (COC-12.1); other
 * gifts need approval above the per-item or per-recipient yearly threshold (COC-6.5).
 */
export async function fileGift(ctx: Ctx, raw: GiftInput): Promise<GiftView> {
  const me = withPerson(ctx, "file a gift");
  const input = parseInput(giftInput, raw);
  const value = parseMoney(input.value);
  const usd = input.currency === "USD" ? value : parseMoney(input.usdValue ?? "0");
  return withTransaction(ctx, async (tx) => {
    const settings = await getGiftSettings(tx);
    const key = recipientKey(input.counterpartyName, input.organisation);
    const year = input.eventDate.slice(0, 4);
    const before =
      (await totalsFor(tx, [{ key, year, direction: input.direction }])).get(
        `${key}|${input.direction}|${year}`,
      ) ?? 0n;
    const reasons: string[] = [];
    const government = input.direction === "given" && input.official !== "none";
    if (government) {
      if (input.alreadyHappened)
        throw conflict(
          `${COC_12_1}: it cannot be recorded as given before Legal has approved it in writing. Request approval first.`,
        );
      if (input.eventDate < todayOf(tx))
        throw conflict(
          `${COC_12_1}: the request must be filed before the event, and ${input.eventDate} has passed.`,
        );
      reasons.push("government_official");
    }
    if (usd > BigInt(settings.perItemCents)) reasons.push("per_item");
    if (before + usd > BigInt(settings.perRecipientYearCents)) reasons.push("per_recipient_year");
    const status = reasons.length > 0 ? "pending_approval" : input.alreadyHappened ? "recorded" : "cleared";
    const id = newId();
    const now = isoNow(tx.clock);
    const number = await nextNumber(tx, "gifts", "GFT");
    await discDb(tx)
      .insertInto("gifts")
      .values({
        id,
        number,
        direction: input.direction,
        person_id: me.personId,
        user_id: me.userId,
        counterparty_name: input.counterpartyName,
        organisation: input.organisation,
        recipient_key: key,
        official: input.official,
        kind: input.kind,
        description: input.description,
        value_cents: value.toString(),
        currency: input.currency,
        usd_value_cents: usd.toString(),
        event_date: input.eventDate,
        business_purpose: input.businessPurpose,
        status,
        approval_reasons: JSON.stringify(reasons),
        approval_text: null,
        approver_user_id: null,
        approver_label: null,
        decided_at: null,
        recorded_at: status === "recorded" ? now : null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    if (status === "pending_approval") {
      const legal = (await usersWith(tx, "gift.approve")).filter((u) => u.userId !== me.userId);
      const why = government ? "a government official (COC-12.1)" : "above the gift thresholds (COC-6.5)";
      for (const u of legal)
        await openTask(tx, {
          userId: u.userId,
          kind: "disclosures.gift.approve",
          title: `Approve or refuse in writing: ${number}, ${input.kind} for ${input.counterpartyName} (${why})`,
          href: giftHref(id),
          dueAt: `${input.eventDate}T00:00:00.000Z`,
        });
      await mailTo(
        tx,
        legal,
        `Gift approval requested: ${number}`,
        `${me.label} asks for approval of a ${input.kind} (${formatMoney(value, input.currency)}) ${input.direction === "given" ? "for" : "from"} ${input.counterpartyName}, ${input.organisation}, on ${input.eventDate}: ${why}.`,
      );
    }
    await record(
      tx,
      "gift.file",
      { type: "gift", id },
      {
        number,
        direction: input.direction,
        official: input.official,
        usdCents: usd.toString(),
        status,
        reasons,
      },
    );
    return getGift(tx, id);
  });
}

/** Legal approves or refuses in writing; the text and the approver are kept (COC-12.1). */
export async function decideGift(
  ctx: Ctx,
  id: string,
  raw: { approve: boolean; text: string },
): Promise<GiftView> {
  authorize(ctx.actor, "gift.approve");
  const input = parseInput(giftDecisionInput, raw);
  return withTransaction(ctx, async (tx) => {
    const g = await loadGift(tx, id);
    authorize(ctx.actor, "gift.decide", giftSubject(ctx, g));
    if (g.status !== "pending_approval")
      throw conflict(`This entry is ${g.status.replace("_", " ")}, not waiting for approval.`);
    const now = isoNow(tx.clock);
    const status = input.approve ? "approved" : "rejected";
    await discDb(tx)
      .updateTable("gifts")
      .set({
        status,
        approval_text: input.text,
        approver_user_id: ctx.actor.kind === "user" ? ctx.actor.userId : null,
        approver_label: ctx.actor.label,
        decided_at: now,
        updated_at: now,
      })
      .where("id", "=", id)
      .where("status", "=", "pending_approval")
      .execute();
    await closeTasks(tx, giftHref(id), { kinds: ["disclosures.gift.approve"] });
    const requester = g.person_id ? await userOfPerson(tx, g.person_id) : null;
    if (requester) {
      await mailTo(
        tx,
        [requester],
        `Your gift request ${g.number} was ${status}`,
        `The Legal Department ${status} your request: "${input.text}"`,
      );
      if (input.approve)
        await openTask(tx, {
          userId: requester.userId,
          kind: "disclosures.gift.record",
          title: `Record ${g.number} as ${g.direction} once it has happened`,
          href: giftHref(id),
        });
    }
    await record(tx, "gift.decide", { type: "gift", id }, { status, text: input.text });
    return getGift(tx, id);
  });
}

/**
 * Records an approved or cleared entry as given (or received). Before Legal's written approval
 * it is refused (COC-12.1).
 */
export async function recordGift(ctx: Ctx, id: string, raw: { givenOn?: string } = {}): Promise<GiftView> {
  withPerson(ctx, "record a gift");
  parseInput(giftRecordInput, raw);
  return withTransaction(ctx, async (tx) => {
    const g = await loadGift(tx, id);
    authorize(tx.actor, "gift.record", giftSubject(tx, g));
    if (g.status === "pending_approval")
      throw conflict(
        isGovernment(g) && g.direction === "given"
          ? `${COC_12_1}: the Legal Department has not approved ${g.number} in writing yet, so it cannot be recorded as given.`
          : `${g.number} is above the gift thresholds and awaits the Legal Department's approval (COC-6.5, Code section 6): it cannot be recorded yet.`,
      );
    if (g.status === "rejected")
      throw conflict(
        `The Legal Department refused ${g.number} (COC-12.1): it must not be given, and cannot be recorded as given.`,
      );
    if (g.status === "recorded") throw conflict(`${g.number} is already recorded.`);
    const now = isoNow(tx.clock);
    await discDb(tx)
      .updateTable("gifts")
      .set({ status: "recorded", recorded_at: now, updated_at: now })
      .where("id", "=", id)
      .execute();
    await closeTasks(tx, giftHref(id), { kinds: ["disclosures.gift.record"] });
    await record(tx, "gift.record", { type: "gift", id }, { number: g.number });
    return getGift(tx, id);
  });
}

/** The gift register: one's own entries, Legal's approval queue, or the whole register. */
export async function listGifts(ctx: Ctx, raw: GiftFilter = {}): Promise<GiftList> {
  const f = parseInput(giftFilter, raw);
  const a = ctx.actor;
  if (a.kind !== "user" && a.kind !== "system") throw forbidden("Sign in to see the gift register.");
  let q = selectGifts(ctx);
  if (f.scope === "mine") q = q.where("g.user_id", "=", a.kind === "user" ? a.userId : "");
  else {
    authorize(a, "gift.register");
    if (f.scope === "approvals") q = q.where("g.status", "=", "pending_approval");
  }
  if (f.status) q = q.where("g.status", "=", f.status);
  if (f.official === "government") q = q.where("g.official", "!=", "none");
  if (f.year) q = q.where("g.event_date", "like", `${f.year}-%`);
  if (f.q) {
    const text = f.q;
    q = q.where((eb) =>
      eb.or([
        contains(eb.ref("g.counterparty_name"), text),
        contains(eb.ref("g.organisation"), text),
        contains(eb.ref("g.number"), text),
        contains(eb.ref("g.description"), text),
      ]),
    );
  }
  const rows = await q.orderBy("g.event_date", "desc").orderBy("g.number", "desc").limit(500).execute();
  return {
    items: await present(ctx, rows),
    settings: presentSettings(await getGiftSettings(ctx)),
    can: {
      register: can(a, "gift.register"),
      approve: can(a, "gift.approve"),
      configure: can(a, "gift.configure"),
    },
  };
}
