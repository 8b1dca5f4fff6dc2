// The audit actions the policies domain records, exactly: `record(ctx, action, …)` accepts only
// names declared by some domain, so a misspelt action does not compile (issue 13). Add the name
// here when a use case records a new action. Imported from index.ts so it is part of the program.
export {};

declare module "../../kernel/audit.ts" {
  interface AuditActions {
    "policy.approve": true;
    "policy.create": true;
    "policy.draft": true;
    "policy.edit": true;
    "policy.publish": true;
    "waiver.decide": true;
    "waiver.disclose": true;
    "waiver.request": true;
  }
}
