import { addCalendarDays } from "../../kernel/calendar.ts";
import { isoToday } from "../../kernel/clock.ts";
import type { Actor, Ctx } from "../../kernel/context.ts";
import { actorOfUser } from "../people/index.ts";
import { answerGuidance } from "./answer-guidance.ts";
import { askGuidance } from "./ask-guidance.ts";
import { logBoycottRequest } from "./boycotts.ts";
import { ceoReviewConflict } from "./ceo-review-conflict.ts";
import { commentConflict } from "./comment-conflict.ts";
import { discDb } from "./db.ts";
import { decideConflict } from "./decide-conflict.ts";
import { fileConflict } from "./file-conflict.ts";
import { forwardConflict } from "./forward-conflict.ts";
import { decideGift, fileGift, recordGift } from "./gifts.ts";
import { logInquiry } from "./inquiries.ts";
import { issueHold } from "./issue-hold.ts";
import { publishFaq } from "./publish-faq.ts";

/**
 * The demo's disclosures, made through the use cases so every row has its audit trail: an
 * approved board seat, a supplier interest waiting for the CEO, the CFO's disclosure before the
 * Audit Committee, recorded gifts and one awaiting Legal, a published FAQ, a media inquiry, a
 * boycott request and an active legal hold. The demo employee's own list starts empty.
 */
export async function seedDisclosuresDemo(ctx: Ctx, log: (line: string) => void = console.log) {
  const [employee, gc, ceo, chair, cfo, compliance] = await Promise.all(
    [
      "employee@aleris.example",
      "gc@aleris.example",
      "ceo@aleris.example",
      "audit.chair@aleris.example",
      "cfo@aleris.example",
      "compliance@aleris.example",
    ].map((e) => actorOfUser(ctx, e)),
  );
  if (!employee || !gc || !ceo || !chair || !cfo || !compliance) return;
  const at = (a: Actor) => ({ ...ctx, actor: a });
  const today = isoToday(ctx.clock);

  const board = await fileConflict(at(cfo), {
    type: "outside_employment",
    title: "Board seat at the Cleveland Orchestra foundation",
    description: "Unpaid trustee of a charitable foundation; no business with Aleris.",
    answers: {
      role: "board_member",
      organisation: "Cleveland Orchestra Foundation",
      relationship: "none",
      paid: false,
    },
  });
  await commentConflict(at(gc), board.id, { body: "Charitable, unpaid, no business relationship." });
  await forwardConflict(at(gc), board.id);
  await ceoReviewConflict(at(ceo), board.id, {
    note: "Not harmful to the company; reported for the record.",
  });
  await decideConflict(at(chair), board.id, {
    decision: "approved",
    conditions: "No solicitation of Aleris suppliers for donations.",
    reviewDate: addCalendarDays(today, 365),
  });

  const supplier = await fileConflict(at(compliance), {
    type: "family_relationship",
    title: "Brother owns a scrap supplier",
    description: "My brother owns Lakeshore Scrap LLC, which sells scrap to the Rockport plant.",
    answers: {
      relative: "brother",
      organisation: "Lakeshore Scrap LLC",
      relationship: "supplier",
      influencesDecisions: false,
    },
  });
  await commentConflict(at(gc), supplier.id, {
    body: "No role in purchasing; suggest approval with recusal.",
  });
  await forwardConflict(at(gc), supplier.id);

  const gift = {
    counterpartyName: "Maria Keller",
    organisation: "Nordic Metals AB",
    official: "none" as const,
    kind: "meal" as const,
    businessPurpose: "Quarterly supplier review",
  };
  await fileGift(at(employee), {
    ...gift,
    direction: "received",
    description: "Lunch after the supplier review",
    value: "45.00",
    eventDate: addCalendarDays(today, -40),
    alreadyHappened: true,
  });
  const official = await fileGift(at(compliance), {
    direction: "given",
    counterpartyName: "Li Wei",
    organisation: "Ministry of Industry and Information Technology (PRC)",
    official: "non_us_government",
    kind: "hospitality",
    description: "Plant tour lunch for the delegation",
    value: "60.00",
    eventDate: addCalendarDays(today, 10),
    businessPurpose: "Delegation visit for the Zhenjiang import licence",
  });
  await decideGift(at(gc), official.id, {
    approve: true,
    text: "Approved in writing: a modest working lunch during an official visit, permitted under local law.",
  });
  await recordGift(at(compliance), official.id);

  const q = await askGuidance(at(compliance), {
    topic: "Supplier tickets",
    question: "A supplier offered two tickets to a Cavaliers game. May I accept?",
    routeTo: "legal",
  });
  await answerGuidance(at(gc), q.id, {
    answer:
      "Yes if the value is under the gift threshold, the supplier attends, and you log it in the gift register.",
  });
  await publishFaq(at(gc), q.id, {
    question: "May I accept tickets to a sports event from a supplier?",
    answer:
      "Yes, if the value is under the gift threshold, the supplier attends with you, and you log it in the gift register (COC-6.5).",
  });

  await logInquiry(at(compliance), {
    kind: "media",
    organisation: "Crain's Cleveland Business",
    representative: "A reporter",
    contact: "newsdesk@example.com",
    receivedAt: addCalendarDays(today, -2),
    subject: "The Chapter 11 timetable and plant closures",
  });
  await logBoycottRequest(at(compliance), {
    receivedOn: addCalendarDays(today, -20),
    requester: "Gulf Trading LLC",
    country: "AE",
    documentType: "letter_of_credit",
    documentRef: "LC-2026-118",
    requestText: "Beneficiary to certify that the goods are not of Israeli origin.",
  });

  const custodians = await discDb(ctx)
    .selectFrom("users")
    .select("person_id")
    .where("email", "in", ["cfo@aleris.example", "compliance@aleris.example"])
    .execute();
  await issueHold(at(gc), {
    matter: "SEC inquiry into 2008 inventory valuation",
    scope: "All records about the 2008 year-end inventory valuation: e-mail, spreadsheets, board materials.",
    custodianIds: custodians.map((c) => c.person_id).filter((id): id is string => Boolean(id)),
  });
  log("disclosures demo: conflicts, gifts, an FAQ, an inquiry, a boycott request and a legal hold");
}
