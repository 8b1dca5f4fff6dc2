import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, dialect, type TestDb } from "../../../test/db.ts";
import { buildSigner, launchCodeCampaign } from "../../../test/factories.ts";
import { tasksOf } from "../../../test/records.ts";
import { seedDemoPolicies } from "../policies/demo.ts";
import { getCase } from "../speakup/get-case.ts";
import { listMyReports } from "../speakup/my-reports.ts";
import { getCertificate, listMyCertificates, signCertificate } from "./index.ts";

/**
 * Issue 13: tasks go through the one recipient function, which applies the case's exclusions.
 * A "yes" to the violation question files a speak-up report; the Compliance Office's follow-up task
 * must not reach an officer the case keeps away. Before, only the people the explanation names with
 * certainty were left out: an officer it probably names (surname only) still got the task (COC-22.2).
 */
describe(`a certificate's violation follow-up skips the officers the case excludes (${dialect})`, () => {
  let t: TestDb;

  const who = (
    overrides: Parameters<typeof buildSigner>[1] = {},
    roles: Parameters<typeof buildSigner>[2] = [],
  ) => buildSigner(t.ctx(), overrides, roles);
  /** The links of one user's violation follow-up tasks. */
  const followUps = async (userId: string) =>
    (await tasksOf(t.database, userId, { kind: "certification.follow_up.violation" })).map((x) => x.href);

  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.destroy());

  it("COC-22.2: an officer the explanation probably names gets no task; the other officer does", async () => {
    const ids = (await seedDemoPolicies(t.ctx(), () => {}))!;
    const officer = await who({}, ["compliance_officer"]);
    const suspect = await who({ firstName: "Rowena", lastName: "Quillfeather" }, ["compliance_officer"]);
    const signer = await who();
    await launchCodeCampaign(t.ctx(officer.actor), ids.codeId);

    const id = (await listMyCertificates(t.ctx(signer.actor))).items[0]!.id;
    const cert = await getCertificate(t.ctx(signer.actor), id);
    await signCertificate(t.ctx(signer.actor), id, {
      textHash: cert.textHash,
      affirmed: cert.statements.map((x) => x.id),
      answers: {
        conflict: { answer: false },
        violation: { answer: true, details: "Quillfeather waives the gift register for a supplier friend." },
      },
      typedName: signer.name,
    });

    const report = (await listMyReports(t.ctx(signer.actor))).items[0]!;
    const kase = await getCase(t.ctx(officer.actor), report.id);
    expect(kase.team).toBe("compliance");
    expect(kase.people).toMatchObject([{ personId: suspect.personId, role: "probable" }]);
    expect(await followUps(officer.userId)).toEqual([`/speakup/cases/${report.id}`]);
    expect(await followUps(suspect.userId)).toEqual([]);
  });
});
