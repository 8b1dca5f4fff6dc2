import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { conflict } from "../../kernel/errors.ts";
import { newId } from "../../kernel/ids.ts";
import { ensureTask } from "../../kernel/tasks.ts";
import { recipients } from "../people/index.ts";
import { taskHref } from "./consents.ts";
import { committeesDb } from "./db.ts";
import { getConsent } from "./get-consent.ts";
import { currentMembers, loadCommittee, standingOf } from "./load.ts";
import { authorize } from "./policy.ts";
import type { ConsentView } from "./views.ts";

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
