import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, dialect, type TestDb } from "../../../test/db.ts";
import { actorWith, buildPerson } from "../../../test/factories.ts";
import { seedDemoPolicies } from "./demo.ts";
import {
  approveVersion,
  createDraftVersion,
  decideWaiver,
  diffVersions,
  discloseWaiver,
  getPolicy,
  getVersion,
  listPolicies,
  listWaivers,
  publishVersion,
  requestWaiver,
  searchPolicies,
  updateDraftSections,
} from "./index.ts";

describe(`policies (${dialect})`, () => {
  let t: TestDb;
  let ids: { codeId: string; seniorId: string };
  const employee = actorWith([]);
  const compliance = actorWith(["compliance_officer"]);
  const counsel = actorWith(["general_counsel"]);
  const board = actorWith(["board_member"]);

  beforeAll(async () => {
    t = await createTestDb();
    const seeded = await seedDemoPolicies(t.ctx(), () => {});
    if (!seeded) throw new Error("the seed texts are missing");
    ids = seeded;
  });
  afterAll(() => t.destroy());

  it("imports both codes section by section, published, with the Senior Officers Code governing (SOC-2)", async () => {
    const list = await listPolicies(t.ctx(employee));
    expect(list.items.map((p) => p.shortTitle).sort()).toEqual(["Code of Conduct", "Senior Officers Code"]);
    const senior = await getPolicy(t.ctx(employee), ids.seniorId);
    expect(senior.governsOver?.shortTitle).toBe("Code of Conduct");
    expect(senior.approvalAuthority).toBe("board");
    const code = await getPolicy(t.ctx(employee), ids.codeId);
    expect(code.governedBy.map((g) => g.shortTitle)).toEqual(["Senior Officers Code"]);
    const reading = await getVersion(t.ctx(employee), code.versions[0]!.id);
    expect(reading.toc).toHaveLength(24);
    expect(reading.toc[23]).toMatchObject({ number: "23", title: "Certifications of Compliance" });
    const s21 = reading.sections.find((s) => s.number === "21")!;
    expect(s21.body).toContain("1-800-461-9330");
    // Section links: Code 21 refers to the Senior Officers Code; the intro to Code section 22.
    expect(s21.links.map((l) => l.policyTitle)).toContain("Senior Officers Code");
    expect(reading.sections[0]!.links).toMatchObject([{ number: "22", anchor: "s-22" }]);
    const soc = await getVersion(t.ctx(employee), senior.versions[0]!.id);
    expect(soc.sections.find((s) => s.number === "2")!.links).toMatchObject([
      { policyKey: "code-of-conduct", number: "23", kind: "overrides" },
    ]);
  });

  it("searches across published policies", async () => {
    const res = await searchPolicies(t.ctx(employee), { q: "blocked persons" });
    expect(res.items.map((i) => `${i.policyTitle} ${i.number}`)).toEqual(["Code of Conduct 18"]);
    expect(res.items[0]!.snippet.toLowerCase()).toContain("blocked persons");
    expect((await searchPolicies(t.ctx(employee), { q: "100%_" })).items).toEqual([]);
  });

  it("versions: draft → approved → published → superseded, with a readable diff", async () => {
    const draft = await createDraftVersion(t.ctx(compliance), ids.codeId, {
      changeNote: "New hotline number",
    });
    expect(draft.number).toBe(2);
    await expect(createDraftVersion(t.ctx(compliance), ids.codeId, {})).rejects.toThrow(/still a draft/);
    const v2 = await getVersion(t.ctx(compliance), draft.versionId);
    const sections = v2.sections.map((s) => ({
      number: s.number,
      title: s.title,
      body: s.number === "21" ? s.body.replace("1-800-461-9330", "1-800-555-0100") : s.body,
      links: s.links.map(({ policyKey, number, kind }) => ({ policyKey, number, kind })),
    }));
    await updateDraftSections(t.ctx(compliance), draft.versionId, { sections });
    // Employees do not see drafts.
    await expect(getVersion(t.ctx(employee), draft.versionId)).rejects.toThrow(/not found/);
    await expect(approveVersion(t.ctx(compliance), draft.versionId)).rejects.toThrow(/Legal Department/);
    await approveVersion(t.ctx(counsel), draft.versionId);
    await expect(updateDraftSections(t.ctx(compliance), draft.versionId, { sections })).rejects.toThrow(
      /only a draft/,
    );
    const first = (await getPolicy(t.ctx(employee), ids.codeId)).versions.find((v) => v.number === 1)!;
    const diff = await diffVersions(t.ctx(compliance), first.id, draft.versionId);
    expect(diff.summary).toEqual({ added: 0, removed: 0, changed: 1, unchanged: 23 });
    const changed = diff.sections.find((s) => s.change === "changed")!;
    expect(changed.number).toBe("21");
    expect(changed.parts!.filter((p) => p.op !== "eq")).toEqual([
      { op: "del", text: "1-800-461-9330" },
      { op: "add", text: "1-800-555-0100" },
    ]);
    await publishVersion(t.ctx(compliance), draft.versionId, { recertify: false });
    const after = await getPolicy(t.ctx(employee), ids.codeId);
    expect(after.versions.map((v) => [v.number, v.status])).toEqual([
      [2, "published"],
      [1, "superseded"],
    ]);
    expect(after.versions[0]!.approvedBy).toBe(counsel.label);
  });

  it("SOC-8: only the Board or a Board committee approves a version of the Senior Officers Code", async () => {
    const draft = await createDraftVersion(t.ctx(compliance), ids.seniorId, { changeNote: "Board review" });
    await expect(approveVersion(t.ctx(counsel), draft.versionId)).rejects.toThrow(/Board.*SOC-8/);
    await approveVersion(t.ctx(board), draft.versionId);
    const senior = await getPolicy(t.ctx(compliance), ids.seniorId);
    expect(senior.versions[0]).toMatchObject({ status: "approved", approvedBy: board.label });
  });

  it("waivers: Board or committee only, with a 4-business-day Form 8-K countdown on the banking calendar", async () => {
    const cfo = await buildPerson(t.ctx(), {
      kind: "officer",
      categories: ["executive_officer", "senior_officer"],
    });
    const clerk = await buildPerson(t.ctx());
    await expect(
      requestWaiver(t.ctx(compliance), {
        policyId: ids.codeId,
        personId: clerk.id,
        reason: "A plain employee request",
      }),
    ).rejects.toThrow(/executive officers and directors/);
    const { id } = await requestWaiver(t.ctx(compliance), {
      policyId: ids.codeId,
      sectionNumber: "6",
      personId: cfo.id,
      reason: "Serves on the board of a supplier's charity foundation.",
    });
    await expect(
      decideWaiver(t.ctx(counsel), id, { decision: "approved", decisionBody: "board" }),
    ).rejects.toThrow(/Board or a Board committee/);
    const selfish = actorWith(["board_member"], { personId: cfo.id });
    await expect(
      decideWaiver(t.ctx(selfish), id, { decision: "approved", decisionBody: "board" }),
    ).rejects.toThrow(/concerns you/);
    // Friday 2026-11-20: Mon, Tue, Wed, (Thanksgiving), Fri → due Friday 2026-11-27.
    t.clock.set("2026-11-20T15:00:00Z");
    const decided = await decideWaiver(t.ctx(board), id, {
      decision: "approved",
      decisionBody: "audit_committee",
    });
    expect(decided.disclosureDue).toBe("2026-11-27");
    expect(decided.disclosure).toEqual({ state: "due", businessDaysLeft: 4 });
    t.clock.set("2026-11-30T15:00:00Z");
    expect((await listWaivers(t.ctx(counsel))).items[0]!.disclosure.state).toBe("overdue");
    const disclosed = await discloseWaiver(t.ctx(compliance), id, { reference: "Form 8-K filed 2026-11-30" });
    expect(disclosed.disclosure.state).toBe("disclosed");
  });
});
