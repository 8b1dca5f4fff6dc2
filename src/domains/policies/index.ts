// The policies domain's public surface: other domains and the app import only from here.
import "./audit-actions.ts";

export { approveVersion, publishVersion } from "./approve-version.ts";
export { sha256 } from "./canonical.ts";
export { policiesDb } from "./db.ts";
export { seedDemoPolicies } from "./demo.ts";
export { diffVersions } from "./diff-versions.ts";
export { CODE_KEY, parseCodeOfConduct, parseSeniorOfficersCode, SENIOR_CODE_KEY } from "./parse-seed.ts";
export { getPolicy, getVersion, listPolicies, searchPolicies } from "./read-policies.ts";
export { registerPolicyRoutes } from "./routes.ts";
export { createDraftVersion, createPolicy, updateDraftSections } from "./save-policy.ts";
export { POLICY_AUDIENCES } from "./schemas.ts";
export type { PolicyAudience, PolicyTables } from "./tables.ts";
export { loadVersionText, type VersionSection } from "./version-text.ts";
export { decideWaiver, discloseWaiver, getWaiver, listWaivers, requestWaiver } from "./waivers.ts";
