import type { Ctx } from "../../kernel/context.ts";
import { conflict } from "../../kernel/errors.ts";
import { committeesDb } from "./db.ts";
import { getCommittee } from "./get-committee.ts";
import type { CharterVersionView } from "./views.ts";

export async function getCharterVersion(
  ctx: Ctx,
  committeeId: string,
  number: number,
): Promise<CharterVersionView> {
  await getCommittee(ctx, committeeId);
  const v = await committeesDb(ctx)
    .selectFrom("committee_charters")
    .selectAll()
    .where("committee_id", "=", committeeId)
    .where("number", "=", number)
    .executeTakeFirst();
  if (!v) throw conflict(`Charter version ${number} does not exist.`);
  return {
    number: v.number,
    body: v.body,
    contentHash: v.content_hash,
    status: v.status,
    changeNote: v.change_note,
    approvedAt: v.approved_at,
  };
}
