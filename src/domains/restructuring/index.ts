// The restructuring domain's public surface: other domains, the CLI and the app import only from here.
import "./audit-actions.ts";

export {
  type Allocation,
  type AllocationOutcome,
  allocateOffering,
  type OfferingSpec,
  validateOffering,
} from "./allocate-offering.ts";
export { seedRestructuringDemo } from "./demo.ts";
export { restructuringJobs } from "./jobs.ts";
export { registerRestructuringRoutes } from "./routes.ts";
export { sendProgressReports } from "./send-progress-reports.ts";
