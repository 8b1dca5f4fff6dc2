// The audit actions the disclosures domain records, exactly: `record(ctx, action, …)` accepts only
// names declared by some domain, so a misspelt action does not compile (issue 13). Add the name
// here when a use case records a new action. Imported from index.ts so it is part of the program.
export {};

declare module "../../kernel/audit.ts" {
  interface AuditActions {
    "boycott.log": true;
    "boycott.purge": true;
    "boycott.review": true;
    "conflict.ceo_review": true;
    "conflict.comment": true;
    "conflict.decide": true;
    "conflict.expire": true;
    "conflict.file": true;
    "conflict.forward": true;
    "conflict.update": true;
    "conflict.withdraw": true;
    "gift.configure": true;
    "gift.decide": true;
    "gift.file": true;
    "gift.record": true;
    "guidance.answer": true;
    "guidance.ask": true;
    "guidance.escalate": true;
    "guidance.publish": true;
    "inquiry.assign": true;
    "inquiry.log": true;
    "inquiry.respond": true;
    "legal_hold.acknowledge": true;
    "legal_hold.custodians": true;
    "legal_hold.issue": true;
    "legal_hold.release": true;
    "legal_hold.remind": true;
    "legal_hold.renotice": true;
  }
}
