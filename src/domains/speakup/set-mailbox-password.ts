import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { AppError, invalid } from "../../kernel/errors.ts";
import type { Proof } from "../../kernel/rate-counters.ts";
import { speakupDb } from "./db.ts";
import { caseOfReceiptTry, openMailboxSession, refuseWrongTry } from "./mailbox.ts";
import { hashReporterPassword, verifySetupCode } from "./receipts.ts";
import { reporterPassword } from "./schemas.ts";
import type { ReceiptThrottle } from "./throttle.ts";

const WRONG = "The receipt or the one-time code is wrong, or the code has expired or was already used.";

/**
 * A caller who reported by phone opens the mailbox for the first time with the receipt and the
 * one-time code the operator read to them, and sets their own password, which the operator never
 * learns (COC-21.1, COC-22.2). The code then stops working. Wrong codes count against the same
 * limit as wrong passwords.
 */
export async function setMailboxPassword(
  ctx: Ctx,
  input: {
    receipt: string;
    code: string;
    password: string;
    throttle: ReceiptThrottle;
    pow?: Proof | undefined;
  },
): Promise<{ token: string; expiresAt: string }> {
  const password = reporterPassword.safeParse(input.password);
  if (!password.success)
    throw invalid(`The new password ${password.error.issues[0]?.message ?? "is not valid"}.`, [
      { path: "password", message: password.error.issues[0]?.message ?? "is not valid" },
    ]);
  // Counted against the receipt's budget before the code is checked, as a wrong password is.
  const { row, budget } = await caseOfReceiptTry(ctx, input);
  const usable =
    row && row.password_hash === null && row.setup_code_hash && row.setup_code_expires_at
      ? row.setup_code_expires_at > isoNow(ctx.clock)
      : false;
  const ok = usable && row?.setup_code_hash ? await verifySetupCode(row.setup_code_hash, input.code) : false;
  if (!row || !ok) return refuseWrongTry(WRONG);
  await input.throttle.succeeded(ctx, budget);
  const passwordHash = await hashReporterPassword(password.data);
  return withTransaction(ctx, async (tx) => {
    // Only the first of two racing visits sets the password; the code is spent either way.
    const res = await speakupDb(tx)
      .updateTable("speakup_cases")
      .set({ password_hash: passwordHash, setup_code_hash: null, setup_code_expires_at: null })
      .where("id", "=", row.id)
      .where("password_hash", "is", null)
      .where("setup_code_hash", "=", row.setup_code_hash)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw new AppError("UNAUTHENTICATED", WRONG);
    await record(tx, "speakup.mailbox.setup", { type: "speakup_case", id: row.id });
    return openMailboxSession(tx, row.id);
  });
}
