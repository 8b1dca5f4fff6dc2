import { type Actor, hasPermission } from "../../kernel/context.ts";
import { forbidden } from "../../kernel/errors.ts";

/** Permissions of the committees domain (granted in people/roles.ts). */
export type CommitteePermission =
  | "committee.read"
  | "committee.manage"
  | "committee.appoint"
  | "committee.file"
  | "committee.privileged";

/** The actor's relation to one committee, read from its membership on the day. */
export type Standing = { isMember: boolean; isChair: boolean };

export type CommitteeAction =
  | "committee.read"
  | "committee.create"
  | "committee.appoint"
  | "charter.revise"
  | "meeting.schedule"
  | "meeting.agenda"
  | "meeting.record"
  | "meeting.materials"
  | "minutes.edit"
  | "minutes.sign"
  | "minutes.file"
  | "consent.create"
  | "adviser.manage"
  | "privileged.read";

/**
 * Who may do what. The Corporate Secretary records the Board's and the committee's acts; the
 * committee's own Chair convenes, prepares the agenda (CC-23) and signs minutes; privileged
 * communications with counsel stay with the committee, the Secretary and counsel (CC-21).
 */
export function can(
  actor: Actor,
  action: CommitteeAction,
  standing: Standing = { isMember: false, isChair: false },
): boolean {
  if (actor.kind === "system") return true;
  const p = (name: CommitteePermission) => hasPermission(actor, name);
  switch (action) {
    case "committee.read":
      return p("committee.read") || standing.isMember;
    case "committee.create":
    case "committee.appoint":
      return p("committee.appoint");
    case "charter.revise":
      return p("committee.appoint") || standing.isChair;
    case "meeting.schedule":
    case "meeting.record":
    case "meeting.materials":
    case "minutes.edit":
    case "consent.create":
    case "adviser.manage":
      return p("committee.manage") && (p("committee.file") || standing.isChair);
    case "meeting.agenda":
    case "minutes.sign":
      return standing.isChair;
    case "minutes.file":
      return p("committee.file");
    case "privileged.read":
      return standing.isMember || p("committee.privileged");
  }
}

const WHY: Partial<Record<CommitteeAction, string>> = {
  "meeting.agenda": "The Chair of the committee prepares the agenda (CC-23).",
  "minutes.sign": "The Chair of the committee signs the approved minutes (CC-6, CC-23).",
  "minutes.file": "Minutes are given to the Corporate Secretary for the corporate records (CC-6).",
  "committee.appoint":
    "Members and the Chair are appointed by the Board; the Corporate Secretary records it (CC-3).",
  "adviser.manage": "Only the committee retains, terminates and sets the fees of its advisers (CC-16).",
};

export function authorize(actor: Actor, action: CommitteeAction, standing?: Standing): void {
  if (!can(actor, action, standing)) throw forbidden(WHY[action] ?? `You may not do this (${action}).`);
}
