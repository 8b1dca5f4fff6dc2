import { z } from "zod";
import { canFlags, isoDate, isoInstant, itemsOf, pageOf } from "../../kernel/http/responses.ts";
import { PERMISSIONS, PERSON_CATEGORIES, PERSON_KINDS, type Permission, ROLE_NAMES } from "./roles.ts";
import { securitySettings } from "./schemas.ts";

// The answers of the people, organisation, users and auth routes (issue 13: one contract).

/** Every permission name, from the server's own table: the web app's `Permission` comes from here. */
export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as [Permission, ...Permission[]];

export const personView = z
  .object({
    id: z.string(),
    externalId: z.string().nullable(),
    kind: z.enum(PERSON_KINDS),
    firstName: z.string(),
    lastName: z.string(),
    displayName: z.string(),
    email: z.string().nullable(),
    title: z.string().nullable(),
    department: z.string().nullable(),
    locationCountry: z.string().nullable(),
    legalEntityId: z.string().nullable(),
    legalEntityName: z.string().nullable(),
    supervisorId: z.string().nullable(),
    supervisorName: z.string().nullable(),
    hireDate: isoDate.nullable(),
    endDate: isoDate.nullable(),
    status: z.enum(["active", "ended"]),
    categories: z.array(z.enum(PERSON_CATEGORIES)),
  })
  .meta({ id: "PersonView" });
export type PersonView = z.infer<typeof personView>;
export const personPage = pageOf(personView);

export const personDetailView = personView
  .extend({
    directReports: z.array(personView),
    user: z.object({ id: z.string(), email: z.string(), roles: z.array(z.string()) }).nullable(),
    can: canFlags("update", "end"),
  })
  .meta({ id: "PersonDetailView" });
export type PersonDetailView = z.infer<typeof personDetailView>;

export const peopleFacetsView = z
  .object({ departments: z.array(z.string()), countries: z.array(z.string()), titles: z.array(z.string()) })
  .meta({ id: "PeopleFacetsView" });
export type PeopleFacetsView = z.infer<typeof peopleFacetsView>;

const importAction = z.enum(["create", "update", "end", "unchanged"]);
export const importResultView = z
  .object({
    dryRun: z.boolean(),
    /** How the file was read: its encoding and its delimiter (issue 14, finding 6). */
    read: z.object({
      encoding: z.enum([
        "UTF-8",
        "UTF-8 with byte-order mark",
        "UTF-16LE with byte-order mark",
        "UTF-16BE with byte-order mark",
        "Windows-1252",
        "text",
      ]),
      delimiter: z.enum(["comma", "semicolon", "tab"]),
    }),
    applied: z.boolean(),
    summary: z.object({
      created: z.number().int(),
      updated: z.number().int(),
      ended: z.number().int(),
      unchanged: z.number().int(),
      errors: z.number().int(),
    }),
    changes: z.array(
      z.object({
        row: z.number().int(),
        action: importAction,
        externalId: z.string(),
        name: z.string(),
        fields: z.record(z.string(), z.object({ from: z.string().nullable(), to: z.string().nullable() })),
      }),
    ),
    errors: z.array(z.object({ row: z.number().int(), column: z.string(), message: z.string() })),
  })
  .meta({ id: "PeopleImportResultView" });
export type PeopleImportResultView = z.infer<typeof importResultView>;

// organisation

export const organisationView = z
  .object({
    name: z.string(),
    website: z.string().nullable(),
    hotlineWeb: z.string().nullable(),
    hotlineDomestic: z.string().nullable(),
    hotlineInternational: z.string().nullable(),
    legalContactName: z.string().nullable(),
    legalContactPhone: z.string().nullable(),
    legalContactAddress: z.string().nullable(),
    can: canFlags("update"),
  })
  .meta({ id: "OrganisationView" });
export type OrganisationView = z.infer<typeof organisationView>;

/** A legal entity's own fields (what creating or changing one answers); the list adds what it counts. */
const legalEntityFields = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  country: z.string(),
  parentId: z.string().nullable(),
});
export const legalEntityView = legalEntityFields
  .extend({ parentName: z.string().nullable(), headcount: z.number().int() })
  .meta({ id: "LegalEntityView" });
export const legalEntityList = z
  .object({ items: z.array(legalEntityView), can: canFlags("manage") })
  .meta({ id: "LegalEntityList" });
