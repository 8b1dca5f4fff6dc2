import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { conflict, forbidden, notFound } from "../../kernel/errors.ts";
import { newId } from "../../kernel/ids.ts";
import { closeTasks, ensureTask } from "../../kernel/tasks.ts";
import { personNames, recipients, userIdsOfPerson } from "../people/index.ts";
import { committeesDb } from "./db.ts";
import { linkDutyEvidence } from "./duties.ts";
import { actorPerson, currentMembers, loadCommittee, standingOf, today } from "./load.ts";
import { authorize, can } from "./policy.ts";
import type { ConsentList, ConsentView } from "./views.ts";

/** A unanimous written consent in lieu of a meeting: circulated to every serving member. */
export async function circulateConsent(
  ctx: Ctx,
  committeeId: string,
  input: { title: string; text: string; dutyKey?: string | null | undefined },
): Promise<ConsentView> {
  return withTransaction(ctx, async (tx) => {
    await loadCommittee(tx, committeeId);
    authorize(tx.actor, "consent.create", await standingOf(tx, committeeId));
    const members = await currentMembers(tx, committeeId);
    if (!members.length) throw conflict("The committee has no serving members to sign a written consent.");
    const id = newId();
    await committeesDb(tx)
      .insertInto("written_consents")
      .values({
        id,
        committee_id: committeeId,
        title: input.title,
        text: input.text,
        signers: JSON.stringify(members.map((m) => m.personId)),
        status: "circulating",
        duty_key: input.dutyKey ?? null,
        effective_at: null,
        created_by: tx.actor.label,
        created_at: isoNow(tx.clock),
      })
      .execute();
    await record(tx, "consent.circulate", { type: "consent", id }, { committeeId, signers: members.length });
    await openSignTasks(
      tx,
      committeeId,
      id,
      input.title,
      members.map((m) => m.personId),
    );
    return getConsent(tx, id);
  });
}

/**
 * A member signs; the consent becomes effective, as an adopted resolution, when the last member
 * signs (unanimity). A member who no longer serves cannot sign, and then it never becomes effective.
 */
export async function signConsent(ctx: Ctx, consentId: string): Promise<ConsentView> {
  return withTransaction(ctx, async (tx) => {
    const db = committeesDb(tx);
    const c = await db
      .selectFrom("written_consents")
      .selectAll()
      .where("id", "=", consentId)
      .executeTakeFirst();
    if (!c) throw notFound("The written consent");
    const personId = actorPerson(tx);
    const signers = JSON.parse(c.signers) as string[];
    if (!personId || !signers.includes(personId))
      throw forbidden("Only the members to whom the consent was circulated sign it.");
    if (c.status !== "circulating") throw conflict(`The consent is ${c.status}.`);
    const serving = await currentMembers(tx, c.committee_id);
    if (!serving.some((m) => m.personId === personId))
      throw forbidden("You no longer serve on the committee.");
    const signed = await db
      .selectFrom("written_consent_signatures")
      .select("person_id")
      .where("consent_id", "=", consentId)
      .execute();
    if (signed.some((s) => s.person_id === personId)) throw conflict("You have already signed this consent.");
    const now = isoNow(tx.clock);
    await db
      .insertInto("written_consent_signatures")
      .values({
        consent_id: consentId,
        person_id: personId,
        signed_at: now,
        signed_by_user_id: tx.actor.kind === "user" ? tx.actor.userId : null,
      })
      .execute();
    await record(tx, "consent.sign", { type: "consent", id: consentId }, { personId });
    await closeSignTasks(tx, c.committee_id, consentId, personId);
    if (signed.length + 1 === signers.length) {
      const resolutionId = newId();
      await db
        .insertInto("committee_resolutions")
        .values({
          id: resolutionId,
          committee_id: c.committee_id,
          meeting_id: null,
          agenda_item_id: null,
          consent_id: consentId,
          title: c.title,
          text: c.text,
          outcome: "adopted",
          votes_for: signers.length,
          votes_against: 0,
          abstentions: 0,
          members_present: signers.length,
          subject_type: null,
          subject_id: null,
          adopted_at: now,
          recorded_by: tx.actor.label,
        })
        .execute();
      await db
        .insertInto("resolution_votes")
        .values(
          signers.map((person_id) => ({ resolution_id: resolutionId, person_id, vote: "for" as const })),
        )
        .execute();
      await db
        .updateTable("written_consents")
        .set({ status: "effective", effective_at: now })
        .where("id", "=", consentId)
        .execute();
      await record(tx, "consent.effective", { type: "consent", id: consentId }, { resolutionId });
      if (c.duty_key)
        await linkDutyEvidence(tx, c.committee_id, Number(today(tx).slice(0, 4)), c.duty_key, {
          kind: "resolution",
          refId: resolutionId,
          label: `Unanimous written consent: ${c.title}`,
          url: null,
        });
    }
    return getConsent(tx, consentId);
  });
}

