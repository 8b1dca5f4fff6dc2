import { randomUUID } from "node:crypto";
import { faker } from "@faker-js/faker";
import {
  createTemplate,
  DEFAULT_QUESTIONS,
  defaultStatements,
  launchCampaign,
} from "../src/domains/certifications/index.ts";
import type { CampaignInput, TemplateInput } from "../src/domains/certifications/schemas.ts";
import { certifyQuestionnaire } from "../src/domains/committees/certify-questionnaire.ts";
import { compensationCharter } from "../src/domains/committees/demo.ts";
import { createCommittee } from "../src/domains/committees/index.ts";
import { saveQuestionnaire } from "../src/domains/committees/save-questionnaire.ts";
import type {
  AppointInput,
  CommitteeInput,
  QuestionnaireAnswers,
} from "../src/domains/committees/schemas.ts";
import { fileConflict, fileGift } from "../src/domains/disclosures/index.ts";
import type { ConflictInput, GiftInput } from "../src/domains/disclosures/schemas.ts";
import { createEntity, createPerson, createUser, type RoleName } from "../src/domains/people/index.ts";
import { permissionsOf } from "../src/domains/people/roles.ts";
import type { PersonInput } from "../src/domains/people/schemas.ts";
import {
  approveVersion,
  createPolicy,
  decideWaiver,
  publishVersion,
  requestWaiver,
} from "../src/domains/policies/index.ts";
import type { PolicyInput, WaiverDecision } from "../src/domains/policies/schemas.ts";
import { addInvestorUser } from "../src/domains/restructuring/add-investor-user.ts";
import { createOffering } from "../src/domains/restructuring/create-offering.ts";
import { listHolders } from "../src/domains/restructuring/list-holders.ts";
import { recordElection } from "../src/domains/restructuring/record-election.ts";
import { recordPayment } from "../src/domains/restructuring/record-payment.ts";
import { importRegister } from "../src/domains/restructuring/register.ts";
import { runAllocation } from "../src/domains/restructuring/run-allocation.ts";
import { createCounterparty } from "../src/domains/screening/create-counterparty.ts";
import type { CounterpartyInput } from "../src/domains/screening/schemas.ts";
import { fileReport } from "../src/domains/speakup/index.ts";
import { type ReportInput, reportInput } from "../src/domains/speakup/schemas.ts";
import { isoDate, isoToday } from "../src/kernel/clock.ts";
import { type Actor, type Ctx, systemActor } from "../src/kernel/context.ts";

/** An actor with the given roles, for calling use cases directly. */
export function actorWith(roles: RoleName[], ids: { userId?: string; personId?: string | null } = {}): Actor {
  return {
    kind: "user",
    userId: ids.userId ?? faker.string.uuid(),
    personId: ids.personId ?? null,
    label: `${roles.join("+") || "employee"}@test`,
    roles,
    permissions: permissionsOf(roles),
  };
}

export const buildEntity = (
  ctx: Ctx,
  overrides: Partial<{ code: string; name: string; country: string; parentId: string | null }> = {},
) =>
  createEntity(ctx, {
    code: overrides.code ?? `E-${faker.string.alphanumeric({ length: 6, casing: "upper" })}`,
    name: overrides.name ?? `${faker.company.name()} GmbH`,
    country: overrides.country ?? "DE",
    parentId: overrides.parentId ?? null,
  });

export const buildPerson = (ctx: Ctx, overrides: Partial<PersonInput> = {}) =>
  createPerson(ctx, {
    kind: "employee",
    firstName: faker.person.firstName(),
    lastName: faker.person.lastName(),
    categories: [],
    ...overrides,
  });

export async function buildUser(
  ctx: Ctx,
  roles: RoleName[] = [],
  overrides: { email?: string; password?: string; personId?: string | null; displayName?: string } = {},
) {
  const password = overrides.password ?? "correct horse battery staple";
  // A factory seeds like the demo: as the system, so roles are granted at once (no four-eyes
  // request) and no password change is forced; tests of those rules call createUser themselves.
  const user = await createUser(
    { ...ctx, actor: systemActor("factory") },
    {
      email: overrides.email ?? faker.internet.email().toLowerCase(),
      displayName: overrides.displayName ?? faker.person.fullName(),
      personId: overrides.personId ?? null,
      password,
      roles,
    },
  );
  return { ...user, password };
}

