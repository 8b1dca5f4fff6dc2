import { z } from "zod";
import { isOfacSource, LIST_SOURCES } from "./lists/list-sources.ts";

const regionNames = new Intl.DisplayNames(["en"], { type: "region" });
const isCountryCode = (code: string) =>
  /^[A-Z]{2}$/.test(code) && regionNames.of(code) !== code && code !== "ZZ";
const country = z
  .string()
  .transform((v) => v.trim().toUpperCase())
  .refine(isCountryCode, { message: "must be an ISO 3166 two-letter country code such as US or DE" });
const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD")
  .refine(
    (v) =>
      !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
    {
      message: "must be a real date",
    },
  );
const pageQuery = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
};

const text = (max: number) =>
  z.string().trim().min(1, "is required").max(max, `must be at most ${max} characters`);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional();

export const COUNTERPARTY_KINDS = ["customer", "supplier", "agent", "foreign_national", "other"] as const;
export const PARTY_TYPES = ["person", "entity", "vessel", "aircraft"] as const;
export const identifier = z.object({ type: text(60), number: text(100) });

export const counterpartyInput = z.object({
  name: text(300),
  aliases: z.array(text(300)).max(50).default([]),
  kind: z.enum(COUNTERPARTY_KINDS).default("customer"),
  partyType: z.enum(PARTY_TYPES).default("entity"),
  country: country.nullable().optional(),
  region: optionalText(100),
  address: optionalText(500),
  dateOfBirth: z
    .string()
    .regex(/^\d{4}(-\d{2}-\d{2})?$/, "must be YYYY or YYYY-MM-DD")
    .nullable()
    .optional(),
  identifiers: z.array(identifier).max(20).default([]),
  isForeign: z.boolean().default(true),
  /** The group company dealing with the party: it screens the lists enabled for it (COC-18.1). */
  legalEntityId: z.string().trim().min(1).max(64).nullable().optional(),
});
export type CounterpartyInput = z.infer<typeof counterpartyInput>;
export const counterpartyPatch = counterpartyInput.partial();
export type CounterpartyPatch = z.infer<typeof counterpartyPatch>;

export const counterpartyFilter = z.object({
  q: z.string().trim().max(200).optional(),
  status: z.enum(["clear", "review", "blocked", "unscreened"]).optional(),
  kind: z.enum(COUNTERPARTY_KINDS).optional(),
  country: z.string().max(2).optional(),
  sort: z.enum(["name", "-name", "updated", "-updated"]).default("name"),
  ...pageQuery,
});
export type CounterpartyFilter = z.infer<typeof counterpartyFilter>;

export const hitDecision = z.object({
  decision: z.enum(["false_positive", "true_match"]),
  reason: text(2000),
});
export type HitDecision = z.infer<typeof hitDecision>;

export const hitFilter = z.object({
  status: z.enum(["open", "false_positive", "true_match", "remembered"]).default("open"),
  ...pageQuery,
});

const screenName = z.object({
  id: z.string().max(100).optional(),
  name: text(300),
  type: z.enum([...PARTY_TYPES, "individual"]).optional(),
  country: country.nullable().optional(),
  dateOfBirth: z
    .string()
    .regex(/^\d{4}(-\d{2}-\d{2})?$/, "must be YYYY or YYYY-MM-DD")
    .optional(),
  identifiers: z.array(identifier).max(20).optional(),
});
const screenOptions = {
  threshold: z.number().min(0).max(1).default(0.85),
  limit: z.number().int().min(1).max(50).default(5),
  /** Screen against the lists this legal entity has enabled (all lists when absent). */
  legalEntityId: z.string().trim().min(1).max(64).optional(),
};
export const screenOneInput = screenName.extend(screenOptions);
export type ScreenOneInput = z.infer<typeof screenOneInput>;
export const screenBatchInput = z.object({
  names: z.array(screenName).min(1, "give at least one name").max(10_000, "at most 10,000 names per request"),
  ...screenOptions,
});
export type ScreenBatchInput = z.infer<typeof screenBatchInput>;

