import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { conflict, forbidden, invalid, notFound } from "../../kernel/errors.ts";
import { newId } from "../../kernel/ids.ts";
import { discDb } from "./db.ts";
import { authorize, can, type InquirySubject } from "./policy.ts";
import { assignInput, inquiryInput, responseInput } from "./schemas.ts";
import {
  closeTasks,
  mailTo,
  nextNumber,
  openTask,
  parseInput,
  signedIn,
  usersInRoles,
  usersWith,
} from "./support.ts";
import type { InquiriesTable } from "./tables.ts";
import type { InquiryList, InquiryView } from "./views.ts";

export const inquiryHref = (id: string) => `/disclosures/inquiries/${id}`;

/** The actor's relation to one inquiry, for the rules of policy.ts. */
const subjectOf = (ctx: Ctx, i: InquiriesTable): InquirySubject => {
  const userId = ctx.actor.kind === "user" ? ctx.actor.userId : null;
  return {
    isReporter: userId !== null && userId === i.reported_by_user_id,
    isResponder: userId !== null && userId === i.responder_user_id,
    status: i.status,
  };
};

const toInquiry = (ctx: Ctx, i: InquiriesTable): InquiryView => {
  const subject = subjectOf(ctx, i);
  return {
    id: i.id,
    number: i.number,
    kind: i.kind,
    reportedBy: i.reported_by_label,
    organisation: i.organisation,
    representative: i.representative,
    contact: i.contact,
    receivedAt: i.received_at,
    subject: i.subject,
    status: i.status,
    responder: i.responder_label,
    response: i.response,
    respondedAt: i.responded_at,
    createdAt: i.created_at,
    can: {
      assign: can(ctx.actor, "inquiry.assign", subject),
      respond: can(ctx.actor, "inquiry.respond", subject),
    },
  };
};

async function load(ctx: Ctx, id: string) {
  const i = await discDb(ctx).selectFrom("inquiries").selectAll().where("id", "=", id).executeTakeFirst();
  if (!i || !can(ctx.actor, "inquiry.read", subjectOf(ctx, i))) throw notFound("The inquiry");
  return i;
}

export const getInquiry = async (ctx: Ctx, id: string) => toInquiry(ctx, await load(ctx, id));

/**
 * An employee approached by a government or media representative logs it; the Legal Department
 * is notified at once (COC-9.1, Code section 9: refer them to Legal; do not talk on your own).
 */
