// What the conflict-of-interest workflow's use cases share: the event log, the state move guarded
// against a concurrent change, the reviewers' and the Audit Committee's tasks (COC-6.1 … COC-6.4).
import { isoNow } from "../../kernel/clock.ts";
import { actorId, type Ctx } from "../../kernel/context.ts";
import { conflict } from "../../kernel/errors.ts";
import { newId } from "../../kernel/ids.ts";
import { loadVisible } from "./conflict-view.ts";
import { discDb } from "./db.ts";
import { mailTo, openTask, supervisorOf, usersWith } from "./support.ts";
import type { ConflictStatus } from "./tables.ts";

export const conflictHref = (id: string) => `/disclosures/conflicts/${id}`;

export async function addEvent(
  ctx: Ctx,
  disclosureId: string,
  e: {
    kind: "comment" | "transition";
    role: string;
    from?: string | null;
    to?: string | null;
    body?: string | null;
  },
): Promise<void> {
  await discDb(ctx)
    .insertInto("conflict_events")
    .values({
      id: newId(),
      disclosure_id: disclosureId,
      kind: e.kind,
      role: e.role,
      actor_user_id: actorId(ctx.actor),
      actor_label: ctx.actor.label,
      from_status: e.from ?? null,
      to_status: e.to ?? null,
      body: e.body ?? null,
      created_at: isoNow(ctx.clock),
    })
    .execute();
}

/** A submitted disclosure is discussed by the supervisor and Legal: each gets a task. */
export async function notifyReviewers(ctx: Ctx, id: string): Promise<void> {
  const row = await loadVisible({ ...ctx, actor: { kind: "system", label: "system" } }, id);
  const href = conflictHref(id);
  const what = `${row.number} by ${row.discloser_name}${row.reapproval_reason ? " (re-approval)" : ""}`;
  const supervisor = await supervisorOf(ctx, row.discloser_person_id);
  if (supervisor?.user) {
    await openTask(ctx, {
      userId: supervisor.user.userId,
      kind: "disclosures.conflict.supervisor",
      title: `Comment on the conflict of interest disclosure ${what}`,
      href,
    });
  }
  const legal = (await usersWith(ctx, "disclosure.review")).filter((u) => u.userId !== row.discloser_user_id);
  for (const u of legal) {
    await openTask(ctx, {
      userId: u.userId,
      kind: "disclosures.conflict.discuss",
      title: `Discuss the conflict of interest disclosure ${what} and forward it`,
      href,
    });
  }
  await mailTo(
    ctx,
    legal,
    `Conflict of interest disclosed: ${row.number}`,
    `${row.discloser_name} disclosed a conflict of interest (${row.title}). Discuss it with them and their supervisor, then forward it for review (COC-6.1, COC-6.2).`,
  );
}

/** Moves the disclosure from one state to another; refuses when someone moved it meanwhile. */
export async function move(
  ctx: Ctx,
  id: string,
  from: ConflictStatus,
  to: ConflictStatus,
  set: Record<string, unknown>,
) {
  const res = await discDb(ctx)
    .updateTable("conflict_disclosures")
    .set({ ...set, status: to, updated_at: isoNow(ctx.clock) })
    .where("id", "=", id)
    .where("status", "=", from)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1)
    throw conflict("The disclosure changed meanwhile; reload and try again.");
}

/** Reports the disclosure to the Audit Committee: each member gets a task and a mail (COC-6.2). */
export async function reportToAuditCommittee(
  ctx: Ctx,
  id: string,
  from: ConflictStatus,
  note: string | null,
) {
  const now = isoNow(ctx.clock);
  await move(ctx, id, from, "audit_committee", {
    reported_to_ac_at: now,
    ...(note !== null && { ceo_note: note }),
  });
  const row = await loadVisible({ ...ctx, actor: { kind: "system", label: "system" } }, id);
  const members = await usersWith(ctx, "disclosure.audit_committee");
  for (const u of members) {
    await openTask(ctx, {
      userId: u.userId,
      kind: "disclosures.conflict.decide",
      title: `Decide on the conflict of interest ${row.number} (${row.discloser_name}) reported to the Audit Committee`,
      href: conflictHref(id),
    });
  }
  await mailTo(
    ctx,
    members,
    `Conflict of interest reported to the Audit Committee: ${row.number}`,
    `${row.is_ceo_disclosure ? "The CEO's own disclosure" : "The CEO reported a conflict of interest"}: ${row.title} (${row.discloser_name}). It awaits the Committee's decision (COC-6.2).`,
  );
}
