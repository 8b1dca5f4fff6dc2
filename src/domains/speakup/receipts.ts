import { createHash, randomInt } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import type { Ctx } from "../../kernel/context.ts";
import { openText, seal } from "../../kernel/crypto.ts";
import { derivedKey } from "./sealing.ts";

/** 16 random digits: about 53 bits, behind argon2id and a rate limit. */
export function newReceipt(): string {
  let digits = "";
  for (let i = 0; i < 16; i++) digits += String(randomInt(10));
  return digits;
}

/**
 * A phone report's one-time code (8 digits, read to the caller by the operator): with the receipt,
 * it lets the caller set their own password on the first mailbox visit, so the operator never
 * knows it. It is useless without the receipt, limited like a password, used once, and expires.
 */
export function newSetupCode(): string {
  let digits = "";
  for (let i = 0; i < 8; i++) digits += String(randomInt(10));
  return digits;
}
/** 30 days: long enough for a caller to get to a browser, short enough not to leave a spare key lying about. */
export const SETUP_CODE_DAYS = 30;
export const hashSetupCode = (code: string) => hash(normaliseReceipt(code));
export const verifySetupCode = (stored: string, code: string) =>
  verify(stored, normaliseReceipt(code)).catch(() => false);

/** Grouped for reading aloud over the phone: "1234 5678 9012 3456". */
export const formatReceipt = (receipt: string) => receipt.replace(/(\d{4})(?=\d)/g, "$1 ");
export const normaliseReceipt = (text: string) => text.replace(/[\s-]/g, "");

/**
 * The receipt is stored only as an argon2id hash. Its salt is derived from the key file, the same
 * for every receipt, so a receipt can be found by its hash; a database copy alone cannot be
 * brute-forced without the key file.
 */
export const hashReceipt = (ctx: Ctx, receipt: string) =>
  hash(normaliseReceipt(receipt), { salt: derivedKey(ctx, "receipt-salt").subarray(0, 16) });

export const hashReporterPassword = (password: string) => hash(password);
export const verifyReporterPassword = (stored: string, password: string) =>
  verify(stored, password).catch(() => false);

/**
 * A retried submission (same idempotency key) must show the same receipt again. The receipt is
 * kept sealed under a key derived from the idempotency key, which only the reporter's browser has.
 */
export const idempotencyHash = (key: string) =>
  createHash("sha256").update(`speakup-idem:${key}`).digest("hex");
const retryKey = (key: string) => createHash("sha256").update(`speakup-retry:${key}`).digest();
export const sealReceiptForRetry = (idempotencyKey: string, receipt: string) =>
  seal(retryKey(idempotencyKey), receipt, "receipt");
export const openReceiptForRetry = (idempotencyKey: string, sealed: string) =>
  openText(retryKey(idempotencyKey), sealed, "receipt");
