import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAll } from "../../../test/assertions.ts";
import { createTestDb, dialect, type TestDb } from "../../../test/db.ts";
import { buildDisclosure, buildMember } from "../../../test/factories.ts";
import { tasksOf as tasksOfUser } from "../../../test/records.ts";
import type { Actor } from "../../kernel/context.ts";
import { openFollowUps } from "../certifications/compliance-hook.ts";
import type { RoleName } from "../people/index.ts";
import {
  ceoReviewConflict,
  commentConflict,
  decideConflict,
  expireConflictApprovals,
  forwardConflict,
} from "./conflict-workflow.ts";
import { fileConflict, updateConflict, withdrawConflict } from "./file-conflict.ts";
import { exportConflictsCsv, getConflict, listConflicts } from "./list-conflicts.ts";
import type { ConflictInput } from "./schemas.ts";

type Who = { personId: string; userId: string; actor: Actor };

describe(`conflicts of interest (${dialect})`, () => {
  let t: TestDb;
  let supervisor: Who;
  let employee: Who;
  let gc: Who;
  let ceo: Who;
  let chair: Who;
  let stranger: Who;

  const who = (roles: RoleName[], supervisorId: string | null = null): Promise<Who> =>
    buildMember(t.ctx(), roles, { supervisorId });
  const tasksOf = (userId: string) => tasksOfUser(t.database, userId, { open: true });
  const boardSeat = {
    type: "outside_employment" as const,
    title: "Board seat at a local foundry",
    description: "I sit on the board of a foundry that buys scrap from us.",
    answers: { role: "board_member", organisation: "Ohio Foundry Co.", relationship: "customer", paid: true },
  };

  beforeAll(async () => {
    t = await createTestDb();
    ceo = await who(["ceo"]);
    supervisor = await who([], ceo.personId);
    employee = await who([], supervisor.personId);
    gc = await who(["general_counsel"]);
    chair = await who(["audit_committee_chair", "board_member"]);
    stranger = await who([]);
  });
  afterAll(() => t.destroy());

  async function toAuditCommittee(by: Who, input: ConflictInput = boardSeat) {
    const d = await fileConflict(t.ctx(by.actor), input);
    await commentConflict(t.ctx(gc.actor), d.id, {
      body: "Discussed with the employee; no purchasing role.",
    });
    let next = await forwardConflict(t.ctx(gc.actor), d.id);
    if (next.status === "ceo_review")
      next = await ceoReviewConflict(t.ctx(ceo.actor), d.id, { note: "Reported to the Audit Committee." });
    return next;
  }

  it("COC-6.1: an employee discloses their own conflict; supervisor and Legal get tasks", async () => {
    const d = await fileConflict(t.ctx(employee.actor), boardSeat);
    expect(d.status).toBe("disclosed");
    expect(d.number).toMatch(/^COI-2026-\d{4}$/);
    expect(d.discloser.personId).toBe(employee.personId);
    expect(
      (await tasksOf(supervisor.userId)).some(
        (x) => x.kind === "disclosures.conflict.supervisor" && x.href === `/disclosures/conflicts/${d.id}`,
      ),
    ).toBe(true);
    expect((await tasksOf(gc.userId)).some((x) => x.kind === "disclosures.conflict.discuss")).toBe(true);
    // Someone unrelated cannot see it: a 404, not a 403.
    await expect(getConflict(t.ctx(stranger.actor), d.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("the type's conditional questions are required", async () => {
    await expect(
      fileConflict(t.ctx(employee.actor), { ...boardSeat, answers: { role: "board_member" } }),
    ).rejects.toMatchObject({ code: "INVALID", message: expect.stringContaining("answers.organisation") });
  });

  it("COC-6.2: disclosed → discussed → CEO review → reported to the Audit Committee → approved with a review date", async () => {
    const d = await fileConflict(t.ctx(employee.actor), boardSeat);
    await expect(forwardConflict(t.ctx(gc.actor), d.id)).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("COC-6.3"),
    });
    const s = await commentConflict(t.ctx(supervisor.actor), d.id, { body: "No overlap with her duties." });
    expect(s.status).toBe("discussed");
    expect((await tasksOf(supervisor.userId)).some((x) => x.href === `/disclosures/conflicts/${d.id}`)).toBe(
      false,
    );
    await commentConflict(t.ctx(gc.actor), d.id, { body: "Fine with conditions." });
    const f = await forwardConflict(t.ctx(gc.actor), d.id);
    expect(f.status).toBe("ceo_review");
    expect((await tasksOf(ceo.userId)).some((x) => x.kind === "disclosures.conflict.ceo_review")).toBe(true);
    // The Audit Committee does not see it before the CEO reports it.
    await expect(getConflict(t.ctx(chair.actor), d.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(ceoReviewConflict(t.ctx(gc.actor), d.id, { note: "x" })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("COC-6.2"),
    });
    const r = await ceoReviewConflict(t.ctx(ceo.actor), d.id, {
      note: "Not harmful to the company; reported.",
    });
    expect(r.status).toBe("audit_committee");
    expect(r.reportedToAuditCommitteeAt).not.toBeNull();
    const view = await listConflicts(t.ctx(chair.actor), { scope: "audit_committee" });
    expect(view.items.map((c) => c.id)).toContain(d.id);
    await expect(decideConflict(t.ctx(chair.actor), d.id, { decision: "approved" })).rejects.toMatchObject({
      code: "INVALID",
      message: expect.stringContaining("review date"),
    });
    const decided = await decideConflict(t.ctx(chair.actor), d.id, {
      decision: "approved",
      conditions: "No role in purchasing decisions.",
      reviewDate: "2027-03-01",
    });
    expect(decided).toMatchObject({
      status: "approved",
      conditions: "No role in purchasing decisions.",
      reviewDate: "2027-03-01",
    });
    const full = await getConflict(t.ctx(employee.actor), d.id);
    expect(full.events.filter((e) => e.kind === "transition").map((e) => e.to)).toEqual([
      "disclosed",
      "discussed",
      "ceo_review",
      "audit_committee",
      "approved",
    ]);
  });

  it("COC-6.2: the CEO's own disclosure skips the CEO step and goes straight to the Audit Committee", async () => {
    const d = await toAuditCommittee(ceo);
    expect(d.isCeoDisclosure).toBe(true);
    expect(d.status).toBe("audit_committee");
    expect(d.ceoNote).toBeNull();
    expect((await listConflicts(t.ctx(ceo.actor), { scope: "ceo" })).items.map((c) => c.id)).not.toContain(
      d.id,
    );
    expect(
      (await listConflicts(t.ctx(chair.actor), { scope: "audit_committee" })).items.map((c) => c.id),
    ).toContain(d.id);
    expect((await tasksOf(chair.userId)).some((x) => x.href === `/disclosures/conflicts/${d.id}`)).toBe(true);
  });

  it("COC-6.4: working for a competitor is flagged prohibited and cannot be approved", async () => {
    const competitor = {
      ...boardSeat,
      title: "Consulting for a competitor",
      answers: { role: "consultant", organisation: "Rival Aluminum", relationship: "competitor" },
    };
    const d = await toAuditCommittee(employee, competitor);
    expect(d.prohibitedByCode).toMatchObject({ rule: "COC-6.4" });
    expect(d.can.approve).toBe(false);
    await expect(
      decideConflict(t.ctx(chair.actor), d.id, { decision: "approved", reviewDate: "2027-01-01" }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("COC-6.4, Code section 6"),
    });
    expect((await decideConflict(t.ctx(chair.actor), d.id, { decision: "prohibited" })).status).toBe(
      "prohibited",
    );
  });

  it("COC-11.1: a corporate opportunity that competes with the company is flagged", async () => {
    const d = await fileConflict(t.ctx(employee.actor), {
      type: "corporate_opportunity",
      title: "Scrap yard for sale",
      description: "A supplier's yard is for sale.",
      answers: {
        opportunity: "Buy the yard",
        howDiscovered: "A supplier told me at work",
        wouldCompete: true,
      },
    });
    expect(d.prohibitedByCode).toMatchObject({ rule: "COC-11.1" });
  });

  it("COC-6.3: a change by the discloser sends an approved conflict back for re-approval", async () => {
    let d = await toAuditCommittee(employee);
    d = await decideConflict(t.ctx(chair.actor), d.id, {
      decision: "approved_mitigated",
      mitigation: "Recused from the account.",
      reviewDate: "2027-06-30",
    });
    await expect(updateConflict(t.ctx(stranger.actor), d.id, { title: "x" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const changed = await updateConflict(t.ctx(employee.actor), d.id, {
      description: "Now also a paid adviser.",
    });
    expect(changed).toMatchObject({
      status: "disclosed",
      version: 2,
      reapprovalReason: "changed",
      decision: null,
    });
    expect(
      (await tasksOf(gc.userId)).some(
        (x) => x.href === `/disclosures/conflicts/${d.id}` && x.title.includes("re-approval"),
      ),
    ).toBe(true);
  });

  it("COC-6.3: approvals expire on their review date and come back for review", async () => {
    let d = await toAuditCommittee(employee);
    d = await decideConflict(t.ctx(chair.actor), d.id, { decision: "approved", reviewDate: "2026-04-01" });
    expect(await expireConflictApprovals(t.ctx())).toBe(0);
    t.clock.set("2026-04-01T08:00:00.000Z");
    expect(await expireConflictApprovals(t.ctx())).toBeGreaterThanOrEqual(1);
    const after = await getConflict(t.ctx(employee.actor), d.id);
    expect(after).toMatchObject({ status: "disclosed", reapprovalReason: "expired", version: 2 });
    expect((await tasksOf(employee.userId)).some((x) => x.kind === "disclosures.conflict.confirm")).toBe(
      true,
    );
    t.clock.set("2026-03-02T14:00:00.000Z");
  });

  it("a draft is private to the discloser", async () => {
    const d = await fileConflict(t.ctx(employee.actor), { ...boardSeat, submit: false });
    expect(d.status).toBe("draft");
    await expect(getConflict(t.ctx(gc.actor), d.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getConflict(t.ctx(supervisor.actor), d.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await tasksOf(gc.userId)).some((x) => x.href === `/disclosures/conflicts/${d.id}`)).toBe(false);
  });

  it("COC-6.1: a certificate's yes opens a pre-filled draft the signer completes (certifications' compliance hook)", async () => {
    const compliance = await who(["compliance_officer"]);
    await openFollowUps(
      t.ctx(),
      { personId: employee.personId, name: "E. Employee", assignmentId: "cert-1" },
      [
        {
          questionId: "conflict",
          questionText: "Do you have a conflict of interest to disclose? (COC-6.1)",
          kind: "conflict",
          details: "My brother-in-law owns a supplier.",
        },
      ],
    );
    const officerTask = (await tasksOf(compliance.userId)).find(
      (x) => x.kind === "certification.follow_up.conflict",
    );
    expect(officerTask?.href).toMatch(/^\/disclosures\/conflicts\//);
    const id = officerTask!.href!.split("/").pop()!;
    const draft = await getConflict(t.ctx(employee.actor), id);
    expect(draft).toMatchObject({
      status: "draft",
      source: "certificate",
      description: "My brother-in-law owns a supplier.",
    });
    // The Compliance Office follows it up, so it may read it; the supervisor only once submitted.
    expect((await getConflict(t.ctx(compliance.actor), id)).can.forward).toBe(false);
    await expect(getConflict(t.ctx(supervisor.actor), id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await tasksOf(employee.userId)).some((x) => x.kind === "disclosures.conflict.complete")).toBe(
      true,
    );
    const submitted = await updateConflict(t.ctx(employee.actor), id, {
      type: "family_relationship",
      answers: { relative: "brother-in-law", organisation: "Scrap Supply LLC", relationship: "supplier" },
    });
    expect(submitted).toMatchObject({ status: "disclosed", version: 1, counterparty: "Scrap Supply LLC" });
    expect((await tasksOf(employee.userId)).some((x) => x.kind === "disclosures.conflict.complete")).toBe(
      false,
    );
    expect((await withdrawConflict(t.ctx(employee.actor), id)).status).toBe("withdrawn");
  });

  it("the register is searchable and exportable; employees see only their own", async () => {
    await buildDisclosure(t.ctx(), "conflict", { by: employee, ...boardSeat });
    // …and one the Code prohibits (COC-6.4), which the export flags.
    await buildDisclosure(t.ctx(), "conflict", {
      by: employee,
      ...boardSeat,
      title: "Consulting for a competitor",
      answers: { role: "consultant", organisation: "Rival Aluminum", relationship: "competitor" },
    });
    const reg = await listConflicts(t.ctx(gc.actor), { scope: "register", q: "foundry" });
    expectAll(
      reg.items,
      (c) => `${c.counterparty} ${c.title} ${c.description}`.toLowerCase().includes("foundry"),
      "register entries",
    );
    await expect(listConflicts(t.ctx(employee.actor), { scope: "register" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const mine = await listConflicts(t.ctx(employee.actor), { scope: "mine" });
    expectAll(mine.items, (c) => c.discloser.personId === employee.personId, "own conflicts");
    const csv = await exportConflictsCsv(t.ctx(gc.actor), { scope: "register" });
    expect(csv.split("\n")[0]).toContain("number,discloser,type");
    expect(csv).toContain("COC-6.4");
  });

  it("every step is in the audit log", async () => {
    // Every step, taken here: filed, discussed, forwarded, reviewed by the CEO, decided, changed,
    // withdrawn; and another approval that expires on its review date.
    const d = await toAuditCommittee(employee);
    await decideConflict(t.ctx(chair.actor), d.id, { decision: "approved", reviewDate: "2027-03-01" });
    await updateConflict(t.ctx(employee.actor), d.id, { description: "Now also a paid adviser." });
    await withdrawConflict(t.ctx(employee.actor), d.id);
    const expiring = await toAuditCommittee(employee);
    await decideConflict(t.ctx(chair.actor), expiring.id, { decision: "approved", reviewDate: "2026-04-01" });
    t.clock.set("2026-04-01T08:00:00.000Z");
    await expireConflictApprovals(t.ctx());
    t.clock.set("2026-03-02T14:00:00.000Z");
    const actions = await t.database.db
      .selectFrom("audit_events")
      .select("action")
      .where("action", "like", "conflict.%")
      .execute();
    const set = new Set(actions.map((a) => a.action));
    for (const a of [
      "conflict.file",
      "conflict.comment",
      "conflict.forward",
      "conflict.ceo_review",
      "conflict.decide",
      "conflict.update",
      "conflict.expire",
      "conflict.withdraw",
    ])
      expect(set.has(a), a).toBe(true);
  });
});
