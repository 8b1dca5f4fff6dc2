import type { Ctx } from "../../kernel/context.ts";
import { forbidden } from "../../kernel/errors.ts";
import { summary } from "./committees.ts";
import { committeeCompliance } from "./compliance.ts";
import { committeesDb } from "./db.ts";
import { loadCommittee, standingOf, today } from "./load.ts";
import { can } from "./policy.ts";
import { COMMITTEE_ACTIONS, type CommitteeView } from "./views.ts";

export async function getCommittee(ctx: Ctx, id: string, asOf?: string): Promise<CommitteeView> {
  const row = await loadCommittee(ctx, id);
  const standing = await standingOf(ctx, id);
  if (!can(ctx.actor, "committee.read", standing))
    throw forbidden("You may not read this committee's records.");
  const versions = await committeesDb(ctx)
    .selectFrom("committee_charters")
    .selectAll()
    .where("committee_id", "=", id)
    .orderBy("number", "desc")
    .execute();
  const current = versions[0]!;
  return {
    ...summary(row),
    charter: {
      id: current.id,
      number: current.number,
      body: current.body,
      contentHash: current.content_hash,
      changeNote: current.change_note,
      approvedAt: current.approved_at,
      approvedBy: current.approved_by,
    },
    charterVersions: versions.map((v) => ({
      id: v.id,
      number: v.number,
      status: v.status,
      changeNote: v.change_note,
      approvedAt: v.approved_at,
    })),
    compliance: await committeeCompliance(ctx, row, asOf ?? today(ctx)),
    can: Object.fromEntries(
      COMMITTEE_ACTIONS.map((a) => [a, can(ctx.actor, a, standing)]),
    ) as CommitteeView["can"],
  };
}
