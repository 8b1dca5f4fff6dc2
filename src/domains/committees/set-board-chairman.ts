import { record } from "../../kernel/audit.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { putSetting } from "../../kernel/settings.ts";
import { personName } from "./load.ts";
import { authorize } from "./policy.ts";
import type { BoardChairmanView } from "./views.ts";

export async function setBoardChairman(ctx: Ctx, personId: string): Promise<BoardChairmanView> {
  authorize(ctx.actor, "committee.appoint");
  return withTransaction(ctx, async (tx) => {
    const name = await personName(tx, personId);
    await putSetting(tx, "committees.board", { chairmanPersonId: personId });
    await record(tx, "board.chairman", { type: "person", id: personId }, { name });
    return { chairmanPersonId: personId, name };
  });
}
