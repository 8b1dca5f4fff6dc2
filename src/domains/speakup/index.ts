// The speak-up domain's public surface.
import "./audit-actions.ts";
// Registers who may read a case's audit events (COC-22.2) with the kernel's audit views.
import "./audit-visibility.ts";

export {
  type FiledCertificateReport,
  fileCertificateReport,
} from "./file-certificate-report.ts";
export { fileReport } from "./file-report.ts";
export { checkInsJob, deadlinesJob, peopleChangedJob, speakupJobs } from "./jobs.ts";
export { caseExclusion } from "./notify.ts";
export { registerPortalRoutes } from "./portal-routes.ts";
export { purgeExpiredCases, retentionJob } from "./retention.ts";
export { registerSpeakupRoutes } from "./routes.ts";
export { reportInput } from "./schemas.ts";
export type { SpeakupTables } from "./tables.ts";
export { ReceiptThrottle } from "./throttle.ts";
