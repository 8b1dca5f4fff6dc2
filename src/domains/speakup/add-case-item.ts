import { record } from "../../kernel/audit.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { activeCase, addItemInTx, subject } from "./case-work.ts";
import type { ItemInput } from "./schemas.ts";
import type { CaseItemCreatedView } from "./views.ts";

/** The investigation plan: tasks, interviews, evidence, notes and the final report. */
export async function addCaseItem(ctx: Ctx, caseId: string, input: ItemInput): Promise<CaseItemCreatedView> {
  return withTransaction(ctx, async (tx) => {
    await activeCase(tx, caseId);
    const id = await addItemInTx(tx, caseId, input);
    await record(tx, "case.item", subject(caseId), { itemId: id, kind: input.kind });
    return { id };
  });
}
