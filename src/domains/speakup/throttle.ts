import { createHmac, randomBytes } from "node:crypto";
import type { Clock } from "../../kernel/clock.ts";

/**
 * Limits wrong receipt/password tries without storing who tried: the client key (an address) is
 * hashed with a secret that lives only in this process's memory, and only the hash and a count
 * are kept, for one minute.
 */
export class ReceiptThrottle {
  private readonly secret = randomBytes(32);
  private readonly tries = new Map<string, { count: number; since: number }>();

  constructor(
    private readonly clock: Clock,
    readonly maxFailures = 10,
    readonly windowMs = 60_000,
  ) {}

  private key(clientKey: string) {
    return createHmac("sha256", this.secret).update(clientKey).digest("base64url");
  }

  private entry(clientKey: string) {
    const now = this.clock.now().getTime();
    const k = this.key(clientKey);
    let e = this.tries.get(k);
    if (!e || now - e.since >= this.windowMs) {
      e = { count: 0, since: now };
      this.tries.set(k, e);
    }
    if (this.tries.size > 50_000) this.prune(now);
    return e;
  }

  isBlocked(clientKey: string): boolean {
    return this.entry(clientKey).count >= this.maxFailures;
  }

  fail(clientKey: string): void {
    this.entry(clientKey).count += 1;
  }

  private prune(now: number) {
    for (const [k, e] of this.tries) if (now - e.since >= this.windowMs) this.tries.delete(k);
  }
}
