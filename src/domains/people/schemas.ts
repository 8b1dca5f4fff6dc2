import { z } from "zod";
import { calendarDate } from "../../kernel/schemas.ts";
import { PERSON_CATEGORIES, PERSON_KINDS, ROLE_NAMES } from "./roles.ts";

const regionNames = new Intl.DisplayNames(["en"], { type: "region" });

/** ISO 3166-1 alpha-2, checked against the ICU region list. */
export const isCountryCode = (code: string) =>
  /^[A-Z]{2}$/.test(code) && regionNames.of(code) !== code && code !== "ZZ";
export const countryName = (code: string) => regionNames.of(code) ?? code;

export { calendarDate };
export const country = z
  .string()
  .transform((v) => v.trim().toUpperCase())
  .refine(isCountryCode, { message: "must be an ISO 3166 two-letter country code such as US or DE" });

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional();

export const personInput = z.object({
  externalId: optionalText(64),
  kind: z.enum(PERSON_KINDS).default("employee"),
  firstName: z.string().trim().min(1, "is required").max(100),
  lastName: z.string().trim().min(1, "is required").max(100),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email("must be an email address"))
    .nullable()
    .optional()
    .or(z.literal("").transform(() => null)),
  title: optionalText(200),
  department: optionalText(200),
  locationCountry: country.nullable().optional(),
  legalEntityId: z.string().nullable().optional(),
  supervisorId: z.string().nullable().optional(),
  hireDate: calendarDate.nullable().optional(),
  endDate: calendarDate.nullable().optional(),
  categories: z.array(z.enum(PERSON_CATEGORIES)).default([]),
});
export type PersonInput = z.infer<typeof personInput>;
export const personPatch = personInput.partial();
export type PersonPatch = z.infer<typeof personPatch>;

export const pageQuery = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
};

export const peopleFilter = z.object({
  q: z.string().trim().max(200).optional(),
  kind: z.enum(PERSON_KINDS).optional(),
  status: z.enum(["active", "ended", "all"]).default("active"),
  entityId: z.string().optional(),
  department: z.string().optional(),
  country: z.string().optional(),
  category: z.enum(PERSON_CATEGORIES).optional(),
  supervisorId: z.string().optional(),
  sort: z.enum(["name", "-name", "hireDate", "-hireDate", "department"]).default("name"),
  ...pageQuery,
});
export type PeopleFilter = z.infer<typeof peopleFilter>;

export const entityInput = z.object({
  code: z
    .string()
    .trim()
    .min(2)
    .max(40)
    .regex(/^[A-Z0-9][A-Z0-9-]*$/, "use capital letters, digits and dashes, e.g. ALERIS-DE"),
  name: z.string().trim().min(2).max(200),
  country,
  parentId: z.string().nullable().optional(),
});
export type EntityInput = z.infer<typeof entityInput>;

const orgText = z
  .string()
  .trim()
  .max(500)
  .transform((v) => (v === "" ? null : v))
  .nullable();
export const organisationInput = z.object({
  name: z.string().trim().min(1, "is required").max(200),
  website: orgText,
  hotlineWeb: orgText,
  hotlineDomestic: orgText,
  hotlineInternational: orgText,
  legalContactName: orgText,
  legalContactPhone: orgText,
  legalContactAddress: orgText,
});
export type OrganisationInput = z.infer<typeof organisationInput>;

export const passwordRule = z
  .string()
  .min(12, "must be at least 12 characters")
  .max(200, "must be at most 200 characters");

export const userInput = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("must be an email address")),
  displayName: z.string().trim().min(1, "is required").max(200),
  personId: z.string().nullable().optional(),
  password: passwordRule,
  roles: z.array(z.enum(ROLE_NAMES)).default([]),
});
export type UserInput = z.infer<typeof userInput>;

export const userPatch = z.object({
  displayName: z.string().trim().min(1).max(200).optional(),
  roles: z.array(z.enum(ROLE_NAMES)).optional(),
  disabled: z.boolean().optional(),
});
export type UserPatch = z.infer<typeof userPatch>;

export const securitySettings = z.object({
  totpRequiredForPrivileged: z.boolean(),
  idleTimeoutMinutes: z
    .number()
    .int()
    .min(5)
    .max(24 * 60),
  absoluteTimeoutHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30),
});
export type SecuritySettings = z.infer<typeof securitySettings>;
