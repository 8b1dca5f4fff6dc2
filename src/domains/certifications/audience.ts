import { type RawBuilder, sql } from "kysely";
import type { AudienceRule } from "./tables.ts";

const GROUP_SQL: Record<AudienceRule["groups"][number], RawBuilder<unknown>> = {
  // COC-0.1: the Code binds every director, officer and employee (not external parties).
  everyone: sql`p.kind in ('employee', 'officer', 'director')`,
  // SOC-1: the Senior Officers and the finance & accounting staff.
  senior_officers: sql`p.categories like '%"senior_officer"%'`,
  finance_accounting: sql`p.categories like '%"finance_accounting"%'`,
  directors: sql`(p.kind = 'director' or p.categories like '%"director"%')`,
};

const inList = (column: RawBuilder<unknown>, values: readonly string[]) =>
  sql`${column} in (${sql.join(values.map((v) => sql`${v}`))})`;

/** The people an audience rule selects on `today` (persons aliased `p`): active, hired, bound. */
export function audienceWhere(rule: AudienceRule, today: string): RawBuilder<boolean> {
  const parts: RawBuilder<unknown>[] = [
    sql`p.kind <> 'external'`,
    sql`(p.end_date is null or p.end_date >= ${today})`,
    sql`(p.hire_date is null or p.hire_date <= ${today})`,
    sql`(${sql.join(
      rule.groups.map((g) => GROUP_SQL[g]),
      sql` or `,
    )})`,
  ];
  if (rule.entityIds?.length) parts.push(inList(sql.ref("p.legal_entity_id"), rule.entityIds));
  if (rule.countries?.length) parts.push(inList(sql.ref("p.location_country"), rule.countries));
  if (rule.departments?.length) parts.push(inList(sql.ref("p.department"), rule.departments));
  return sql<boolean>`(${sql.join(parts, sql` and `)})`;
}
