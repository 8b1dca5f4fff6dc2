import { createHash, createHmac, randomBytes } from "node:crypto";
import { sql } from "kysely";
import { type Ctx, keyRingOf } from "./context.ts";
import { AppError } from "./errors.ts";

export type RateCountersTable = { key: string; window_start: string; count: number };
type Tables = { rate_counters: RateCountersTable };

/**
 * The start of the window `now` falls in. Counters store this, never the time of a try, so a
 * counter row cannot be matched to a request, a log line or another row by its time.
 */
export function windowStart(now: Date, windowMs: number): string {
  return new Date(Math.floor(now.getTime() / windowMs) * windowMs).toISOString();
}

/**
 * The name of a budget: a keyed hash of what it counts (an e-mail, a receipt), so a database copy
 * does not say whose tries were counted.
 */
export function counterKey(ctx: Ctx, purpose: string, value: string): string {
  const mac = createHmac("sha256", keyRingOf(ctx).macKey)
    .update(`rate:${purpose}:${value}`)
    .digest("base64url");
  return `${purpose}:${mac.slice(0, 27)}`;
}

/**
 * Adds `amount` to the budget `key` in the current window and returns the new total, in one
 * statement (increment, then check): parallel requests each see a different total, so a limit
 * cannot be raced. Runs on its own (outside the caller's transaction), so a refused try still counts.
 */
export async function addToCounter(ctx: Ctx, key: string, amount: number, windowMs: number): Promise<number> {
  const start = windowStart(ctx.clock.now(), windowMs);
  const row = await ctx.db
    .withTables<Tables>()
    .insertInto("rate_counters")
    .values({ key, window_start: start, count: amount })
    .onConflict((oc) =>
      oc.column("key").doUpdateSet({
        count: sql<number>`case when rate_counters.window_start = excluded.window_start then rate_counters.count + excluded.count else excluded.count end`,
        window_start: sql<string>`excluded.window_start`,
      }),
    )
    .returning("count")
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Forgets a budget (a successful sign-in clears its wrong tries). */
export async function resetCounter(ctx: Ctx, key: string): Promise<void> {
  await ctx.db.withTables<Tables>().deleteFrom("rate_counters").where("key", "=", key).execute();
}

/** Drops counters of windows that ended more than a day ago (run by the hourly purge job). */
export async function pruneRateCounters(ctx: Ctx): Promise<void> {
  const before = new Date(ctx.clock.now().getTime() - 86_400_000).toISOString();
  await ctx.db.withTables<Tables>().deleteFrom("rate_counters").where("window_start", "<", before).execute();
}

// ---------------------------------------------------------------------------------------------
// Proof of work: past a budget, a try is still evaluated when the client has spent CPU on it.
// An attacker pays for every guess; the real user pays once, a second or two, and is never
// locked out by someone else's failures (issue 12, finding 8).

const CHALLENGE_MS = 10 * 60_000;
export const POW_MAX_BITS = 18;

export type Proof = { challenge: string; solution: string };

const leadingZeroBits = (digest: Buffer) => {
  let bits = 0;
  for (const byte of digest) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    bits += Math.clz32(byte) - 24;
    break;
  }
  return bits;
};

const powDigest = (challenge: string, solution: string) =>
  createHash("sha256").update(`${challenge}:${solution}`).digest();

/** A signed, expiring puzzle bound to `subject` (the budget it unlocks). */
export function issueChallenge(ctx: Ctx, subject: string, bits: number): string {
  const b = Math.max(1, Math.min(POW_MAX_BITS, Math.floor(bits)));
  const expires = ctx.clock.now().getTime() + CHALLENGE_MS;
  const body = `v1.${b}.${expires}.${randomBytes(12).toString("base64url")}`;
  return `${body}.${mac(ctx, subject, body)}`;
}

function mac(ctx: Ctx, subject: string, body: string) {
  return createHmac("sha256", keyRingOf(ctx).macKey)
    .update(`pow:${subject}:${body}`)
    .digest("base64url")
    .slice(0, 32);
}

/** Finds a solution (the browser does the same with Web Crypto; tests and scripts use this). */
export function solveChallenge(challenge: string): string {
  const bits = Number(challenge.split(".")[1]);
  for (let n = 0; ; n++) {
    if (leadingZeroBits(powDigest(challenge, String(n))) >= bits) return String(n);
  }
}

/**
 * True when `proof` solves a challenge issued for `subject` with at least `minBits`, not expired
 * and not used before (each solution unlocks one try, so it cannot be replayed in parallel).
 */
export async function acceptProof(
  ctx: Ctx,
  subject: string,
  proof: Proof | undefined,
  minBits: number,
): Promise<boolean> {
  if (!proof || proof.challenge.length > 200 || proof.solution.length > 32) return false;
  const parts = proof.challenge.split(".");
  if (parts.length !== 5 || parts[0] !== "v1") return false;
  const [, bitsText, expiresText, nonce, signature] = parts as [string, string, string, string, string];
  const bits = Number(bitsText);
  const expires = Number(expiresText);
  if (!Number.isInteger(bits) || bits < Math.min(minBits, POW_MAX_BITS)) return false;
  if (!Number.isFinite(expires) || expires < ctx.clock.now().getTime()) return false;
  if (signature !== mac(ctx, subject, `v1.${bitsText}.${expiresText}.${nonce}`)) return false;
  if (leadingZeroBits(powDigest(proof.challenge, proof.solution)) < bits) return false;
  const fresh = await ctx.db
    .withTables<Tables>()
    .insertInto("rate_counters")
    .values({ key: `pow:${nonce}`, window_start: new Date(expires).toISOString(), count: 1 })
    .onConflict((oc) => oc.column("key").doNothing())
    .returning("key")
    .executeTakeFirst();
  return fresh !== undefined;
}

/** The refusal that carries a fresh puzzle (429); the client solves it and sends `pow` back. */
export function proofRequired(ctx: Ctx, subject: string, bits: number, message: string): AppError {
  return new AppError("RATE_LIMITED", message, {
    extra: { challenge: issueChallenge(ctx, subject, bits) },
  });
}

/**
 * Past a budget (`excess` tries over it, counted before anything is checked) a try goes on only
 * with a solved puzzle: refuses (429 with a fresh puzzle and `message`) unless `proof` solves one.
 * The puzzle grows with the excess, capped, so the real user's wait is bounded.
 */
export async function requireProofPast(
  ctx: Ctx,
  subject: string,
  excess: number,
  proof: Proof | undefined,
  message: string,
): Promise<void> {
  if (excess <= 0) return;
  const bits = 12 + Math.min(6, Math.floor(Math.log2(excess)));
  if (!(await acceptProof(ctx, subject, proof, bits))) throw proofRequired(ctx, subject, bits, message);
}
