import { isoNow } from "../../kernel/clock.ts";
import type { Ctx } from "../../kernel/context.ts";
import { newId } from "../../kernel/ids.ts";
import { certDb } from "./db.ts";
import type { Question } from "./tables.ts";

export type FollowUp = { questionId: string; kind: Question["kind"]; details: string | null };

/**
 * A "yes" to a conflict or violation question. The disclosures and speak-up domains do not exist
 * yet, so for now each answer opens a task for every Compliance Office user; when they arrive,
 * this is the one place that will open a pre-filled conflict disclosure or confidential report.
 */
export async function openFollowUps(
  ctx: Ctx,
  signer: { personId: string; name: string; assignmentId: string },
  followUps: readonly FollowUp[],
): Promise<number> {
  if (followUps.length === 0) return 0;
  const officers = await certDb(ctx)
    .selectFrom("user_roles as r")
    .innerJoin("users as u", "u.id", "r.user_id")
    .select("u.id")
    .distinct()
    .where("r.role", "=", "compliance_officer")
    .where("u.disabled", "=", 0)
    .execute();
  const now = isoNow(ctx.clock);
  let opened = 0;
  for (const f of followUps) {
    const title =
      f.kind === "conflict"
        ? `Conflict of interest disclosed on a certificate by ${signer.name} (COC-6.1): follow up`
        : f.kind === "violation"
          ? `Possible violation of the Code reported on a certificate by ${signer.name}: follow up confidentially`
          : `Certificate answer to follow up: ${signer.name}`;
    for (const o of officers) {
      await ctx.db
        .insertInto("tasks")
        .values({
          id: newId(),
          assignee_user_id: o.id,
          kind: `certification.follow_up.${f.kind}`,
          title,
          href: `/certifications/certificates/${signer.assignmentId}`,
          due_at: null,
          status: "open",
          created_at: now,
          completed_at: null,
        })
        .execute();
      opened += 1;
    }
  }
  return opened;
}