/**
 * A person with a user account holding `roles`, and the actor that user signs in as: the staff
 * member most tests need (an employee who discloses, an officer who signs, a reviewer with tasks).
 */
export async function buildStaff(ctx: Ctx, roles: RoleName[] = [], overrides: Partial<PersonInput> = {}) {
  const person = await buildPerson(ctx, overrides);
  const user = await buildUser(ctx, roles, { personId: person.id });
  return {
    person,
    personId: person.id,
    userId: user.id,
    user,
    name: `${person.firstName} ${person.lastName}`,
    email: person.email ?? user.email,
    actor: { ...actorWith(roles, { userId: user.id, personId: person.id }), label: user.email },
  };
}
export type Staff = Awaited<ReturnType<typeof buildStaff>>;

/** The date `days` after the clock's today (YYYY-MM-DD). */
export const daysFromToday = (ctx: Ctx, days: number) =>
  isoDate(new Date(ctx.clock.now().getTime() + days * 86_400_000));

/**
 * A policy of its own, created, approved (by Legal or the Board, as its authority asks) and
 * published through the real use cases: one section by default.
 */
export async function buildPolicy(ctx: Ctx, overrides: Partial<PolicyInput> = {}) {
  const key = overrides.key ?? `policy-${faker.string.alphanumeric({ length: 8, casing: "lower" })}`;
  const input: PolicyInput = {
    key,
    title: `${faker.company.catchPhrase()} Policy`,
    shortTitle: `Policy ${key.slice(-4)}`,
    audience: ["everyone"],
    owner: "Compliance Office",
    approvalAuthority: "legal",
    sections: [
      {
        number: "1",
        title: "Purpose",
        body: "Do the right thing, and say so when others do not.",
        links: [],
      },
    ],
    ...overrides,
  };
  const compliance = actorWith(["compliance_officer"]);
  const approver = actorWith([input.approvalAuthority === "board" ? "board_member" : "general_counsel"]);
  const created = await createPolicy({ ...ctx, actor: compliance }, input);
  await approveVersion({ ...ctx, actor: approver }, created.versionId);
  await publishVersion({ ...ctx, actor: compliance }, created.versionId, { recertify: false });
  return { ...created, key: input.key };
}

/**
 * A certification campaign launched through the real use cases: a certificate template on a
 * published policy (a fresh one unless `policyId` or `templateId` is given), launched by a
 * compliance officer and due in 30 days unless `dueDate` says otherwise.
 */
export async function buildCampaign(
  ctx: Ctx,
  overrides: Partial<CampaignInput> & { policyId?: string; template?: Partial<TemplateInput> } = {},
) {
  const compliance = actorWith(["compliance_officer"]);
  const as = { ...ctx, actor: compliance };
  let templateId = overrides.templateId;
  let policyId = overrides.policyId ?? overrides.template?.policyId;
  if (!templateId) {
    policyId ??= (await buildPolicy(ctx)).id;
    const template = await createTemplate(as, {
      name: "Code certificate",
      audience: ["everyone"],
      statements: [{ id: "read", text: "I have read the policy and I comply with it." }],
      questions: DEFAULT_QUESTIONS,
      ...overrides.template,
      policyId,
    });
    templateId = template.id;
  }
  const { policyId: _p, template: _t, ...campaign } = overrides;
  const launched = await launchCampaign(as, {
    name: `Campaign ${faker.string.alphanumeric(6)}`,
    dueDate: daysFromToday(ctx, 30),
    ...campaign,
    templateId,
  });
  return { ...launched, templateId, policyId: policyId ?? null, compliance };
}

/** A board committee created by the corporate secretary (no members yet: appoint them with appointMember). */
export async function buildCommittee(ctx: Ctx, overrides: Partial<CommitteeInput> = {}) {
  const secretary = actorWith(["corporate_secretary"]);
  const committee = await createCommittee(
    { ...ctx, actor: secretary },
    {
      key: `committee-${faker.string.alphanumeric({ length: 8, casing: "lower" })}`,
      name: `${faker.word.adjective()} Committee`,
      kind: "other",
      minMembers: 3,
      quorum: 2,
      minRegularMeetings: 2,
      checks: { nyse: true, rule16b3: false, section162m: false },
      charter: "The committee meets twice a year and reports to the Board.",
      ...overrides,
    },
  );
  return { committee, secretary };
}

