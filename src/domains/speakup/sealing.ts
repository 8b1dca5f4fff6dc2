import { createHmac } from "node:crypto";
import { type Ctx, keyRingOf } from "../../kernel/context.ts";
import { newDataKey, openText, seal, unwrapDataKey } from "../../kernel/crypto.ts";

/**
 * Envelope encryption of a case: one data key per case, wrapped by the key file's KEK; every
 * sealed value is bound to its case and field, so ciphertexts cannot be swapped between rows.
 */
export type CaseKey = { caseId: string; key: Uint8Array };

export function newCaseKey(ctx: Ctx, caseId: string): { caseKey: CaseKey; wrapped: string } {
  const { key, wrapped } = newDataKey(keyRingOf(ctx), `speakup:${caseId}`);
  return { caseKey: { caseId, key }, wrapped };
}

export const openCaseKey = (ctx: Ctx, caseId: string, wrapped: string): CaseKey => ({
  caseId,
  key: unwrapDataKey(keyRingOf(ctx), wrapped, `speakup:${caseId}`),
});

export const sealJson = (k: CaseKey, field: string, value: unknown) =>
  seal(k.key, JSON.stringify(value), `${k.caseId}:${field}`);

export const openJson = <T>(k: CaseKey, field: string, sealed: string): T =>
  JSON.parse(openText(k.key, sealed, `${k.caseId}:${field}`)) as T;

export const sealBytes = (k: CaseKey, field: string, bytes: Uint8Array) =>
  seal(k.key, bytes, `${k.caseId}:${field}`);

/** A keyed hash of a person (or user) id: lets queries exclude people named in a case without storing who. */
export function personRef(ctx: Ctx, id: string, kind: "person" | "user" = "person"): string {
  return createHmac("sha256", keyRingOf(ctx).macKey).update(`speakup-ref:${kind}:${id}`).digest("base64url");
}

/** Every ref that identifies the acting user. */
export function actorRefs(ctx: Ctx): string[] {
  if (ctx.actor.kind !== "user") return [];
  const refs = [personRef(ctx, ctx.actor.userId, "user")];
  if (ctx.actor.personId) refs.push(personRef(ctx, ctx.actor.personId));
  return refs;
}

/** A key derived from the KEK for a purpose (receipt salt, idempotency). */
export const derivedKey = (ctx: Ctx, purpose: string) =>
  createHmac("sha256", keyRingOf(ctx).macKey).update(`speakup:${purpose}`).digest();