export type LegalEntityList = z.infer<typeof legalEntityList>;

/** What creating or changing a legal entity answers: the entity as saved. */
export const legalEntitySavedView = legalEntityFields.meta({ id: "LegalEntitySavedView" });
export type LegalEntitySavedView = z.infer<typeof legalEntitySavedView>;

// users

export const roleView = z
  .object({
    name: z.enum(ROLE_NAMES),
    label: z.string(),
    description: z.string(),
    privileged: z.boolean(),
    /** Reads speak-up cases, audit or investor data: granted only after a second administrator approves. */
    fourEyes: z.boolean(),
  })
  .meta({ id: "RoleView" });
export const roleList = itemsOf(roleView);

export const userView = z
  .object({
    id: z.string(),
    email: z.string(),
    displayName: z.string(),
    personId: z.string().nullable(),
    roles: z.array(z.string()),
    /** Roles waiting for a second administrator's approval (four-eyes). */
    pendingRoles: z.array(z.string()),
    totpEnabled: z.boolean(),
    mustChangePassword: z.boolean(),
    disabled: z.boolean(),
    lastLoginAt: isoInstant.nullable(),
  })
  .meta({ id: "UserView" });
export type UserView = z.infer<typeof userView>;
export const userPage = pageOf(userView);

export const securitySettingsView = securitySettings.meta({ id: "SecuritySettingsView" });

/** Who requested or decided: the account and the label the audit log names it by. */
const actorRef = z.object({ id: z.string(), label: z.string() });
/** A user account as other answers name it. */
const userRef = z.object({ id: z.string(), email: z.string(), displayName: z.string() });

export const roleGrantView = z
  .object({
    id: z.string(),
    role: z.string(),
    roleLabel: z.string(),
    status: z.enum(["pending", "approved", "rejected"]),
    user: userRef,
    requestedBy: actorRef,
    requestedAt: isoInstant,
    decidedBy: actorRef.nullable(),
    decidedAt: isoInstant.nullable(),
    note: z.string().nullable(),
    /** What the current user may do with it (the browser does not re-implement the rule). */
    can: canFlags("decide"),
  })
  .meta({ id: "RoleGrantView" });
export type RoleGrantView = z.infer<typeof roleGrantView>;
export const roleGrantList = itemsOf(roleGrantView);
export type RoleGrantList = z.infer<typeof roleGrantList>;

// auth: the answers that carry a secret carry it once, and name nothing else.

export const loginInfoView = z
  .object({
    organisationName: z.string(),
    demo: z.boolean(),
    totpRequiredForPrivileged: z.boolean(),
    demoAccounts: z.array(z.object({ email: z.string(), password: z.string(), roles: z.array(z.string()) })),
  })
  .meta({ id: "LoginInfoView" });

export const loginResultView = z
  .discriminatedUnion("status", [
    z.object({ status: z.literal("ok"), csrfToken: z.string() }),
    z.object({ status: z.literal("totp_required") }),
  ])
  .meta({ id: "LoginResultView" });

export const meView = z
  .object({
    user: userRef.extend({ personId: z.string().nullable() }),
    roles: z.array(z.string()),
    permissions: z.array(z.enum(PERMISSION_NAMES)),
    totpEnabled: z.boolean(),
    mustEnrolTotp: z.boolean(),
    /** An administrator set the password: the server allows only the change-password form until done. */
    mustChangePassword: z.boolean(),
    recoveryCodesLeft: z.number().int(),
    csrfToken: z.string(),
  })
  .meta({ id: "MeView" });

export const totpEnrolmentView = z
  .object({ secret: z.string(), otpauthUrl: z.string(), qrDataUrl: z.string() })
  .meta({ id: "TotpEnrolmentView" });
export type TotpEnrolmentView = z.infer<typeof totpEnrolmentView>;

export const recoveryCodesView = z
  .object({ recoveryCodes: z.array(z.string()) })
  .meta({ id: "RecoveryCodesView" });
export type RecoveryCodesView = z.infer<typeof recoveryCodesView>;

export const totpEnrolledView = z
  .object({ ok: z.literal(true), recoveryCodes: z.array(z.string()) })
  .meta({ id: "TotpEnrolledView" });
export type TotpEnrolledView = z.infer<typeof totpEnrolledView>;
