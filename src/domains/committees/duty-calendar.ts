import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { notFound } from "../../kernel/errors.ts";
import { type DutyStatus, ensureDuties, listDuties } from "./duties.ts";
import { loadCommittee, standingOf, today } from "./load.ts";
import { can } from "./policy.ts";
import type { DutyCalendarView } from "./views.ts";

/** The year's duties with what is done, due and overdue on `asOf` (today by default). */
export async function dutyCalendar(
  ctx: Ctx,
  committeeId: string,
  year: number,
  asOf = today(ctx),
): Promise<DutyCalendarView> {
  const committee = await loadCommittee(ctx, committeeId);
  if (!can(ctx.actor, "committee.read", await standingOf(ctx, committeeId))) throw notFound("The committee");
  await withTransaction(ctx, (tx) => ensureDuties(tx, committeeId, year));
  const duties = await listDuties(ctx, committee, year, asOf);
  const count = (s: DutyStatus) => duties.filter((d) => d.status === s).length;
  return {
    year,
    asOf,
    totals: { done: count("done"), due: count("due"), overdue: count("overdue") },
    duties,
    canLink: can(ctx.actor, "meeting.record", await standingOf(ctx, committeeId)),
  };
}
