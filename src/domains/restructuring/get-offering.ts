import type { Ctx } from "../../kernel/context.ts";
import { notFound } from "../../kernel/errors.ts";
import { centsText } from "./allocate-offering.ts";
import { big, int, rxDb } from "./db.ts";
import {
  effectiveBackstops,
  feesOf,
  investorOfActor,
  loadInvestors,
  loadOffering,
  offeringTerms,
} from "./offerings.ts";
import { authorize, can, seesAll } from "./policy.ts";
import { rightsBasis } from "./rights-basis.ts";
import type { Facts } from "./schemas.ts";
import type { OfferingView } from "./views.ts";

export async function getOffering(ctx: Ctx, id: string): Promise<OfferingView> {
  authorize(ctx.actor, "offering.read");
  const o = await loadOffering(ctx, id);
  const mine = await investorOfActor(ctx, id);
  if (!seesAll(ctx.actor) && !mine) throw notFound("The offering");
  const investors = await loadInvestors(ctx, id);
  const effective = effectiveBackstops(investors);
  const s = await rxDb(ctx)
    .selectFrom("rx_holders")
    .select((eb) => [
      eb.fn.countAll<string | number>().as("holders"),
      eb.fn.sum<string | number | null>("rights").as("rights"),
      eb.fn.sum<string | number | null>("exercised").as("exercised"),
      eb.fn.sum<string | number | null>("payment_cents").as("paid"),
      eb.fn.count<string | number>("elected_at").as("elected"),
    ])
    .where("offering_id", "=", id)
    .executeTakeFirstOrThrow();
  const groups = await rxDb(ctx)
    .selectFrom("rx_holders")
    .select((eb) => [
      eb.fn.countAll<string | number>().as("holders"),
      eb.fn.sum<string | number | null>("rights").as("rights"),
      eb.fn.sum<string | number | null>("claims_cents").as("claims"),
      eb.case().when("rights_explicit", "is", null).then(0).else(1).end().as("entered"),
    ])
    .where("offering_id", "=", id)
    .groupBy((eb) => eb.case().when("rights_explicit", "is", null).then(0).else(1).end())
    .execute();
  const fees = feesOf(o);
  return {
    id: o.id,
    name: o.name,
    ...offeringTerms(o),
    structuringFee: centsText(fees.structuringCents),
    terminationFee: centsText(fees.terminationCents),
    rightsBasis: rightsBasis(
      int(o.units_offered),
      groups.map((g) => ({
        entered: int(g.entered) === 1,
        holders: int(g.holders),
        rights: int(g.rights),
        claimsCents: big(g.claims),
      })),
    ),
    unitComposition: o.unit_composition,
    exerciseStart: o.exercise_start,
    exerciseEnd: o.exercise_end,
    recordDate: o.record_date ?? o.exercise_start,
    certifyingOfficer: o.certifying_officer,
    facts: JSON.parse(o.facts) as Facts,
    investors: investors.map((i) => ({
      id: i.id,
      code: i.code,
      name: i.name,
      backstopPercentage: i.backstop_percentage,
      effectiveBackstopPercentage: effective.get(i.id)!,
      isThresholdGroup: i.is_threshold_group === 1,
      withdrawnAt: i.withdrawn_at,
    })),
    summary: {
      holders: int(s.holders),
      rights: int(s.rights),
      exercised: int(s.exercised),
      elected: int(s.elected),
      paid: centsText(big(s.paid)),
    },
    myInvestorId: mine?.id ?? null,
    can: {
      manage: can(ctx.actor, "offering.manage"),
      readRegister: can(ctx.actor, "register.read"),
      elect: can(ctx.actor, "election.record"),
      runAllocation: can(ctx.actor, "allocation.run"),
      readAllocation: can(ctx.actor, "allocation.read"),
      vote: can(ctx.actor, "vote.cast") && mine !== null,
      withdraw: can(ctx.actor, "investor.withdraw"),
    },
  };
}
