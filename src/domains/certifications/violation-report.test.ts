import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, dialect, type TestDb } from "../../../test/db.ts";
import { buildSigner, launchCodeCampaign, type Member } from "../../../test/factories.ts";
import { tasksOf as tasksOfUser } from "../../../test/records.ts";
import { seedDemoPolicies } from "../policies/demo.ts";
import { getCase } from "../speakup/get-case.ts";
import { listMyReports } from "../speakup/my-reports.ts";
import { getCertificate, listMyCertificates, signCertificate } from "./index.ts";
import { REPORTED_CONFIDENTIALLY } from "./sign-certificate.ts";

type Who = Member;

/**
 * COC-23.2, COC-21.1, COC-22.2: "I know of a violation" on a Certificate of Compliance files a
 * confidential speak-up report on the signer's behalf, in the same transaction as the signature.
 */
describe(`a certificate's violation answer opens a speak-up report (${dialect})`, () => {
  let t: TestDb;
  let compliance: Who;
  let chair: Who;
  let cfo: Who;
  let signers: Who[];
  const MARKER = `OKAPI${randomUUID().replace(/-/g, "").slice(0, 10)}`;

  // A fixed surname unless a test names its own (three letters match only themselves): a random
  // "Daniel" is a probable match for the report "Daniel Okafor told me…" and would keep that officer
  // away from the case (COC-22.2), re-routing it.
  const who = (
    overrides: Parameters<typeof buildSigner>[1] = {},
    roles: Parameters<typeof buildSigner>[2] = [],
  ) => buildSigner(t.ctx(), { lastName: "Zyx", ...overrides }, roles);
  const tasksOf = (userId: string) =>
    tasksOfUser(t.database, userId, { kind: "certification.follow_up.violation" });

  async function sign(s: Who, violation: { answer: boolean; details?: string }) {
    const id = (await listMyCertificates(t.ctx(s.actor))).items[0]!.id;
    const cert = await getCertificate(t.ctx(s.actor), id);
    return signCertificate(t.ctx(s.actor), id, {
      textHash: cert.textHash,
      affirmed: cert.statements.map((x) => x.id),
      answers: { conflict: { answer: false }, violation },
      typedName: s.name,
    });
  }

  beforeAll(async () => {
    t = await createTestDb();
    const ids = (await seedDemoPolicies(t.ctx(), () => {}))!;
    compliance = await who({}, ["compliance_officer"]);
    chair = await who({ kind: "director" }, ["audit_committee_chair", "board_member"]);
    cfo = await who({
      firstName: "Daniel",
      lastName: "Okafor",
      title: "Chief Financial Officer",
      kind: "officer",
      categories: ["senior_officer", "finance_accounting"],
    });
    signers = [await who(), await who(), await who(), await who()];
    await launchCodeCampaign(t.ctx(compliance.actor), ids.codeId);
  });
  afterAll(() => t.destroy());

  it("COC-23.2, COC-22.2: files a confidential report with the explanation; the signer follows it, the officers' task links to it, the certificate keeps no narrative", async () => {
    const s = signers[0]!;
    const signed = await sign(s, {
      answer: true,
      details: `A forklift driver sells scrap from the Lewisport yard ${MARKER}`,
    });
    // The certificate shows that it was reported, not what.
    expect(signed.signature?.answers.violation).toEqual({ answer: true, details: REPORTED_CONFIDENTIALLY });
    expect(signed.signature?.integrity.ok).toBe(true);
    expect(REPORTED_CONFIDENTIALLY).toContain("COC-22.2");
    // Only the signer is offered the way to their own reports; an officer reading it is not.
    expect(signed.can.followReports).toBe(true);
    expect((await getCertificate(t.ctx(compliance.actor), signed.id)).can.followReports).toBe(false);

    // The signer sees it among their own reports.
    const mine = await listMyReports(t.ctx(s.actor));
    expect(mine.items).toHaveLength(1);
    const report = mine.items[0]!;
    expect(report).toMatchObject({ channel: "certificate", status: "new", category: "other" });
    expect((await listMyReports(t.ctx(signers[1]!.actor))).items).toHaveLength(0);

    // The Compliance Office's task links to the case and does not name the signer.
    const tasks = await tasksOf(compliance.userId);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]!.href).toBe(`/speakup/cases/${report.id}`);
    expect(tasks[0]!.title).toContain(report.number);
    expect(tasks[0]!.title).not.toContain(s.name);

    // The handlers read the explanation as the narrative, and who reported it, sealed in the case.
    const c = await getCase(t.ctx(compliance.actor), report.id);
    expect(c).toMatchObject({
      channel: "certificate",
      identityMode: "confidential",
      team: "compliance",
      content: { details: `A forklift driver sells scrap from the Lewisport yard ${MARKER}` },
      reporter: { name: s.name, personId: s.personId },
    });

    // Like any employee's own report, neither the case row nor its audit event names the signer.
    const row = await t.database.db
      .withTables<{ speakup_cases: { id: string; filed_by_user_id: string | null; content: string } }>()
      .selectFrom("speakup_cases")
      .select(["filed_by_user_id", "content"])
      .where("id", "=", report.id)
      .executeTakeFirstOrThrow();
    expect(row.filed_by_user_id).toBeNull();
    expect(row.content).not.toContain(MARKER);
    const filedEvent = await t.database.db
      .selectFrom("audit_events")
      .select(["actor_id", "actor_label", "payload"])
      .where("subject_id", "=", report.id)
      .where("action", "=", "speakup.report.file")
      .executeTakeFirstOrThrow();
    expect(filedEvent.actor_id).toBeNull();
    expect(filedEvent.actor_label).not.toContain(s.name);
    expect(filedEvent.payload).not.toContain(s.personId);

    // The explanation is nowhere in the database in clear: not in the signature, tasks or audit log.
    const signatures = await t.database.db
      .withTables<{ cert_signatures: { answers: string } }>()
      .selectFrom("cert_signatures")
      .select("answers")
      .execute();
    const audit = await t.database.db.selectFrom("audit_events").select("payload").execute();
    const allTasks = await t.database.db.selectFrom("tasks").select(["title", "href"]).execute();
    expect(JSON.stringify([signatures, audit, allTasks])).not.toContain(MARKER);
  });

  it("SOC-4: routing applies: an explanation naming the CFO, or an accounting concern, goes to the Audit Committee chair; the Compliance Office gets no task", async () => {
    // Whatever earlier tests left the Compliance Office, these two reports add nothing to it.
    const complianceTasksBefore = (await tasksOf(compliance.userId)).length;
    await sign(signers[1]!, { answer: true, details: "Daniel Okafor told me to keep two sets of numbers." });
    await sign(signers[2]!, { answer: true, details: "Revenue is booked before the goods ship." });
    for (const s of [signers[1]!, signers[2]!]) {
      const [report] = (await listMyReports(t.ctx(s.actor))).items;
      const c = await getCase(t.ctx(chair.actor), report!.id);
      expect(c.team).toBe("audit_committee");
      expect(c.assignee?.id).toBe(chair.userId);
      // The Compliance Office may not open it.
      await expect(getCase(t.ctx(compliance.actor), report!.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    expect(await tasksOf(compliance.userId)).toHaveLength(complianceTasksBefore);
    const named = (await listMyReports(t.ctx(signers[1]!.actor))).items[0]!;
    const c = await getCase(t.ctx(chair.actor), named.id);
    expect(c.routingReason).toContain("SOC-4");
    expect(c.people).toMatchObject([{ personId: cfo.personId, role: "named" }]);
  });

  it("COC-23.2: a no files nothing; a failure to file rolls the signature back with it", async () => {
    const before = await t.database.db
      .selectFrom("audit_events")
      .select((eb) => eb.fn.countAll<number | string>().as("n"))
      .where("action", "=", "speakup.report.file")
      .executeTakeFirstOrThrow();
    await sign(signers[3]!, { answer: false });
    const after = await t.database.db
      .selectFrom("audit_events")
      .select((eb) => eb.fn.countAll<number | string>().as("n"))
      .where("action", "=", "speakup.report.file")
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    expect((await listMyReports(t.ctx(signers[3]!.actor))).items).toHaveLength(0);

    // Without the key ring the report cannot be sealed: the certificate stays unsigned.
    const s = compliance;
    const id = (await listMyCertificates(t.ctx(s.actor))).items[0]!.id;
    const cert = await getCertificate(t.ctx(s.actor), id);
    const { keyRing: _dropped, ...noKeys } = t.ctx(s.actor);
    await expect(
      signCertificate(noKeys, id, {
        textHash: cert.textHash,
        affirmed: cert.statements.map((x) => x.id),
        answers: { conflict: { answer: false }, violation: { answer: true, details: "Something" } },
        typedName: s.name,
      }),
    ).rejects.toThrow();
    expect((await getCertificate(t.ctx(s.actor), id)).status).toBe("pending");
    expect((await listMyReports(t.ctx(s.actor))).items).toHaveLength(0);
  });
});
