import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import {
  anonymousActor,
  type Ctx,
  hasPermission,
  systemActor,
  withTransaction,
} from "../../kernel/context.ts";
import { conflict, forbidden, invalid, notFound } from "../../kernel/errors.ts";
import { newId } from "../../kernel/ids.ts";
import { fileReport, reportInput } from "../speakup/index.ts";
import { discDb } from "./db.ts";
import { anonymousGuidanceInput, answerInput, faqInput, guidanceInput } from "./schemas.ts";
import {
  closeTasks,
  mailTo,
  nextNumber,
  openTask,
  parseInput,
  type Recipient,
  signedIn,
  userOfPerson,
  usersWith,
} from "./support.ts";
import type { GuidanceRequestsTable } from "./tables.ts";

export const guidanceHref = (id: string) => `/disclosures/guidance/${id}`;

/**
 * COC-22.1: the supervisor first, then the plant manager or a corporate officer, then the General
 * Counsel. Walks up the org chart to the nearest manager who has an account.
 */
async function nearestManager(ctx: Ctx, personId: string): Promise<Recipient | null> {
  let cursor: string | null = personId;
  const seen = new Set<string>();
  for (let depth = 0; depth < 8 && cursor && !seen.has(cursor); depth++) {
    seen.add(cursor);
    const row: { supervisor_id: string | null } | undefined = await discDb(ctx)
      .selectFrom("persons")
      .select("supervisor_id")
      .where("id", "=", cursor)
      .executeTakeFirst();
    cursor = row?.supervisor_id ?? null;
    if (cursor) {
      const user = await userOfPerson(ctx, cursor);
      if (user) return user;
    }
  }
  return null;
}

