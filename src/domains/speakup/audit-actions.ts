// The audit actions the speak-up domain records, exactly: `record(ctx, action, …)` accepts only
// names declared by some domain, so a misspelt action does not compile (issue 13). Add the name
// here when a use case records a new action. Imported from index.ts so it is part of the program.
export {};

declare module "../../kernel/audit.ts" {
  interface AuditActions {
    "case.acknowledge": true;
    "case.assign": true;
    "case.clear-exclusion": true;
    "case.close": true;
    "case.escalate": true;
    "case.item": true;
    "case.link": true;
    "case.merge": true;
    "case.message": true;
    "case.people": true;
    "case.reopen": true;
    "case.transition": true;
    "case.view": true;
    "case.watch.resolve": true;
    "speakup.configure": true;
    "speakup.mailbox.open": true;
    "speakup.mailbox.reply": true;
    "speakup.mailbox.setup": true;
    "speakup.report.file": true;
    "speakup.report.quarterly": true;
    "speakup.retention.hold": true;
    "speakup.retention.purge": true;
    "speakup.upload_budget": true;
  }
}
