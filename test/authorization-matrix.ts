import { ROLES, type RoleName } from "../src/domains/people/roles.ts";

/**
 * Who may call which route: the one table that test/authorization-matrix.test.ts checks against the
 * running app (every route of /api/openapi.json × every role, an employee without a role and an
 * anonymous visitor) and that docs/authorization.md renders (`node --import tsx
 * scripts/authorization-doc.ts`). A route without a row, or a row without a route, fails the test.
 *
 * The role lists are written out here on purpose rather than read from PERMISSIONS: granting a
 * permission to one more role in src/domains/people/roles.ts must fail this test until someone
 * decides, here, that the new role should have it.
 *
 * This is route-level access. Which records an allowed caller then sees (their own disclosures, the
 * cases of their team that do not name them, an investor's own offering…) is the use case's policy,
 * tested beside it and in test/speakup-confidentiality.test.ts; the notes say where that applies.
 */

/** Anyone, with or without a session; a staff session changes nothing (COC-22.2: public routes never read it). */
type Public = "public";
/**
 * The reporter's own credentials: the receipt and password, or the mailbox session they open. No staff
 * session opens a mailbox: everyone without it is refused exactly as an anonymous visitor is.
 */
type Reporter = "reporter";
/** Any signed-in user: employees, every role, investors included. */
type SignedIn = "signed-in";
/** Only the person the path names; probed with someone else's id, every role gets 403. */
type Self = "self";
export type Rule = Public | Reporter | SignedIn | Self | readonly RoleName[];
export type Row = Rule | { rule: Rule; note: string };
export type Section = { title: string; about: string; routes: Record<string, Row> };

// The groups that recur. Each is a plain list so that a change is visible in review.
const HANDLERS = [
  "compliance_officer",
  "general_counsel",
  "audit_committee_chair",
  "audit_committee_member",
] as const;
const ASSIGNERS = ["compliance_officer", "general_counsel", "audit_committee_chair"] as const;
const PEOPLE_READERS = [
  "admin",
  "compliance_officer",
  "general_counsel",
  "ceo",
  "audit_committee_chair",
  "corporate_secretary",
  "auditor",
] as const;
const AUDIT_READERS = ["admin", "compliance_officer", "general_counsel", "auditor"] as const;
const SCREENING_READERS = ["admin", "compliance_officer", "general_counsel", "auditor"] as const;
const SCREENING_WRITERS = ["admin", "compliance_officer"] as const;
const LEGAL = ["compliance_officer", "general_counsel"] as const;
const LEGAL_AND_AUDITOR = ["compliance_officer", "general_counsel", "auditor"] as const;
const BOARD = [
  "audit_committee_chair",
  "audit_committee_member",
  "board_member",
  "committee_chair",
  "committee_member",
] as const;
const COMMITTEE_READERS = [
  "general_counsel",
  "audit_committee_chair",
  "audit_committee_member",
  "board_member",
  "corporate_secretary",
  "committee_chair",
  "committee_member",
  "auditor",
] as const;
const WAIVER_READERS = ["compliance_officer", ...COMMITTEE_READERS] as const;
const COMMITTEE_RUNNERS = ["audit_committee_chair", "corporate_secretary", "committee_chair"] as const;
const OFFERING_READERS = ["restructuring_admin", "subscription_agent", "investor", "auditor"] as const;
const REGISTER_READERS = ["restructuring_admin", "subscription_agent", "auditor"] as const;

const OWN = "the use case limits it to the caller's own records; anyone else's is a 404";

