import type { Ctx } from "../../kernel/context.ts";
import {
  addToCounter,
  counterKey,
  type Proof,
  requireProofPast,
  resetCounter,
} from "../../kernel/rate-counters.ts";

export type ReceiptBudgets = {
  /** Tries per receipt in a window that need no proof of work. */
  perReceipt: number;
  /** Tries on all receipts together in a window that need no proof of work. */
  global: number;
  windowMs: number;
};

export const RECEIPT_BUDGETS: ReceiptBudgets = { perReceipt: 10, global: 2000, windowMs: 3_600_000 };

/**
 * Limits mailbox tries without knowing who tried (COC-22.2): no address is used or stored, so a
 * reverse proxy or a shared network cannot make one person's tries count against every reporter.
 * Each try is counted, atomically and in the database (shared by every app server), against its
 * receipt and against the portal as a whole, before the password is checked. Past either budget a
 * try is still evaluated when it carries a solved proof-of-work puzzle: an attacker pays for every
 * further guess, while the real reporter, who knows the password, gets in after one puzzle. Only
 * someone who holds a receipt can spend that receipt's budget; the global budget caps guessing.
 */
export class ReceiptThrottle {
  constructor(readonly budgets: ReceiptBudgets = RECEIPT_BUDGETS) {}

  /** Counts the try; refuses (429 with a puzzle) past a budget unless `pow` solves one. */
  async admit(ctx: Ctx, receipt: string, pow: Proof | undefined): Promise<string> {
    const key = counterKey(ctx, "receipt", receipt);
    const tries = await addToCounter(ctx, key, 1, this.budgets.windowMs);
    const all = await addToCounter(ctx, "receipt:*", 1, this.budgets.windowMs);
    const excess = Math.max(tries - this.budgets.perReceipt, all > this.budgets.global ? 1 : 0);
    await requireProofPast(
      ctx,
      key,
      excess,
      pow,
      "Too many tries were made with this receipt. Your browser now solves a short puzzle before each try (this needs JavaScript); without it, try again in an hour.",
    );
    return key;
  }

  /** The right receipt and password: the receipt's wrong tries are forgotten. */
  async succeeded(ctx: Ctx, key: string): Promise<void> {
    await resetCounter(ctx, key);
  }
}
