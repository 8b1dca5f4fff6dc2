import "./audit-actions.ts";

export { getDashboard, listMyTasks, listOutbox } from "./home.ts";
export { listJobs, retryJob } from "./jobs-admin.ts";
export { registerHomeRoutes } from "./routes.ts";