export const AUTHORIZATION: Section[] = [
  {
    title: "Platform and sign-in",
    about:
      "Health and sign-in are public; the rest of the session's own routes need one. The outbox and the job queue are the administrator's.",
    routes: {
      "GET /api/health": "public",
      "GET /api/auth/login-info": "public",
      "POST /api/auth/login": "public",
      "GET /api/auth/me": "signed-in",
      "POST /api/auth/totp/start": "signed-in",
      "POST /api/auth/totp/confirm": "signed-in",
      "POST /api/auth/password": "signed-in",
      "POST /api/auth/logout": "signed-in",
      "POST /api/auth/recovery-codes": { rule: "signed-in", note: "one's own codes, with the password" },
      "GET /api/tasks": { rule: "signed-in", note: "the caller's own tasks" },
      "GET /api/dashboard": {
        rule: "signed-in",
        note: "each count only with its permission: headcount people.read, audit events audit.read, mail outbox.read, dead jobs job.manage",
      },
      "GET /api/outbox": {
        rule: ["admin"],
        note: "mail bodies name a case's number, category and recipient handler, never its content",
      },
      "GET /api/jobs": ["admin"],
      "POST /api/jobs/{id}/retry": ["admin"],
    },
  },
  {
    title: "People, organisation and users",
    about:
      "The directory is read by those whose work needs it (Legal, Compliance, the CEO for conflicts, the Audit Committee chair, the Secretary, the auditor); only the administrator changes it, the users and the security settings.",
    routes: {
      "GET /api/people": PEOPLE_READERS,
      "POST /api/people": ["admin"],
      "GET /api/people.csv": PEOPLE_READERS,
      "GET /api/people/facets": PEOPLE_READERS,
      "GET /api/people/import/template.csv": ["admin"],
      "POST /api/people/import": ["admin"],
      "GET /api/people/{id}": { rule: "signed-in", note: `people.read, or one's own record; ${OWN}` },
      "PATCH /api/people/{id}": ["admin"],
      "POST /api/people/{id}/end": ["admin"],
      "GET /api/organisation": { rule: "signed-in", note: "the company profile the forms and portal show" },
      "PUT /api/organisation": ["admin"],
      "GET /api/entities": { rule: "signed-in", note: "legal entity names, for the forms" },
      "POST /api/entities": ["admin"],
      "PATCH /api/entities/{id}": ["admin"],
      "GET /api/roles": { rule: "signed-in", note: "the role catalogue, no holders" },
      "GET /api/users": ["admin"],
      "POST /api/users": ["admin"],
      "PATCH /api/users/{id}": ["admin"],
      "POST /api/users/{id}/reset-totp": ["admin"],
      "GET /api/role-grants": {
        rule: ["admin", "audit_committee_chair", "audit_committee_member"],
        note: "four-eyes requests for roles that read cases, audit or investor data; the Audit Committee watches them",
      },
      "POST /api/role-grants/{id}/approve": { rule: ["admin"], note: "never the requester or the grantee" },
      "POST /api/role-grants/{id}/reject": { rule: ["admin"], note: "never the requester or the grantee" },
      "POST /api/role-grants/{id}/acknowledge": ["admin", "audit_committee_chair", "audit_committee_member"],
      "GET /api/settings/security": ["admin"],
      "PUT /api/settings/security": ["admin"],
    },
  },
  {
    title: "Audit log",
    about:
      "The tamper-evident log: the administrator, the auditor, Compliance and Legal. Never employees, investors or handlers outside Legal and Compliance.",
    routes: {
      "GET /api/audit": {
        rule: AUDIT_READERS,
        note: "events of a speak-up case only for those who may see the case (issue 12, finding 5)",
      },
      "GET /api/audit.csv": AUDIT_READERS,
      "GET /api/audit/actions": AUDIT_READERS,
      "POST /api/audit/verify": AUDIT_READERS,
    },
  },
  {
    title: "Policies and waivers",
    about:
      "Every signed-in user reads the published codes (COC-0.1); Legal and Compliance draft; the General Counsel or the Board approves (COC-0.2, SOC-8); the Board or a Board committee decides waivers.",
    routes: {
      "GET /api/policies": "signed-in",
      "POST /api/policies": LEGAL,
      "GET /api/policies/search": "signed-in",
      "GET /api/policies/{id}": { rule: "signed-in", note: "drafts only for policy.manage" },
      "POST /api/policies/{id}/versions": LEGAL,
      "GET /api/policy-versions/{id}": { rule: "signed-in", note: "drafts only for policy.manage" },
      "GET /api/policy-versions/{id}/diff": "signed-in",
      "PUT /api/policy-versions/{id}/sections": LEGAL,
      "POST /api/policy-versions/{id}/approve": {
        rule: "signed-in",
        note: "the use case requires policy.approve (General Counsel, Board member), or board.decide for a Board-owned code (SOC-8)",
      },
      "POST /api/policy-versions/{id}/publish": LEGAL,
      "GET /api/waivers": WAIVER_READERS,
      "POST /api/waivers": LEGAL,
      "GET /api/waivers/{id}": WAIVER_READERS,
      "POST /api/waivers/{id}/decide": BOARD,
      "POST /api/waivers/{id}/disclose": LEGAL,
    },
  },
  {
    title: "Certifications",
    about:
      "Everyone signs their own Certificates of Compliance; the Compliance Officer runs campaigns; Legal and the auditor read the results; the senior officers' certificates go to the Audit Committee (SOC-7).",
    routes: {
      "GET /api/certifications/mine": { rule: "signed-in", note: OWN },
      "GET /api/certifications/team": { rule: "signed-in", note: "the caller's direct reports only" },
      "GET /api/certifications/certificates/{id}": {
        rule: "signed-in",
        note: "one's own, certification.report, or the Audit Committee for those addressed to it; anyone else 404",
      },
      "POST /api/certifications/certificates/{id}/sign": { rule: "signed-in", note: OWN },
      "GET /api/certifications/certificates/{id}/pdf": {
        rule: "signed-in",
        note: "one's own, certification.report, or the Audit Committee for those addressed to it; anyone else 404",
      },
      "GET /api/certifications/templates": LEGAL_AND_AUDITOR,
      "POST /api/certifications/templates": ["compliance_officer"],
      "PUT /api/certifications/templates/{id}": ["compliance_officer"],
      "GET /api/certifications/campaigns": LEGAL_AND_AUDITOR,
      "POST /api/certifications/campaigns": ["compliance_officer"],
      "GET /api/certifications/campaigns/{id}": LEGAL_AND_AUDITOR,
      "POST /api/certifications/campaigns/{id}/close": ["compliance_officer"],
      "GET /api/certifications/campaigns/{id}/breakdown": LEGAL_AND_AUDITOR,
      "GET /api/certifications/campaigns/{id}/assignments": LEGAL_AND_AUDITOR,
      "GET /api/certifications/campaigns/{id}/assignments.csv": LEGAL_AND_AUDITOR,
      "GET /api/certifications/audit-committee": [
        "compliance_officer",
        "audit_committee_chair",
        "audit_committee_member",
        "auditor",
      ],
    },
  },
  {
    title: "Screening and export controls",
    about:
      "Sanctions lists, counterparties and transactions: the administrator and Compliance maintain them, Legal and the auditor read them, and only Compliance or Legal decide a hit or approve a transaction.",
    routes: {
      "GET /api/screening/lists": SCREENING_READERS,
      "GET /api/screening/lists/{id}/changes": SCREENING_READERS,
      "GET /api/screening/lists/{id}/changes.csv": SCREENING_READERS,
      "GET /api/screening/lists/{id}/entries/{entityId}": SCREENING_READERS,
      "POST /api/screening/lists/import": SCREENING_WRITERS,
      "GET /api/screening/lists/enabled": SCREENING_READERS,
      "PUT /api/screening/lists/enabled": SCREENING_WRITERS,
      "POST /api/screening/screen": { rule: SCREENING_READERS, note: "computes matches; stores nothing" },
      "POST /api/screening/screen/batch": {
        rule: SCREENING_READERS,
        note: "computes matches; stores nothing",
      },
      "GET /api/screening/counterparties": SCREENING_READERS,
      "POST /api/screening/counterparties": SCREENING_WRITERS,
      "GET /api/screening/counterparties.csv": SCREENING_READERS,
      "GET /api/screening/counterparties/{id}": SCREENING_READERS,
      "PATCH /api/screening/counterparties/{id}": SCREENING_WRITERS,
      "POST /api/screening/counterparties/{id}/screen": SCREENING_WRITERS,
      "POST /api/screening/counterparties/{id}/owners": SCREENING_WRITERS,
      "DELETE /api/screening/counterparties/{id}/owners/{ownershipId}": SCREENING_WRITERS,
      "GET /api/screening/hits": SCREENING_READERS,
      "POST /api/screening/hits/{id}/decision": LEGAL,
      "GET /api/screening/transactions": SCREENING_READERS,
      "POST /api/screening/transactions": SCREENING_WRITERS,
      "POST /api/screening/transactions/{id}/approve": LEGAL,
      "GET /api/screening/export-controls": SCREENING_READERS,
      "POST /api/screening/export-controls/items": SCREENING_WRITERS,
      "POST /api/screening/export-controls/licences": SCREENING_WRITERS,
      "PUT /api/screening/export-controls/jurisdictions": SCREENING_WRITERS,
      "PUT /api/screening/export-controls/chart": SCREENING_WRITERS,
    },
  },
  {
    title: "Restructuring",
    about:
      "The rights offering: the restructuring administrator runs it, the subscription agent records elections, the auditor reads. Investors are parties to the agreement: they read the offerings they are in, their own notices and figures, and vote; an offering they are not party to is a 404.",
    routes: {
      "GET /api/restructuring/offerings": {
        rule: OFFERING_READERS,
        note: "an investor lists only the offerings it is party to",
      },
      "POST /api/restructuring/offerings": ["restructuring_admin"],
      "GET /api/restructuring/offerings/{id}": OFFERING_READERS,
      "PATCH /api/restructuring/offerings/{id}/facts": ["restructuring_admin"],
      "POST /api/restructuring/investors/{id}/withdrawal": ["restructuring_admin"],
      "GET /api/restructuring/register/template.csv": ["restructuring_admin"],
      "POST /api/restructuring/offerings/{id}/register": ["restructuring_admin"],
      "GET /api/restructuring/offerings/{id}/holders": REGISTER_READERS,
      "PUT /api/restructuring/holders/{id}/election": {
        rule: "signed-in",
        note: "the subscription agent for any holder; a holder for its own in the portal; anyone else 404",
      },
      "POST /api/restructuring/holders/{id}/payments": ["subscription_agent"],
      "GET /api/restructuring/holders/{id}/payments": REGISTER_READERS,
      "GET /api/restructuring/portal": {
        rule: "signed-in",
        note: "the caller's own holdings (empty for staff)",
      },
      "POST /api/restructuring/offerings/{id}/allocation": ["restructuring_admin"],
      "GET /api/restructuring/offerings/{id}/allocation": {
        rule: OFFERING_READERS,
        note: "an investor sees its own line and notices only",
      },
      "GET /api/restructuring/notices/{id}/pdf": {
        rule: OFFERING_READERS,
        note: "an investor reads its own notices only",
      },
      "GET /api/restructuring/offerings/{id}/votes": OFFERING_READERS,
      "POST /api/restructuring/offerings/{id}/votes": ["restructuring_admin"],
      "POST /api/restructuring/votes/{id}/ballot": ["investor"],
      "GET /api/restructuring/offerings/{id}/conditions": OFFERING_READERS,
      "PATCH /api/restructuring/conditions/{id}": ["restructuring_admin"],
      "GET /api/restructuring/offerings/{id}/deadlines": OFFERING_READERS,
      "GET /api/restructuring/offerings/{id}/terminations": OFFERING_READERS,
      "POST /api/restructuring/offerings/{id}/terminations": ["restructuring_admin"],
      "GET /api/restructuring/offerings/{id}/use-of-proceeds": OFFERING_READERS,
      "GET /api/restructuring/offerings/{id}/progress-reports": OFFERING_READERS,
      "POST /api/restructuring/offerings/{id}/progress-reports": ["restructuring_admin"],
    },
  },
  {
    title: "Board committees",
    about:
      "Committee records are read by the Board, its committees, the Secretary, the General Counsel and the auditor; committee chairs and the Secretary run meetings (CC-23); only the Secretary appoints and files minutes (CC-3, CC-6). Which committee a member may read is the committee policy's (privileged items, CC-21).",
    routes: {
      "GET /api/committees": COMMITTEE_READERS,
      "POST /api/committees": ["corporate_secretary"],
      "PUT /api/committees/board/chairman": ["corporate_secretary"],
      "GET /api/committees/{id}": COMMITTEE_READERS,
      "GET /api/committees/{id}/charter/{number}": COMMITTEE_READERS,
      "POST /api/committees/{id}/charter": COMMITTEE_RUNNERS,
      "POST /api/committees/{id}/members": ["corporate_secretary"],
      "POST /api/committees/{id}/members/{memberId}/end": ["corporate_secretary"],
      "POST /api/committees/{id}/chair": ["corporate_secretary"],
      "GET /api/committees/{id}/meetings": COMMITTEE_READERS,
      "POST /api/committees/{id}/meetings": COMMITTEE_RUNNERS,
      "GET /api/committees/meetings/{id}": COMMITTEE_READERS,
      "GET /api/committees/meetings/{id}/invite.ics": COMMITTEE_READERS,
      "GET /api/committees/meetings/{id}/book.pdf": COMMITTEE_READERS,
      "POST /api/committees/meetings/{id}/notice": COMMITTEE_RUNNERS,
      "POST /api/committees/meetings/{id}/cancel": COMMITTEE_RUNNERS,
      "POST /api/committees/meetings/{id}/agenda": COMMITTEE_RUNNERS,
      "POST /api/committees/meetings/{id}/materials": COMMITTEE_RUNNERS,
      "POST /api/committees/meetings/{id}/attendance": COMMITTEE_RUNNERS,
      "POST /api/committees/meetings/{id}/attendance/{attendanceId}/leave": COMMITTEE_RUNNERS,
      "POST /api/committees/meetings/{id}/items/{itemId}/recusals": COMMITTEE_RUNNERS,
      "POST /api/committees/meetings/{id}/resolutions": COMMITTEE_RUNNERS,
      "POST /api/committees/meetings/{id}/adjourn": COMMITTEE_RUNNERS,
      "POST /api/committees/meetings/{id}/minutes": COMMITTEE_RUNNERS,
      "PUT /api/committees/meetings/{id}/minutes": COMMITTEE_RUNNERS,
      "GET /api/committees/meetings/{id}/minutes/versions/{version}": COMMITTEE_READERS,
      "POST /api/committees/meetings/{id}/minutes/circulate": COMMITTEE_RUNNERS,
      "POST /api/committees/meetings/{id}/minutes/approve": COMMITTEE_RUNNERS,
      "POST /api/committees/meetings/{id}/minutes/sign": COMMITTEE_RUNNERS,
      "POST /api/committees/meetings/{id}/minutes/file": ["corporate_secretary"],
      "GET /api/committees/meetings/{id}/minutes.pdf": COMMITTEE_READERS,
      "GET /api/committees/{id}/resolutions": COMMITTEE_READERS,
      "GET /api/committees/{id}/consents": COMMITTEE_READERS,
      "POST /api/committees/{id}/consents": COMMITTEE_RUNNERS,
      "GET /api/committees/consents/{id}": {
        rule: "signed-in",
        note: "those who may read the committee; anyone else 404",
      },
      "POST /api/committees/consents/{id}/sign": {
        rule: "signed-in",
        note: "the members it was circulated to",
      },
      "GET /api/committees/{id}/duties": COMMITTEE_READERS,
      "POST /api/committees/duties/{id}/evidence": COMMITTEE_RUNNERS,
      "GET /api/committees/{id}/proxy-report": COMMITTEE_READERS,
      "GET /api/committees/{id}/proxy-report.pdf": COMMITTEE_READERS,
      "GET /api/committees/{id}/advisers": COMMITTEE_READERS,
      "POST /api/committees/{id}/advisers": COMMITTEE_RUNNERS,
      "POST /api/committees/advisers/{id}/assessments": COMMITTEE_RUNNERS,
      "POST /api/committees/advisers/{id}/retain": COMMITTEE_RUNNERS,
      "POST /api/committees/advisers/{id}/terminate": COMMITTEE_RUNNERS,
      "POST /api/committees/advisers/{id}/fees": COMMITTEE_RUNNERS,
      "GET /api/committees/questionnaires/{personId}": {
        rule: COMMITTEE_READERS,
        note: "and the director, for their own",
      },
      "PUT /api/committees/questionnaires/{personId}": {
        rule: "signed-in",
        note: "the director for their own, or the Secretary (committee.appoint)",
      },
      "GET /api/committees/questionnaires/{personId}/{year}": {
        rule: COMMITTEE_READERS,
        note: "and the director, for their own",
      },
      "POST /api/committees/questionnaires/{personId}/{year}/certify": {
        rule: "self",
        note: "only the director certifies their own questionnaire (CC-20)",
      },
    },
  },
  {
    title: "Speak-up",
    about:
      "The public channels need no account and never read a staff session (COC-21.1, COC-22.2); a reporter reaches their case only with their receipt and password. Handlers are the Compliance Office, Legal and the Audit Committee (SOC-4); which case a handler sees is visibleTo() in speakup/policy.ts: their team's or assigned to them, never one that names them or where they are conflicted (COC-22.2, SOC-6). Speak-up configuration (routing, deadlines, retention) is the Compliance Officer's, not the platform administrator's.",
    routes: {
      "GET /api/speakup/vocabulary": "public",
      "POST /api/speakup/reports": "public",
      "POST /api/speakup/intake": {
        rule: "signed-in",
        note: "channel internal for one's own identified report; phone only for hotline operators, letter only for Legal",
      },
      "POST /api/speakup/mailbox/login": "public",
      "POST /api/speakup/mailbox/setup": {
        rule: "public",
        note: "a phone reporter's first visit: the receipt and the operator's one-time code set their own password",
      },
      "GET /api/speakup/mailbox": "reporter",
      "POST /api/speakup/mailbox/messages": "reporter",
      "GET /api/speakup/mailbox/attachments/{id}": "reporter",
      "GET /api/speakup/cases": HANDLERS,
      "GET /api/speakup/cases/{id}": {
        rule: "signed-in",
        note: "handlers who may see the case, and the identified reporter for their own; anyone else 404",
      },
      "GET /api/speakup/cases/{id}/assignees": ASSIGNERS,
      "GET /api/speakup/cases/{id}/attachments/{attachmentId}": HANDLERS,
      "POST /api/speakup/cases/{id}/acknowledge": HANDLERS,
      "POST /api/speakup/cases/{id}/transition": HANDLERS,
      "POST /api/speakup/cases/{id}/assign": ASSIGNERS,
      "POST /api/speakup/cases/{id}/messages": HANDLERS,
      "POST /api/speakup/cases/{id}/items": HANDLERS,
      "POST /api/speakup/cases/{id}/people": HANDLERS,
      "POST /api/speakup/cases/{id}/clear-exclusion": {
        rule: HANDLERS,
        note: "only a handler who may see the case, so never the probable match themselves (COC-22.2)",
      },
      "POST /api/speakup/cases/{id}/links": HANDLERS,
      "POST /api/speakup/cases/{id}/merge": HANDLERS,
      "POST /api/speakup/cases/{id}/items/{itemId}": HANDLERS,
      "POST /api/speakup/cases/{id}/watch/{watchId}/resolve": HANDLERS,
      "GET /api/speakup/stats": HANDLERS,
      "GET /api/speakup/reports/quarterly.pdf": HANDLERS,
      "GET /api/speakup/my-reports": { rule: "signed-in", note: "the caller's own identified reports" },
      "POST /api/speakup/my-reports/{id}/mailbox": { rule: "signed-in", note: OWN },
      "GET /api/speakup/settings": ["compliance_officer"],
      "PUT /api/speakup/settings": ["compliance_officer"],
    },
  },
  {
    title: "Speak-up portal (HTML, no JavaScript needed)",
    about: "The server-rendered public portal: the same rules as the public speak-up API.",
    routes: {
      "GET /speakup": "public",
      "GET /speakup/report": "public",
      "POST /speakup/report": "public",
      "GET /speakup/mailbox": "public",
      "POST /speakup/mailbox": { rule: "reporter", note: "the receipt and password sign-in form" },
      "POST /speakup/mailbox/reply": "reporter",
      "GET /speakup/mailbox/files/{id}": "reporter",
      "POST /speakup/mailbox/logout": "public",
      "GET /speakup/mailbox/setup": "public",
      "POST /speakup/mailbox/setup": { rule: "public", note: "the one-time code form of a phone reporter" },
      "GET /speakup/pow.js": {
        rule: "public",
        note: "the script that solves the sign-in puzzle after many wrong tries",
      },
    },
  },
  {
    title: "Disclosures, guidance, inquiries, boycotts and legal holds",
    about:
      "Every signed-in user files and follows their own (COC-6.1, COC-9.1, COC-8.1, COC-22.1); Legal and Compliance review; the CEO reviews conflicts for the Audit Committee (COC-6.2), which decides them; gifts to officials and legal holds are the General Counsel's (COC-12.1, COC-15.1).",
    routes: {
      "GET /api/disclosures/conflicts": { rule: "signed-in", note: "one's own, or those one reviews" },
      "POST /api/disclosures/conflicts": "signed-in",
      "GET /api/disclosures/conflicts.csv": LEGAL_AND_AUDITOR,
      "GET /api/disclosures/conflicts/{id}": {
        rule: "signed-in",
        note: "the filer or a reviewer; anyone else 404",
      },
      "PATCH /api/disclosures/conflicts/{id}": { rule: "signed-in", note: "the filer" },
      "POST /api/disclosures/conflicts/{id}/withdraw": { rule: "signed-in", note: "the filer" },
      "POST /api/disclosures/conflicts/{id}/comments": {
        rule: "signed-in",
        note: "the filer or a reviewer",
      },
      "POST /api/disclosures/conflicts/{id}/forward": LEGAL,
      "POST /api/disclosures/conflicts/{id}/ceo-review": ["ceo"],
      "POST /api/disclosures/conflicts/{id}/decision": ["audit_committee_chair", "audit_committee_member"],
      "GET /api/disclosures/gifts": { rule: "signed-in", note: "one's own, or those one reviews" },
      "POST /api/disclosures/gifts": "signed-in",
      "GET /api/disclosures/gifts/settings": { rule: "signed-in", note: "the thresholds the form shows" },
      "PUT /api/disclosures/gifts/settings": LEGAL,
      "GET /api/disclosures/gifts/{id}": {
        rule: "signed-in",
        note: "the filer or a reviewer; anyone else 404",
      },
      "POST /api/disclosures/gifts/{id}/decision": ["general_counsel"],
      "POST /api/disclosures/gifts/{id}/record": { rule: "signed-in", note: "the filer" },
      "GET /api/disclosures/guidance": {
        rule: "signed-in",
        note: "one's own questions and those routed to one",
      },
      "POST /api/disclosures/guidance": "signed-in",
      "GET /api/disclosures/faqs": "signed-in",
      "POST /api/disclosures/guidance/anonymous": "signed-in",
      "GET /api/disclosures/guidance/{id}": {
        rule: "signed-in",
        note: "the use case limits it to those it concerns; anyone else 404",
      },
      "POST /api/disclosures/guidance/{id}/answer": {
        rule: "signed-in",
        note: "the supervisor it was routed to, or Legal (COC-22.1)",
      },
      "POST /api/disclosures/guidance/{id}/escalate": { rule: "signed-in", note: "the asker" },
      "POST /api/disclosures/guidance/{id}/faq": LEGAL,
      "GET /api/disclosures/inquiries": {
        rule: "signed-in",
        note: "those one logged or must answer; all for the General Counsel",
      },
      "POST /api/disclosures/inquiries": "signed-in",
      "GET /api/disclosures/inquiries/{id}": {
        rule: "signed-in",
        note: "the use case limits it to those it concerns; anyone else 404",
      },
      "POST /api/disclosures/inquiries/{id}/assign": ["general_counsel"],
      "POST /api/disclosures/inquiries/{id}/response": {
        rule: "signed-in",
        note: "the assigned responder or the General Counsel",
      },
      "GET /api/disclosures/boycotts": { rule: "signed-in", note: "one's own, or all for boycott.manage" },
      "POST /api/disclosures/boycotts": "signed-in",
      "POST /api/disclosures/boycotts/{id}/review": LEGAL,
      "GET /api/disclosures/boycotts/report/{year}/{quarter}": LEGAL,
      "GET /api/disclosures/holds": {
        rule: "signed-in",
        note: "holds one is a custodian of; all for the General Counsel",
      },
      "POST /api/disclosures/holds": ["general_counsel"],
      "GET /api/disclosures/holds/{id}": {
        rule: "signed-in",
        note: "its custodians or the General Counsel; anyone else 404",
      },
      "POST /api/disclosures/holds/{id}/custodians": ["general_counsel"],
      "POST /api/disclosures/holds/{id}/acknowledge": { rule: "signed-in", note: "its custodians" },
      "POST /api/disclosures/holds/{id}/release": ["general_counsel"],
    },
  },
];

