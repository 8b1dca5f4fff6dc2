// The audit actions the certifications domain records, exactly: `record(ctx, action, …)` accepts only
// names declared by some domain, so a misspelt action does not compile (issue 13). Add the name
// here when a use case records a new action. Imported from index.ts so it is part of the program.
export {};

declare module "../../kernel/audit.ts" {
  interface AuditActions {
    "certification.campaign.close": true;
    "certification.campaign.launch": true;
    "certification.joiners": true;
    "certification.remind": true;
    "certification.sign": true;
    "certification.template.create": true;
    "certification.template.update": true;
  }
}
