import { z } from "zod";
import { isoDate, isoInstant, pageOf } from "../../kernel/http/responses.ts";

// The answers of the screening API (issue 13): the web app's types are generated from these.

/** What the current user may do, sent with each object (policy.ts `screeningAbilities`). */
export const screeningCan = z
  .object({
    canImport: z.boolean(),
    canManageCounterparties: z.boolean(),
    canDecide: z.boolean(),
    canCreateTransaction: z.boolean(),
    canApprove: z.boolean(),
    canManageExport: z.boolean(),
  })
  .meta({ id: "ScreeningCan" });

/** A page of a list, with what the user may do. */
const pageWithCan = <T extends z.ZodType>(item: T) => pageOf(item).extend({ can: screeningCan });

/** Who decided, when, and when the record was made (hits and transactions). */
const decisionFields = {
  decidedBy: z.string().nullable(),
  decidedAt: isoInstant.nullable(),
  createdAt: isoInstant,
};

const entryType = z.enum(["individual", "entity", "vessel", "aircraft"]);

/** Why an entity is blocked through its owners (OFAC 50 % rule, EU ownership and control). */
export const ownershipView = z
  .object({
    percentage: z.number(),
    owners: z.array(z.object({ entityId: z.string(), name: z.string(), percentage: z.number() })),
    chain: z.array(z.string()),
  })
  .meta({ id: "OwnershipView" });

/** One list entry as OFAC publishes it, with its remarks parsed into facts. */
export const listEntryView = z
  .object({
    entityId: z.string(),
    name: z.string(),
    type: entryType,
    programs: z.array(z.string()),
    title: z.string().nullable(),
    remarks: z.string().nullable(),
    vessel: z
      .object({
        callSign: z.string().nullable(),
        type: z.string().nullable(),
        flag: z.string().nullable(),
        owner: z.string().nullable(),
      })
      .nullable(),
    aliases: z.array(z.object({ type: z.enum(["aka", "fka", "nka"]), name: z.string() })),
    addresses: z.array(
      z.object({
        address: z.string().nullable(),
        city: z.string().nullable(),
        country: z.string().nullable(),
      }),
    ),
    facts: z.object({
      dob: z.array(z.string()),
      pob: z.array(z.string()),
      nationality: z.array(z.string()),
      citizenship: z.array(z.string()),
      gender: z.string().nullable(),
      ids: z.array(z.object({ type: z.string(), number: z.string(), country: z.string().nullable() })),
      imo: z.string().nullable(),
      countries: z.array(z.string()),
    }),
    /** OpenSanctions' topics ("sanction", "role.pep" …); absent on the official lists. */
    topics: z.array(z.string()).optional(),
    /** Set when the entry is blocked because blocked persons own 50 % or more of it. */
    ownership: ownershipView.optional(),
  })
  .meta({ id: "ListEntryView" });

/** One imported version of a sanctions list: file hashes, counts and the difference from the previous one. */
export const listVersionView = z
  .object({
    id: z.string(),
    source: z.string(),
    seq: z.number().int(),
    importedAt: isoInstant,
    importedBy: z.string(),
    fileHashes: z.record(z.string(), z.string()),
    counts: z.object({
      format: z.enum(["csv", "xml", "jsonl"]).optional(),
      /** The publication date the file states (as its publisher writes it). */
      publishDate: z.string().nullable().optional(),
      entries: z.number().int(),
      aliases: z.number().int(),
      addresses: z.number().int(),
      byType: z.record(z.string(), z.number().int()),
    }),
    diff: z.object({
      added: z.number().int(),
      removed: z.number().int(),
      changed: z.number().int(),
      unchanged: z.number().int(),
      sample: z.object({
        added: z.array(z.string()),
        removed: z.array(z.string()),
        changed: z.array(z.string()),
      }),
    }),
    isCurrent: z.boolean(),
  })
  .meta({ id: "ListVersionView" });

export const listVersionsView = z
  .object({ items: z.array(listVersionView), can: screeningCan })
  .meta({ id: "ListVersionsView" });

/** An import's answer: the new version, or the latest one when the files were already imported. */
export const listImportView = listVersionView
  .extend({ unchangedFiles: z.boolean() })
  .meta({ id: "ListImportView" });

const changeKind = z.enum(["added", "changed", "removed"]);
/** The version a change belongs to and the one it is compared with. */
const versionPair = { version: listVersionView, previousVersionId: z.string().nullable() };

export const listChangeView = z
  .object({
    entityId: z.string(),
    name: z.string(),
    type: z.string(),
    /** Only for changed entries: the name the previous version had. */
    previousName: z.string().nullable().optional(),
  })
  .meta({ id: "ListChangeView" });

