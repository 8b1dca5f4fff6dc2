// What the guidance use cases share: where a request lives and how it reaches the Legal Department.
import type { Ctx } from "../../kernel/context.ts";
import { mailTo, openTask, usersWith } from "./support.ts";

export const guidanceHref = (id: string) => `/disclosures/guidance/${id}`;

export async function assignToLegal(
  ctx: Ctx,
  g: { id: string; number: string; topic: string },
  askerUserId: string,
) {
  const legal = (await usersWith(ctx, "guidance.answer")).filter((u) => u.userId !== askerUserId);
  for (const u of legal)
    await openTask(ctx, {
      userId: u.userId,
      kind: "disclosures.guidance.answer",
      title: `Answer guidance request ${g.number}: ${g.topic} (COC-22.1)`,
      href: guidanceHref(g.id),
    });
  await mailTo(
    ctx,
    legal,
    `Guidance requested: ${g.number}`,
    `A question about "${g.topic}" waits for the Legal Department's answer (COC-22.1, ask first, act later).`,
  );
}
