import type { Ctx } from "../../kernel/context.ts";
import { discDb } from "./db.ts";
import type { FaqList } from "./views.ts";

/** The published FAQs, newest first (COC-22.1). */
export async function listFaqs(ctx: Ctx): Promise<FaqList> {
  const rows = await discDb(ctx)
    .selectFrom("guidance_requests")
    .select(["id", "faq_question", "faq_answer", "published_at"])
    .where("published_at", "is not", null)
    .orderBy("published_at", "desc")
    .limit(500)
    .execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      question: r.faq_question,
      answer: r.faq_answer,
      publishedAt: r.published_at,
    })),
  };
}
