import { readableEvents, type VerifyResult, verifyChain } from "../../kernel/audit.ts";
import { type ExportedCheckpoint, verifyCheckpoints } from "../../kernel/audit-checkpoint.ts";
import type { Ctx } from "../../kernel/context.ts";
import { authorizeAuditRead } from "./policy.ts";
import type { VerifyResultView } from "./views.ts";

/**
 * Recomputes the hash chain over every event; the result names the first event that does not
 * match. The count it reports is of the events the actor may read, so that it cannot be used to
 * notice events they may not (a speak-up case that names them, COC-22.2).
 */
export async function verifyLog(
  ctx: Ctx,
  signed?: { publicKey: string; exported?: readonly ExportedCheckpoint[] },
): Promise<VerifyResultView> {
  authorizeAuditRead(ctx.actor);
  const result = await withCheckpoints(ctx, await verifyChain(ctx), signed);
  const { n } = await ctx.db
    .selectFrom("audit_events")
    .where(readableEvents(ctx))
    .where("seq", "<=", result.verified)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  const readable = Number(n);
  if (readable === result.verified) return result;
  return {
    ...result,
    verified: readable,
    message: result.ok
      ? result.message.replace(`${result.verified} events verified`, `${readable} events verified`)
      : result.message,
  };
}

/**
 * A consistent rewrite passes the chain; it cannot pass the checkpoints signed with a key outside
 * the database (issue 14, finding 4). They are checked once the chain itself holds.
 */
async function withCheckpoints(
  ctx: Ctx,
  chain: VerifyResult,
  signed: { publicKey: string; exported?: readonly ExportedCheckpoint[] } | undefined,
): Promise<VerifyResult> {
  if (!chain.ok || !signed) return chain;
  const checkpoints = await verifyCheckpoints(ctx, signed.publicKey, signed.exported);
  if (!checkpoints.ok) {
    return { ...chain, ok: false, firstBadSeq: null, message: `Signed checkpoints: ${checkpoints.message}` };
  }
  return { ...chain, message: `${chain.message}; ${checkpoints.message}` };
}
