import { randomBytes } from "node:crypto";
import { v7 } from "uuid";

/** Time-ordered UUIDs (v7): unique across servers and index-friendly. */
export const newId = (): string => v7();

/** URL-safe random token with `bytes` bytes of entropy. */
export const randomToken = (bytes = 32): string => randomBytes(bytes).toString("base64url");
