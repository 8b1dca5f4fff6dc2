import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDb, dialect, type TestDb } from "../../../test/db.ts";
import {
  actorWith,
  buildEntity,
  buildPerson,
  buildUser,
  codeTemplateInput,
} from "../../../test/factories.ts";
import { mailsTo } from "../../../test/records.ts";
import type { Actor } from "../../kernel/context.ts";
import { seedDemoPolicies } from "../policies/demo.ts";
import { approveVersion, createDraftVersion, publishVersion } from "../policies/index.ts";
import { DEFAULT_QUESTIONS, defaultStatements } from "./default-template.ts";
import {
  auditCommitteeView,
  certificatePdf,
  certificationJobHandlers,
  completionBreakdown,
  createTemplate,
  enrolJoiners,
  exportAssignmentsCsv,
  getCampaign,
  getCertificate,
  latestReminderDate,
  launchCampaign,
  listAssignments,
  listMyCertificates,
  sendReminders,
  signCertificate,
} from "./index.ts";

type Signer = { personId: string; actor: Actor; name: string; email: string };

describe(`certificates of compliance (${dialect})`, () => {
  let t: TestDb;
  let codeTemplate: string;
  let seniorTemplate: string;
  let codeId: string;
  let supervisor: Signer;
  let employee: Signer;
  let cfo: Signer;
  let compliance: Actor;
  let chair: Actor;

  async function signer(
    overrides: Parameters<typeof buildPerson>[1],
    roles: Parameters<typeof buildUser>[1] = [],
  ) {
    const person = await buildPerson(t.ctx(), overrides);
    const user = await buildUser(t.ctx(), roles, { personId: person.id });
    return {
      personId: person.id,
      actor: actorWith(roles, { userId: user.id, personId: person.id }),
      name: `${person.firstName} ${person.lastName}`,
      email: person.email!,
    };
  }
  const outbox = (to: string) => mailsTo(t.database, to);
  const tasksOf = (userId: string) =>
    t.database.db.selectFrom("tasks").selectAll().where("assignee_user_id", "=", userId).execute();

  // Each test builds its own world (a fresh database: the campaigns count everyone in it) and
  // launches or signs what it needs itself, so any test runs alone.
  beforeEach(async () => {
    t = await createTestDb();
    t.clock.set("2026-03-02T14:00:00Z");
    const ids = (await seedDemoPolicies(t.ctx(), () => {}))!;
    codeId = ids.codeId;
    const entity = await buildEntity(t.ctx(), { country: "US" });
    supervisor = await signer({
      email: "sup@test.example",
      department: "Sales",
      legalEntityId: entity.id,
      locationCountry: "US",
      hireDate: "2010-01-01",
    });
    employee = await signer({
      email: "emp@test.example",
      department: "Sales",
      legalEntityId: entity.id,
      locationCountry: "US",
      supervisorId: supervisor.personId,
      hireDate: "2015-05-05",
    });
    cfo = await signer({
      kind: "officer",
      email: "cfo@test.example",
      department: "Finance",
      categories: ["executive_officer", "senior_officer", "finance_accounting"],
      hireDate: "2005-01-01",
    });
    const officer = await signer({ email: "cco@test.example", hireDate: "2012-01-01" }, [
      "compliance_officer",
    ]);
    compliance = officer.actor;
    chair = (
      await signer({ kind: "director", email: "chair@test.example", hireDate: "2012-01-01" }, [
        "audit_committee_chair",
        "board_member",
      ])
    ).actor;
    codeTemplate = (await createTemplate(t.ctx(compliance), codeTemplateInput(ids.codeId))).id;
    seniorTemplate = (
      await createTemplate(t.ctx(compliance), {
        name: "Senior Officers certificate",
        policyId: ids.seniorId,
        addressedTo: "Audit Committee",
        audience: ["senior_officers", "finance_accounting"],
        statements: defaultStatements("Senior Officers Code"),
        questions: DEFAULT_QUESTIONS,
      })
    ).id;
  });
  afterEach(() => t.destroy());

  const launchAnnual = async () =>
    (
      await launchCampaign(t.ctx(compliance), {
        name: "Annual 2026",
        templateId: codeTemplate,
        dueDate: "2026-04-01",
      })
    ).id;
  const launchSenior = async () =>
    (
      await launchCampaign(t.ctx(compliance), {
        name: "Senior 2026",
        templateId: seniorTemplate,
        dueDate: "2026-04-01",
      })
    ).id;
  /** `who` signs their certificate of `campaignId`, affirming all and answering no unless told. */
  async function signAs(
    who: Signer,
    campaignId: string,
    answers?: Record<string, { answer: boolean; details?: string }>,
  ) {
    const id = (await listMyCertificates(t.ctx(who.actor))).items.find(
      (c) => c.campaignId === campaignId,
    )!.id;
    const cert = await getCertificate(t.ctx(who.actor), id);
    await signCertificate(t.ctx(who.actor), id, {
      textHash: cert.textHash,
      affirmed: cert.statements.map((s) => s.id),
      answers: answers ?? { conflict: { answer: false }, violation: { answer: false } },
      typedName: who.name,
    });
    return id;
  }

  it("COC-23.2: launching a yearly campaign assigns everyone bound by the Code, mails them and opens their tasks", async () => {
    await expect(
      launchCampaign(t.ctx(employee.actor), { name: "x", templateId: codeTemplate, dueDate: "2026-04-01" }),
    ).rejects.toThrow(/certification.campaign.launch/);
    await expect(
      launchCampaign(t.ctx(compliance), { name: "Late", templateId: codeTemplate, dueDate: "2026-03-02" }),
    ).rejects.toThrow(/after today/);
    const launched = await launchCampaign(t.ctx(compliance), {
      name: "Annual 2026",
      templateId: codeTemplate,
      dueDate: "2026-04-01",
    });
    expect(launched.assigned).toBe(5);
    expect((await outbox(employee.email)).map((m) => m.subject)).toEqual([
      "Please sign your Certificate of Compliance: Code certificate",
    ]);
    const tasks = await tasksOf(employee.actor.kind === "user" ? employee.actor.userId : "");
    expect(tasks).toMatchObject([
      { kind: "certification.sign", status: "open", due_at: "2026-04-01T23:59:59.000Z" },
    ]);
    const jobs = await t.database.db
      .selectFrom("jobs")
      .select("payload")
      .where("name", "=", "mail.send")
      .execute();
    expect(jobs).toHaveLength(5);
    // SOC-7: the Senior Officers certificate goes to senior officers and finance & accounting only.
    const senior = await launchCampaign(t.ctx(compliance), {
      name: "Senior 2026",
      templateId: seniorTemplate,
      dueDate: "2026-04-01",
    });
    expect(senior.assigned).toBe(1);
  });

  it("COC-23.1: signing needs every statement affirmed, every question answered and the signer's typed name", async () => {
    await launchAnnual();
    const mine = await listMyCertificates(t.ctx(employee.actor));
    const id = mine.items[0]!.id;
    const cert = await getCertificate(t.ctx(employee.actor), id);
    expect(cert.sections).toHaveLength(24);
    expect(cert.statements.map((s) => s.id)).toEqual(["received", "read", "understand", "apply"]);
    const all = cert.statements.map((s) => s.id);
    const no = { conflict: { answer: false }, violation: { answer: false } };
    const base = { textHash: cert.textHash, affirmed: all, answers: no, typedName: employee.name };
    await expect(
      signCertificate(t.ctx(employee.actor), id, { ...base, affirmed: all.slice(1) }),
    ).rejects.toThrow(/Affirm every statement/);
    await expect(signCertificate(t.ctx(employee.actor), id, { ...base, answers: {} })).rejects.toThrow(
      /Answer every question/,
    );
    await expect(
      signCertificate(t.ctx(employee.actor), id, { ...base, typedName: "Someone Else" }),
    ).rejects.toThrow(/Type your full name/);
    await expect(
      signCertificate(t.ctx(employee.actor), id, { ...base, textHash: "0".repeat(64) }),
    ).rejects.toThrow(/changed since you opened it/);
    await expect(signCertificate(t.ctx(supervisor.actor), id, base)).rejects.toThrow(/not found/);
    const signed = await signCertificate(t.ctx(employee.actor), id, {
      ...base,
      typedName: `  ${employee.name.toUpperCase()} `,
    });
    expect(signed.status).toBe("signed");
    expect(signed.signature).toMatchObject({
      textHash: cert.textHash,
      integrity: { ok: true, problems: [] },
    });
    await expect(signCertificate(t.ctx(employee.actor), id, base)).rejects.toThrow(/already signed/);
    const userId = employee.actor.kind === "user" ? employee.actor.userId : "";
    expect((await tasksOf(userId)).map((x) => x.status)).toEqual(["done"]);
    const events = await t.database.db
      .selectFrom("audit_events")
      .select(["action", "subject_id"])
      .where("action", "=", "certification.sign")
      .execute();
    expect(events).toEqual([{ action: "certification.sign", subject_id: id }]);
    const pdf = await certificatePdf(t.ctx(employee.actor), id);
    expect(pdf.pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.pdf.length).toBeGreaterThan(2000);
  });

  it("a yes to the conflict or violation question opens a task for the Compliance Office", async () => {
    await launchAnnual();
    const id = (await listMyCertificates(t.ctx(supervisor.actor))).items[0]!.id;
    const cert = await getCertificate(t.ctx(supervisor.actor), id);
    await signCertificate(t.ctx(supervisor.actor), id, {
      textHash: cert.textHash,
      affirmed: cert.statements.map((s) => s.id),
      answers: {
        conflict: { answer: true, details: "My brother-in-law owns a supplier." },
        violation: { answer: false },
      },
      typedName: supervisor.name,
    });
    const officerTasks = await tasksOf(compliance.kind === "user" ? compliance.userId : "");
    expect(officerTasks.filter((x) => x.kind === "certification.follow_up.conflict")).toHaveLength(1);
  });

  it("SOC-7: the senior officer's certificate appears in the Audit Committee's view, not to employees", async () => {
    await launchAnnual();
    const seniorCampaignId = await launchSenior();
    const id = (await listMyCertificates(t.ctx(cfo.actor))).items.find(
      (c) => c.campaignId === seniorCampaignId,
    )!.id;
    const cert = await getCertificate(t.ctx(cfo.actor), id);
    expect(cert.addressedTo).toBe("Audit Committee");
    await signCertificate(t.ctx(cfo.actor), id, {
      textHash: cert.textHash,
      affirmed: cert.statements.map((s) => s.id),
      answers: { conflict: { answer: false }, violation: { answer: false } },
      typedName: cfo.name,
    });
    const view = await auditCommitteeView(t.ctx(chair));
    expect(view.items).toMatchObject([{ name: cfo.name, status: "signed", isSeniorOfficer: true }]);
    expect((await getCertificate(t.ctx(chair), id)).signature?.integrity.ok).toBe(true);
    await expect(auditCommitteeView(t.ctx(employee.actor))).rejects.toThrow(/certification.audit_committee/);
  });

  it("detects tampering with a stored signature, the certified text or the policy text", async () => {
    const campaignId = await launchAnnual();
    const id = await signAs(employee, campaignId);
    const db = t.database.db;
    // Signatures are immutable in the database…
    await expect(
      sql`update cert_signatures set typed_name = 'X' where assignment_id = ${id}`.execute(db),
    ).rejects.toThrow(/immutable/);
    // …so a tamperer has to drop the trigger first; the seal still gives them away.
    if (dialect === "postgres")
      await sql`drop trigger cert_signatures_immutable on cert_signatures`.execute(db);
    else await sql`drop trigger cert_signatures_no_update`.execute(db);
    await sql`update cert_signatures set typed_name = 'Mallory' where assignment_id = ${id}`.execute(db);
    let cert = await getCertificate(t.ctx(compliance), id);
    expect(cert.signature!.integrity.ok).toBe(false);
    expect(cert.signature!.integrity.problems.join(" ")).toMatch(/signature was altered/);
    const hash = cert.signature!.textHash;
    await sql`update cert_texts set body = replace(body, 'Antitrust', 'Antitrust-ish') where hash = ${hash}`.execute(
      db,
    );
    cert = await getCertificate(t.ctx(compliance), id);
    expect(cert.signature!.integrity.problems.join(" ")).toMatch(/certified text was altered/);
    await sql`update policy_sections set body = body || ' (edited)' where number = '7' and version_id = ${cert.policyVersionId}`.execute(
      db,
    );
    cert = await getCertificate(t.ctx(compliance), id);
    expect(cert.signature!.integrity.problems.join(" ")).toMatch(/Code of Conduct version 1 was altered/);
    const pdf = await certificatePdf(t.ctx(compliance), id);
    expect(pdf.pdf.subarray(0, 5).toString()).toBe("%PDF-");
    // Nobody can sign a tampered text.
    const other = (await listMyCertificates(t.ctx(cfo.actor))).items.find(
      (c) => c.campaignId === campaignId,
    )!;
    const open = await getCertificate(t.ctx(cfo.actor), other.id);
    await expect(
      signCertificate(t.ctx(cfo.actor), other.id, {
        textHash: open.textHash,
        affirmed: open.statements.map((s) => s.id),
        answers: { conflict: { answer: false }, violation: { answer: false } },
        typedName: cfo.name,
      }),
    ).rejects.toThrow(/tampered/);
  });

  it("reminders 7 days and 1 day before, on the due date, then weekly; escalation to the supervisor when overdue", async () => {
    expect(latestReminderDate("2026-04-01", "2026-03-24")).toBe(null);
    expect(latestReminderDate("2026-04-01", "2026-03-25")).toBe("2026-03-25");
    expect(latestReminderDate("2026-04-01", "2026-03-31")).toBe("2026-03-31");
    expect(latestReminderDate("2026-04-01", "2026-04-07")).toBe("2026-04-01");
    expect(latestReminderDate("2026-04-01", "2026-04-08")).toBe("2026-04-08");
    // A fresh pending assignment for an employee whose supervisor has an address.
    const team = await signer({
      email: "late@test.example",
      supervisorId: supervisor.personId,
      department: "Sales",
      hireDate: "2020-01-01",
    });
    const late = await launchCampaign(t.ctx(compliance), {
      name: "Sales refresh",
      templateId: codeTemplate,
      audience: { groups: ["everyone"], departments: ["Sales"] },
      dueDate: "2026-03-20",
    });
    expect(late.assigned).toBe(3);
    const subjects = async () => (await outbox(team.email)).map((m) => m.subject);
    t.clock.set("2026-03-13T08:00:00Z");
    await sendReminders(t.ctx());
    await sendReminders(t.ctx());
    expect(await subjects()).toEqual([
      "Please sign your Certificate of Compliance: Sales refresh".replace(
        "Sales refresh",
        "Code certificate",
      ),
      "Reminder: your Certificate of Compliance is due in 7 days",
    ]);
    t.clock.set("2026-03-19T08:00:00Z");
    await sendReminders(t.ctx());
    t.clock.set("2026-03-20T08:00:00Z");
    await sendReminders(t.ctx());
    expect((await subjects()).slice(2)).toEqual([
      "Reminder: your Certificate of Compliance is due in 1 day",
      "Reminder: your Certificate of Compliance is due today",
    ]);
    expect(
      await outbox(supervisor.email).then((m) => m.filter((x) => x.subject.startsWith("Overdue"))),
    ).toEqual([]);
    t.clock.set("2026-03-21T08:00:00Z");
    const result = await sendReminders(t.ctx());
    expect(result.escalated).toBeGreaterThanOrEqual(2);
    const escalation = (await outbox(supervisor.email)).filter((m) => m.subject.startsWith("Overdue"));
    expect(escalation).toHaveLength(1);
    expect(escalation[0]!.body_text).toMatch(/2 person\(s\) who report to you/);
    const supTasks = await tasksOf(supervisor.actor.kind === "user" ? supervisor.actor.userId : "");
    expect(supTasks.filter((x) => x.kind === "certification.escalation")).toHaveLength(1);
    await sendReminders(t.ctx());
    expect((await outbox(supervisor.email)).filter((m) => m.subject.startsWith("Overdue"))).toHaveLength(1);
    t.clock.set("2026-03-27T08:00:00Z");
    await sendReminders(t.ctx());
    t.clock.set("2026-03-28T08:00:00Z");
    await sendReminders(t.ctx());
    expect((await subjects()).slice(4)).toEqual(["Overdue: your Certificate of Compliance"]);
    const overdue = await listAssignments(t.ctx(compliance), late.id, {
      status: "overdue",
      page: 1,
      pageSize: 50,
    });
    expect(overdue.total).toBe(3);
    expect(overdue.items.find((i) => i.personId === team.personId)).toMatchObject({
      remindersSent: 4,
      supervisor: supervisor.name,
    });
  });

  it("dashboards: completion by entity, department, country and supervisor; overdue list; CSV", async () => {
    const campaignId = await launchAnnual();
    await signAs(employee, campaignId);
    await signAs(supervisor, campaignId, {
      conflict: { answer: true, details: "My brother-in-law owns a supplier." },
      violation: { answer: false },
    });
    const c = await getCampaign(t.ctx(compliance), campaignId);
    expect(c.totals).toMatchObject({ assigned: 5, signed: 2, pending: 3, overdue: 0 });
    const byDept = await completionBreakdown(t.ctx(compliance), campaignId, "department");
    expect(byDept.items.find((i) => i.key === "Sales")).toMatchObject({
      assigned: 2,
      signed: 2,
      completion: 1,
    });
    for (const by of ["entity", "country", "supervisor"] as const) {
      const res = await completionBreakdown(t.ctx(compliance), campaignId, by);
      expect(res.items.reduce((a, i) => a + i.assigned, 0)).toBe(5);
    }
    const bySup = await completionBreakdown(t.ctx(compliance), campaignId, "supervisor");
    expect(bySup.items.find((i) => i.key === supervisor.personId)?.label).toBe(supervisor.name);
    const csv = await exportAssignmentsCsv(t.ctx(compliance), campaignId, "all");
    expect(csv.split("\n")[0]).toBe(
      "employee_id,name,email,legal_entity,department,country,supervisor,due_date,status,signed_at,reminders_sent,escalated_at",
    );
    expect(csv).toContain(employee.name);
    await expect(completionBreakdown(t.ctx(employee.actor), campaignId, "country")).rejects.toThrow(
      /certification.report/,
    );
  });

  it("COC-23.1: joiners are enrolled automatically, due within the configured days of their hire date", async () => {
    t.clock.set("2026-03-28T08:00:00Z"); // three days after the joiner's first day
    const joiner = await signer({ email: "new@test.example", hireDate: "2026-03-25" });
    const first = await enrolJoiners(t.ctx());
    expect(first.enrolled).toBe(1);
    expect((await enrolJoiners(t.ctx())).enrolled).toBe(0);
    const mine = await listMyCertificates(t.ctx(joiner.actor));
    expect(mine.items).toMatchObject([{ dueDate: "2026-04-24", status: "pending" }]);
    expect((await outbox(joiner.email)).map((m) => m.subject)).toEqual([
      "Please sign your Certificate of Compliance: Code certificate",
    ]);
  });

  it("publishing a new version with re-certification launches a campaign for the new version", async () => {
    const draft = await createDraftVersion(t.ctx(compliance), codeId, { changeNote: "v2" });
    await approveVersion(t.ctx(actorWith(["general_counsel"])), draft.versionId);
    await publishVersion(t.ctx(compliance), draft.versionId, { recertify: true, dueDate: "2026-05-30" });
    const job = await t.database.db
      .selectFrom("jobs")
      .select(["payload"])
      .where("name", "=", "certification.recertify")
      .executeTakeFirstOrThrow();
    await t.database.db
      .transaction()
      .execute((trx) =>
        certificationJobHandlers["certification.recertify"]!.run(
          { ...t.ctx(), db: trx },
          JSON.parse(job.payload),
          { id: "j", attempts: 1, maxAttempts: 5 },
        ),
      );
    const mine = await listMyCertificates(t.ctx(employee.actor));
    const recert = mine.items.find((c) => c.policyVersionId === draft.versionId);
    expect(recert).toMatchObject({ status: "pending", dueDate: "2026-05-30", versionNumber: 2 });
  });
});
