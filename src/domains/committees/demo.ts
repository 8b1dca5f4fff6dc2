import fs from "node:fs";
import path from "node:path";
import { type Ctx, systemActor } from "../../kernel/context.ts";
import { putSetting } from "../../kernel/settings.ts";
import { addAgendaItems } from "./add-agenda-items.ts";
import { addMaterial } from "./add-material.ts";
import { adjournMeeting } from "./adjourn-meeting.ts";
import { appointMember } from "./appoint-member.ts";
import { approveMinutes } from "./approve-minutes.ts";
import { assessAdviser } from "./assess-adviser.ts";
import { certifyQuestionnaire } from "./certify-questionnaire.ts";
import { circulateMinutes } from "./circulate-minutes.ts";
import { createCommittee } from "./create-committee.ts";
import { committeesDb } from "./db.ts";
import { draftMinutes } from "./draft-minutes.ts";
import { fileMinutes } from "./file-minutes.ts";
import { today } from "./load.ts";
import { proposeAdviser } from "./propose-adviser.ts";
import { recordArrival } from "./record-arrival.ts";
import { recordResolution } from "./record-resolution.ts";
import { retainAdviser } from "./retain-adviser.ts";
import { saveQuestionnaire } from "./save-questionnaire.ts";
import { scheduleMeeting } from "./schedule-meeting.ts";
import { signMinutes } from "./sign-minutes.ts";

const SEEDS_DIR =
  process.env.PROBITY_SEEDS_DIR ??
  path.resolve(import.meta.dirname, "..", "..", "..", "..", "shared", "seeds");
const CHARTER_FILE = "compensation-committee-charter.txt";

/** The charter text: from ../shared/seeds when present, else the copy shipped beside this file. */
export function compensationCharter(): string {
  const seed = path.join(SEEDS_DIR, CHARTER_FILE);
  return fs
    .readFileSync(fs.existsSync(seed) ? seed : path.join(import.meta.dirname, CHARTER_FILE), "utf8")
    .trim();
}

/** The Audit and Nominating charters are not among the seeds: a short text states how they are configured. */
const sameRules = (name: string, purpose: string) =>
  [
    `CHARTER OF THE ${name.toUpperCase()} OF THE BOARD OF DIRECTORS OF ALERIS INTERNATIONAL, INC. (demo)`,
    "",
    purpose,
    "",
    "This demo charter is not a company document. The committee is configured with the same composition and meeting rules as the Compensation Committee charter: no fewer than three independent members (NYSE 303A.02) appointed by the Board, a Chair designated by the Board, at least two meetings a year, two members constituting a quorum, minutes approved by the committee and filed with the Secretary, and a yearly review of this charter and of the committee's own performance.",
  ].join("\n");

/**
 * The demo's board committees: the Compensation Committee (the Chair and three independent
 * members, its charter from the seed, a year of meetings and minutes, a retained consultant), and
 * the Audit and Nominating & Corporate Governance committees configured the same way.
 */
