import type { Ctx } from "../../kernel/context.ts";
import { type HoldSubject, registerHoldCheck } from "../../kernel/holds.ts";
import { discDb } from "./db.ts";

/**
 * True while an active legal hold covers the person (as a custodian) or the speak-up case: every
 * retention or deletion job must call this and skip what it covers (COC-15.1).
 */
export async function isUnderHold(ctx: Ctx, subject: HoldSubject): Promise<boolean> {
  const db = discDb(ctx);
  const holdIds =
    "personId" in subject
      ? db.selectFrom("legal_hold_custodians").select("hold_id").where("person_id", "=", subject.personId)
      : db.selectFrom("legal_hold_cases").select("hold_id").where("case_id", "=", subject.caseId);
  const row = await db
    .selectFrom("legal_holds")
    .select("id")
    .where("id", "in", holdIds)
    .where("status", "=", "active")
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