export const listImportInput = z
  .object({
    source: z.enum(LIST_SOURCES).default("ofac-sdn"),
    /** The one file of a list other than OFAC's (EU or UN XML, OFSI CSV, OpenSanctions JSON lines). */
    file: z.string().min(1, "the file is empty").max(150_000_000).optional(),
    xml: z.string().min(1, "the XML file is empty").max(150_000_000).optional(),
    sdn: z.string().min(1, "SDN.CSV is empty").max(60_000_000).optional(),
    alt: z.string().max(60_000_000).optional(),
    add: z.string().max(60_000_000).optional(),
    comments: z.string().max(60_000_000).optional(),
  })
  .refine((b) => !isOfacSource(b.source) || b.file || !!b.xml !== !!b.sdn, {
    message: "Give either the XML file (xml) or the CSV set (sdn with alt, add, comments), not both.",
    path: ["sdn"],
  })
  .refine((b) => isOfacSource(b.source) || (!b.sdn && !!(b.file ?? b.xml)), {
    message: "Give the list's one file (file); the CSV set (sdn, alt, add, comments) is OFAC's only.",
    path: ["file"],
  })
  .refine((b) => [b.file, b.xml, b.sdn].filter(Boolean).length <= 1, {
    message: "Give one of file, xml or the CSV set (sdn …), not several.",
    path: ["file"],
  });

export const listChangesFilter = z.object({
  kind: z.enum(["added", "changed", "removed"]).default("added"),
  q: z.string().trim().max(200).optional(),
  ...pageQuery,
});

export const TRANSACTION_STATUSES = ["pending", "approved", "refused"] as const;
export const transactionFilter = z.object({
  counterpartyId: z.string().max(64).optional(),
  status: z.enum(TRANSACTION_STATUSES).optional(),
  ...pageQuery,
});
export type TransactionFilter = z.infer<typeof transactionFilter>;

export const transactionInput = z.object({
  counterpartyId: z.string().min(1).max(64),
  description: text(500),
  amountCents: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  currency: z.string().regex(/^[A-Z]{3}$/, "must be a three-letter currency code"),
  destinationCountry: country.nullable().optional(),
  itemId: z.string().max(64).nullable().optional(),
  payeeName: optionalText(300),
  payeeAccountCountry: country.nullable().optional(),
  payeeAddressCountry: country.nullable().optional(),
});
export type TransactionInput = z.infer<typeof transactionInput>;

export const ECCN = /^(EAR99|[0-9][A-E][0-9]{3}(\.[a-z0-9.]+)?)$/;
export const exportItemInput = z.object({
  sku: text(64),
  name: text(300),
  eccn: z.string().trim().toUpperCase().regex(ECCN, "must be EAR99 or an ECCN such as 3A001"),
  reasons: z
    .array(z.string().regex(/^[A-Z]{2}[0-9]?$/, "a reason for control such as NS1 or AT1"))
    .max(20)
    .default([]),
});
export const licenceInput = z.object({
  kind: z.enum(["licence", "exception"]),
  reference: text(100),
  eccn: z.string().trim().toUpperCase().regex(ECCN, "must be EAR99 or an ECCN such as 3A001"),
  country,
  validUntil: calendarDate.nullable().optional(),
});

export const enabledListsInput = z.object({
  /** The lists each legal entity screens; a legal entity not named screens every list. */
  byLegalEntity: z.record(
    z.string().min(1).max(64),
    z.array(z.enum(LIST_SOURCES)).min(1, "enable at least one list (COC-18.1)"),
  ),
});
export type EnabledListsInput = z.infer<typeof enabledListsInput>;

export const ownershipInput = z
  .object({
    /** The owner: a list entry (EU-900101, OS-…, an OFAC uid) … */
    ownerEntityId: z.string().trim().min(1).max(64).optional(),
    /** … or another counterparty. */
    ownerCounterpartyId: z.string().trim().min(1).max(64).optional(),
    /** The owner's name as the user knows it (the list's name is shown when the entry is listed). */
    ownerName: text(300),
    percentage: z.number().gt(0, "must be more than 0").max(100, "must be at most 100"),
  })
  .refine((o) => !!o.ownerEntityId !== !!o.ownerCounterpartyId, {
    message:
      "Name the owner as a list entry (ownerEntityId) or a counterparty (ownerCounterpartyId), one of them.",
    path: ["ownerEntityId"],
  });
export type OwnershipInput = z.infer<typeof ownershipInput>;
