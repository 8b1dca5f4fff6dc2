import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { endpoints, type RouteDeps, typed } from "../../kernel/http/routes.ts";
import { ctxOf, sendAttachment, sendPdf } from "../../kernel/http/server.ts";
import { addAgendaItems } from "./add-agenda-items.ts";
import { addMaterial } from "./add-material.ts";
import { adjournMeeting } from "./adjourn-meeting.ts";
import { appointMember } from "./appoint-member.ts";
import { approveAdviserFee } from "./approve-adviser-fee.ts";
import { approveMinutes } from "./approve-minutes.ts";
import { assessAdviser } from "./assess-adviser.ts";
import { cancelMeeting } from "./cancel-meeting.ts";
import { certifyQuestionnaire } from "./certify-questionnaire.ts";
import { circulateConsent } from "./circulate-consent.ts";
import { circulateMinutes } from "./circulate-minutes.ts";
import { createCommittee } from "./create-committee.ts";
import { designateChair } from "./designate-chair.ts";
import { draftMinutes } from "./draft-minutes.ts";
import { dutyCalendar } from "./duty-calendar.ts";
import { editMinutes } from "./edit-minutes.ts";
import { endMembership } from "./end-membership.ts";
import { fileMinutes } from "./file-minutes.ts";
import { getAdvisers } from "./get-advisers.ts";
import { getCharterVersion } from "./get-charter-version.ts";
import { getCommittee } from "./get-committee.ts";
import { getConsent } from "./get-consent.ts";
import { getMinutesVersion } from "./get-minutes-version.ts";
import { getQuestionnaire } from "./get-questionnaire.ts";
import { linkEvidence } from "./link-evidence.ts";
import { listCommittees } from "./list-committees.ts";
import { listConsents } from "./list-consents.ts";
import { listMeetings } from "./list-meetings.ts";
import { listQuestionnaires } from "./list-questionnaires.ts";
import { listResolutions } from "./list-resolutions.ts";
import { today } from "./load.ts";
import { meetingBookPdf } from "./meeting-book-pdf.ts";
import { meetingIcs } from "./meeting-ics.ts";
import { getMeeting } from "./meeting-view.ts";
import { minutesPdf } from "./minutes-pdf.ts";
import { proposeAdviser } from "./propose-adviser.ts";
import { proxyReport } from "./proxy-report.ts";
import { proxyReportPdf } from "./proxy-report-pdf.ts";
import { recordArrival } from "./record-arrival.ts";
import { recordDeparture } from "./record-departure.ts";
import { recordResolution } from "./record-resolution.ts";
import { recuse } from "./recuse.ts";
import { retainAdviser } from "./retain-adviser.ts";
import { reviseCharter } from "./revise-charter.ts";
import { saveQuestionnaire } from "./save-questionnaire.ts";
import { scheduleMeeting } from "./schedule-meeting.ts";
import {
  adviserDecisionInput,
  adviserFeeInput,
  adviserInput,
  agendaInput,
  appointInput,
  approveMinutesInput,
  asOfQuery,
  assessmentInput,
  attendanceInput,
  charterInput,
  committeeInput,
  consentInput,
  designateChairInput,
  endMembershipInput,
  evidenceInput,
  id,
  materialInput,
  meetingInput,
  minutesInput,
  questionnaireInput,
  recusalInput,
  resolutionInput,
  yearQuery,
} from "./schemas.ts";
import { sendNotice } from "./send-notice.ts";
import { setBoardChairman } from "./set-board-chairman.ts";
import { signConsent } from "./sign-consent.ts";
import { signMinutes } from "./sign-minutes.ts";
import { terminateAdviser } from "./terminate-adviser.ts";
import {
  adviserListView,
  agendaAddedView,
  boardChairmanView,
  charterVersionView,
  committeeListView,
  committeeView,
  consentList,
  consentView,
  dutyCalendarView,
  evidenceLinkedView,
  icsFile,
  materialAddedView,
  meetingAdjournedView,
  meetingCancelledView,
  meetingList,
  meetingScheduledView,
  meetingView,
  minutesApprovalView,
  minutesVersionView,
  minutesView,
  noticeSentView,
  pdfFile,
  proxyReportView,
  questionnaireList,
  questionnaireView,
  quorumView,
  resolutionList,
  resolutionView,
} from "./views.ts";