/** A speak-up report as the web portal sends it: anonymous, its reporter password, a fresh idempotency key. */
export const caseInput = (overrides: Partial<ReportInput> = {}) =>
  reportInput.parse({
    category: "fraud_theft",
    summary: "Stolen scrap",
    details: "Pallets of scrap left the yard at night.",
    password: "reporter-pass-1",
    idempotencyKey: randomUUID(),
    ...overrides,
  });

/** A speak-up case filed through the real intake (`fileReport`): `caseInput` with `overrides`. */
export async function buildCase(ctx: Ctx, overrides: Partial<ReportInput> = {}) {
  const input = caseInput(overrides);
  const filed = await fileReport(ctx, input);
  return { ...filed, input };
}

/** Who files: anyone whose actor has a person (a Staff from buildStaff, or a test's own). */
type Discloser = { actor: Actor };
type ConflictOverrides = Partial<ConflictInput> & { by?: Discloser };
type GiftOverrides = Partial<GiftInput> & { by?: Discloser };

async function fileOwnConflict(ctx: Ctx, { by: who, ...overrides }: ConflictOverrides) {
  const by: Discloser = who ?? (await buildStaff(ctx));
  const disclosure = await fileConflict(
    { ...ctx, actor: by.actor },
    {
      type: "outside_employment",
      title: "Board seat at a local foundry",
      description: "I sit on the board of a foundry that buys scrap from us.",
      answers: {
        role: "board_member",
        organisation: "Ohio Foundry Co.",
        relationship: "customer",
        paid: true,
      },
      ...overrides,
    },
  );
  return { disclosure, by };
}

async function fileOwnGift(ctx: Ctx, { by: who, ...overrides }: GiftOverrides) {
  const by: Discloser = who ?? (await buildStaff(ctx));
  const disclosure = await fileGift(
    { ...ctx, actor: by.actor },
    {
      direction: "received",
      counterpartyName: faker.person.fullName(),
      organisation: faker.company.name(),
      official: "none",
      kind: "meal",
      description: "Lunch with a supplier",
      value: "50.00",
      eventDate: isoDate(ctx.clock.now()),
      businessPurpose: "Quarterly supply review",
      alreadyHappened: true,
      ...overrides,
    },
  );
  return { disclosure, by };
}

/**
 * A conflict of interest (by default an outside board seat) or a gift (by default a $50 lunch
 * received from a supplier, below every approval threshold) disclosed through the real use cases
 * by `by`, or by a fresh employee.
 */
export function buildDisclosure(
  ctx: Ctx,
  what?: "conflict",
  overrides?: ConflictOverrides,
): ReturnType<typeof fileOwnConflict>;
export function buildDisclosure(
  ctx: Ctx,
  what: "gift",
  overrides?: GiftOverrides,
): ReturnType<typeof fileOwnGift>;
export function buildDisclosure(
  ctx: Ctx,
  what: "conflict" | "gift" = "conflict",
  overrides: ConflictOverrides | GiftOverrides = {},
) {
  return what === "gift"
    ? fileOwnGift(ctx, overrides as GiftOverrides)
    : fileOwnConflict(ctx, overrides as ConflictOverrides);
}

/**
 * A code waiver requested for an executive officer (a fresh one unless `personId` is given) on a
 * policy (a fresh published one unless `policyId` is given); decided by the Board when `decision`
 * is given.
 */
export async function buildWaiver(
  ctx: Ctx,
  overrides: {
    policyId?: string;
    personId?: string;
    sectionNumber?: string | null;
    reason?: string;
    decision?: WaiverDecision;
  } = {},
) {
  const compliance = actorWith(["compliance_officer"]);
  const policyId = overrides.policyId ?? (await buildPolicy(ctx)).id;
  const personId =
    overrides.personId ??
    (await buildPerson(ctx, { kind: "officer", categories: ["executive_officer", "senior_officer"] })).id;
  const { id } = await requestWaiver(
    { ...ctx, actor: compliance },
    {
      policyId,
      personId,
      sectionNumber: overrides.sectionNumber ?? null,
      reason: overrides.reason ?? "Serves on the board of a supplier's charity foundation.",
    },
  );
  const decided = overrides.decision
    ? await decideWaiver({ ...ctx, actor: actorWith(["board_member"]) }, id, overrides.decision)
    : null;
  return { id, policyId, personId, decided, compliance };
}

