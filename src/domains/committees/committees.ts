import { z } from "zod";
import { isoNow } from "../../kernel/clock.ts";
import type { Ctx } from "../../kernel/context.ts";
import { newId } from "../../kernel/ids.ts";
import { getSetting } from "../../kernel/settings.ts";
import { committeesDb } from "./db.ts";
import { checksOf, type loadCommittee, sha256 } from "./load.ts";
import type { CommitteeView } from "./views.ts";

export type CommitteeSummary = Pick<
  CommitteeView,
  "id" | "key" | "name" | "kind" | "minMembers" | "quorum" | "minRegularMeetings" | "checks"
>;
export type { CommitteeView };

export async function insertCharter(
  ctx: Ctx,
  committeeId: string,
  number: number,
  body: string,
  note: string,
) {
  const now = isoNow(ctx.clock);
  await committeesDb(ctx)
    .insertInto("committee_charters")
    .values({
      id: newId(),
      committee_id: committeeId,
      number,
      body,
      content_hash: sha256(body),
      change_note: note,
      status: "approved",
      approved_by: "Board of Directors",
      approved_at: now,
      created_by: ctx.actor.label,
      created_at: now,
    })
    .execute();
}

export const summary = (r: Awaited<ReturnType<typeof loadCommittee>>): CommitteeSummary => ({
  id: r.id,
  key: r.key,
  name: r.name,
  kind: r.kind,
  minMembers: r.min_members,
  quorum: r.quorum,
  minRegularMeetings: r.min_regular_meetings,
  checks: checksOf(r),
});

const boardSchema = z.object({ chairmanPersonId: z.string().nullable() });
/** The Chairman of the Board, who may call special meetings of any committee (CC-7). */
export const getBoard = (ctx: Ctx) =>
  getSetting(ctx, "committees.board", boardSchema, { chairmanPersonId: null });
