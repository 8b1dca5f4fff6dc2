import type { Ctx } from "../../kernel/context.ts";
import { activeUsersInRole, anyHoldsRole, personFacts } from "../people/index.ts";
import { findNamedPeople } from "./named-people.ts";
import type { SpeakupSettings } from "./settings.ts";
import type { Category, Team } from "./vocabulary.ts";

const SENIOR_CATEGORIES = ["director", "senior_officer"];
const SENIOR_ROLES = ["ceo", "general_counsel"];

/**
 * The directory people a reporter's free-text lines name for certain (first and last name next to
 * each other, in either order, a middle initial allowed, ignoring case, punctuation, diacritics
 * and look-alike letters). Probable matches are left to fileReport, which reads the whole report.
 */
export async function resolveNamedPeople(ctx: Ctx, lines: readonly string[]): Promise<string[]> {
  const { matches } = await findNamedPeople(ctx, { involved: [], texts: lines, pickedIds: [] });
  return matches.filter((m) => m.certainty === "certain" && m.personId).map((m) => m.personId as string);
}

/** Whether any of these people is the CEO, a Senior Officer (SOC-1), the General Counsel or a director. */
export async function namesSeniorPeople(
  ctx: Ctx,
  personIds: readonly string[],
  userIds: readonly string[] = [],
): Promise<boolean> {
  if (personIds.length === 0 && userIds.length === 0) return false;
  // The directory and the accounts' roles, through people (issue 13: one owner per table).
  for (const p of await personFacts(ctx, personIds)) {
    if (p.categories.some((c) => SENIOR_CATEGORIES.includes(c))) return true;
    if (/general counsel|chief executive/i.test(p.title ?? "")) return true;
  }
  return anyHoldsRole(ctx, { personIds, userIds }, SENIOR_ROLES);
}

export type Route = { team: Team; reason: string };

export const UNCERTAIN_REASON =
  "Names someone who could not be identified with certainty: the Audit Committee decides who may handle it (COC-22.2, SOC-4)";

/**
 * Applies the routing rules (SOC-4): accounting, internal-control and auditing concerns, and any
 * report naming the CEO, a senior officer, the General Counsel or a director (by name or by
 * title), go to the Audit Committee; so does a report naming someone only probably (a surname
 * alone, an initial, a similar spelling), whose probable match might be anyone in the Compliance
 * Office. The rest go to the Compliance Office. Who handles it is decided by ensureHandler.
 */
export async function routeReport(
  ctx: Ctx,
  settings: SpeakupSettings,
  report: {
    category: Category;
    namedPersonIds: readonly string[];
    namedUserIds?: readonly string[];
    reporterSaysSenior: boolean;
    namesSeniorOffice?: boolean;
    isUncertain?: boolean;
  },
): Promise<Route> {
  const senior =
    report.reporterSaysSenior ||
    Boolean(report.namesSeniorOffice) ||
    (await namesSeniorPeople(ctx, report.namedPersonIds, report.namedUserIds ?? []));
  let route: Route = { team: "compliance", reason: "Default: the Compliance Office (COC-21.1)" };
  for (const rule of settings.routing) {
    const categoryMatch = rule.categories.length > 0 && rule.categories.includes(report.category);
    const seniorMatch = rule.namesSeniorPeople && senior;
    if (!categoryMatch && !seniorMatch) continue;
    route = { team: rule.team, reason: `${rule.label}${rule.rule ? ` (${rule.rule})` : ""}` };
    break;
  }
  if (report.isUncertain && route.team !== "audit_committee")
    return { team: "audit_committee", reason: UNCERTAIN_REASON };
  return route;
}

/** The Audit Committee's cases go to its chair by name, unless the chair may not handle the case. */
export async function teamLead(ctx: Ctx, team: Team, eligible: ReadonlySet<string>): Promise<string | null> {
  if (team !== "audit_committee") return null;
  const chairs = await activeUsersInRole(ctx, "audit_committee_chair", { oldestFirst: true });
  return chairs.find((c) => eligible.has(c.id))?.id ?? null;
}
