import type { Ctx } from "../../kernel/context.ts";
import { summary } from "./committees.ts";
import { committeeCompliance } from "./compliance.ts";
import { committeesDb } from "./db.ts";
import { standingOf } from "./load.ts";
import { can } from "./policy.ts";
import type { CommitteeListView } from "./views.ts";

export async function listCommittees(ctx: Ctx): Promise<CommitteeListView> {
  const rows = await committeesDb(ctx).selectFrom("committees").selectAll().orderBy("name").execute();
  const items = [];
  for (const r of rows) {
    const standing = await standingOf(ctx, r.id);
    if (!can(ctx.actor, "committee.read", standing)) continue;
    const compliance = await committeeCompliance(ctx, r);
    items.push({
      ...summary(r),
      members: compliance.members.length,
      chair: compliance.members.find((m) => m.isChair)?.name ?? null,
      isCompliant: compliance.isCompliant,
      alerts: compliance.alerts.length,
    });
  }
  return { items, canCreate: can(ctx.actor, "committee.create") };
}
