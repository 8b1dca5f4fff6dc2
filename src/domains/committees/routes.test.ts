import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, signedIn, type TestApp } from "../../../test/app.ts";
import { dialect } from "../../../test/db.ts";
import { buildPerson, compensationCommittee } from "../../../test/factories.ts";
import { createCommittee } from "./create-committee.ts";

/** The HTTP surface: declared access, problem documents naming the rule, PDF and iCalendar. */
describe(`committee routes (${dialect})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ totp: "off" });
  });
  afterAll(() => t.destroy());

  it("refuses what the caller may not do and answers 4xx with the rule cited", async () => {
    const c = await createCommittee(
      t.ctx(),
      compensationCommittee({ nyse: true, rule16b3: false, section162m: false }),
    );
    const d1 = await buildPerson(t.ctx(), { kind: "director", categories: ["director"] });
    const d2 = await buildPerson(t.ctx(), { kind: "director", categories: ["director"] });
    const secretary = await signedIn(t, ["corporate_secretary"]);
    const employee = await signedIn(t, []);
    const chair = await signedIn(t, ["committee_chair", "board_member"], { personId: d1.id });

    expect((await employee.get(`/api/committees/${c.id}`)).statusCode).toBe(403);
    expect((await employee.send("POST", `/api/committees/${c.id}/members`, {})).statusCode).toBe(403);
    const bad = await secretary.send("POST", `/api/committees/${c.id}/members`, {
      personId: d1.id,
      startDate: "31/12/2026",
    });
    expect(bad.statusCode).toBe(400);
    for (const [p, isChair] of [
      [d1, true],
      [d2, false],
    ] as const) {
      const res = await secretary.send("POST", `/api/committees/${c.id}/members`, {
        personId: p.id,
        startDate: "2026-01-05",
        isChair,
        appointmentKind: "annual",
        boardMeetingDate: "2026-01-05",
      });
      expect(res.statusCode).toBe(200);
    }
    const view = (await secretary.get(`/api/committees/${c.id}`)).json() as {
      compliance: { alerts: { message: string }[] };
    };
    expect(view.compliance.alerts.map((a) => a.message)).toContain(
      "CC-1: the charter requires at least 3 members; the Compensation Committee has 2 on 2026-03-02.",
    );

    const meeting = await secretary.send("POST", `/api/committees/${c.id}/meetings`, {
      kind: "regular",
      title: "Regular meeting",
      startsAt: "2026-03-10T15:00:00Z",
      mode: "telephone",
    });
    expect(meeting.statusCode).toBe(201);
    const id = (meeting.json() as { id: string }).id;
    const byChair = await chair.send("POST", `/api/committees/meetings/${id}/agenda`, {
      items: [{ title: "CEO goals", dutyKey: "ceo_goals" }],
    });
    expect(byChair.statusCode).toBe(200);
    const bySecretary = await secretary.send("POST", `/api/committees/meetings/${id}/agenda`, {
      items: [{ title: "x" }],
    });
    expect(bySecretary.statusCode).toBe(403);
    expect(bySecretary.json().detail).toContain("CC-23");
    const item = (
      (await secretary.get(`/api/committees/meetings/${id}`)).json() as { agenda: { id: string }[] }
    ).agenda[0]!.id;
    await secretary.send("POST", `/api/committees/meetings/${id}/attendance`, {
      personId: d1.id,
      capacity: "member",
      mode: "telephone",
    });
    const refused = await secretary.send("POST", `/api/committees/meetings/${id}/resolutions`, {
      agendaItemId: item,
      title: "Goals",
      text: "Approved.",
      votes: { [d1.id]: "for" },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toMatch(/^CC-8: 2 members constitute a quorum; 1 member is present/);

    const ics = await secretary.get(`/api/committees/meetings/${id}/invite.ics`);
    expect(ics.headers["content-type"]).toContain("text/calendar");
    expect(ics.body).toContain("BEGIN:VEVENT");
    const book = await secretary.get(`/api/committees/meetings/${id}/book.pdf`);
    expect(book.headers["content-type"]).toBe("application/pdf");
    expect(book.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    expect((await secretary.get(`/api/committees/meetings/${id}/minutes.pdf`)).statusCode).toBe(404);
    const report = await secretary.get(`/api/committees/${c.id}/proxy-report.pdf?year=2026`);
    expect(report.statusCode).toBe(200);
    expect((await secretary.get(`/api/committees/${c.id}/duties?year=2026`)).json().duties.length).toBe(15);
  });
});