/** Public routes that are not in the OpenAPI document (the document itself and its viewer). */
export const HIDDEN_PUBLIC_ROUTES = ["GET /api/openapi.json", "GET /api/docs"] as const;

export const ruleOf = (row: Row): Rule => (typeof row === "object" && "rule" in row ? row.rule : row);
const noteOf = (row: Row) => (typeof row === "object" && "note" in row ? row.note : "");

/** Every row, flattened: "METHOD /path" → rule. */
export function authorizationRows(): Map<string, Rule> {
  const rows = new Map<string, Rule>();
  for (const section of AUTHORIZATION)
    for (const [route, row] of Object.entries(section.routes)) {
      if (rows.has(route)) throw new Error(`${route} has two rows in test/authorization-matrix.ts`);
      rows.set(route, ruleOf(row));
    }
  return rows;
}

const labelOf = (role: RoleName) => ROLES.find((r) => r.name === role)?.label ?? role;
const describe = (rule: Rule) => {
  if (rule === "public") return "**anyone** (no session)";
  if (rule === "reporter") return "**the reporter** (receipt, or the mailbox session it opens)";
  if (rule === "signed-in") return "any signed-in user";
  if (rule === "self") return "the person it names";
  return rule.map(labelOf).join(", ");
};
const cell = (text: string) => text.replaceAll("|", "\\|");