export async function logInquiry(ctx: Ctx, raw: unknown): Promise<InquiryView> {
  const me = signedIn(ctx, "log an inquiry");
  const input = parseInput(inquiryInput, raw);
  return withTransaction(ctx, async (tx) => {
    const id = newId();
    const now = isoNow(tx.clock);
    const number = await nextNumber(tx, "inquiries", "INQ");
    await discDb(tx)
      .insertInto("inquiries")
      .values({
        id,
        number,
        kind: input.kind,
        reported_by_user_id: me.userId,
        reported_by_label: me.label,
        organisation: input.organisation,
        representative: input.representative,
        contact: input.contact ?? null,
        received_at: input.receivedAt,
        subject: input.subject,
        status: "new",
        responder_user_id: null,
        responder_label: null,
        response: null,
        responded_at: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const legal = await usersWith(tx, "inquiry.manage");
    for (const u of legal)
      await openTask(tx, {
        userId: u.userId,
        kind: "disclosures.inquiry.assign",
        title: `Assign a responder: ${input.kind} inquiry ${number} from ${input.organisation} (COC-9.1)`,
        href: inquiryHref(id),
        dueAt: now,
      });
    await mailTo(
      tx,
      legal,
      `Urgent: ${input.kind} inquiry ${number} from ${input.organisation}`,
      `${me.label} was approached by ${input.representative} (${input.organisation}) on ${input.receivedAt} about:\n\n${input.subject}\n\nAssign a responder (COC-9.1).`,
    );
    await record(tx, "inquiry.log", { type: "inquiry", id }, { number, kind: input.kind });
    return toInquiry(tx, await load(tx, id));
  });
}

/** Legal assigns the designated responder. */
export async function assignResponder(
  ctx: Ctx,
  id: string,
  raw: { responderUserId: string },
): Promise<InquiryView> {
  authorize(ctx.actor, "inquiry.manage");
  const { responderUserId } = parseInput(assignInput, raw);
  return withTransaction(ctx, async (tx) => {
    const i = await load(tx, id);
    if (i.status === "responded") throw conflict("This inquiry has been responded to.");
    const responder = await discDb(tx)
      .selectFrom("users")
      .select(["id", "email", "display_name", "disabled"])
      .where("id", "=", responderUserId)
      .executeTakeFirst();
    if (!responder || responder.disabled)
      throw invalid("The responder must be an active user.", [
        { path: "responderUserId", message: "is not an active user" },
      ]);
    await discDb(tx)
      .updateTable("inquiries")
      .set({
        status: "assigned",
        responder_user_id: responder.id,
        responder_label: responder.display_name,
        updated_at: isoNow(tx.clock),
      })
      .where("id", "=", id)
      .execute();
    await closeTasks(tx, inquiryHref(id), {
      kinds: ["disclosures.inquiry.assign", "disclosures.inquiry.respond"],
    });
    await openTask(tx, {
      userId: responder.id,
      kind: "disclosures.inquiry.respond",
      title: `Respond to ${i.kind} inquiry ${i.number} from ${i.organisation} and record the response`,
      href: inquiryHref(id),
    });
    await mailTo(
      tx,
      [{ userId: responder.id, email: responder.email, name: responder.display_name }],
      `You respond to inquiry ${i.number}`,
      `The Legal Department designated you to respond to ${i.representative} (${i.organisation}) (COC-9.1).`,
    );
    await record(tx, "inquiry.assign", { type: "inquiry", id }, { responderUserId });
    return toInquiry(tx, await load(tx, id));
  });
}

export async function recordResponse(ctx: Ctx, id: string, raw: { response: string }): Promise<InquiryView> {
  const { response } = parseInput(responseInput, raw);
  return withTransaction(ctx, async (tx) => {
    const i = await load(tx, id);
    const subject = subjectOf(tx, i);
    if (!can(tx.actor, "inquiry.respond", subject)) {
      if (i.status === "new") throw conflict("Legal assigns a responder first (COC-9.1).");
      if (i.status === "responded") throw conflict("The response is already recorded.");
      authorize(tx.actor, "inquiry.respond", subject);
    }
    const now = isoNow(tx.clock);
    await discDb(tx)
      .updateTable("inquiries")
      .set({ status: "responded", response, responded_at: now, updated_at: now })
      .where("id", "=", id)
      .execute();
    await closeTasks(tx, inquiryHref(id));
    await record(tx, "inquiry.respond", { type: "inquiry", id }, {});
    return toInquiry(tx, await load(tx, id));
  });
}

export async function listInquiries(ctx: Ctx): Promise<InquiryList> {
  const a = ctx.actor;
  if (a.kind !== "user") throw forbidden("Sign in to see inquiries.");
  let q = discDb(ctx).selectFrom("inquiries").selectAll().orderBy("created_at", "desc").limit(500);
  const manager = can(a, "inquiry.manage");
  if (!manager)
    q = q.where((eb) =>
      eb.or([eb("reported_by_user_id", "=", a.userId), eb("responder_user_id", "=", a.userId)]),
    );
  const rows = await q.execute();
  return {
    items: rows.map((i) => toInquiry(ctx, i)),
    responders: manager
      ? (await usersInRoles(ctx, ["general_counsel", "compliance_officer", "ceo"])).map((u) => ({
          userId: u.userId,
          name: u.name,
        }))
      : [],
    can: { manage: manager },
  };
}
