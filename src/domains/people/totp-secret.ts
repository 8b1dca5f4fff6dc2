import { type Ctx, keyRingOf } from "../../kernel/context.ts";
import { openWithRing, seal } from "../../kernel/crypto.ts";

/**
 * TOTP secrets are stored sealed by the KEK (re-sealed by `probity keys rotate`, see kernel/key-ring.ts) and bound to their user, so a copy of the
 * database alone cannot mint second-factor codes.
 */
export const sealTotpSecret = (ctx: Ctx, userId: string, secret: string) =>
  seal(keyRingOf(ctx).kek, secret, `totp:${userId}`);

export const openTotpSecret = (ctx: Ctx, userId: string, sealed: string) =>
  new TextDecoder().decode(openWithRing(keyRingOf(ctx), sealed, `totp:${userId}`));
