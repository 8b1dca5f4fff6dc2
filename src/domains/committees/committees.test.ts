import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { expectAll } from "../../../test/assertions.ts";
import { createTestDb, dialect, type TestDb } from "../../../test/db.ts";
import {
  actorWith,
  annualAppointment,
  buildPerson,
  buildUser,
  certifyDirector,
  compensationCommittee,
  NOTHING_TO_DECLARE,
} from "../../../test/factories.ts";
import { auditActionsOn } from "../../../test/records.ts";
import type { Actor, Ctx } from "../../kernel/context.ts";
import { addAgendaItems } from "./add-agenda-items.ts";
import { addMaterial } from "./add-material.ts";
import { adjournMeeting } from "./adjourn-meeting.ts";
import { appointMember } from "./appoint-member.ts";
import { assessAdviser } from "./assess-adviser.ts";
import { certifyQuestionnaire } from "./certify-questionnaire.ts";
import { circulateConsent } from "./circulate-consent.ts";
import { createCommittee } from "./create-committee.ts";
import { dutyCalendar } from "./duty-calendar.ts";
import { endMembership } from "./end-membership.ts";
import { getCommittee } from "./get-committee.ts";
import { linkEvidence } from "./link-evidence.ts";
import { meetingIcs } from "./meeting-ics.ts";
import { getMeeting } from "./meeting-view.ts";
import {
  approveMinutes,
  circulateMinutes,
  draftMinutes,
  editMinutes,
  fileMinutes,
  getMinutes,
  signMinutes,
} from "./minutes.ts";
import { minutesPdf } from "./minutes-pdf.ts";
import { proposeAdviser } from "./propose-adviser.ts";
import { proxyReport } from "./proxy-report.ts";
import { recordArrival } from "./record-arrival.ts";
import { recordDeparture } from "./record-departure.ts";
import { recordResolution } from "./record-resolution.ts";
import { recuse } from "./recuse.ts";
import { retainAdviser } from "./retain-adviser.ts";
import { reviseCharter } from "./revise-charter.ts";
import { saveQuestionnaire } from "./save-questionnaire.ts";
import { scheduleMeeting } from "./schedule-meeting.ts";
import { setBoardChairman } from "./set-board-chairman.ts";
import { signConsent } from "./sign-consent.ts";
import { terminateAdviser } from "./terminate-adviser.ts";

const DAY = 86_400_000;

