import { isoNow } from "../../kernel/clock.ts";
import type { Ctx } from "../../kernel/context.ts";
import { committeesDb } from "./db.ts";

export async function endChairs(ctx: Ctx, committeeId: string) {
  await committeesDb(ctx)
    .updateTable("committee_members")
    .set({ is_chair: 0, updated_at: isoNow(ctx.clock) })
    .where("committee_id", "=", committeeId)
    .where("is_chair", "=", 1)
    .execute();
}
