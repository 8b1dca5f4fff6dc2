// The audit actions the screening domain records, exactly: `record(ctx, action, …)` accepts only
// names declared by some domain, so a misspelt action does not compile (issue 13). Add the name
// here when a use case records a new action. Imported from index.ts so it is part of the program.
export {};

declare module "../../kernel/audit.ts" {
  interface AuditActions {
    "counterparty.create": true;
    "counterparty.owner.add": true;
    "counterparty.owner.remove": true;
    "counterparty.screen": true;
    "counterparty.update": true;
    "export.chart.update": true;
    "export.item.create": true;
    "export.licence.create": true;
    "hit.decide": true;
    "list.import": true;
    "screening.jurisdictions.update": true;
    "screening.lists.enable": true;
    "transaction.approve": true;
    "transaction.create": true;
    "transaction.refuse": true;
  }
}
