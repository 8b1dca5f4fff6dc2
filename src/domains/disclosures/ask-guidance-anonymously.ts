import { anonymousActor, type Ctx } from "../../kernel/context.ts";
import { fileReport, reportInput } from "../speakup/index.ts";
import { anonymousGuidanceInput } from "./schemas.ts";
import { parseInput, signedIn } from "./support.ts";
import type { AnonymousGuidanceReceipt } from "./views.ts";

/**
 * Asks anonymously through the speak-up mailbox: files a confidential speak-up report in the
 * "other" category, acting as nobody, and returns its receipt. Probity keeps no link between the
 * user and the report; Legal answers through the mailbox (COC-22.2).
 */
export async function askGuidanceAnonymously(
  ctx: Ctx,
  raw: { topic: string; question: string; password: string; idempotencyKey: string },
): Promise<AnonymousGuidanceReceipt> {
  signedIn(ctx, "ask for guidance");
  const input = parseInput(anonymousGuidanceInput, raw);
  const report = reportInput.parse({
    channel: "web",
    category: "other",
    summary: `Guidance request: ${input.topic}`.slice(0, 200),
    details: `Ask first, act later (COC-22.1): a question for the Legal Department.\n\n${input.question}`,
    identityMode: "anonymous",
    password: input.password,
    idempotencyKey: input.idempotencyKey,
  });
  const filed = await fileReport({ ...ctx, actor: anonymousActor }, report);
  return { receipt: filed.receipt, caseNumber: filed.number };
}
