export { exportEventsCsv, listActions, listEvents } from "./list-events.ts";
export { registerAuditRoutes } from "./routes.ts";
export { verifyLog } from "./verify-log.ts";
