// The browser's half of the server's proof of work (src/kernel/rate-counters.ts): find a number
// whose SHA-256 with the challenge starts with as many zero bits as the challenge asks for.
import { isApiError } from "./api.ts";

const zeroBits = (digest: Uint8Array) => {
  let bits = 0;
  for (const byte of digest) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
};

export async function solveChallenge(challenge: string): Promise<string> {
  const bits = Number(challenge.split(".")[1]);
  const encoder = new TextEncoder();
  for (let n = 0; ; n++) {
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", encoder.encode(`${challenge}:${n}`)));
    if (zeroBits(digest) >= bits) return String(n);
  }
}

/** Runs `send`; when the server asks for a puzzle (429 with a challenge), solves it and sends once more. */
export async function withProofOfWork<T>(
  send: (pow?: { challenge: string; solution: string }) => Promise<T>,
): Promise<T> {
  try {
    return await send();
  } catch (error) {
    const challenge = isApiError(error) ? (error.problem as { challenge?: unknown }).challenge : undefined;
    if (typeof challenge !== "string") throw error;
    return send({ challenge, solution: await solveChallenge(challenge) });
  }
}
