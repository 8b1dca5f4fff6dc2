import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../../test/db.ts";
import { actorWith, buildPerson, buildUser, caseInput } from "../../../test/factories.ts";
import { listEvents } from "../audit/index.ts";
import { fileReport } from "./file-report.ts";
import { getCase } from "./get-case.ts";
import { listCases } from "./list-cases.ts";
import { openMailbox, replyInMailbox } from "./mailbox.ts";
import { addCasePerson, assignCase } from "./manage-case.ts";
import { caseFilter, type ReportInput } from "./schemas.ts";
import { ReceiptThrottle } from "./throttle.ts";
import "./audit-visibility.ts";
import { mailsTo, tasksOf as tasksOfUser } from "../../../test/records.ts";

const filter = (f: Record<string, unknown> = {}) => caseFilter.parse(f);

/** A case always reaches someone who may handle it (COC-22.2, SOC-4). */
describe(`speak-up escalation when nobody may handle a case (${process.env.PROBITY_TEST_DIALECT ?? "sqlite"})`, () => {
  let t: TestDb;
  const admin = actorWith(["admin"]);
  let chair: ReturnType<typeof actorWith>;
  let officer: ReturnType<typeof actorWith>;
  let adminUser: { id: string; email: string };
  let namedAdmin: { id: string; email: string };

  const report = (overrides: Partial<ReportInput> = {}) =>
    caseInput({
      category: "accounting",
      summary: "Revenue booked before delivery",
      details: "Quarter-end shipments were invoiced in advance.",
      ...overrides,
    });

  const tasksOf = (userId: string) => tasksOfUser(t.database, userId);

  beforeAll(async () => {
    t = await createTestDb();
    // The only Audit Committee member with an account is its chair.
    const hale = await buildPerson(t.ctx(admin), {
      firstName: "Margaret",
      lastName: "Hale",
      title: "Director",
    });
    const chairUser = await buildUser(t.ctx(admin), ["audit_committee_chair"], { personId: hale.id });
    chair = actorWith(["audit_committee_chair"], { userId: chairUser.id, personId: hale.id });
    const sorensen = await buildPerson(t.ctx(admin), {
      firstName: "Nadia",
      lastName: "Sorensen",
      title: "Chief Compliance Officer",
    });
    const officerUser = await buildUser(t.ctx(admin), ["compliance_officer"], { personId: sorensen.id });
    officer = actorWith(["compliance_officer"], { userId: officerUser.id, personId: sorensen.id });
    // Fixed names (a three-letter surname matches only itself): a random surname such as "Block" or
    // "Haley" is a probable match for a report's "Blocked" or "Margaret Hale" and would re-route the case.
    adminUser = await buildUser(t.ctx(admin), ["admin"], { displayName: "Quentin Zyx" });
    const okafor = await buildPerson(t.ctx(admin), {
      firstName: "Daniel",
      lastName: "Okafor",
      title: "IT Manager",
    });
    namedAdmin = await buildUser(t.ctx(admin), ["admin"], { personId: okafor.id });
  });
  afterAll(() => t.destroy());

  it("SOC-4, COC-22.2: a report naming the only Audit Committee member with an account escalates to the Compliance Office, shows on the needs-a-handler list, audited", async () => {
    const filed = await fileReport(t.ctx(), report({ involved: [{ name: "Margaret Hale" }] }));
    await expect(getCase(t.ctx(chair), filed.caseId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const c = await getCase(t.ctx(officer), filed.caseId);
    expect(c).toMatchObject({ team: "compliance", assignee: null, needsHandlerSince: expect.any(String) });
    const needing = await listCases(t.ctx(officer), filter({ needsHandler: "true" }));
    expect(needing.items.map((i) => i.id)).toContain(filed.caseId);
    expect((await tasksOf(officer.kind === "user" ? officer.userId : "")).map((x) => x.href)).toContain(
      `/speakup/cases/${filed.caseId}`,
    );
    const escalation = await listEvents(
      t.ctx(actorWith(["compliance_officer"], { userId: officer.kind === "user" ? officer.userId : "" })),
      { subjectId: filed.caseId, action: "case.escalate", page: 1, pageSize: 10 },
    );
    expect(escalation.items[0]?.payload).toMatchObject({ from: "audit_committee", to: "compliance" });
    // Taking the case takes it off the list.
    await assignCase(t.ctx(officer), filed.caseId, {
      userId: officer.kind === "user" ? officer.userId : null,
    });
    const after = await listCases(t.ctx(officer), filter({ needsHandler: "true" }));
    expect(after.items.map((i) => i.id)).not.toContain(filed.caseId);
  });

  it("COC-22.2: when nobody may handle a case, the administrators not named in it are told a case needs a handler, and nothing about it", async () => {
    const filed = await fileReport(
      t.ctx(),
      report({
        category: "fraud_theft",
        summary: "Kickbacks from a scrap dealer",
        involved: [{ name: "Margaret Hale" }, { name: "Nadia Sorensen" }, { name: "Daniel Okafor" }],
      }),
    );
    const alert = (await tasksOf(adminUser.id)).filter((x) => x.kind === "speakup.needs_handler");
    expect(alert).toHaveLength(1);
    expect(JSON.stringify(alert)).not.toMatch(
      new RegExp(`${filed.number}|${filed.caseId}|[Ff]raud|[Kk]ickback`),
    );
    const mail = await mailsTo(t.database, adminUser.email);
    expect(mail.map((m) => m.subject)).toContain("A speak-up case needs a handler");
    expect(JSON.stringify(mail)).not.toMatch(
      new RegExp(`${filed.number}|${filed.caseId}|[Ff]raud|[Kk]ickback`),
    );
    // An administrator the report names hears nothing.
    expect(await tasksOf(namedAdmin.id)).toEqual([]);
    expect(await mailsTo(t.database, namedAdmin.email)).toEqual([]);
    // A handler given a role afterwards finds it on the needs-a-handler list and takes it.
    const newcomer = await buildUser(t.ctx(admin), ["compliance_officer"], { displayName: "Ugo Vux" });
    const newcomerActor = actorWith(["compliance_officer"], { userId: newcomer.id });
    const needing = await listCases(t.ctx(newcomerActor), filter({ needsHandler: "true" }));
    expect(needing.items.map((i) => i.id)).toContain(filed.caseId);
    await assignCase(t.ctx(newcomerActor), filed.caseId, { userId: newcomer.id, team: "compliance" });
    expect(await getCase(t.ctx(newcomerActor), filed.caseId)).toMatchObject({
      assignee: { id: newcomer.id },
      needsHandlerSince: null,
    });
  });

  it("COC-22.2: the reporter-replied task goes through the exclusion filter: never to a conflicted handler", async () => {
    const throttle = new ReceiptThrottle();
    // A fixed name: a random surname "Block" is a probable match for "Blocked" and re-routes the case.
    const second = await buildUser(t.ctx(admin), ["compliance_officer"], { displayName: "Ilse Qyv" });
    const filed = await fileReport(t.ctx(), report({ category: "health_safety", summary: "Blocked exit" }));
    await addCasePerson(t.ctx(officer), filed.caseId, { userId: second.id, role: "conflicted" });
    const { token } = await openMailbox(t.ctx(), {
      receipt: filed.receipt,
      password: "reporter-pass-1",
      throttle,
    });
    await replyInMailbox(t.ctx(), token, { body: "It is still blocked.", files: [] });
    const replied = (userId: string) =>
      t.database.db
        .selectFrom("tasks")
        .select("id")
        .where("assignee_user_id", "=", userId)
        .where("kind", "=", "speakup.reply")
        .where("href", "=", `/speakup/cases/${filed.caseId}`)
        .execute();
    expect(await replied(second.id)).toEqual([]);
    expect(await replied(officer.kind === "user" ? officer.userId : "")).toHaveLength(1);
  });
});