/** docs/authorization.md, rendered from the table. */
export function renderAuthorizationDoc(): string {
  const out: string[] = [
    "# Who may do what",
    "",
    "<!-- Generated from test/authorization-matrix.ts by `node --import tsx scripts/authorization-doc.ts`; do not edit. -->",
    "",
    "Route-level access of every API and portal route, checked on every run of the test suite by",
    "`test/authorization-matrix.test.ts` on SQLite and PostgreSQL: each route is called by an anonymous",
    "visitor, an employee without a role and one user of each role, and must answer as this table says",
    "(allowed: anything but 401/403; refused: 401 without a session, 403 with one). A route added without",
    "a row here fails the test.",
    "",
    "- **anyone**: no session needed, and a staff session changes nothing (the public speak-up routes",
    "  never read it).",
    "- **the reporter**: the receipt and password, or the mailbox session they open; no staff account, of",
    "  any role, opens a reporter's mailbox (it is refused exactly as an anonymous visitor is, 401).",
    "- **any signed-in user**: employees, every role and investors. The use case then limits which",
    "  records the caller sees (the note says how); a record the caller may not see answers 404, as if",
    "  it did not exist.",
    "- A list of roles: those roles only; every other signed-in user gets 403.",
    "",
    "Which records an allowed role sees inside a route (a handler's cases exclude any that names them;",
    "an investor sees its own offering only) is the domain policy's, tested beside each domain and in",
    "`test/speakup-confidentiality.test.ts`. See also [security.md](security.md).",
    "",
  ];
  const rows = [...authorizationRows().values()];
  out.push("## Routes each role reaches", "", "| Role | Routes |", "|---|---|");
  const reach = (who: RoleName | "employee") =>
    rows.filter(
      (r) => r === "public" || r === "signed-in" || (Array.isArray(r) && r.includes(who as RoleName)),
    ).length;
  out.push(`| Anonymous visitor | ${rows.filter((r) => r === "public").length} |`);
  out.push(`| Employee (no role) | ${reach("employee")} |`);
  for (const role of ROLES) out.push(`| ${role.label} | ${reach(role.name)} |`);
  out.push("");
  for (const section of AUTHORIZATION) {
    out.push(`## ${section.title}`, "", section.about, "", "| Route | Who | Note |", "|---|---|---|");
    for (const [route, row] of Object.entries(section.routes))
      out.push(`| \`${route}\` | ${cell(describe(ruleOf(row)))} | ${cell(noteOf(row))} |`);
    out.push("");
  }
  return out.join("\n");
}