/** The ECA test offering: $10m of rights at $1,000, backstopped 45/40/15 by three investors. */
export const OFFERING_REGISTER_CSV = `holder_id,name,email,investor,class,amount,plan_shares,rights
H1,OCM Opportunities,,oaktree,us_rollup,4500000.00,900000,
H2,Apollo Fund VII,,apollo,us_rollup,2500000.00,500000,
H3,Sankaty IV,,sankaty,eu_term,1000000.00,0,
H4,Blue Credit Fund,blue@example.com,,us_rollup,1500000.00,0,
H4,Blue Credit Fund,blue@example.com,,eu_rollup,500000.00,0,
H5,Green Loan Fund,,,eu_term,1000000.00,0,
`;

export type OfferingStage = "created" | "registered" | "elected" | "allocated";

/**
 * A rights offering of its own, brought through the real use cases to `stage`: created with its
 * three investors (each with a user), the register imported, the elections recorded (H1–H3 all
 * their rights, H4 1,200 of 1,818, H5 none), the allocation run. Elections happen on the clock's
 * day, which must fall in the exercise period (2026-02-23 … 2026-03-13).
 */
export async function buildOffering(ctx: Ctx, stage: OfferingStage = "created") {
  const admin = actorWith(["restructuring_admin"]);
  const agent = actorWith(["subscription_agent"]);
  const offering = await createOffering(
    { ...ctx, actor: admin },
    {
      name: `Test offering ${faker.string.alphanumeric(6)}`,
      unitsOffered: 10000,
      pricePerUnit: "1000.00",
      sharesPerUnit: 10,
      unitComposition: "",
      threshold: "0.50",
      maximumCutback: "0.90",
      structuringFeeRate: "0.035",
      terminationFeeDeduction: "5000000.00",
      preferredShares: 5000,
      preferredPricePerShare: "1000.00",
      exerciseStart: "2026-02-23",
      exerciseEnd: "2026-03-13",
      certifyingOfficer: "Sean M. Stack, CFO",
      investors: [
        { code: "oaktree", name: "Oaktree", backstopPercentage: "0.45", isThresholdGroup: true },
        { code: "apollo", name: "Apollo", backstopPercentage: "0.40", isThresholdGroup: true },
        { code: "sankaty", name: "Sankaty", backstopPercentage: "0.15", isThresholdGroup: false },
      ],
    },
  );
  const investors: Record<string, Actor> = {};
  for (const inv of offering.investors) {
    const user = await buildUser(ctx, ["investor"]);
    await addInvestorUser({ ...ctx, actor: admin }, inv.id, user.id);
    investors[inv.code] = { ...actorWith(["investor"], { userId: user.id }), label: user.email };
  }
  const built = { offering, admin, agent, investors };
  if (stage === "created") return built;
  await importRegister({ ...ctx, actor: admin }, offering.id, { csv: OFFERING_REGISTER_CSV, dryRun: false });
  if (stage === "registered") return built;
  const holders = (await listHolders({ ...ctx, actor: agent }, offering.id, { page: 1, pageSize: 50 })).items;
  for (const code of ["H1", "H2", "H3"]) {
    const h = holders.find((x) => x.code === code);
    if (!h) throw new Error(`holder ${code} missing from the register`);
    await recordElection({ ...ctx, actor: agent }, h.id, { exercised: h.rights });
    await recordPayment({ ...ctx, actor: agent }, h.id, {
      kind: "payment",
      amount: `${h.rights * 1000}.00`,
      receivedOn: isoToday(ctx.clock),
      reference: `WIRE-${code}`,
      note: "",
    });
  }
  const h4 = holders.find((x) => x.code === "H4");
  if (!h4) throw new Error("holder H4 missing from the register");
  await recordElection({ ...ctx, actor: agent }, h4.id, { exercised: 1000 });
  await recordPayment({ ...ctx, actor: agent }, h4.id, {
    kind: "payment",
    amount: "1000000.00",
    receivedOn: isoToday(ctx.clock),
    reference: "WIRE-H4",
    note: "",
  });
  await recordElection({ ...ctx, actor: { ...actorWith([]), label: "blue@example.com" } }, h4.id, {
    exercised: 1200,
  });
  if (stage === "elected") return built;
  await runAllocation({ ...ctx, actor: admin }, offering.id, {
    reason: "an early run on the elections so far, for the test",
  });
  return built;
}

