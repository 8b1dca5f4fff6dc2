import { type Actor, hasPermission } from "../../kernel/context.ts";
import { forbidden } from "../../kernel/errors.ts";
import type { ConflictStatus, GiftStatus } from "./tables.ts";

/** Permissions of the disclosures domain (granted in people/roles.ts). */
export type DisclosurePermission =
  | "disclosure.review"
  | "disclosure.ceo_review"
  | "disclosure.audit_committee"
  | "disclosure.register"
  | "disclosure.configure"
  | "gift.approve"
  | "guidance.answer"
  | "inquiry.manage"
  | "boycott.manage"
  | "legal_hold.manage";

// ---- Subjects: the actor's relation to one object, read from its row by the caller

/** One conflict disclosure, as far as the rules need it. */
export type ConflictSubject = {
  isDiscloser: boolean;
  isSupervisor: boolean;
  status: ConflictStatus;
  isCeoDisclosure: boolean;
  reportedToAuditCommittee: boolean;
  source: "form" | "certificate";
  /** The Code itself forbids it (COC-6.4, COC-11.1). */
  prohibited: boolean;
};
export type GiftSubject = { isMine: boolean; status: GiftStatus };
export type InquirySubject = {
  isReporter: boolean;
  isResponder: boolean;
  status: "new" | "assigned" | "responded";
};
export type GuidanceSubject = {
  isAsker: boolean;
  isAssignee: boolean;
  routedTo: "supervisor" | "legal";
  status: "open" | "answered";
  isPublished: boolean;
};
export type HoldSubject = { status: "active" | "released"; isCustodian: boolean; acknowledged: boolean };

export type ConflictAction =
  | "conflict.read"
  | "conflict.edit"
  | "conflict.submit"
  | "conflict.withdraw"
  | "conflict.comment"
  | "conflict.forward"
  | "conflict.ceo_review"
  | "conflict.decide"
  | "conflict.approve";
export type GiftAction = "gift.read" | "gift.decide" | "gift.record";
export type GuidanceAction = "guidance.read" | "guidance.answer" | "guidance.escalate" | "guidance.publish";
export type InquiryAction = "inquiry.read" | "inquiry.assign" | "inquiry.respond";
export type HoldAction = "legal_hold.update" | "legal_hold.acknowledge";
/** Actions on a whole register or queue, decided by permission alone. */
export type RegisterAction =
  | "conflict.review"
  | "conflict.register"
  | "conflict.ceo_queue"
  | "conflict.audit_committee_queue"
  | "conflict.audit_committee_view"
  | "gift.register"
  | "gift.approve"
  | "gift.configure"
  | "guidance.answer_any"
  | "inquiry.manage"
  | "boycott.register"
  | "boycott.review"
  | "boycott.report"
  | "legal_hold.manage";
export type DisclosureAction =
  | ConflictAction
  | GiftAction
  | GuidanceAction
  | InquiryAction
  | HoldAction
  | RegisterAction;
type Subject = ConflictSubject | GiftSubject | GuidanceSubject | InquirySubject | HoldSubject;

const OPEN: readonly ConflictStatus[] = ["disclosed", "discussed"];

/**
 * Who may do what, and in which state. `who` is the actor's standing (refused with 403 when it
 * fails); `when` is the state the object must be in (the use cases explain a wrong state with a
 * 409 of their own). The `can` flags sent to the UI are `who && when`.
 */