export const listChangesView = pageOf(listChangeView)
  .extend({ ...versionPair, kind: changeKind })
  .meta({ id: "ListChangesView" });

export const versionEntryView = z
  .object({
    ...versionPair,
    change: z.enum(["added", "changed", "removed", "unchanged"]),
    entry: listEntryView.nullable(),
    previous: listEntryView.nullable(),
  })
  .meta({ id: "VersionEntryView" });

/** Why a name matched: token by token, with the adjustments and OFAC's own rough score. */
export const hitExplanationView = z
  .object({
    queryName: z.string(),
    tokens: z.array(
      z.object({
        query: z.string(),
        list: z.string().nullable(),
        how: z.string(),
        similarity: z.number(),
      }),
    ),
    extraListTokens: z.array(z.string()),
    adjustments: z.array(z.object({ reason: z.string(), delta: z.number() })),
    summary: z.string(),
    /** Set on a block through ownership: the blocked share, the owners and the chain. */
    ownership: ownershipView.optional(),
    /** How OFAC's Sanctions List Search would roughly score the entry; absent on older hits. */
    ofac: z
      .object({
        score: z.number(),
        wholeString: z.number(),
        perPart: z.number(),
        technique: z.enum(["whole-string", "per-part"]),
        queryName: z.string(),
        listName: z.string(),
      })
      .optional(),
  })
  .meta({ id: "HitExplanationView" });

/** A sanctions match blocks; a PEP calls for enhanced due diligence; ownership blocks (50 % rule). */
export const hitKind = z.enum(["sanction", "pep", "ownership"]);

/** A match of an ad-hoc screening (nothing is kept). */
export const nameMatchView = z
  .object({
    entityId: z.string(),
    /** The list the entry is on (ofac-sdn, eu-fsf, uk-ofsi, un-sc, opensanctions …) and its name. */
    listSource: z.string(),
    listLabel: z.string(),
    kind: hitKind,
    name: z.string(),
    type: entryType,
    programs: z.array(z.string()),
    matchedName: z.string(),
    matchedKind: z.enum(["primary", "aka", "fka", "nka"]),
    score: z.number(),
    ofacScore: z.number().optional(),
    explanation: hitExplanationView,
  })
  .meta({ id: "NameMatchView" });

export const screenOneView = z
  .object({ listVersionId: z.string(), matches: z.array(nameMatchView) })
  .meta({ id: "ScreenOneView" });

export const screenBatchView = z
  .object({
    listVersionId: z.string(),
    results: z.array(
      z.object({
        id: z.string(),
        matches: z.array(
          z.object({
            entityId: z.string(),
            listSource: z.string(),
            kind: hitKind,
            name: z.string(),
            matchedName: z.string(),
            score: z.number(),
            summary: z.string(),
          }),
        ),
      }),
    ),
  })
  .meta({ id: "ScreenBatchView" });

/** A stored hit of a counterparty's screening, with its explanation and the reviewer's decision. */
export const hitView = z
  .object({
    id: z.string(),
    counterpartyId: z.string(),
    /** In the review queue only. */
    counterpartyName: z.string().optional(),
    entityId: z.string(),
    listName: z.string(),
    /** ofac-sdn, ofac-consolidated, eu-fsf, uk-ofsi, un-sc, opensanctions, or ownership (entered by users). */
    listSource: z.string(),
    /** "SDN", "EU Financial Sanctions Files" …, for people. */
    listLabel: z.string(),
    /** A sanction blocks once confirmed; a PEP calls for enhanced due diligence, never a block. */
    kind: hitKind,
    matchedName: z.string(),
    programs: z.array(z.string()),
    score: z.number(),
    explanation: hitExplanationView,
    status: z.string(),
    reason: z.string().nullable(),
    ...decisionFields,
  })
  .meta({ id: "HitView" });

export const hitPage = pageWithCan(hitView).meta({ id: "HitPage" });

export const hitDecisionView = hitView
  .extend({ counterpartyStatus: z.string() })
  .meta({ id: "HitDecisionView" });

export const counterpartyView = z
  .object({
    id: z.string(),
    name: z.string(),
    aliases: z.array(z.string()),
    kind: z.string(),
    partyType: z.string(),
    country: z.string().nullable(),
    region: z.string().nullable(),
    address: z.string().nullable(),
    dateOfBirth: z.string().nullable(),
    identifiers: z.array(z.object({ type: z.string(), number: z.string() })),
    isForeign: z.boolean(),
    /** The group company dealing with the party: it screens the lists enabled for it. */
    legalEntityId: z.string().nullable(),
    status: z.string(),
    createdAt: isoInstant,
    updatedAt: isoInstant,
  })
  .meta({ id: "CounterpartyView" });

