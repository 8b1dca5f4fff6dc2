// What the case use cases share: the case being worked on, messages to the reporter, tasks, plan items.
import { isoNow } from "../../kernel/clock.ts";
import type { Ctx } from "../../kernel/context.ts";
import { conflict } from "../../kernel/errors.ts";
import { newId } from "../../kernel/ids.ts";
import { closeTasks } from "../../kernel/tasks.ts";
import { speakupDb } from "./db.ts";
import { loadVisibleCase } from "./get-case.ts";
import type { ItemInput } from "./schemas.ts";
import { type CaseKey, sealJson } from "./sealing.ts";

export const subject = (id: string) => ({ type: "speakup_case", id });

export async function activeCase(ctx: Ctx, id: string) {
  const loaded = await loadVisibleCase(ctx, id);
  if (loaded.row.merged_into_id)
    throw conflict(`This case was merged into another; work on that case instead.`);
  return loaded;
}

export async function systemMessage(
  ctx: Ctx,
  key: CaseKey,
  text: string,
  authorUserId: string | null,
  isFeedback = false,
) {
  const id = newId();
  await speakupDb(ctx)
    .insertInto("speakup_messages")
    .values({
      id,
      case_id: key.caseId,
      author: authorUserId ? "handler" : "system",
      author_user_id: authorUserId,
      body: sealJson(key, `message:${id}`, text),
      created_at: isoNow(ctx.clock),
      read_at: null,
      is_feedback: isFeedback ? 1 : 0,
    })
    .execute();
  return id;
}

export const ACKNOWLEDGEMENT =
  "Thank you. Your report has been received and will be looked into. We may ask you questions here, so please check back with your receipt and password. Retaliation against anyone who reports in good faith is not tolerated (Code section 21).";

export async function completeTasks(ctx: Ctx, caseId: string, kind: string) {
  await closeTasks(ctx, { href: `/speakup/cases/${caseId}`, kinds: [kind] });
}

export async function addItemInTx(ctx: Ctx, caseId: string, input: ItemInput) {
  const { key } = await loadVisibleCase(ctx, caseId);
  const id = newId();
  const now = isoNow(ctx.clock);
  await speakupDb(ctx)
    .insertInto("speakup_case_items")
    .values({
      id,
      case_id: caseId,
      kind: input.kind,
      body: sealJson(key, `item:${id}`, { title: input.title, text: input.text }),
      status: "open",
      due_on: input.dueOn ?? null,
      author_user_id: ctx.actor.kind === "user" ? ctx.actor.userId : null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}