export async function seedCommitteesDemo(ctx: Ctx): Promise<void> {
  const sys = { ...ctx, actor: systemActor("Corporate Secretary (demo)") };
  const db = committeesDb(ctx);
  const people = await db
    .selectFrom("persons")
    .select(["id", "external_id"])
    .where("external_id", "in", ["A0001", "D0001", "D0002", "D0003", "D0004", "D0005", "D0006"])
    .execute();
  const person = (ext: string) => {
    const p = people.find((x) => x.external_id === ext);
    if (!p) throw new Error(`The demo person ${ext} is missing.`);
    return p.id;
  };
  const year = Number(today(ctx).slice(0, 4));
  const boardDay = `${year - 1}-05-14`;
  await putSetting(sys, "committees.board", { chairmanPersonId: person("A0001") });

  const comp = await createCommittee(sys, {
    key: "compensation",
    name: "Compensation Committee",
    kind: "compensation",
    minMembers: 3,
    quorum: 2,
    minRegularMeetings: 2,
    checks: { nyse: true, rule16b3: true, section162m: true },
    charter: compensationCharter(),
  });
  const audit = await createCommittee(sys, {
    key: "audit",
    name: "Audit Committee",
    kind: "audit",
    minMembers: 3,
    quorum: 2,
    minRegularMeetings: 2,
    checks: { nyse: true, rule16b3: false, section162m: false },
    charter: sameRules(
      "Audit Committee",
      "The Audit Committee oversees the integrity of the financial statements, the independent auditor and the hotline for accounting concerns.",
    ),
  });
  const ncg = await createCommittee(sys, {
    key: "nominating-governance",
    name: "Nominating and Corporate Governance Committee",
    kind: "nominating_governance",
    minMembers: 3,
    quorum: 2,
    minRegularMeetings: 2,
    checks: { nyse: true, rule16b3: false, section162m: false },
    charter: sameRules(
      "Nominating and Corporate Governance Committee",
      "The Nominating and Corporate Governance Committee recommends directors and committee members to the Board and oversees corporate governance.",
    ),
  });
  const seats: [string, string[], string][] = [
    [comp.id, ["D0005", "D0006", "D0001"], "D0004"],
    [audit.id, ["D0003", "D0005", "D0006"], "D0002"],
    [ncg.id, ["D0002", "D0004", "D0006"], "D0001"],
  ];
  for (const [committeeId, members, chair] of seats) {
    for (const ext of [chair, ...members])
      await appointMember(sys, committeeId, {
        personId: person(ext),
        startDate: boardDay,
        isChair: ext === chair,
        recommendedBy: "Nominating and Corporate Governance Committee",
        appointmentKind: "annual",
        boardMeetingDate: boardDay,
        boardReference: `Board resolution of ${boardDay} (first meeting after the annual meeting)`,
      });
  }
  // Each director answers and certifies the yearly D&O questionnaire (CC-20): director fees only.
  for (const ext of ["D0001", "D0002", "D0003", "D0004", "D0005", "D0006"]) {
    await saveQuestionnaire(sys, person(ext), {
      year,
      answers: {
        employment: [],
        compensation: [
          {
            who: "self",
            kind: "director_fees",
            amount: "95,000.00",
            receivedOn: `${year - 1}-12-15`,
            description: "Board and committee fees",
          },
        ],
        auditor: [],
        interlocks: [],
        business: [],
        relatedTransactions: [],
      },
    });
    await certifyQuestionnaire(sys, person(ext), year);
  }

  // A year of the Compensation Committee: two regular meetings held, the first one's minutes
  // approved at the second, signed and filed; a compensation consultant assessed and retained.
  const members = ["D0004", "D0005", "D0006"].map(person);
  const held = async (
    startsAt: string,
    title: string,
    items: { title: string; dutyKey: string | null }[],
  ) => {
    const { id } = await scheduleMeeting(sys, comp.id, {
      kind: "regular",
      title,
      startsAt,
      durationMinutes: 120,
      mode: "in_person",
      location: "Beachwood, Ohio",
    });
    await addAgendaItems(
      sys,
      id,
      items.map((i) => ({ ...i, description: null, isPrivileged: false, concernsPersonId: null })),
    );
    await addMaterial(sys, id, {
      title: "Legal advice on the 2026 equity plan amendments",
      body: "Memorandum of outside counsel to the Committee. Privileged and confidential.",
      isPrivileged: true,
    });
    for (const p of members)
      await recordArrival(sys, id, {
        personId: p,
        capacity: "member",
        mode: p === members[2] ? "telephone" : "in_person",
      });
    return id;
  };
  const first = await held(`${year}-02-10T15:00:00.000Z`, "First regular meeting", [
    { title: "Review the incentive, benefit and equity plans", dutyKey: "plans_review" },
    { title: "Engagement of the compensation consultant", dutyKey: null },
  ]);
  const items = await db
    .selectFrom("meeting_agenda_items")
    .select(["id", "title"])
    .where("meeting_id", "=", first)
    .orderBy("position")
    .execute();
  const votes = Object.fromEntries(members.map((p) => [p, "for" as const]));
  await recordResolution(sys, first, {
    agendaItemId: items[0]!.id,
    title: "Equity plan review",
    text: "The Committee has reviewed the 2026 incentive, benefit and equity plans and recommends no substantive change to the Board.",
    votes,
  });
  const engage = await recordResolution(sys, first, {
    agendaItemId: items[1]!.id,
    title: "Engagement of Meridian Pay Advisors",
    text: "The Committee retains Meridian Pay Advisors LLC as its independent compensation consultant on the terms presented.",
    votes,
  });
  await adjournMeeting(sys, first);
  await draftMinutes(sys, first);
  await circulateMinutes(sys, first);
  const adviser = await proposeAdviser(sys, comp.id, {
    name: "Dana Whitfield",
    firm: "Meridian Pay Advisors LLC",
    kind: "compensation_consultant",
    terms: "Hourly fees, capped at $250,000 a year",
  });
  const adviserId = adviser.items[0]!.id;
  const none = (finding: string) => ({ finding, concern: false });
  await assessAdviser(sys, adviserId, {
    assessedOn: `${year}-02-10`,
    factors: {
      otherServices: none("The firm provides no other services to the company."),
      feesShareOfRevenue: none("Fees from the company are under 1% of the firm's revenue."),
      conflictPolicies: none("The firm's conflict of interest policy was reviewed."),
      businessOrPersonalRelationshipWithMembers: none("No relationship with any committee member."),
      stockOwned: none("The adviser owns no company stock."),
      relationshipWithExecutiveOfficers: none("No relationship with any executive officer."),
    },
    conclusion: "No conflict of interest; the adviser is independent.",
  });
  await retainAdviser(sys, adviserId, { resolutionId: engage.id });

  const second = await held(`${year}-05-12T15:00:00.000Z`, "Second regular meeting", [
    { title: "Succession plans for the CEO and key executives", dutyKey: "succession" },
  ]);
  await recordArrival(sys, second, { adviserId, capacity: "consultant", mode: "in_person" });
  await approveMinutes(sys, first, { atMeetingId: second, votes });
  await signMinutes(sys, first);
  await fileMinutes(sys, first);
  await adjournMeeting(sys, second);
  await draftMinutes(sys, second);
}