const taskHref = (committeeId: string, consentId: string) =>
  `/committees/${committeeId}#consent-${consentId}`;

/** A "My tasks" entry for each signer who has a user account; it links to the consent to sign. */
async function openSignTasks(
  ctx: Ctx,
  committeeId: string,
  consentId: string,
  title: string,
  personIds: string[],
) {
  for (const u of await recipients(ctx, { personIds })) {
    await ensureTask(
      ctx,
      {
        userId: u.userId,
        kind: "consent.sign",
        title: `Sign the written consent: ${title}`.slice(0, 500),
        href: taskHref(committeeId, consentId),
      },
      { dedupe: "none" },
    );
  }
}

async function closeSignTasks(ctx: Ctx, committeeId: string, consentId: string, personId: string) {
  // Every account of the person, a disabled one included: its task closes too.
  const userIds = await userIdsOfPerson(ctx, personId);
  await closeTasks(ctx, { kinds: ["consent.sign"], href: taskHref(committeeId, consentId), userIds });
}

export async function getConsent(ctx: Ctx, consentId: string): Promise<ConsentView> {
  const db = committeesDb(ctx);
  const c = await db
    .selectFrom("written_consents")
    .selectAll()
    .where("id", "=", consentId)
    .executeTakeFirst();
  if (!c) throw notFound("The written consent");
  if (!can(ctx.actor, "committee.read", await standingOf(ctx, c.committee_id)))
    throw notFound("The written consent");
  const signatures = await db
    .selectFrom("written_consent_signatures")
    .selectAll()
    .where("consent_id", "=", consentId)
    .execute();
  const names = await personNames(ctx, JSON.parse(c.signers) as string[]);
  const resolution = await db
    .selectFrom("committee_resolutions")
    .select("id")
    .where("consent_id", "=", consentId)
    .executeTakeFirst();
  const me = actorPerson(ctx);
  return {
    id: c.id,
    committeeId: c.committee_id,
    title: c.title,
    text: c.text,
    status: c.status,
    dutyKey: c.duty_key,
    effectiveAt: c.effective_at,
    resolutionId: resolution?.id ?? null,
    signers: (JSON.parse(c.signers) as string[]).map((id) => {
      return {
        personId: id,
        name: names.get(id) ?? id,
        signedAt: signatures.find((s) => s.person_id === id)?.signed_at ?? null,
      };
    }),
    canSign:
      c.status === "circulating" &&
      !!me &&
      (JSON.parse(c.signers) as string[]).includes(me) &&
      !signatures.some((s) => s.person_id === me),
  };
}

export async function listConsents(ctx: Ctx, committeeId: string): Promise<ConsentList> {
  await loadCommittee(ctx, committeeId);
  if (!can(ctx.actor, "committee.read", await standingOf(ctx, committeeId))) throw notFound("The committee");
  const rows = await committeesDb(ctx)
    .selectFrom("written_consents")
    .select("id")
    .where("committee_id", "=", committeeId)
    .orderBy("created_at", "desc")
    .execute();
  const items = [];
  for (const r of rows) items.push(await getConsent(ctx, r.id));
  return { items };
}
