// The certifications domain's public surface: other domains and the app import only from here.
import "./audit-actions.ts";

export { certificatePdf } from "./certificate-pdf.ts";
export {
  auditCommitteeView,
  completionBreakdown,
  exportAssignmentsCsv,
  getCampaign,
  listAssignments,
  listCampaigns,
} from "./dashboards.ts";
export { certDb } from "./db.ts";
export { DEFAULT_QUESTIONS, defaultStatements } from "./default-template.ts";
export { certificationJobHandlers, certificationJobs } from "./jobs.ts";
export { enrolJoiners } from "./joiners.ts";
export { closeCampaign, launchCampaign } from "./launch-campaign.ts";
export { launchRecertification } from "./recertify.ts";
export { latestReminderDate, sendReminders } from "./remind.ts";
export { registerCertificationRoutes } from "./routes.ts";
export {
  getCertificate,
  listMyCertificates,
  listTeamCertificates,
  signCertificate,
} from "./sign-certificate.ts";
export type { CertificationTables } from "./tables.ts";
export { createTemplate, listTemplates, updateTemplate } from "./templates.ts";
export { verifySignature } from "./verify-signature.ts";
