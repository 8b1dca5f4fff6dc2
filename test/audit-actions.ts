// The audit actions the kernel's own tests record on a made-up "thing" (issue 13: audit action
// names are typed, and tests of the audit log itself need names no domain records). A type-only
// file: the tsconfig includes test/, so tsc sees it; nothing imports it at run time.
export {};

declare module "../src/kernel/audit.ts" {
  interface AuditActions {
    "thing.create": true;
    "thing.update": true;
    "thing.delete": true;
    "thing.parallel": true;
    x: true;
  }
}
