// The committees domain's public surface: other domains and the app import only from here.
import "./audit-actions.ts";

export { committeeCompliance } from "./compliance.ts";
export { createCommittee } from "./create-committee.ts";
export { seedCommitteesDemo } from "./demo.ts";
export { getCommittee } from "./get-committee.ts";
export { evaluateIndependence } from "./independence.ts";
export { committeeJobs } from "./jobs.ts";
export { listCommittees } from "./list-committees.ts";
export { registerCommitteeRoutes } from "./routes.ts";
export type { CommitteeTables } from "./tables.ts";
