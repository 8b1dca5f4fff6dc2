// The audit actions the restructuring domain records, exactly: `record(ctx, action, …)` accepts only
// names declared by some domain, so a misspelt action does not compile (issue 13). Add the name
// here when a use case records a new action. Imported from index.ts so it is part of the program.
export {};

declare module "../../kernel/audit.ts" {
  interface AuditActions {
    "allocation.run": true;
    "condition.update": true;
    "election.record": true;
    "investor.withdraw": true;
    "offering.create": true;
    "offering.facts": true;
    "offering.investor_user": true;
    "payment.record": true;
    "progress.request": true;
    "progress.report": true;
    "register.import": true;
    "register.rebase": true;
    "termination.record": true;
    "vote.cast": true;
    "vote.propose": true;
  }
}