describe(`committees (${dialect})`, () => {
  let t: TestDb;
  let sys: Ctx;
  let secretary: Ctx;
  let secretaryUserId: string;
  let directors: { id: string; name: string }[];
  let committeeId: string;
  let memberIds: string[];
  const as = (actor: Actor) => t.ctx(actor);
  const director = (i: number) =>
    as(actorWith(["board_member", "committee_member"], { personId: directors[i]!.id }));
  const chair = () => as(actorWith(["board_member", "committee_chair"], { personId: directors[0]!.id }));

  // Each test builds its own world (a fresh database with six certified directors and a
  // Compensation Committee of four) and holds the meetings it needs, so any test runs alone.
  beforeEach(async () => {
    t = await createTestDb();
    sys = t.ctx();
    const user = await buildUser(sys, ["corporate_secretary"]);
    secretaryUserId = user.id;
    secretary = as(actorWith(["corporate_secretary"], { userId: user.id }));
    directors = [];
    for (let i = 0; i < 6; i++) {
      const p = await buildPerson(sys, {
        kind: "director",
        categories: ["director"],
        firstName: `Director${i}`,
        lastName: "Test",
      });
      directors.push({ id: p.id, name: `Director${i} Test` });
    }
    for (const d of directors) await certifyDirector(sys, d.id);
    const c = await createCommittee(secretary, compensationCommittee());
    committeeId = c.id;
    memberIds = [];
    for (const [i, d] of directors.slice(0, 4).entries()) {
      const view = await appointMember(secretary, committeeId, annualAppointment(d.id, i === 0));
      memberIds.push(view.compliance.members.find((m) => m.personId === d.id)!.id);
    }
  });
  afterEach(() => t.destroy());

  /** The Board fills CC-1's vacancy: Director4 is appointed on 2026-03-03. */
  const fillVacancy = () =>
    appointMember(secretary, committeeId, {
      personId: directors[4]!.id,
      startDate: "2026-03-03",
      isChair: false,
      recommendedBy: "Nominating and Corporate Governance Committee",
      appointmentKind: "vacancy",
      boardMeetingDate: "2026-03-03",
      boardReference: "Board resolution filling the vacancy",
    });
  /** CC-1's changes: Director3 resigns and Director2 is removed (last day 2026-03-02); Director4 fills the vacancy on 2026-03-03. */
  async function replaceTwoMembers() {
    await endMembership(secretary, committeeId, memberIds[3]!, { endDate: "2026-03-02", reason: "resigned" });
    t.clock.advance(DAY);
    await endMembership(secretary, committeeId, memberIds[2]!, {
      endDate: "2026-03-02",
      reason: "removed_by_board",
    });
    await fillVacancy();
  }
  /** A regular meeting attended by Director0 and Director1 (by telephone), left in session. */
  async function meetInSession(title: string, startsAt: string) {
    const { id } = await scheduleMeeting(secretary, committeeId, {
      kind: "regular",
      title,
      startsAt,
      durationMinutes: 90,
      mode: "telephone",
    });
    for (const d of [0, 1])
      await recordArrival(secretary, id, {
        personId: directors[d]!.id,
        capacity: "member",
        mode: "telephone",
      });
    return id;
  }
  /** The first regular meeting scheduled: 2026-03-10, in person at Beachwood. */
  const scheduleFirstMeeting = async () =>
    (
      await scheduleMeeting(secretary, committeeId, {
        kind: "regular",
        title: "First regular meeting",
        startsAt: "2026-03-10T15:00:00Z",
        durationMinutes: 90,
        mode: "in_person",
        location: "Beachwood",
      })
    ).id;
  /** The agenda item of the CEO's goals (a CC duty), concerning a CEO of its own. */
  const ceoGoalsItem = async () => ({
    title: "Review and approve the CEO's goals",
    isPrivileged: false,
    dutyKey: "ceo_goals" as const,
    concernsPersonId: (await buildPerson(sys, { kind: "officer" })).id,
  });
  /** The first regular meeting (2026-03-10, Beachwood): the CEO's 2026 goals approved by Director0 and Director1 (by telephone), adjourned. */
  async function holdFirstMeeting() {
    const id = await scheduleFirstMeeting();
    await addAgendaItems(chair(), id, [await ceoGoalsItem()]);
    const goals = (await getMeeting(sys, id)).agenda[0]!.id;
    await recordArrival(secretary, id, { personId: directors[0]!.id, capacity: "member", mode: "in_person" });
    await recordArrival(secretary, id, { personId: directors[1]!.id, capacity: "member", mode: "telephone" });
    await recordResolution(secretary, id, {
      agendaItemId: goals,
      title: "CEO goals",
      text: "The 2026 CEO goals are approved.",
      votes: { [directors[0]!.id]: "for", [directors[1]!.id]: "for" },
    });
    await adjournMeeting(secretary, id);
    return id;
  }

  it("imports the charter from the seed and keeps its versions (CC-19)", async () => {
    const c = await getCommittee(sys, committeeId);
    expect(c.charter.number).toBe(1);
    expect(c.charter.body).toContain("no fewer than three (3) members");
    const revised = await reviseCharter(secretary, committeeId, {
      body: `${c.charter.body}\n\nAmended.`,
      changeNote: "Yearly review",
    });
    expect(revised.charter.number).toBe(2);
    expect(revised.charterVersions.map((v) => v.status)).toEqual(["approved", "superseded"]);
  });

  it("CC-3: only directors are appointed, by the Board, recorded by the Secretary", async () => {
    const employee = await buildPerson(sys, { kind: "employee" });
    await expect(
      appointMember(secretary, committeeId, {
        personId: employee.id,
        startDate: "2026-01-05",
        isChair: false,
        recommendedBy: "Nominating and Corporate Governance Committee",
        appointmentKind: "vacancy",
        boardMeetingDate: "2026-01-05",
        boardReference: null,
      }),
    ).rejects.toThrow(/CC-3/);
    await expect(
      appointMember(director(1), committeeId, {
        personId: directors[5]!.id,
        startDate: "2026-01-05",
        isChair: false,
        recommendedBy: "x",
        appointmentKind: "vacancy",
        boardMeetingDate: "2026-01-05",
        boardReference: null,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("CC-2: a director whose questionnaire reports $130,000 of consulting fees last year is flagged, rule cited", async () => {
    const d = directors[3]!;
    await saveQuestionnaire(secretary, d.id, {
      year: 2026,
      answers: {
        ...NOTHING_TO_DECLARE,
        compensation: [{ who: "self", kind: "consulting", amount: "130,000", receivedOn: "2025-11-30" }],
      },
    });
    // Amended answers withdraw the certification until the director certifies again (CC-20).
    let c = await getCommittee(sys, committeeId);
    expect(c.compliance.alerts.map((a) => a.rule)).toContain("CC-20");
    await expect(certifyQuestionnaire(secretary, d.id, 2026)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await certifyQuestionnaire(as(actorWith(["board_member"], { personId: d.id })), d.id, 2026);
    c = await getCommittee(sys, committeeId);
    const alert = c.compliance.alerts.find(
      (a) => a.personId === d.id && a.message.includes("303A.02(b)(ii)"),
    );
    expect(alert?.message).toMatch(
      /^CC-2: Director3 Test is not independent under NYSE 303A\.02\(b\)\(ii\): .*\$130,000\.00/,
    );
    expect(alert?.sentence).toContain("independence requirements of the New York Stock Exchange");
    expect(c.compliance.alerts.some((a) => a.message.includes("Rule 16b-3(b)(3)(i)(B)"))).toBe(true);
    const member = c.compliance.members.find((m) => m.personId === d.id)!;
    expect(member.independence?.independent).toBe(false);
    // The Secretary sees it in "My tasks".
    const tasks = await t.database.db
      .selectFrom("tasks")
      .selectAll()
      .where("assignee_user_id", "=", secretaryUserId)
      .where("status", "=", "open")
      .execute();
    expect(tasks.some((task) => task.title.startsWith("CC-2: Director3 Test"))).toBe(true);
    // Corrected answers clear the alert and close the task.
    await saveQuestionnaire(secretary, d.id, { year: 2026, answers: NOTHING_TO_DECLARE });
    await certifyQuestionnaire(as(actorWith(["board_member"], { personId: d.id })), d.id, 2026);
    expect(
      (await getCommittee(sys, committeeId)).compliance.alerts.filter((a) => a.severity === "breach"),
    ).toEqual([]);
  });

  it("CC-20: a certification older than 12 months lapses", async () => {
    const c = await getCommittee(sys, committeeId, "2027-03-03");
    expect(c.compliance.alerts.filter((a) => a.rule === "CC-20")).toHaveLength(4);
    expect(c.compliance.alerts[0]!.message).toMatch(/^CC-1|CC-20/);
  });

  it("CC-1: removing a member so that three remain keeps the committee compliant; two raises the alert", async () => {
    let c = await endMembership(secretary, committeeId, memberIds[3]!, {
      endDate: "2026-03-02",
      reason: "resigned",
    });
    // The end date is the last day served: on that day four still serve.
    expect(c.compliance.members).toHaveLength(4);
    t.clock.advance(DAY);
    c = await getCommittee(sys, committeeId);
    expect(c.compliance.members).toHaveLength(3);
    expect(c.compliance.alerts.filter((a) => a.rule === "CC-1")).toEqual([]);
    c = await endMembership(secretary, committeeId, memberIds[2]!, {
      endDate: "2026-03-02",
      reason: "removed_by_board",
    });
    const cc1 = c.compliance.alerts.find((a) => a.rule === "CC-1");
    expect(cc1?.message).toBe(
      "CC-1: the charter requires at least 3 members; the Compensation Committee has 2 on 2026-03-03.",
    );
    expect(cc1?.sentence).toBe("The Committee shall consist of no fewer than three (3) members.");
    expect(c.compliance.isCompliant).toBe(false);
    // The Board fills the vacancy.
    c = await fillVacancy();
    expect(c.compliance.alerts.filter((a) => a.rule === "CC-1")).toEqual([]);
  });

  it("CC-7: special meetings are called by the Chair, the Chairman of the Board or a member", async () => {
    const base = {
      kind: "special" as const,
      title: "Special meeting",
      startsAt: "2026-04-01T15:00:00Z",
      durationMinutes: 60,
      mode: "telephone" as const,
    };
    await expect(
      scheduleMeeting(secretary, committeeId, {
        ...base,
        calledByPersonId: directors[5]!.id,
        calledByCapacity: "member",
      }),
    ).rejects.toThrow(/CC-7/);
    await expect(scheduleMeeting(secretary, committeeId, base)).rejects.toThrow(/CC-7/);
    const ceo = await buildPerson(sys, { kind: "officer", firstName: "Margaret", lastName: "Holloway" });
    await expect(
      scheduleMeeting(secretary, committeeId, {
        ...base,
        calledByPersonId: ceo.id,
        calledByCapacity: "board_chairman",
      }),
    ).rejects.toThrow(/CC-7/);
    await setBoardChairman(secretary, ceo.id);
    await scheduleMeeting(secretary, committeeId, {
      ...base,
      calledByPersonId: ceo.id,
      calledByCapacity: "board_chairman",
    });
    await scheduleMeeting(secretary, committeeId, {
      ...base,
      calledByPersonId: directors[1]!.id,
      calledByCapacity: "member",
    });
    await expect(
      scheduleMeeting(secretary, committeeId, {
        ...base,
        calledByPersonId: directors[1]!.id,
        calledByCapacity: "committee_chair",
      }),
    ).rejects.toThrow(/CC-7/);
  });

  it("CC-8: no resolution without two members present; a recused member or the person concerned does not count", async () => {
    const first = await scheduleFirstMeeting();
    await expect(addAgendaItems(secretary, first, [{ title: "x", isPrivileged: false }])).rejects.toThrow(
      /CC-23/,
    );
    const goalsItem = await ceoGoalsItem();
    const ceo = { id: goalsItem.concernsPersonId };
    await addAgendaItems(chair(), first, [
      goalsItem,
      { title: "Consulting agreement with a member's firm", isPrivileged: false },
      { title: "Advice of counsel on plan litigation", isPrivileged: true },
    ]);
    const meeting = await getMeeting(sys, first);
    const [goals, consulting, privileged] = meeting.agenda.map((i) => i.id) as [string, string, string];
    await addMaterial(secretary, first, {
      title: "Counsel memo",
      body: "Secret advice",
      agendaItemId: privileged,
      isPrivileged: false,
    });

    await recordArrival(secretary, first, {
      personId: directors[0]!.id,
      capacity: "member",
      mode: "in_person",
    });
    const vote = {
      agendaItemId: goals,
      title: "CEO goals",
      text: "The 2026 CEO goals are approved.",
      votes: { [directors[0]!.id]: "for" as const },
    };
    await expect(recordResolution(secretary, first, vote)).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/^CC-8: 2 members constitute a quorum; 1 member is present/),
    });
    const q = await recordArrival(secretary, first, {
      personId: directors[1]!.id,
      capacity: "member",
      mode: "telephone",
    });
    expect(q.hasQuorum).toBe(true);
    // The CEO attends, but never the item on his own pay.
    const ceoIn = await recordArrival(secretary, first, {
      personId: ceo.id,
      capacity: "management",
      mode: "in_person",
    });
    expect(ceoIn.items[0]!.concernedPresent).toBe(ceo.id);
    await expect(recordResolution(secretary, first, vote)).rejects.toThrow(
      /never attend the item on their own pay/,
    );
    const ceoRow = (await getMeeting(sys, first)).attendance.find((a) => a.personId === ceo.id)!;
    await recordDeparture(secretary, first, ceoRow.id);
    const adopted = await recordResolution(secretary, first, {
      ...vote,
      votes: { [directors[0]!.id]: "for", [directors[1]!.id]: "for" },
    });
    expect(adopted).toMatchObject({ outcome: "adopted", votesFor: 2, membersPresent: 2 });

    // A member with a conflict is recused from the item: one eligible member is not a quorum.
    await recuse(secretary, first, consulting, {
      personId: directors[1]!.id,
      reason: "Her firm is the counterparty",
    });
    await expect(
      recordResolution(secretary, first, {
        agendaItemId: consulting,
        title: "Agreement",
        text: "Approved.",
        votes: { [directors[0]!.id]: "for" },
      }),
    ).rejects.toThrow(/CC-8: .*Director1 Test recused/);
    await expect(
      recordResolution(secretary, first, {
        agendaItemId: consulting,
        title: "Agreement",
        text: "Approved.",
        votes: { [directors[1]!.id]: "for" },
      }),
    ).rejects.toThrow();

    // CC-21: privileged items and materials stay with the committee, the Secretary and counsel.
    const auditorView = await getMeeting(as(actorWith(["auditor"])), first);
    expect(auditorView.agenda[2]!.title).toBe("Privileged item");
    expect(auditorView.materials[0]!.body).toMatch(/withheld .*CC-21/);
    expect(auditorView.materials[0]!.isPrivileged).toBe(true);
    const memberView = await getMeeting(director(1), first);
    expect(memberView.materials[0]!.body).toBe("Secret advice");
    await adjournMeeting(secretary, first);
  });

  it("CC-6: minutes drafted, circulated, approved at a later meeting, signed, locked and filed; duties satisfied", async () => {
    t.clock.set("2026-03-03T14:00:00Z");
    const first = await holdFirstMeeting();
    const before = await dutyCalendar(sys, committeeId, 2026);
    expect(before.duties.find((d) => d.key === "ceo_goals")!.status).toBe("due");
    const draft = await draftMinutes(secretary, first);
    expect(draft.body).toContain("Members present: Director0 Test, Director1 Test (by telephone)");
    expect(draft.body).toContain("RESOLVED: The 2026 CEO goals are approved.");
    await editMinutes(secretary, first, { body: `${draft.body}\nCorrected.`, note: "Typo" });
    const { id: second } = await scheduleMeeting(secretary, committeeId, {
      kind: "regular",
      title: "Second regular meeting",
      startsAt: "2026-03-24T15:00:00Z",
      durationMinutes: 90,
      mode: "telephone",
    });
    const votes = { [directors[0]!.id]: "for" as const, [directors[1]!.id]: "for" as const };
    await expect(approveMinutes(secretary, first, { atMeetingId: second, votes })).rejects.toThrow(
      /CC-6: minutes are circulated/,
    );
    await circulateMinutes(secretary, first);
    await expect(approveMinutes(secretary, first, { atMeetingId: first, votes })).rejects.toThrow(
      /later meeting/,
    );
    await recordArrival(secretary, second, {
      personId: directors[0]!.id,
      capacity: "member",
      mode: "telephone",
    });
    await expect(
      approveMinutes(secretary, first, { atMeetingId: second, votes: { [directors[0]!.id]: "for" } }),
    ).rejects.toThrow(/CC-8/);
    await recordArrival(secretary, second, {
      personId: directors[1]!.id,
      capacity: "member",
      mode: "telephone",
    });
    const { minutes } = await approveMinutes(secretary, first, { atMeetingId: second, votes });
    expect(minutes.status).toBe("approved");
    expect(minutes.versions.map((v) => v.version)).toEqual([2, 1]);
    await expect(editMinutes(secretary, first, { body: "rewritten" })).rejects.toThrow(
      /approved minutes are not edited/,
    );
    await expect(signMinutes(secretary, first)).rejects.toThrow(/CC-23/);
    await expect(fileMinutes(secretary, first)).rejects.toThrow(/approved, signed and locked/);
    const locked = await signMinutes(chair(), first);
    expect(locked.status).toBe("locked");
    expect(locked.contentHash).toMatch(/^[0-9a-f]{64}$/);
    await expect(fileMinutes(chair(), first)).rejects.toThrow(/Corporate Secretary/);
    expect((await fileMinutes(secretary, first)).status).toBe("filed");
    const pdf = await minutesPdf(sys, first);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");

    const after = await dutyCalendar(sys, committeeId, 2026);
    const goals = after.duties.find((d) => d.key === "ceo_goals")!;
    expect(goals.status).toBe("done");
    expect(goals.evidence[0]).toMatchObject({ kind: "minutes", refId: minutes.id });
    expect((await getMinutes(sys, first))?.approvalResolutionId).toBeTruthy();
  });

  it("the duty calendar shows done, due and overdue on the manual clock (CC-10 … CC-23)", async () => {
    t.clock.set("2026-03-03T14:00:00Z");
    await holdFirstMeeting();
    const second = await meetInSession("Second regular meeting", "2026-03-24T15:00:00Z");
    const cal = await dutyCalendar(sys, committeeId, 2026);
    expect(cal.duties.map((d) => d.rule)).toEqual(
      expect.arrayContaining([
        "CC-10",
        "CC-12",
        "CC-13",
        "CC-15",
        "CC-19",
        "CC-20",
        "CC-22",
        "CC-23",
        "CC-4",
      ]),
    );
    expect(cal.duties.find((d) => d.key === "executive_goals")).toMatchObject({
      status: "due",
      dueDate: "2026-03-31",
      daysLeft: 28,
    });
    // The members all certified their 2026 questionnaires: computed from the records.
    expect(cal.duties.find((d) => d.key === "independence_certification")!.status).toBe("done");
    t.clock.set("2026-04-01T09:00:00Z");
    const later = await dutyCalendar(sys, committeeId, 2026);
    expect(later.duties.find((d) => d.key === "executive_goals")).toMatchObject({
      status: "overdue",
      daysLeft: -1,
    });
    await linkEvidence(secretary, later.duties.find((d) => d.key === "executive_goals")!.id, {
      kind: "document",
      label: "Executive goals memorandum",
      url: "https://example.test/memo",
    });
    const fixed = await dutyCalendar(sys, committeeId, 2026);
    expect(fixed.duties.find((d) => d.key === "executive_goals")!.status).toBe("done");
    // Two regular meetings held satisfy CC-4 once the second is adjourned.
    expect(fixed.duties.find((d) => d.key === "regular_meetings")!.status).toBe("due");
    await adjournMeeting(secretary, second);
    expect(
      (await dutyCalendar(sys, committeeId, 2026)).duties.find((d) => d.key === "regular_meetings")!.status,
    ).toBe("done");
    expect(fixed.totals.overdue).toBeGreaterThanOrEqual(0);
  });

  it("CC-16: an adviser is assessed on the six Rule 10C-1 factors yearly and retained by resolution; CC-9 attendance", async () => {
    t.clock.set("2026-04-01T09:00:00Z");
    const { items } = await proposeAdviser(secretary, committeeId, {
      name: "Dana Whitfield",
      firm: "Meridian Pay Advisors",
      kind: "compensation_consultant",
    });
    const adviserId = items[0]!.id;
    const { id: meeting } = await scheduleMeeting(secretary, committeeId, {
      kind: "regular",
      title: "Third",
      startsAt: "2026-04-02T15:00:00Z",
      durationMinutes: 60,
      mode: "in_person",
    });
    await addAgendaItems(chair(), meeting, [{ title: "Engage the consultant", isPrivileged: false }]);
    const item = (await getMeeting(sys, meeting)).agenda[0]!.id;
    for (const d of [0, 1])
      await recordArrival(secretary, meeting, {
        personId: directors[d]!.id,
        capacity: "member",
        mode: "in_person",
      });
    const r = await recordResolution(secretary, meeting, {
      agendaItemId: item,
      title: "Engage Meridian",
      text: "Retain Meridian.",
      votes: { [directors[0]!.id]: "for", [directors[1]!.id]: "for" },
    });
    await expect(retainAdviser(secretary, adviserId, { resolutionId: r.id })).rejects.toThrow(/CC-16/);
    await expect(
      recordArrival(secretary, meeting, { adviserId, capacity: "consultant", mode: "in_person" }),
    ).rejects.toThrow(/CC-9/);
    const f = (finding: string) => ({ finding, concern: false });
    await assessAdviser(secretary, adviserId, {
      assessedOn: "2026-04-01",
      factors: {
        otherServices: f("None"),
        feesShareOfRevenue: f("0.4%"),
        conflictPolicies: f("Reviewed"),
        businessOrPersonalRelationshipWithMembers: f("None"),
        stockOwned: f("None"),
        relationshipWithExecutiveOfficers: f("None"),
      },
      conclusion: "Independent",
    });
    await retainAdviser(secretary, adviserId, { resolutionId: r.id });
    await recordArrival(secretary, meeting, { adviserId, capacity: "consultant", mode: "in_person" });
    await adjournMeeting(secretary, meeting);
    // A year and a day later the assessment has lapsed: no advice until it is renewed.
    t.clock.set("2027-04-02T09:00:00Z");
    const { id: next } = await scheduleMeeting(secretary, committeeId, {
      kind: "regular",
      title: "Next year",
      startsAt: "2027-04-02T15:00:00Z",
      durationMinutes: 60,
      mode: "in_person",
    });
    await expect(
      recordArrival(secretary, next, { adviserId, capacity: "consultant", mode: "in_person" }),
    ).rejects.toThrow(/CC-16/);
    // CC-16: the engagement also ends only by the committee's resolution, once, and is audited.
    const ended = await terminateAdviser(secretary, adviserId, { resolutionId: r.id });
    expect(ended.items.find((a) => a.id === adviserId)?.status).toBe("terminated");
    await expect(terminateAdviser(secretary, adviserId, { resolutionId: r.id })).rejects.toThrow(
      /is not retained/,
    );
    expect(await auditActionsOn(t.database, adviserId)).toEqual(
      expect.arrayContaining(["adviser.retain", "adviser.terminate"]),
    );
  });

  it("a unanimous written consent is effective when the last member signs", async () => {
    await replaceTwoMembers(); // three members serve
    t.clock.set("2026-04-01T09:00:00Z");
    // Signers with a user account get a "My tasks" entry, closed when they sign.
    const serving = (await getCommittee(sys, committeeId)).compliance.members.map((m) => m.personId);
    const withAccount = await buildUser(sys, ["committee_member"], { personId: serving[0]! });
    const openTasks = () =>
      sys.db
        .selectFrom("tasks")
        .select(["assignee_user_id", "href", "status"])
        .where("kind", "=", "consent.sign")
        .where("assignee_user_id", "=", withAccount.id)
        .where("status", "=", "open")
        .execute();
    const consent = await circulateConsent(secretary, committeeId, {
      title: "Succession plan",
      text: "The succession plan is approved.",
      dutyKey: "succession",
    });
    expect(consent.signers).toHaveLength(3);
    expect(await openTasks()).toEqual([
      {
        assignee_user_id: withAccount.id,
        href: `/committees/${committeeId}#consent-${consent.id}`,
        status: "open",
      },
    ]);
    const signerCtx = (personId: string) => as(actorWith(["board_member", "committee_member"], { personId }));
    await expect(
      signConsent(as(actorWith(["board_member"], { personId: directors[5]!.id })), consent.id),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    let state = consent;
    for (const [i, s] of consent.signers.entries()) {
      expect(state.status).toBe("circulating");
      state = await signConsent(signerCtx(s.personId), consent.id);
      if (i < 2) expect(state.resolutionId).toBeNull();
    }
    expect(state.status).toBe("effective");
    expect(state.resolutionId).toBeTruthy();
    expect(await openTasks()).toEqual([]);
    const cal = await dutyCalendar(sys, committeeId, 2026);
    expect(cal.duties.find((d) => d.key === "succession")!.evidence[0]).toMatchObject({
      kind: "resolution",
      refId: state.resolutionId,
    });
  });

  it("invitation as iCalendar and the proxy report listing the members (CC-22)", async () => {
    await replaceTwoMembers();
    const first = await holdFirstMeeting();
    t.clock.set("2026-04-01T09:00:00Z");
    for (const [title, startsAt] of [
      ["Second regular meeting", "2026-03-24T15:00:00Z"],
      ["Third", "2026-04-02T15:00:00Z"],
    ] as const)
      await adjournMeeting(secretary, await meetInSession(title, startsAt));
    const ics = await meetingIcs(sys, first);
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\n/);
    expect(ics).toContain("DTSTART:20260310T150000Z\r\n");
    expect(ics).toContain("DTEND:20260310T163000Z\r\n");
    expectAll(ics.split("\r\n"), (l) => Buffer.byteLength(l) <= 75, "iCalendar lines");
    const report = await proxyReport(sys, committeeId, 2026);
    expect(report.members).toEqual(
      expect.arrayContaining(["Director0 Test, Chair", "Director1 Test", "Director4 Test"]),
    );
    expect(report.membersDuringYear).toHaveLength(5);
    expect(report.text).toContain("Submitted by the Compensation Committee");
    expect(report.meetingsHeld.regular).toBe(3);
  });
});
