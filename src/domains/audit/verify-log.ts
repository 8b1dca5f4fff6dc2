import { type VerifyResult, verifyChain } from "../../kernel/audit.ts";
import type { Ctx } from "../../kernel/context.ts";
import { authorizeAuditRead } from "./policy.ts";

/** Recomputes the hash chain; the result names the first event that does not match. */
export async function verifyLog(ctx: Ctx): Promise<VerifyResult> {
  authorizeAuditRead(ctx.actor);
  return verifyChain(ctx);
}