export const counterpartyPage = pageWithCan(counterpartyView).meta({ id: "CounterpartyPage" });

/** One owner of a counterparty, as a user entered it. */
export const ownerView = z
  .object({
    id: z.string(),
    ownerName: z.string(),
    ownerEntityId: z.string().nullable(),
    ownerCounterpartyId: z.string().nullable(),
    percentage: z.number(),
    createdBy: z.string(),
    createdAt: isoInstant,
  })
  .meta({ id: "OwnerView" });

/** A counterparty with its latest screening, its hits (with explanations) and what the user may do. */
export const counterpartyDetailView = counterpartyView
  .extend({
    screening: z
      .object({
        id: z.string(),
        trigger: z.string(),
        status: z.string(),
        openHits: z.number().int(),
        screenedAt: isoInstant,
        listVersion: z.string().nullable(),
      })
      .nullable(),
    hits: z.array(hitView),
    /** The lists the party's legal entity screens against. */
    lists: z.array(z.string()),
    /** A confirmed PEP: enhanced due diligence is required (not a block). */
    requiresEdd: z.boolean(),
    /** The ownership users entered: who owns how much of the party. */
    owners: z.array(ownerView),
    can: screeningCan,
  })
  .meta({ id: "CounterpartyDetailView" });

/** The lists, and which of them each legal entity screens against. */
export const enabledListsView = z
  .object({
    lists: z.array(z.object({ source: z.string(), label: z.string() })),
    legalEntities: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        country: z.string(),
        lists: z.array(z.string()),
        /** False when the entity screens every list because none were chosen for it. */
        isChosen: z.boolean(),
      }),
    ),
    can: screeningCan,
  })
  .meta({ id: "EnabledListsView" });

export const transactionCheckView = z
  .object({
    ok: z.boolean(),
    findings: z.array(
      z.object({
        rule: z.enum(["COC-18.1", "COC-18.2", "COC-19.1", "COC-20.1"]),
        ok: z.boolean(),
        message: z.string(),
      }),
    ),
    checkedAt: isoInstant,
  })
  .meta({ id: "TransactionCheckView" });

export const transactionView = z
  .object({
    id: z.string(),
    counterpartyId: z.string(),
    counterpartyName: z.string().nullable(),
    description: z.string(),
    amountCents: z.number().int(),
    currency: z.string(),
    destinationCountry: z.string().nullable(),
    itemId: z.string().nullable(),
    payeeName: z.string().nullable(),
    payeeAccountCountry: z.string().nullable(),
    payeeAddressCountry: z.string().nullable(),
    status: z.string(),
    check: transactionCheckView.nullable(),
    ...decisionFields,
  })
  .meta({ id: "TransactionView" });

export const transactionPage = pageWithCan(transactionView).meta({ id: "TransactionPage" });

export const exportItemView = z
  .object({
    id: z.string(),
    sku: z.string(),
    name: z.string(),
    eccn: z.string(),
    reasons: z.array(z.string()),
  })
  .meta({ id: "ExportItemView" });

export const exportLicenceView = z
  .object({
    id: z.string(),
    kind: z.string(),
    reference: z.string(),
    eccn: z.string(),
    country: z.string(),
    validUntil: isoDate.nullable(),
  })
  .meta({ id: "ExportLicenceView" });

/** The export-control country chart: for each destination, the reasons for control that need a licence. */
export const countryChartView = z.record(z.string(), z.array(z.string())).meta({ id: "CountryChartView" });

export const jurisdictionView = z
  .object({ country: z.string(), region: z.string().nullable(), label: z.string() })
  .meta({ id: "JurisdictionView" });
export const jurisdictionsView = z.array(jurisdictionView);

export const exportControlsView = z
  .object({
    items: z.array(exportItemView),
    licences: z.array(exportLicenceView),
    chart: countryChartView,
    jurisdictions: jurisdictionsView,
    can: screeningCan,
  })
  .meta({ id: "ExportControlsView" });

/** The answer a view schema describes: use cases annotate their return type with it. */
export type View<T extends z.ZodType> = z.infer<T>;
export type CounterpartyDetail = z.infer<typeof counterpartyDetailView>;
export type ScreeningCan = z.infer<typeof screeningCan>;
export type ListVersionView = z.infer<typeof listVersionView>;
export type HitView = z.infer<typeof hitView>;
export type CounterpartyView = z.infer<typeof counterpartyView>;
export type TransactionView = z.infer<typeof transactionView>;
export type TransactionCheckView = z.infer<typeof transactionCheckView>;
