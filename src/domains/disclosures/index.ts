// The disclosures domain's public surface: conflicts of interest, gifts, guidance, inquiries,
// boycott requests and legal holds (the Legal Department's work).
import "./audit-actions.ts";

export {
  listBoycottRequests,
  logBoycottRequest,
  purgeExpiredBoycottRecords,
  quarterlyBoycottReport,
  reviewBoycottRequest,
} from "./boycotts.ts";
export * from "./conflict-workflow.ts";
export { seedDisclosuresDemo } from "./demo.ts";
export {
  fileConflict,
  openConflictFromCertificate,
  updateConflict,
  withdrawConflict,
} from "./file-conflict.ts";
export {
  decideGift,
  fileGift,
  getGift,
  getGiftSettings,
  listGifts,
  recordGift,
  updateGiftSettings,
} from "./gifts.ts";
export * from "./guidance.ts";
export { assignResponder, getInquiry, listInquiries, logInquiry, recordResponse } from "./inquiries.ts";
export { disclosureJobs } from "./jobs.ts";
export * from "./legal-holds.ts";
export { exportConflictsCsv, getConflict, listConflicts } from "./list-conflicts.ts";
export { registerDisclosureRoutes } from "./routes.ts";
export type { DisclosureTables } from "./tables.ts";
