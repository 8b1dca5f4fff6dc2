import { readableEvents, type VerifyResult, verifyChain } from "../../kernel/audit.ts";
import type { Ctx } from "../../kernel/context.ts";
import { authorizeAuditRead } from "./policy.ts";

/**
 * Recomputes the hash chain over every event; the result names the first event that does not
 * match. The count it reports is of the events the actor may read, so that it cannot be used to
 * notice events they may not (a speak-up case that names them, COC-22.2).
 */
export async function verifyLog(ctx: Ctx): Promise<VerifyResult> {
  authorizeAuditRead(ctx.actor);
  const result = await verifyChain(ctx);
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
    message: result.ok ? `${readable} events verified` : result.message,
  };
}
