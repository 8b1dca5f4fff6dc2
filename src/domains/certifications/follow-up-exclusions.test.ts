import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, dialect, type TestDb } from "../../../test/db.ts";
import { actorWith, buildPerson, buildUser } from "../../../test/factories.ts";
import type { Actor } from "../../kernel/context.ts";
import { seedDemoPolicies } from "../policies/demo.ts";
import { getCase } from "../speakup/get-case.ts";
import { listMyReports } from "../speakup/my-reports.ts";
import { DEFAULT_QUESTIONS, defaultStatements } from "./default-template.ts";
import {
  createTemplate,
  getCertificate,
  launchCampaign,
  listMyCertificates,
  signCertificate,
} from "./index.ts";

type Who = { personId: string; userId: string; actor: Actor; name: string };

/**
 * Issue 13: tasks go through the one recipient function, which applies the case's exclusions.
 * A "yes" to the violation question files a speak-up report; the Compliance Office's follow-up task
 * must not reach an officer the case keeps away. Before, only the people the explanation names with
 * certainty were left out: an officer it probably names (surname only) still got the task (COC-22.2).
 */
describe(`a certificate's violation follow-up skips the officers the case excludes (${dialect})`, () => {
  let t: TestDb;

  async function who(
    overrides: Parameters<typeof buildPerson>[1] = {},
    roles: Parameters<typeof buildUser>[1] = [],
  ) {
    const person = await buildPerson(t.ctx(), {
      email: `${randomUUID().slice(0, 8)}@test.example`,
      hireDate: "2015-01-01",
      ...overrides,
    });
    const user = await buildUser(t.ctx(), roles, { personId: person.id });
    return {
      personId: person.id,
      userId: user.id,
      actor: actorWith(roles, { userId: user.id, personId: person.id }),
      name: `${person.firstName} ${person.lastName}`,
    } satisfies Who;
  }
  const tasksOf = (userId: string) =>
    t.database.db
      .selectFrom("tasks")
      .select("href")
      .where("assignee_user_id", "=", userId)
      .where("kind", "=", "certification.follow_up.violation")
      .execute();

  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.destroy());

  it("COC-22.2: an officer the explanation probably names gets no task; the other officer does", async () => {
    const ids = (await seedDemoPolicies(t.ctx(), () => {}))!;
    const officer = await who({}, ["compliance_officer"]);
    const suspect = await who({ firstName: "Rowena", lastName: "Quillfeather" }, ["compliance_officer"]);
    const signer = await who();
    const template = await createTemplate(t.ctx(officer.actor), {
      name: "Code certificate",
      policyId: ids.codeId,
      audience: ["everyone"],
      statements: defaultStatements("Code of Business Conduct and Ethics"),
      questions: DEFAULT_QUESTIONS,
      joinerDays: 30,
    });
    await launchCampaign(t.ctx(officer.actor), {
      name: "Annual 2026",
      templateId: template.id,
      dueDate: "2026-04-01",
    });

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
    expect(await tasksOf(officer.userId)).toEqual([{ href: `/speakup/cases/${report.id}` }]);
    expect(await tasksOf(suspect.userId)).toEqual([]);
  });
});
