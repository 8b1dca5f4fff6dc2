import { record } from "../../kernel/audit.ts";
import { isoNow, isoToday } from "../../kernel/clock.ts";
import { actorId, type Ctx, withTransaction } from "../../kernel/context.ts";
import { conflict, forbidden, invalid } from "../../kernel/errors.ts";
import { enqueue } from "../../kernel/jobs.ts";
import { policiesDb } from "./db.ts";
import { authorize, canApprove } from "./policy.ts";
import type { PublishInput } from "./schemas.ts";
import { loadVersionText } from "./version-text.ts";
import type { PolicyApproved } from "./views.ts";

/**
 * Approves a draft and freezes its text (its hash is kept). The Code is approved by the Legal
 * Department (COC-0.2); a Board-owned code only by the Board or a Board committee (SOC-8).
 */
export async function approveVersion(ctx: Ctx, versionId: string): Promise<PolicyApproved> {
  return withTransaction(ctx, async (tx) => {
    const { policy, version, hash } = await loadVersionText(tx, versionId);
    if (!canApprove(tx.actor, policy.approval_authority)) {
      throw forbidden(
        policy.approval_authority === "board"
          ? `Only the Board or a Board committee may approve a version of the ${policy.short_title} (SOC-8).`
          : "Only the Legal Department (General Counsel) or the Board may approve a version (COC-0.2).",
      );
    }
    if (version.status !== "draft")
      throw conflict(`Version ${version.number} is ${version.status}, not a draft.`);
    const now = isoNow(tx.clock);
    await policiesDb(tx)
      .updateTable("policy_versions")
      .set({
        status: "approved",
        content_hash: hash,
        approved_by_user_id: actorId(tx.actor),
        approved_by: tx.actor.label,
        approved_at: now,
        updated_at: now,
      })
      .where("id", "=", versionId)
      .execute();
    await record(
      tx,
      "policy.approve",
      { type: "policy", id: policy.id },
      { versionId, number: version.number, sha256: hash, authority: policy.approval_authority },
    );
    return { contentHash: hash };
  });
}

/**
 * Publishes an approved version; the version it replaces becomes superseded. With `recertify`,
 * the certifications domain launches a re-certification (through a job, so domains stay apart).
 */
export async function publishVersion(ctx: Ctx, versionId: string, input: PublishInput): Promise<void> {
  authorize(ctx.actor, "policy.publish");
  await withTransaction(ctx, async (tx) => {
    const db = policiesDb(tx);
    const { policy, version, hash } = await loadVersionText(tx, versionId);
    if (version.status !== "approved") {
      throw conflict(
        `Version ${version.number} is ${version.status}: only an approved version can be published.`,
      );
    }
    if (version.content_hash !== hash) {
      throw conflict(
        `Version ${version.number} changed after approval (its hash no longer matches); approve it again.`,
      );
    }
    const today = isoToday(tx.clock);
    if (input.recertify && input.dueDate && input.dueDate <= today) {
      throw invalid("dueDate must be after today.", [{ path: "dueDate", message: "must be after today" }]);
    }
    const now = isoNow(tx.clock);
    const previous = await db
      .selectFrom("policy_versions")
      .select(["id", "number"])
      .where("policy_id", "=", policy.id)
      .where("status", "=", "published")
      .execute();
    if (previous.length) {
      await db
        .updateTable("policy_versions")
        .set({ status: "superseded", superseded_at: now, updated_at: now })
        .where(
          "id",
          "in",
          previous.map((p) => p.id),
        )
        .execute();
    }
    await db
      .updateTable("policy_versions")
      .set({ status: "published", published_at: now, updated_at: now })
      .where("id", "=", versionId)
      .execute();
    await db.updateTable("policies").set({ updated_at: now }).where("id", "=", policy.id).execute();
    if (input.recertify) {
      await enqueue(tx, "certification.recertify", {
        policyVersionId: versionId,
        dueDate: input.dueDate ?? null,
        requestedBy: tx.actor.label,
      });
    }
    await record(
      tx,
      "policy.publish",
      { type: "policy", id: policy.id },
      {
        versionId,
        number: version.number,
        supersedes: previous.map((p) => Number(p.number)),
        recertify: input.recertify,
      },
    );
  });
}