function rule(actor: Actor, action: DisclosureAction, subject?: Subject): { who: boolean; when: boolean } {
  const p = (name: DisclosurePermission) => hasPermission(actor, name);
  const only = (who: boolean, when = true) => ({ who, when });
  switch (action) {
    // ---- Conflicts of interest (COC-6.1 … COC-6.4): Legal discusses and forwards, the CEO reports
    // to the Audit Committee, which decides; nobody reviews their own disclosure.
    case "conflict.read": {
      const s = subject as ConflictSubject;
      if (actor.kind === "system" || s.isDiscloser) return only(true);
      // A draft is private, except one opened from a certificate answer: the Compliance Office
      // already knows of it and follows it up (COC-6.1).
      if (s.status === "draft")
        return only(s.source === "certificate" && (p("disclosure.review") || p("disclosure.register")));
      return only(
        s.isSupervisor ||
          p("disclosure.review") ||
          p("disclosure.register") ||
          isCeo(actor, s) ||
          isAuditCommittee(actor, s),
      );
    }
    case "conflict.edit": {
      const s = subject as ConflictSubject;
      return only(s.isDiscloser, s.status !== "withdrawn");
    }
    case "conflict.submit": {
      const s = subject as ConflictSubject;
      return only(s.isDiscloser, s.status === "draft");
    }
    case "conflict.withdraw": {
      const s = subject as ConflictSubject;
      return only(s.isDiscloser, s.status === "draft" || OPEN.includes(s.status));
    }
    case "conflict.comment": {
      const s = subject as ConflictSubject;
      return only(
        s.isDiscloser || s.isSupervisor || p("disclosure.review"),
        s.status !== "draft" && s.status !== "withdrawn",
      );
    }
    case "conflict.forward": {
      const s = subject as ConflictSubject;
      return only(p("disclosure.review") && !s.isDiscloser, OPEN.includes(s.status));
    }
    case "conflict.ceo_review": {
      const s = subject as ConflictSubject;
      return only(isCeo(actor, s) && !s.isDiscloser, s.status === "ceo_review");
    }
    case "conflict.decide": {
      const s = subject as ConflictSubject;
      return only(isAuditCommittee(actor, s) && !s.isDiscloser, s.status === "audit_committee");
    }
    case "conflict.approve":
      // What the Code forbids cannot be approved, whoever decides (COC-6.4, COC-11.1).
      return only(true, !(subject as ConflictSubject).prohibited);
    case "conflict.review":
      return only(p("disclosure.review"));
    case "conflict.register":
      return only(p("disclosure.register") || p("disclosure.review"));
    case "conflict.ceo_queue":
      return only(p("disclosure.ceo_review"));
    case "conflict.audit_committee_queue":
      return only(p("disclosure.audit_committee"));
    case "conflict.audit_committee_view":
      return only(p("disclosure.audit_committee") || p("disclosure.register"));

    // ---- Gifts (COC-12.1, COC-6.5): Legal approves in writing, never their own request.
    case "gift.read": {
      const s = subject as GiftSubject;
      return only(actor.kind === "system" || s.isMine || p("gift.approve") || p("disclosure.register"));
    }
    case "gift.decide": {
      const s = subject as GiftSubject;
      return only(p("gift.approve") && !s.isMine, s.status === "pending_approval");
    }
    case "gift.record": {
      const s = subject as GiftSubject;
      return only(s.isMine, s.status === "approved" || s.status === "cleared");
    }
    case "gift.register":
      return only(p("gift.approve") || p("disclosure.register"));
    case "gift.approve":
      return only(p("gift.approve"));
    case "gift.configure":
      return only(p("disclosure.configure"));

    // ---- Guidance (COC-22.1): the supervisor it was routed to answers or passes it to Legal;
    // Legal answers what is routed to it and publishes answered questions as FAQs.
    case "guidance.read": {
      const s = subject as GuidanceSubject;
      return only(
        actor.kind === "system" ||
          s.isAsker ||
          s.isAssignee ||
          (p("guidance.answer") && s.routedTo === "legal"),
      );
    }
    case "guidance.answer":
    case "guidance.escalate": {
      const s = subject as GuidanceSubject;
      const answerer =
        actor.kind === "user" &&
        !s.isAsker &&
        (s.isAssignee || (s.routedTo === "legal" && p("guidance.answer")));
      return only(
        answerer,
        s.status === "open" && (action === "guidance.answer" || s.routedTo === "supervisor"),
      );
    }
    case "guidance.publish": {
      const s = subject as GuidanceSubject;
      return only(p("guidance.answer") && !s.isAsker, s.status === "answered" && !s.isPublished);
    }
    case "guidance.answer_any":
      return only(p("guidance.answer"));

    // ---- Government and media inquiries (COC-9.1)
    case "inquiry.read": {
      const s = subject as InquirySubject;
      return only(actor.kind === "system" || p("inquiry.manage") || s.isReporter || s.isResponder);
    }
    case "inquiry.assign":
      return only(p("inquiry.manage"), (subject as InquirySubject).status !== "responded");
    case "inquiry.respond": {
      const s = subject as InquirySubject;
      return only(p("inquiry.manage") || s.isResponder, s.status === "assigned");
    }
    case "inquiry.manage":
      return only(p("inquiry.manage"));

    // ---- Boycott requests (COC-8.1)
    case "boycott.register":
    case "boycott.review":
    case "boycott.report":
      return only(p("boycott.manage"));

    // ---- Legal holds (COC-15.1)
    case "legal_hold.update":
      return only(p("legal_hold.manage"), (subject as HoldSubject).status === "active");
    case "legal_hold.acknowledge": {
      const s = subject as HoldSubject;
      return only(s.isCustodian, s.status === "active" && !s.acknowledged);
    }
    case "legal_hold.manage":
      return only(p("legal_hold.manage"));
  }
}

