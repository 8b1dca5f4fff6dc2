// The people domain's public surface: other domains and the app import only from here.
import "./audit-actions.ts";

export { registerAdminRoutes } from "./admin-routes.ts";
export { registerAuthRoutes } from "./auth-routes.ts";
export { peopleDb } from "./db.ts";
export { accountOfPerson, anyHoldsRole, personFacts, personNames, supervisorIdOf } from "./directory.ts";
export { getPerson } from "./get-person.ts";
export { type ImportResult, importPeople } from "./import-people.ts";
export { peopleJobs } from "./jobs.ts";
export { listPeople } from "./list-people.ts";
export { createUser, listRoles, updateUser } from "./manage-users.ts";
export { createEntity, getOrganisation, updateOrganisation } from "./organisation.ts";
export type { Person } from "./person-view.ts";
export { type Recipient, type RecipientQuery, recipients, userIdsOfPerson } from "./recipients.ts";
export { isPrivileged, permissionsOf, ROLE_NAMES, ROLES, type RoleName } from "./roles.ts";
export { registerPeopleRoutes } from "./routes.ts";
export { createPerson, endEmployment, updatePerson } from "./save-person.ts";
export { calendarDate, country, countryName, isCountryCode } from "./schemas.ts";
export { DEFAULT_SECURITY, getSecuritySettings, updateSecuritySettings } from "./security-settings.ts";
export { authenticateSession, type Session, signIn } from "./sign-in.ts";
export type { PeopleTables } from "./tables.ts";
export { actorOfUser } from "./user-actor.ts";
export {
  activeRoleHoldings,
  activeUsersInRole,
  personIdsOfUsers,
  type RoleHolder,
  type RoleHolding,
} from "./users-in-role.ts";
