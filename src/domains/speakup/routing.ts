import type { Ctx } from "../../kernel/context.ts";
import { speakupDb } from "./db.ts";
import type { SpeakupSettings } from "./settings.ts";
import type { Category, Team } from "./vocabulary.ts";

const SENIOR_CATEGORIES = ["director", "senior_officer"];
const SENIOR_ROLES = ["ceo", "general_counsel"];

const fold = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9 ]/g, " ")
    .replace(/\s+/g, " ")
    .trim();

/**
 * The directory people a reporter's free-text lines refer to: a line names a person when their
 * first and last name appear in it next to each other, in either order, ignoring case,
 * punctuation and diacritics ("Daniel Okafor, CFO", "Okafor, Daniel", "the CFO Daniel Okafor").
 * An ambiguous name matches every namesake, so each of them is kept away from the case.
 */
export async function resolveNamedPeople(ctx: Ctx, lines: readonly string[]): Promise<string[]> {
  const wanted = lines.map((l) => ` ${fold(l)} `).filter((l) => l.trim().split(" ").length >= 2);
  if (wanted.length === 0) return [];
  // Candidates by last name: any run of one to three words of a line (multi-word surnames).
  const keys = new Set<string>();
  for (const line of wanted) {
    const words = line.trim().split(" ");
    for (let i = 0; i < words.length; i++) {
      for (let n = 1; n <= 3 && i + n <= words.length; n++) keys.add(words.slice(i, i + n).join(" "));
    }
  }
  const candidates = await speakupDb(ctx)
    .selectFrom("persons")
    .select(["id", "first_name", "last_name"])
    .where((eb) => eb(eb.fn("lower", ["last_name"]), "in", [...keys].slice(0, 2000)))
    .execute();
  const ids = new Set<string>();
  for (const p of candidates) {
    const first = fold(p.first_name);
    const last = fold(p.last_name);
    if (wanted.some((l) => l.includes(` ${first} ${last} `) || l.includes(` ${last} ${first} `)))
      ids.add(p.id);
  }
  return [...ids];
}

/** Whether any of these people is the CEO, a Senior Officer (SOC-1), the General Counsel or a director. */
export async function namesSeniorPeople(ctx: Ctx, personIds: readonly string[]): Promise<boolean> {
  if (personIds.length === 0) return false;
  const db = speakupDb(ctx);
  const people = await db
    .selectFrom("persons")
    .select(["id", "categories", "title"])
    .where("id", "in", personIds)
    .execute();
  for (const p of people) {
    const categories = JSON.parse(p.categories) as string[];
    if (categories.some((c) => SENIOR_CATEGORIES.includes(c))) return true;
    if (/general counsel|chief executive/i.test(p.title ?? "")) return true;
  }
  const roles = await db
    .selectFrom("users as u")
    .innerJoin("user_roles as r", "r.user_id", "u.id")
    .select("r.role")
    .where("u.person_id", "in", personIds)
    .where("r.role", "in", SENIOR_ROLES)
    .executeTakeFirst();
  return Boolean(roles);
}

export type Route = { team: Team; assigneeUserId: string | null; reason: string };

/**
 * Applies the routing rules (SOC-4): accounting, internal-control and auditing concerns, and any
 * report naming the CEO, a senior officer, the General Counsel or a director, go to the Audit
 * Committee chair; the rest to the Compliance Office.
 */
export async function routeReport(
  ctx: Ctx,
  settings: SpeakupSettings,
  report: { category: Category; namedPersonIds: readonly string[]; reporterSaysSenior: boolean },
): Promise<Route> {
  const senior = report.reporterSaysSenior || (await namesSeniorPeople(ctx, report.namedPersonIds));
  for (const rule of settings.routing) {
    const categoryMatch = rule.categories.length > 0 && rule.categories.includes(report.category);
    const seniorMatch = rule.namesSeniorPeople && senior;
    if (!categoryMatch && !seniorMatch) continue;
    return {
      team: rule.team,
      assigneeUserId: await teamLead(ctx, rule.team),
      reason: `${rule.label}${rule.rule ? ` (${rule.rule})` : ""}`,
    };
  }
  return { team: "compliance", assigneeUserId: null, reason: "Default: the Compliance Office (COC-21.1)" };
}

/** The Audit Committee's cases go to its chair by name; the Compliance Office works as a team queue. */
async function teamLead(ctx: Ctx, team: Team): Promise<string | null> {
  if (team !== "audit_committee") return null;
  const chair = await speakupDb(ctx)
    .selectFrom("users as u")
    .innerJoin("user_roles as r", "r.user_id", "u.id")
    .select("u.id")
    .where("r.role", "=", "audit_committee_chair")
    .where("u.disabled", "=", 0)
    .orderBy("u.created_at")
    .executeTakeFirst();
  return chair?.id ?? null;
}
