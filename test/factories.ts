import { faker } from "@faker-js/faker";
import { createEntity, createPerson, createUser, type RoleName } from "../src/domains/people/index.ts";
import { permissionsOf } from "../src/domains/people/roles.ts";
import type { PersonInput } from "../src/domains/people/schemas.ts";
import { addInvestorUser } from "../src/domains/restructuring/add-investor-user.ts";
import { createOffering } from "../src/domains/restructuring/create-offering.ts";
import { listHolders } from "../src/domains/restructuring/list-holders.ts";
import { recordElection } from "../src/domains/restructuring/record-election.ts";
import { importRegister } from "../src/domains/restructuring/register.ts";
import { runAllocation } from "../src/domains/restructuring/run-allocation.ts";
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
  overrides: { email?: string; password?: string; personId?: string | null } = {},
) {
  const password = overrides.password ?? "correct horse battery staple";
  // A factory seeds like the demo: as the system, so roles are granted at once (no four-eyes
  // request) and no password change is forced; tests of those rules call createUser themselves.
  const user = await createUser(
    { ...ctx, actor: systemActor("factory") },
    {
      email: overrides.email ?? faker.internet.email().toLowerCase(),
      displayName: faker.person.fullName(),
      personId: overrides.personId ?? null,
      password,
      roles,
    },
  );
  return { ...user, password };
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
    await recordElection({ ...ctx, actor: agent }, h.id, {
      exercised: h.rights,
      payment: `${h.rights * 1000}.00`,
    });
  }
  const h4 = holders.find((x) => x.code === "H4");
  if (!h4) throw new Error("holder H4 missing from the register");
  await recordElection({ ...ctx, actor: agent }, h4.id, { exercised: 1000, payment: "1000000.00" });
  await recordElection({ ...ctx, actor: { ...actorWith([]), label: "blue@example.com" } }, h4.id, {
    exercised: 1200,
  });
  if (stage === "elected") return built;
  await runAllocation({ ...ctx, actor: admin }, offering.id);
  return built;
}
