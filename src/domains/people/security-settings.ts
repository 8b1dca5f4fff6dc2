import { record } from "../../kernel/audit.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { getSetting, parseSetting, putSetting } from "../../kernel/settings.ts";
import { authorize } from "./policy.ts";
import { type SecuritySettings, securitySettings } from "./schemas.ts";

export const DEFAULT_SECURITY: SecuritySettings = {
  totpRequiredForPrivileged: true,
  idleTimeoutMinutes: 30,
  absoluteTimeoutHours: 12,
};

export const SECURITY_SETTING = "security";

export const getSecuritySettings = (ctx: Ctx) =>
  getSetting(ctx, SECURITY_SETTING, securitySettings, DEFAULT_SECURITY);

/** The stored value as getSetting reads it (for a query that fetches it beside other rows). */
export const parseSecuritySettings = (stored: string | null): SecuritySettings =>
  parseSetting(stored, securitySettings, DEFAULT_SECURITY);

export async function updateSecuritySettings(ctx: Ctx, input: SecuritySettings): Promise<SecuritySettings> {
  authorize(ctx.actor, "user.manage");
  return withTransaction(ctx, async (tx) => {
    const before = await getSecuritySettings(tx);
    await putSetting(tx, SECURITY_SETTING, input);
    await record(
      tx,
      "settings.security.update",
      { type: "settings", id: "security" },
      { before, after: input },
    );
    return input;
  });
}
