import type { Ctx } from "../../kernel/context.ts";
import { conflict, invalid, notFound } from "../../kernel/errors.ts";
import { yearsBefore } from "./dates.ts";
import { committeesDb } from "./db.ts";
import type { FACTOR_KEYS } from "./schemas.ts";

/** The six independence factors of Exchange Act Rule 10C-1(b)(4). */
export const FACTOR_LABELS: Record<(typeof FACTOR_KEYS)[number], string> = {
  otherServices: "Other services the adviser's employer provides to the company",
  feesShareOfRevenue: "Fees from the company as a share of the employer's total revenue",
  conflictPolicies: "The employer's policies and procedures to prevent conflicts of interest",
  businessOrPersonalRelationshipWithMembers: "Business or personal relationships with committee members",
  stockOwned: "Company stock owned by the adviser",
  relationshipWithExecutiveOfficers:
    "Business or personal relationships with the company's executive officers",
};

export async function loadAdviser(ctx: Ctx, adviserId: string) {
  const a = await committeesDb(ctx)
    .selectFrom("committee_advisers")
    .selectAll()
    .where("id", "=", adviserId)
    .executeTakeFirst();
  if (!a) throw notFound("The adviser");
  return a;
}

/** The latest assessment made within the year before `date`, if any (renewed yearly, CC-16). */
export async function currentAssessment(ctx: Ctx, adviserId: string, date: string) {
  return committeesDb(ctx)
    .selectFrom("adviser_assessments")
    .selectAll()
    .where("adviser_id", "=", adviserId)
    .where("assessed_on", ">", yearsBefore(date, 1))
    .where("assessed_on", "<=", date)
    .orderBy("assessed_on", "desc")
    .executeTakeFirst();
}

/** Before the committee takes advice, the adviser is retained and assessed within the last year (CC-9, CC-16). */
export async function assertAdviserMayAdvise(ctx: Ctx, committeeId: string, adviserId: string, date: string) {
  const a = await loadAdviser(ctx, adviserId);
  if (a.committee_id !== committeeId)
    throw invalid("The adviser is not this committee's.", [
      { path: "adviserId", message: "is another committee's adviser" },
    ]);
  if (a.status !== "retained")
    throw conflict(`CC-9: ${a.name} is not retained by the committee (${a.status}).`);
  if (!(await currentAssessment(ctx, adviserId, date)))
    throw conflict(
      `CC-16: before taking advice from ${a.name} the committee records its assessment of the six Rule 10C-1 independence factors; the last one is more than a year old or missing.`,
    );
  return a;
}
