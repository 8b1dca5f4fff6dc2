import type { Ctx } from "./context.ts";

/** What a legal hold can cover: a person (as a custodian) or a speak-up case. */
export type HoldSubject = { personId: string } | { caseId: string };
type HoldCheck = (ctx: Ctx, subject: HoldSubject) => Promise<boolean>;

let check: HoldCheck | null = null;

/**
 * The domain that owns legal holds (disclosures) hands its check over where the application is
 * assembled (`registerLegalHoldCheck()` in app.ts and test/db.ts), not when a module loads.
 */
export function registerHoldCheck(fn: HoldCheck): void {
  check = fn;
}

/**
 * True while an active legal hold covers the subject: every retention or deletion job asks here
 * and skips what it covers (COC-15.1). Lets speak-up ask without importing disclosures, which
 * imports speak-up (no import cycle). Without a registered check it refuses rather than purge.
 */
export async function isUnderHold(ctx: Ctx, subject: HoldSubject): Promise<boolean> {
  if (!check)
    throw new Error(
      "No legal-hold check is registered: call registerLegalHoldCheck() where the application is built (COC-15.1).",
    );
  return check(ctx, subject);
}