/** The CEO reviews others' disclosures, not their own (COC-6.2). */
const isCeo = (actor: Actor, s: ConflictSubject) =>
  hasPermission(actor, "disclosure.ceo_review") && !s.isCeoDisclosure;
/** The Audit Committee sees what was reported to it (COC-6.2). */
const isAuditCommittee = (actor: Actor, s: ConflictSubject) =>
  hasPermission(actor, "disclosure.audit_committee") && s.reportedToAuditCommittee;

export function can(actor: Actor, action: ConflictAction, subject: ConflictSubject): boolean;
export function can(actor: Actor, action: GiftAction, subject: GiftSubject): boolean;
export function can(actor: Actor, action: GuidanceAction, subject: GuidanceSubject): boolean;
export function can(actor: Actor, action: InquiryAction, subject: InquirySubject): boolean;
export function can(actor: Actor, action: HoldAction, subject: HoldSubject): boolean;
export function can(actor: Actor, action: RegisterAction): boolean;
export function can(actor: Actor, action: DisclosureAction, subject?: Subject): boolean {
  const r = rule(actor, action, subject);
  return r.who && r.when;
}

const WHY: Partial<Record<DisclosureAction, string>> = {
  "conflict.edit": "Only the person who disclosed a conflict may change it (COC-6.1).",
  "conflict.withdraw": "Only the discloser may withdraw a disclosure.",
  "conflict.comment":
    "Only the discloser, their supervisor and the Legal Department comment on a disclosure under discussion.",
  "conflict.forward": "Only the Legal Department forwards a disclosure for review (COC-0.2).",
  "conflict.ceo_review": "Only the CEO reviews conflicts and reports them to the Audit Committee (COC-6.2).",
  "conflict.decide": "Only the Audit Committee decides on a reported conflict (COC-6.2).",
  "conflict.register": 'The conflicts register needs the permission "disclosure.register".',
  "conflict.ceo_queue": "Only the CEO reviews conflicts before the Audit Committee (COC-6.2).",
  "conflict.audit_committee_view": "The Audit Committee's view is for the Audit Committee (COC-6.2).",
  "gift.decide": "You cannot approve your own gift request.",
  "gift.record": "Only the person who filed the entry records it.",
  "gift.register": 'The gift register needs the permission "disclosure.register" or "gift.approve".',
  "gift.approve": "Only the Legal Department approves gifts in writing (COC-12.1, Code section 12).",
  "gift.configure": "Only Legal or Compliance set the gift thresholds.",
  "guidance.answer": "Only the supervisor it was routed to, or the Legal Department, answers it (COC-22.1).",
  "guidance.escalate": "Only the supervisor an open question was routed to passes it to Legal.",
  "guidance.publish": "Only the Legal Department publishes FAQs.",
  "inquiry.respond": "Only the designated responder or the Legal Department records the response (COC-9.1).",
  "inquiry.manage": "Only the Legal Department assigns responders (COC-9.1).",
  "boycott.review": "Only Legal or Compliance review boycott requests (COC-8.1).",
  "boycott.report": "Only Legal or Compliance prepare the boycott report (COC-8.1).",
  "legal_hold.acknowledge": "Only a custodian named in the hold acknowledges it.",
  "legal_hold.manage":
    "Only the Legal Department issues and manages legal holds (COC-15.1, Code section 15).",
};

/**
 * Refuses (403, with the rule) an actor whose standing does not allow the action; the state the
 * object is in is the use case's to explain (409).
 */
export function authorize(actor: Actor, action: ConflictAction, subject: ConflictSubject): void;
export function authorize(actor: Actor, action: GiftAction, subject: GiftSubject): void;
export function authorize(actor: Actor, action: GuidanceAction, subject: GuidanceSubject): void;
export function authorize(actor: Actor, action: InquiryAction, subject: InquirySubject): void;
export function authorize(actor: Actor, action: HoldAction, subject: HoldSubject): void;
export function authorize(actor: Actor, action: RegisterAction): void;
export function authorize(actor: Actor, action: DisclosureAction, subject?: Subject): void {
  if (!rule(actor, action, subject).who) throw forbidden(WHY[action] ?? `You may not do this (${action}).`);
}

/** Refuses (403, with the rule) unless the action is allowed now: standing and state together. */
export function ensureCan(actor: Actor, action: ConflictAction, subject: ConflictSubject): void;
export function ensureCan(actor: Actor, action: GuidanceAction, subject: GuidanceSubject): void;
export function ensureCan(actor: Actor, action: DisclosureAction, subject?: Subject): void {
  const r = rule(actor, action, subject);
  if (!(r.who && r.when)) throw forbidden(WHY[action] ?? `You may not do this (${action}).`);
}