const route = endpoints(["committees"]);
const idParams = z.object({ id });

export function registerCommitteeRoutes(app: FastifyInstance, deps: RouteDeps) {
  const r = typed(app);
  const year = (q: { year?: number | undefined }, request: Parameters<typeof ctxOf>[0]) =>
    q.year ?? Number(today(ctxOf(request, deps)).slice(0, 4));

  r.get(
    "/api/committees",
    route("committee.list", { permission: "committee.read" }, { response: { 200: committeeListView } }),
    async (q) => listCommittees(ctxOf(q, deps)),
  );
  r.post(
    "/api/committees",
    route(
      "committee.create",
      { permission: "committee.appoint" },
      { body: committeeInput, response: { 201: committeeView } },
    ),
    async (q, reply) => reply.status(201).send(await createCommittee(ctxOf(q, deps), q.body)),
  );
  r.put(
    "/api/committees/board/chairman",
    route(
      "board.chairman",
      { permission: "committee.appoint" },
      {
        summary: "The Chairman of the Board (may call special meetings, CC-7)",
        body: z.object({ personId: id }),
        response: { 200: boardChairmanView },
      },
    ),
    async (q) => setBoardChairman(ctxOf(q, deps), q.body.personId),
  );
  r.get(
    "/api/committees/:id",
    route(
      "committee.read",
      { permission: "committee.read" },
      {
        summary: "Committee, charter, members and compliance alerts",
        params: idParams,
        querystring: asOfQuery,
        response: { 200: committeeView },
      },
    ),
    async (q) => getCommittee(ctxOf(q, deps), q.params.id, q.query.asOf),
  );
  r.get(
    "/api/committees/:id/charter/:number",
    route(
      "charter.read",
      { permission: "committee.read" },
      {
        params: z.object({ id, number: z.coerce.number().int().min(1).max(100_000) }),
        response: { 200: charterVersionView },
      },
    ),
    async (q) => getCharterVersion(ctxOf(q, deps), q.params.id, q.params.number),
  );
  r.post(
    "/api/committees/:id/charter",
    route(
      "charter.revise",
      { permission: "committee.manage" },
      { params: idParams, body: charterInput, response: { 200: committeeView } },
    ),
    async (q) => reviseCharter(ctxOf(q, deps), q.params.id, q.body),
  );
  r.post(
    "/api/committees/:id/members",
    route(
      "committee.appoint",
      { permission: "committee.appoint" },
      { params: idParams, body: appointInput, response: { 200: committeeView } },
    ),
    async (q) => appointMember(ctxOf(q, deps), q.params.id, q.body),
  );
  r.post(
    "/api/committees/:id/members/:memberId/end",
    route(
      "committee.member.end",
      { permission: "committee.appoint" },
      { params: z.object({ id, memberId: id }), body: endMembershipInput, response: { 200: committeeView } },
    ),
    async (q) => endMembership(ctxOf(q, deps), q.params.id, q.params.memberId, q.body),
  );
  r.post(
    "/api/committees/:id/chair",
    route(
      "committee.chair",
      { permission: "committee.appoint" },
      { params: idParams, body: designateChairInput, response: { 200: committeeView } },
    ),
    async (q) => designateChair(ctxOf(q, deps), q.params.id, q.body),
  );

  // Meetings.
  r.get(
    "/api/committees/:id/meetings",
    route(
      "meeting.list",
      { permission: "committee.read" },
      { params: idParams, response: { 200: meetingList } },
    ),
    async (q) => listMeetings(ctxOf(q, deps), q.params.id),
  );
  r.post(
    "/api/committees/:id/meetings",
    route(
      "meeting.schedule",
      { permission: "committee.manage" },
      { params: idParams, body: meetingInput, response: { 201: meetingScheduledView } },
    ),
    async (q, reply) => reply.status(201).send(await scheduleMeeting(ctxOf(q, deps), q.params.id, q.body)),
  );
  r.get(
    "/api/committees/meetings/:id",
    route(
      "meeting.read",
      { permission: "committee.read" },
      { params: idParams, response: { 200: meetingView } },
    ),
    async (q) => getMeeting(ctxOf(q, deps), q.params.id),
  );
  r.get(
    "/api/committees/meetings/:id/invite.ics",
    route(
      "meeting.invite",
      { permission: "committee.read" },
      { summary: "The invitation as iCalendar", params: idParams, response: { 200: icsFile } },
    ),
    async (q, reply) =>
      sendAttachment(
        reply,
        "text/calendar; charset=utf-8",
        "meeting.ics",
        await meetingIcs(ctxOf(q, deps), q.params.id),
      ),
  );
  r.get(
    "/api/committees/meetings/:id/book.pdf",
    route("meeting.book", { permission: "committee.read" }, { params: idParams, response: { 200: pdfFile } }),
    async (q, reply) => sendPdf(reply, "meeting-book.pdf", await meetingBookPdf(ctxOf(q, deps), q.params.id)),
  );
  r.post(
    "/api/committees/meetings/:id/notice",
    route(
      "meeting.notice",
      { permission: "committee.manage" },
      { params: idParams, response: { 200: noticeSentView } },
    ),
    async (q) => sendNotice(ctxOf(q, deps), q.params.id),
  );
  r.post(
    "/api/committees/meetings/:id/cancel",
    route(
      "meeting.cancel",
      { permission: "committee.manage" },
      { params: idParams, response: { 200: meetingCancelledView } },
    ),
    async (q) => cancelMeeting(ctxOf(q, deps), q.params.id),
  );
  r.post(
    "/api/committees/meetings/:id/agenda",
    route(
      "meeting.agenda",
      { permission: "committee.manage" },
      { params: idParams, body: agendaInput, response: { 200: agendaAddedView } },
    ),
    async (q) => addAgendaItems(ctxOf(q, deps), q.params.id, q.body.items),
  );
  r.post(
    "/api/committees/meetings/:id/materials",
    route(
      "meeting.materials",
      { permission: "committee.manage" },
      { params: idParams, body: materialInput, response: { 200: materialAddedView } },
    ),
    async (q) => addMaterial(ctxOf(q, deps), q.params.id, q.body),
  );
  r.post(
    "/api/committees/meetings/:id/attendance",
    route(
      "meeting.attend",
      { permission: "committee.manage" },
      { params: idParams, body: attendanceInput, response: { 200: quorumView } },
    ),
    async (q) => recordArrival(ctxOf(q, deps), q.params.id, q.body),
  );
  r.post(
    "/api/committees/meetings/:id/attendance/:attendanceId/leave",
    route(
      "meeting.leave",
      { permission: "committee.manage" },
      { params: z.object({ id, attendanceId: id }), response: { 200: quorumView } },
    ),
    async (q) => recordDeparture(ctxOf(q, deps), q.params.id, q.params.attendanceId),
  );
  r.post(
    "/api/committees/meetings/:id/items/:itemId/recusals",
    route(
      "meeting.recuse",
      { permission: "committee.manage" },
      { params: z.object({ id, itemId: id }), body: recusalInput, response: { 200: quorumView } },
    ),
    async (q) => recuse(ctxOf(q, deps), q.params.id, q.params.itemId, q.body),
  );
  r.post(
    "/api/committees/meetings/:id/resolutions",
    route(
      "resolution.record",
      { permission: "committee.manage" },
      { params: idParams, body: resolutionInput, response: { 201: resolutionView } },
    ),
    async (q, reply) => reply.status(201).send(await recordResolution(ctxOf(q, deps), q.params.id, q.body)),
  );
  r.post(
    "/api/committees/meetings/:id/adjourn",
    route(
      "meeting.adjourn",
      { permission: "committee.manage" },
      { params: idParams, response: { 200: meetingAdjournedView } },
    ),
    async (q) => adjournMeeting(ctxOf(q, deps), q.params.id),
  );

  // Minutes (CC-6).
  r.post(
    "/api/committees/meetings/:id/minutes",
    route(
      "minutes.draft",
      { permission: "committee.manage" },
      { params: idParams, response: { 201: minutesView } },
    ),
    async (q, reply) => reply.status(201).send(await draftMinutes(ctxOf(q, deps), q.params.id)),
  );
  r.put(
    "/api/committees/meetings/:id/minutes",
    route(
      "minutes.edit",
      { permission: "committee.manage" },
      { params: idParams, body: minutesInput, response: { 200: minutesView } },
    ),
    async (q) => editMinutes(ctxOf(q, deps), q.params.id, q.body),
  );
  r.get(
    "/api/committees/meetings/:id/minutes/versions/:version",
    route(
      "minutes.version",
      { permission: "committee.read" },
      {
        params: z.object({ id, version: z.coerce.number().int().min(1).max(100_000) }),
        response: { 200: minutesVersionView },
      },
    ),
    async (q) => getMinutesVersion(ctxOf(q, deps), q.params.id, q.params.version),
  );
  r.post(
    "/api/committees/meetings/:id/minutes/circulate",
    route(
      "minutes.circulate",
      { permission: "committee.manage" },
      { params: idParams, response: { 200: minutesView } },
    ),
    async (q) => circulateMinutes(ctxOf(q, deps), q.params.id),
  );
  r.post(
    "/api/committees/meetings/:id/minutes/approve",
    route(
      "minutes.approve",
      { permission: "committee.manage" },
      { params: idParams, body: approveMinutesInput, response: { 200: minutesApprovalView } },
    ),
    async (q) => approveMinutes(ctxOf(q, deps), q.params.id, q.body),
  );
  r.post(
    "/api/committees/meetings/:id/minutes/sign",
    route(
      "minutes.sign",
      { permission: "committee.manage" },
      { params: idParams, response: { 200: minutesView } },
    ),
    async (q) => signMinutes(ctxOf(q, deps), q.params.id),
  );
  r.post(
    "/api/committees/meetings/:id/minutes/file",
    route(
      "minutes.file",
      { permission: "committee.file" },
      { params: idParams, response: { 200: minutesView } },
    ),
    async (q) => fileMinutes(ctxOf(q, deps), q.params.id),
  );
  r.get(
    "/api/committees/meetings/:id/minutes.pdf",
    route("minutes.pdf", { permission: "committee.read" }, { params: idParams, response: { 200: pdfFile } }),
    async (q, reply) => sendPdf(reply, "minutes.pdf", await minutesPdf(ctxOf(q, deps), q.params.id)),
  );

  // Resolutions and unanimous written consents.
  r.get(
    "/api/committees/:id/resolutions",
    route(
      "resolution.list",
      { permission: "committee.read" },
      { params: idParams, response: { 200: resolutionList } },
    ),
    async (q) => listResolutions(ctxOf(q, deps), q.params.id),
  );
  r.get(
    "/api/committees/:id/consents",
    route(
      "consent.list",
      { permission: "committee.read" },
      { params: idParams, response: { 200: consentList } },
    ),
    async (q) => listConsents(ctxOf(q, deps), q.params.id),
  );
  r.post(
    "/api/committees/:id/consents",
    route(
      "consent.circulate",
      { permission: "committee.manage" },
      { params: idParams, body: consentInput, response: { 201: consentView } },
    ),
    async (q, reply) => reply.status(201).send(await circulateConsent(ctxOf(q, deps), q.params.id, q.body)),
  );
  r.get(
    "/api/committees/consents/:id",
    route("consent.read", { authenticated: true }, { params: idParams, response: { 200: consentView } }),
    async (q) => getConsent(ctxOf(q, deps), q.params.id),
  );
  r.post(
    "/api/committees/consents/:id/sign",
    route("consent.sign", { authenticated: true }, { params: idParams, response: { 200: consentView } }),
    async (q) => signConsent(ctxOf(q, deps), q.params.id),
  );

  // The yearly duties (CC-10 … CC-23) and the proxy report (CC-22).
  r.get(
    "/api/committees/:id/duties",
    route(
      "duty.list",
      { permission: "committee.read" },
      { params: idParams, querystring: yearQuery, response: { 200: dutyCalendarView } },
    ),
    async (q) => dutyCalendar(ctxOf(q, deps), q.params.id, year(q.query, q)),
  );
  r.post(
    "/api/committees/duties/:id/evidence",
    route(
      "duty.evidence",
      { permission: "committee.manage" },
      { params: idParams, body: evidenceInput, response: { 201: evidenceLinkedView } },
    ),
    async (q, reply) => reply.status(201).send(await linkEvidence(ctxOf(q, deps), q.params.id, q.body)),
  );
  r.get(
    "/api/committees/:id/proxy-report",
    route(
      "proxy.report",
      { permission: "committee.read" },
      { params: idParams, querystring: yearQuery, response: { 200: proxyReportView } },
    ),
    async (q) => proxyReport(ctxOf(q, deps), q.params.id, year(q.query, q)),
  );
  r.get(
    "/api/committees/:id/proxy-report.pdf",
    route(
      "proxy.report.pdf",
      { permission: "committee.read" },
      { params: idParams, querystring: yearQuery, response: { 200: pdfFile } },
    ),
    async (q, reply) =>
      sendPdf(
        reply,
        "compensation-committee-report.pdf",
        await proxyReportPdf(ctxOf(q, deps), q.params.id, year(q.query, q)),
      ),
  );

  // Advisers (CC-9, CC-16).
  r.get(
    "/api/committees/:id/advisers",
    route(
      "adviser.list",
      { permission: "committee.read" },
      { params: idParams, response: { 200: adviserListView } },
    ),
    async (q) => getAdvisers(ctxOf(q, deps), q.params.id),
  );
  r.post(
    "/api/committees/:id/advisers",
    route(
      "adviser.propose",
      { permission: "committee.manage" },
      { params: idParams, body: adviserInput, response: { 201: adviserListView } },
    ),
    async (q, reply) => reply.status(201).send(await proposeAdviser(ctxOf(q, deps), q.params.id, q.body)),
  );
  r.post(
    "/api/committees/advisers/:id/assessments",
    route(
      "adviser.assess",
      { permission: "committee.manage" },
      { params: idParams, body: assessmentInput, response: { 200: adviserListView } },
    ),
    async (q) => assessAdviser(ctxOf(q, deps), q.params.id, q.body),
  );
  r.post(
    "/api/committees/advisers/:id/retain",
    route(
      "adviser.retain",
      { permission: "committee.manage" },
      { params: idParams, body: adviserDecisionInput, response: { 200: adviserListView } },
    ),
    async (q) => retainAdviser(ctxOf(q, deps), q.params.id, q.body),
  );
  r.post(
    "/api/committees/advisers/:id/terminate",
    route(
      "adviser.terminate",
      { permission: "committee.manage" },
      { params: idParams, body: adviserDecisionInput, response: { 200: adviserListView } },
    ),
    async (q) => terminateAdviser(ctxOf(q, deps), q.params.id, q.body),
  );
  r.post(
    "/api/committees/advisers/:id/fees",
    route(
      "adviser.fee",
      { permission: "committee.manage" },
      { params: idParams, body: adviserFeeInput, response: { 200: adviserListView } },
    ),
    async (q) => approveAdviserFee(ctxOf(q, deps), q.params.id, q.body),
  );

  // D&O questionnaires (the yearly independence certification, CC-20).
  r.get(
    "/api/committees/questionnaires/:personId",
    route(
      "questionnaire.list",
      { authenticated: true },
      { params: z.object({ personId: id }), response: { 200: questionnaireList } },
    ),
    async (q) => listQuestionnaires(ctxOf(q, deps), q.params.personId),
  );
  r.get(
    "/api/committees/questionnaires/:personId/:year",
    route(
      "questionnaire.read",
      { authenticated: true },
      {
        params: z.object({ personId: id, year: z.coerce.number().int().min(2000).max(2100) }),
        response: { 200: questionnaireView },
      },
    ),
    async (q) => getQuestionnaire(ctxOf(q, deps), q.params.personId, q.params.year),
  );
  r.put(
    "/api/committees/questionnaires/:personId",
    route(
      "questionnaire.save",
      { authenticated: true },
      { params: z.object({ personId: id }), body: questionnaireInput, response: { 200: questionnaireView } },
    ),
    async (q) => saveQuestionnaire(ctxOf(q, deps), q.params.personId, q.body),
  );
  r.post(
    "/api/committees/questionnaires/:personId/:year/certify",
    route(
      "questionnaire.certify",
      { authenticated: true },
      {
        params: z.object({ personId: id, year: z.coerce.number().int().min(2000).max(2100) }),
        response: { 200: questionnaireView },
      },
    ),
    async (q) => certifyQuestionnaire(ctxOf(q, deps), q.params.personId, q.params.year),
  );
}
