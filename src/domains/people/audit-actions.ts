// The audit actions the people domain records, exactly: `record(ctx, action, …)` accepts only
// names declared by some domain, so a misspelt action does not compile (issue 13). Add the name
// here when a use case records a new action. Imported from index.ts so it is part of the program.
export {};

declare module "../../kernel/audit.ts" {
  interface AuditActions {
    "auth.login": true;
    "auth.login_failed": true;
    "auth.logout": true;
    "auth.password.change": true;
    "auth.recovery_codes.regenerate": true;
    "auth.totp.enrol": true;
    "auth.totp.start": true;
    "entity.create": true;
    "entity.update": true;
    "organisation.update": true;
    "people.import": true;
    "person.create": true;
    "person.end": true;
    "person.update": true;
    "role_grant.acknowledge": true;
    "role_grant.approve": true;
    "role_grant.reject": true;
    "role_grant.request": true;
    "settings.security.update": true;
    "user.create": true;
    "user.totp.reset": true;
    "user.update": true;
  }
}