/**
 * A counterparty created (and so screened, COC-18.1) through the real use case: a foreign entity
 * with no aliases or identifiers unless the test names them.
 */
export const buildCounterparty = (
  ctx: Ctx,
  fields: Pick<CounterpartyInput, "name" | "kind" | "country"> & Partial<CounterpartyInput>,
) =>
  createCounterparty(ctx, { aliases: [], partyType: "entity", identifiers: [], isForeign: true, ...fields });

/**
 * A person with a user account holding `roles`, like buildStaff, but signed in as `actorWith(roles)`
 * (labelled by role, e.g. `general_counsel@test`, which tests print when a check fails).
 */
export async function buildMember(ctx: Ctx, roles: RoleName[] = [], overrides: Partial<PersonInput> = {}) {
  const person = await buildPerson(ctx, overrides);
  const user = await buildUser(ctx, roles, { personId: person.id });
  return {
    personId: person.id,
    userId: user.id,
    email: user.email,
    name: `${person.firstName} ${person.lastName}`,
    actor: actorWith(roles, { userId: user.id, personId: person.id }),
  };
}
export type Member = Awaited<ReturnType<typeof buildMember>>;

/**
 * A member with a unique email, hired in 2015 (so in every campaign's audience): a certificate
 * signer or the officer who runs the campaign.
 */
export const buildSigner = (ctx: Ctx, overrides: Partial<PersonInput> = {}, roles: RoleName[] = []) =>
  buildMember(ctx, roles, {
    email: `${randomUUID().slice(0, 8)}@test.example`,
    hireDate: "2015-01-01",
    ...overrides,
  });

/** The Code of Conduct certificate for everyone: the default statements and questions, 30 days for joiners. */
export const codeTemplateInput = (codePolicyId: string): TemplateInput => ({
  name: "Code certificate",
  policyId: codePolicyId,
  audience: ["everyone"],
  statements: defaultStatements("Code of Business Conduct and Ethics"),
  questions: DEFAULT_QUESTIONS,
  joinerDays: 30,
});

/** The Code of Conduct certificate (codeTemplateInput), launched as "Annual 2026". */
export async function launchCodeCampaign(ctx: Ctx, codePolicyId: string) {
  const template = await createTemplate(ctx, codeTemplateInput(codePolicyId));
  await launchCampaign(ctx, { name: "Annual 2026", templateId: template.id, dueDate: "2026-04-01" });
  return template;
}

/** The Compensation Committee with the demo charter: three members, a quorum of two, two regular meetings a year. */
export const compensationCommittee = (
  checks: CommitteeInput["checks"] = { nyse: true, rule16b3: true, section162m: false },
): CommitteeInput => ({
  key: "compensation",
  name: "Compensation Committee",
  kind: "compensation",
  minMembers: 3,
  quorum: 2,
  minRegularMeetings: 2,
  checks,
  charter: compensationCharter(),
});

/** A director's questionnaire with nothing to declare: no employment, fees, auditor ties, interlocks, business or transactions. */
export const NOTHING_TO_DECLARE: QuestionnaireAnswers = {
  employment: [],
  compensation: [],
  auditor: [],
  interlocks: [],
  business: [],
  relatedTransactions: [],
};

/** A director's `year` questionnaire saved with nothing to declare and certified by the director (CC-20). */
export async function certifyDirector(ctx: Ctx, personId: string, year = 2026) {
  await saveQuestionnaire(ctx, personId, { year, answers: NOTHING_TO_DECLARE });
  await certifyQuestionnaire({ ...ctx, actor: actorWith(["board_member"], { personId }) }, personId, year);
}

/** A member's annual appointment by the Board on 2025-05-15, as its Nominating Committee recommended. */
export const annualAppointment = (personId: string, isChair = false): AppointInput => ({
  personId,
  startDate: "2025-05-15",
  isChair,
  recommendedBy: "Nominating and Corporate Governance Committee",
  appointmentKind: "annual",
  boardMeetingDate: "2025-05-15",
  boardReference: null,
});
