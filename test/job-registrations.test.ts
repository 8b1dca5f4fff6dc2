import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type JobRegistration, jobHandlers } from "../src/kernel/jobs.ts";
import { createTestApp, type TestApp } from "./app.ts";

// Issue 13: every domain registers its jobs the same way (a JobRegistration list from its index.ts,
// one loop in app.ts). Behaviour identical: the same schedules, in the same order, with the same
// intervals as when app.ts wrote them one by one (and sessions.purge inside app.ts).
describe("job registrations", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.destroy());

  it("the app creates the same schedules as before the redesign, each for the job of its name", async () => {
    const rows = await t.database.db
      .selectFrom("schedules")
      .select(["name", "job_name", "interval_seconds"])
      .execute();
    const byName = (a: unknown[], b: unknown[]) => (String(a[0]) < String(b[0]) ? -1 : 1);
    expect(rows.map((r) => [r.name, r.job_name, Number(r.interval_seconds)]).sort(byName)).toEqual(
      [
        ["mail.sweep", 60],
        ["sessions.purge", 3600],
        ["audit.checkpoint", 900],
        ["certification.remind", 3600],
        ["certification.joiners", 3600],
        ["disclosures.conflicts.expire", 86_400],
        ["disclosures.holds.remind", 21_600],
        ["disclosures.retention", 86_400],
        ["committees.alerts", 86_400],
        ["speakup.deadlines", 3600],
        ["speakup.checkins", 86_400],
        ["speakup.retention", 86_400],
        ["restructuring.progress", 3600],
      ]
        .map(([name, seconds]) => [name, name, seconds])
        .sort(byName),
    );
  });

  it("refuses a job name registered twice instead of letting the last one win silently", () => {
    const job = { run: async () => {} };
    const twice: JobRegistration[] = [
      { name: "x.run", job },
      { name: "x.run", job },
    ];
    expect(() => jobHandlers(twice)).toThrow(/"x.run" is registered twice/);
  });
});
