// The committees domain's public surface: other domains and the app import only from here.
import "./audit-actions.ts";

export { createCommittee, getCommittee, listCommittees } from "./committees.ts";
export { committeeCompliance } from "./compliance.ts";
export { seedCommitteesDemo } from "./demo.ts";
export { evaluateIndependence } from "./independence.ts";
export { committeeJobs } from "./jobs.ts";
export { registerCommitteeRoutes } from "./routes.ts";
export type { CommitteeTables } from "./tables.ts";