async function assignToLegal(
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

/** "Ask first, act later": a question routed to the supervisor (or the next manager) or to Legal (COC-22.1). */
export async function askGuidance(
  ctx: Ctx,
  raw: { topic: string; question: string; routeTo?: "supervisor" | "legal" },
) {
  const me = signedIn(ctx, "ask for guidance");
  const input = parseInput(guidanceInput, raw);
  return withTransaction(ctx, async (tx) => {
    const manager =
      input.routeTo === "supervisor" && me.personId ? await nearestManager(tx, me.personId) : null;
    const routedTo = manager ? "supervisor" : "legal";
    const id = newId();
    const now = isoNow(tx.clock);
    const number = await nextNumber(tx, "guidance_requests", "GQ");
    await discDb(tx)
      .insertInto("guidance_requests")
      .values({
        id,
        number,
        asker_user_id: me.userId,
        asker_person_id: me.personId,
        topic: input.topic,
        question: input.question,
        routed_to: routedTo,
        assignee_user_id: manager?.userId ?? null,
        status: "open",
        answer: null,
        answered_by_label: null,
        answered_at: null,
        faq_question: null,
        faq_answer: null,
        published_at: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    if (manager) {
      await openTask(tx, {
        userId: manager.userId,
        kind: "disclosures.guidance.answer",
        title: `Answer ${me.label}'s question ${number}: ${input.topic} (COC-22.1)`,
        href: guidanceHref(id),
      });
      await mailTo(
        tx,
        [manager],
        `A question for you: ${number}`,
        `${me.label} asks for guidance about "${input.topic}" (COC-22.1). Answer it, or pass it to the Legal Department.`,
      );
    } else await assignToLegal(tx, { id, number, topic: input.topic }, me.userId);
    await record(
      tx,
      "guidance.ask",
      { type: "guidance_request", id },
      { number, routedTo, fellBackToLegal: input.routeTo === "supervisor" && !manager },
    );
    return getGuidance(tx, id);
  });
}

/**
 * Asks anonymously through the speak-up mailbox: files a confidential speak-up report in the
 * "other" category, acting as nobody, and returns its receipt. Probity keeps no link between the
 * user and the report; Legal answers through the mailbox (COC-22.2).
 */
export async function askGuidanceAnonymously(
  ctx: Ctx,
  raw: { topic: string; question: string; password: string; idempotencyKey: string },
) {
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

async function load(ctx: Ctx, id: string): Promise<GuidanceRequestsTable> {
  const g = await discDb(ctx)
    .selectFrom("guidance_requests")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  const a = ctx.actor;
  const visible =
    g &&
    (a.kind === "system" ||
      (a.kind === "user" && (a.userId === g.asker_user_id || a.userId === g.assignee_user_id)) ||
      (hasPermission(a, "guidance.answer") && g.routed_to === "legal"));
  if (!g || !visible) throw notFound("The guidance request");
  return g;
}

function toGuidance(ctx: Ctx, g: GuidanceRequestsTable) {
  const a = ctx.actor;
  const userId = a.kind === "user" ? a.userId : null;
  const answerer =
    userId !== null &&
    userId !== g.asker_user_id &&
    (userId === g.assignee_user_id || (g.routed_to === "legal" && hasPermission(a, "guidance.answer")));
  return {
    id: g.id,
    number: g.number,
    topic: g.topic,
    question: g.question,
    routedTo: g.routed_to,
    status: g.status,
    answer: g.answer,
    answeredBy: g.answered_by_label,
    answeredAt: g.answered_at,
    faq: g.published_at
      ? { question: g.faq_question, answer: g.faq_answer, publishedAt: g.published_at }
      : null,
    createdAt: g.created_at,
    isMine: userId === g.asker_user_id,
    can: {
      answer: answerer && g.status === "open",
      escalate: answerer && g.status === "open" && g.routed_to === "supervisor",
      publish:
        hasPermission(a, "guidance.answer") &&
        g.status === "answered" &&
        !g.published_at &&
        userId !== g.asker_user_id,
    },
  };
}

export const getGuidance = async (ctx: Ctx, id: string) => toGuidance(ctx, await load(ctx, id));

export async function answerGuidance(ctx: Ctx, id: string, raw: { answer: string }) {
  const { answer } = parseInput(answerInput, raw);
  return withTransaction(ctx, async (tx) => {
    const g = await load(tx, id);
    if (!toGuidance(tx, g).can.answer) {
      if (g.status !== "open") throw conflict("This question is already answered.");
      throw forbidden(
        "Only the supervisor it was routed to, or the Legal Department, answers it (COC-22.1).",
      );
    }
    const now = isoNow(tx.clock);
    await discDb(tx)
      .updateTable("guidance_requests")
      .set({
        status: "answered",
        answer,
        answered_by_label: ctx.actor.label,
        answered_at: now,
        updated_at: now,
      })
      .where("id", "=", id)
      .execute();
    await closeTasks(tx, guidanceHref(id));
    const asker = await discDb(tx)
      .selectFrom("users")
      .select(["id", "email", "display_name"])
      .where("id", "=", g.asker_user_id)
      .executeTakeFirst();
    if (asker)
      await mailTo(
        tx,
        [{ userId: asker.id, email: asker.email, name: asker.display_name }],
        `Your question ${g.number} is answered`,
        `Your question about "${g.topic}" has an answer in Probity.`,
      );
    await record(tx, "guidance.answer", { type: "guidance_request", id }, {});
    return getGuidance(tx, id);
  });
}

/** The supervisor passes the question on to the Legal Department (COC-22.1). */
export async function escalateGuidance(ctx: Ctx, id: string) {
  return withTransaction(ctx, async (tx) => {
    const g = await load(tx, id);
    if (!toGuidance(tx, g).can.escalate)
      throw forbidden("Only the supervisor an open question was routed to passes it to Legal.");
    await discDb(tx)
      .updateTable("guidance_requests")
      .set({ routed_to: "legal", assignee_user_id: null, updated_at: isoNow(tx.clock) })
      .where("id", "=", id)
      .execute();
    await closeTasks(tx, guidanceHref(id));
    await assignToLegal(tx, g, g.asker_user_id);
    await record(tx, "guidance.escalate", { type: "guidance_request", id }, {});
    // The supervisor no longer holds the question; they see what they passed on, once.
    return toGuidance(tx, await load({ ...tx, actor: systemActor("guidance") }, id));
  });
}

/**
 * Publishes an answered question as an FAQ, in words Legal has anonymised: a text naming the
 * asker is refused (COC-22.2).
 */
export async function publishFaq(ctx: Ctx, id: string, raw: { question: string; answer: string }) {
  const input = parseInput(faqInput, raw);
  return withTransaction(ctx, async (tx) => {
    const g = await load(tx, id);
    if (!toGuidance(tx, g).can.publish) {
      if (g.status !== "answered") throw conflict("Only an answered question can be published.");
      if (g.published_at) throw conflict("This question is already published.");
      throw forbidden("Only the Legal Department publishes FAQs.");
    }
    if (g.asker_person_id) {
      const p = await discDb(tx)
        .selectFrom("persons")
        .select(["first_name", "last_name"])
        .where("id", "=", g.asker_person_id)
        .executeTakeFirst();
      const text = `${input.question} ${input.answer}`.toLowerCase();
      const named =
        p &&
        [p.first_name, p.last_name].filter((n) => n.length > 2).some((n) => text.includes(n.toLowerCase()));
      if (named)
        throw invalid("The FAQ names the person who asked: anonymise it before publishing (COC-22.2).", [
          { path: "question", message: "names the asker" },
        ]);
    }
    const now = isoNow(tx.clock);
    await discDb(tx)
      .updateTable("guidance_requests")
      .set({ faq_question: input.question, faq_answer: input.answer, published_at: now, updated_at: now })
      .where("id", "=", id)
      .execute();
    await record(tx, "guidance.publish", { type: "guidance_request", id }, {});
    return getGuidance(tx, id);
  });
}

/** Questions one asked, questions waiting for one's answer, and the published FAQs. */
export async function listGuidance(ctx: Ctx) {
  const a = ctx.actor;
  if (a.kind !== "user") throw forbidden("Sign in to see guidance requests.");
  const db = discDb(ctx);
  const mine = await db
    .selectFrom("guidance_requests")
    .selectAll()
    .where("asker_user_id", "=", a.userId)
    .orderBy("created_at", "desc")
    .limit(200)
    .execute();
  let toAnswerQ = db
    .selectFrom("guidance_requests")
    .selectAll()
    .where("asker_user_id", "!=", a.userId)
    .orderBy("created_at", "desc")
    .limit(300);
  toAnswerQ = hasPermission(a, "guidance.answer")
    ? toAnswerQ.where((eb) => eb.or([eb("assignee_user_id", "=", a.userId), eb("routed_to", "=", "legal")]))
    : toAnswerQ.where("assignee_user_id", "=", a.userId);
  const toAnswer = await toAnswerQ.execute();
  return {
    mine: mine.map((g) => toGuidance(ctx, g)),
    toAnswer: toAnswer.map((g) => toGuidance(ctx, g)),
    can: { answer: hasPermission(a, "guidance.answer") },
  };
}

export async function listFaqs(ctx: Ctx) {
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
