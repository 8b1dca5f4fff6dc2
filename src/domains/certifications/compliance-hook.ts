import { isoNow } from "../../kernel/clock.ts";
import type { Ctx } from "../../kernel/context.ts";
import { newId } from "../../kernel/ids.ts";
import { openConflictFromCertificate } from "../disclosures/index.ts";
import { certDb } from "./db.ts";
import type { Question } from "./tables.ts";

export type FollowUp = { questionId: string; kind: Question["kind"]; details: string | null };

/**
 * A "yes" to a conflict or violation question opens a task for every Compliance Office user. A
 * conflict also opens a draft conflict disclosure pre-filled with the answer, which the signer
 * completes and submits (COC-6.1); the officers' task links to it. (A violation still only opens
 * the officers' task: a speak-up report needs the reporter's own password and consent.)
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
    const disclosure =
      f.kind === "conflict"
        ? await openConflictFromCertificate(ctx, {
            personId: signer.personId,
            details: f.details,
            certificateId: signer.assignmentId,
            certificateTitle: "a Certificate of Compliance",
          })
        : null;
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
          href: disclosure
            ? `/disclosures/conflicts/${disclosure.id}`
            : `/certifications/certificates/${signer.assignmentId}`,
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
