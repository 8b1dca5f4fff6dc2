import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { conflict } from "../../kernel/errors.ts";
import { newId } from "../../kernel/ids.ts";
import { insertCharter } from "./committees.ts";
import { committeesDb } from "./db.ts";
import { getCommittee } from "./get-committee.ts";
import { authorize } from "./policy.ts";
import type { CommitteeInput } from "./schemas.ts";
import type { CommitteeView } from "./views.ts";

export async function createCommittee(ctx: Ctx, input: CommitteeInput): Promise<CommitteeView> {
  authorize(ctx.actor, "committee.create");
  return withTransaction(ctx, async (tx) => {
    const db = committeesDb(tx);
    if (await db.selectFrom("committees").select("id").where("key", "=", input.key).executeTakeFirst())
      throw conflict(`A committee with the key "${input.key}" already exists.`);
    const id = newId();
    const now = isoNow(tx.clock);
    await db
      .insertInto("committees")
      .values({
        id,
        key: input.key,
        name: input.name,
        kind: input.kind,
        min_members: input.minMembers,
        quorum: input.quorum,
        min_regular_meetings: input.minRegularMeetings,
        checks: JSON.stringify(input.checks),
        created_at: now,
        updated_at: now,
      })
      .execute();
    await insertCharter(tx, id, 1, input.charter, "Adopted by resolution of the Board.");
    await record(tx, "committee.create", { type: "committee", id }, { key: input.key, name: input.name });
    return getCommittee(tx, id);
  });
}
