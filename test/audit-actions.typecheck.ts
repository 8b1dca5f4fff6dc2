// Type-level test (checked by `npx tsc --noEmit`, never run): audit action names are typed, so a
// misspelt action does not compile (issue 13). If `record` accepted any string again, the
// expect-error directives below would have no error to expect and tsc would fail on them.
import "../src/domains/people/index.ts";
import "../src/domains/speakup/index.ts";
import { type AuditAction, type AuditEntry, record, recordMany } from "../src/kernel/audit.ts";
import type { Ctx } from "../src/kernel/context.ts";

export async function auditActionsAreTyped(ctx: Ctx): Promise<void> {
  // Declared names compile: the kernel's own, and those the domains' audit-actions.ts add.
  await record(ctx, "audit.checkpoint", null);
  await record(ctx, "person.update", { type: "person", id: "1" });
  await recordMany(ctx, [{ action: "case.view", subject: { type: "speakup_case", id: "1" } }]);

  // @ts-expect-error a misspelt action ("persn" for "person") does not compile
  await record(ctx, "persn.update", { type: "person", id: "1" });
  // @ts-expect-error nor in a batch
  await recordMany(ctx, [{ action: "case.veiw", subject: null }]);
  // @ts-expect-error nor an arbitrary string computed at run time
  const entry: AuditEntry = { action: String(ctx.actor.label), subject: null };
  const action: AuditAction = "case.transition";
  await record(ctx, action, null, { entry });
}
