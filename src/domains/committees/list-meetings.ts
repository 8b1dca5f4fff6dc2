import type { Ctx } from "../../kernel/context.ts";
import { notFound } from "../../kernel/errors.ts";
import { committeesDb } from "./db.ts";
import { loadCommittee, standingOf } from "./load.ts";
import { can } from "./policy.ts";
import type { MeetingList } from "./views.ts";

export async function listMeetings(ctx: Ctx, committeeId: string): Promise<MeetingList> {
  await loadCommittee(ctx, committeeId);
  if (!can(ctx.actor, "committee.read", await standingOf(ctx, committeeId))) throw notFound("The committee");
  const rows = await committeesDb(ctx)
    .selectFrom("committee_meetings as m")
    .leftJoin("meeting_minutes as n", "n.meeting_id", "m.id")
    .select(["m.id", "m.kind", "m.title", "m.starts_at", "m.mode", "m.status", "n.status as minutes_status"])
    .where("m.committee_id", "=", committeeId)
    .orderBy("m.starts_at", "desc")
    .execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      startsAt: r.starts_at,
      mode: r.mode,
      status: r.status,
      minutesStatus: r.minutes_status ?? null,
    })),
  };
}
