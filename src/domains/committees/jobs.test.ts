import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, dialect, type TestDb } from "../../../test/db.ts";
import {
  actorWith,
  annualAppointment,
  buildPerson,
  buildUser,
  certifyDirector,
  compensationCommittee,
} from "../../../test/factories.ts";
import { tasksOf } from "../../../test/records.ts";
import type { Ctx } from "../../kernel/context.ts";
import { adjournMeeting } from "./adjourn-meeting.ts";
import { appointMember } from "./appoint-member.ts";
import { createCommittee } from "./create-committee.ts";
import { committeeJobHandlers, runCommitteeAlerts } from "./jobs.ts";
import { recordArrival } from "./record-arrival.ts";
import { scheduleMeeting } from "./schedule-meeting.ts";

describe(`committees.alerts job (${dialect})`, () => {
  let t: TestDb;
  let sys: Ctx;
  let secretary: Ctx;
  let secretaryUserId: string;
  let chairUserId: string;
  let directors: string[];
  let committeeId: string;

  const openTasks = (userId: string) =>
    tasksOf(t.database, userId, { kind: "committee.alert", open: true }).then((rows) =>
      rows.map((r) => r.title).sort(),
    );
  const outboxCount = () =>
    t.database.db
      .selectFrom("outbox")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.n));
  const certify = (personId: string, year: number) => certifyDirector(sys, personId, year);

  beforeAll(async () => {
    t = await createTestDb();
    sys = t.ctx();
    const user = await buildUser(sys, ["corporate_secretary"]);
    secretaryUserId = user.id;
    secretary = t.ctx(actorWith(["corporate_secretary"], { userId: user.id }));
    directors = [];
    for (let i = 0; i < 3; i++) {
      const p = await buildPerson(sys, { kind: "director", categories: ["director"], lastName: `Alert${i}` });
      directors.push(p.id);
    }
    chairUserId = (await buildUser(sys, ["board_member", "committee_chair"], { personId: directors[0]! })).id;
    await certify(directors[0]!, 2026);
    await certify(directors[1]!, 2026);
    const c = await createCommittee(secretary, compensationCommittee());
    committeeId = c.id;
    for (const [i, personId] of directors.entries())
      await appointMember(secretary, committeeId, annualAppointment(personId, i === 0));
  });
  afterAll(() => t.destroy());

  it("opens one task per alert for the Secretary and the Chair, with a mail, and nothing more when run again", async () => {
    await committeeJobHandlers["committees.alerts"]!.run(sys, {}, { id: "x", attempts: 1, maxAttempts: 1 });
    const tasks = await openTasks(secretaryUserId);
    expect(await openTasks(chairUserId)).toEqual(tasks);
    // CC-20: the third member has no certified questionnaire; CC-4: no meetings yet.
    expect(tasks.some((x) => x.startsWith("CC-20:") && x.includes("Alert2"))).toBe(true);
    expect(tasks.some((x) => x.startsWith("CC-4:"))).toBe(true);
    // Duties due by 2026-04-01 (30 days from the clock's 2026-03-02) and not done.
    expect(tasks.filter((x) => x.includes("due 2026-03-31")).map((x) => x.split(":")[0])).toEqual(
      expect.arrayContaining(["CC-12", "CC-13", "CC-20"]),
    );
    expect(tasks.some((x) => x.includes("due 2026-04-15"))).toBe(false);
    // No adviser is retained, so the adviser assessment duty (CC-16) is satisfied.
    expect(tasks.some((x) => x.startsWith("CC-16"))).toBe(false);
    const mails = await outboxCount();
    expect(mails).toBeGreaterThanOrEqual(tasks.length * 2);

    const again = await runCommitteeAlerts(sys);
    expect(again).toEqual({ opened: 0, closed: 0 });
    expect(await openTasks(secretaryUserId)).toEqual(tasks);
    expect(await outboxCount()).toBe(mails);
  });

  it("closes the tasks whose problem is gone and opens those time brings (CC-6, CC-20 lapse, CC-22)", async () => {
    await certify(directors[2]!, 2026);
    let tasks = await openTasks(secretaryUserId);
    expect(tasks.some((x) => x.startsWith("CC-20"))).toBe(false);

    const { id } = await scheduleMeeting(secretary, committeeId, {
      kind: "regular",
      title: "Spring meeting",
      startsAt: "2026-03-05T15:00:00Z",
      durationMinutes: 60,
      mode: "in_person",
      location: "Beachwood",
    });
    t.clock.set(new Date("2026-03-05T15:05:00Z"));
    for (const personId of directors.slice(0, 2))
      await recordArrival(secretary, id, { personId, capacity: "member", mode: "in_person" });
    await adjournMeeting(secretary, id);
    t.clock.set(new Date("2026-03-20T08:00:00Z"));
    await runCommitteeAlerts(sys);
    tasks = await openTasks(secretaryUserId);
    expect(tasks).toContain(
      "CC-6: the minutes of Spring meeting (2026-03-05) are not yet approved by the Compensation Committee.",
    );
    expect(tasks.some((x) => x.includes("due 2026-04-15"))).toBe(true);

    // A year on, the 2026 certifications have lapsed (CC-20) and the 2027 calendar applies.
    t.clock.set(new Date("2027-03-10T08:00:00Z"));
    await runCommitteeAlerts(sys);
    tasks = await openTasks(chairUserId);
    expect(tasks.filter((x) => x.startsWith("CC-20:") && x.includes("has not certified"))).toHaveLength(3);
    expect(tasks.some((x) => x.includes("due 2026-"))).toBe(false);
    expect(tasks.some((x) => x.includes("due 2027-03-31"))).toBe(true);
  });
});
