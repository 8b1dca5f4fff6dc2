import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { conflict, forbidden } from "../../kernel/errors.ts";
import { newId } from "../../kernel/ids.ts";
import { closeTasks } from "../../kernel/tasks.ts";
import { userIdsOfPerson } from "../people/index.ts";
import { taskHref } from "./consents.ts";
import { committeesDb } from "./db.ts";
import { linkDutyEvidence } from "./duties.ts";
import { getConsent, loadConsent } from "./get-consent.ts";
import { actorPerson, currentMembers, today } from "./load.ts";
import type { ConsentView } from "./views.ts";

/**
 * A member signs; the consent becomes effective, as an adopted resolution, when the last member
 * signs (unanimity). A member who no longer serves cannot sign, and then it never becomes effective.
 */
export async function signConsent(ctx: Ctx, consentId: string): Promise<ConsentView> {
  return withTransaction(ctx, async (tx) => {
    const db = committeesDb(tx);
    const c = await loadConsent(tx, consentId);
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

async function closeSignTasks(ctx: Ctx, committeeId: string, consentId: string, personId: string) {
  // Every account of the person, a disabled one included: its task closes too.
  const userIds = await userIdsOfPerson(ctx, personId);
  await closeTasks(ctx, { kinds: ["consent.sign"], href: taskHref(committeeId, consentId), userIds });
}
