import type { Ctx } from "../../kernel/context.ts";
import { type HoldSubject, registerHoldCheck } from "../../kernel/holds.ts";
import { discDb } from "./db.ts";

/**
 * True while an active legal hold covers the person (as a custodian) or the speak-up case: every
 * retention or deletion job must call this and skip what it covers (COC-15.1).
 */
export async function isUnderHold(ctx: Ctx, subject: HoldSubject): Promise<boolean> {
  const db = discDb(ctx);
  if ("personId" in subject) {
    const row = await db
      .selectFrom("legal_hold_custodians as c")
      .innerJoin("legal_holds as h", "h.id", "c.hold_id")
      .select("h.id")
      .where("c.person_id", "=", subject.personId)
      .where("h.status", "=", "active")
      .executeTakeFirst();
    return Boolean(row);
  }
  const row = await db
    .selectFrom("legal_hold_cases as c")
    .innerJoin("legal_holds as h", "h.id", "c.hold_id")
    .select("h.id")
    .where("c.case_id", "=", subject.caseId)
    .where("h.status", "=", "active")
    .executeTakeFirst();
  return Boolean(row);
}

/**
 * Hands the kernel this check, which speak-up's retention asks through kernel/holds.ts (speak-up
 * cannot import disclosures: cycle). Called where the application is assembled (app.ts, and
 * test/db.ts for use-case tests), never as a side effect of importing a module, so it does not
 * depend on which domain happened to load first.
 */
export function registerLegalHoldCheck(): void {
  registerHoldCheck(isUnderHold);
}
