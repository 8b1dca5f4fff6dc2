import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, signedIn, type TestApp } from "../../../test/app.ts";
import { dialect } from "../../../test/db.ts";
import { buildPerson } from "../../../test/factories.ts";

/**
 * Issue 13: every policies route answers through its response schema, which is a filter and a
 * check (a use case whose answer does not match it is a 500). Each test builds its own data.
 */
describe(`policies over HTTP: every answer matches its declared schema (${dialect})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ totp: "off" });
  });
  afterAll(() => t.destroy());

  const ok = (res: LightMyRequestResponse, code = 200) => {
    expect(res.statusCode, res.body).toBe(code);
    return res.json();
  };
  const sections = (phone: string) => [
    { number: "1", title: "Purpose", body: "Why this policy exists." },
    {
      number: "2",
      title: "Reporting",
      body: `Call the hotline on ${phone}.`,
      links: [{ policyKey: "code-of-conduct", number: "21", kind: "refers" }],
    },
  ];

  it("policies (COC-0.2, SOC-8): create, list, read, search, draft, edit, approve, publish, diff", async () => {
    const compliance = await signedIn(t, ["compliance_officer"]);
    const counsel = await signedIn(t, ["general_counsel"]);
    const employee = await signedIn(t, []);
    const key = `travel-${dialect}`;
    const created = ok(
      await compliance.send("POST", "/api/policies", {
        key,
        title: "Travel and Expenses Policy",
        shortTitle: "Travel Policy",
        audience: ["everyone"],
        owner: "Finance",
        approvalAuthority: "legal",
        sections: sections("1-800-461-9330"),
      }),
      201,
    );
    expect(Object.keys(created).sort()).toEqual(["id", "versionId"]);
    ok(await counsel.send("POST", `/api/policy-versions/${created.versionId}/approve`));
    const published = ok(
      await compliance.send("POST", `/api/policy-versions/${created.versionId}/publish`, {
        recertify: false,
      }),
    );
    expect(published.version.status).toBe("published");
    expect(published.sections[1].links[0]).toMatchObject({ policyKey: "code-of-conduct", policyId: null });
    const list = ok(await employee.get("/api/policies"));
    expect(list.items.find((p: { key: string }) => p.key === key)).toMatchObject({ pending: null });
    const policy = ok(await employee.get(`/api/policies/${created.id}`));
    expect(policy.can).toEqual({ edit: false, approve: false, publish: false });
    expect(ok(await employee.get("/api/policies/search?q=hotline")).items.length).toBeGreaterThan(0);
    const draft = ok(await compliance.send("POST", `/api/policies/${created.id}/versions`, {}), 201);
    expect(draft.number).toBe(2);
    const edited = ok(
      await compliance.send("PUT", `/api/policy-versions/${draft.versionId}/sections`, {
        sections: sections("1-800-555-0100"),
      }),
    );
    expect(edited.version.status).toBe("draft");
    const approved = ok(await counsel.send("POST", `/api/policy-versions/${draft.versionId}/approve`));
    expect(approved.contentHash).toMatch(/^[0-9a-f]{64}$/);
    const diff = ok(
      await compliance.get(`/api/policy-versions/${draft.versionId}/diff?from=${created.versionId}`),
    );
    expect(diff.summary).toEqual({ added: 0, removed: 0, changed: 1, unchanged: 1 });
    ok(
      await compliance.send("POST", `/api/policy-versions/${draft.versionId}/publish`, { recertify: false }),
    );
    ok(await employee.get(`/api/policy-versions/${draft.versionId}`));
  });

  it("waivers (SOC-6, Form 8-K): request, decide, disclose, list, read", async () => {
    const compliance = await signedIn(t, ["compliance_officer"]);
    const board = await signedIn(t, ["board_member"]);
    const policy = ok(
      await compliance.send("POST", "/api/policies", {
        key: `gifts-${dialect}`,
        title: "Gifts Policy",
        shortTitle: "Gifts",
        audience: ["senior_officers"],
        owner: "Legal",
        approvalAuthority: "legal",
        sections: sections("1-800-461-9330"),
      }),
      201,
    );
    const cfo = await buildPerson(t.ctx(), { kind: "officer", categories: ["executive_officer"] });
    const requested = ok(
      await compliance.send("POST", "/api/waivers", {
        policyId: policy.id,
        personId: cfo.id,
        reason: "Serves on the board of a charity foundation.",
      }),
      201,
    );
    expect(requested).toMatchObject({ status: "requested", disclosure: { state: "not_required" } });
    const decided = ok(
      await board.send("POST", `/api/waivers/${requested.id}/decide`, {
        decision: "approved",
        decisionBody: "board",
      }),
    );
    expect(decided.disclosure.state).toBe("due");
    const disclosed = ok(
      await compliance.send("POST", `/api/waivers/${requested.id}/disclose`, { reference: "Form 8-K filed" }),
    );
    expect(disclosed.disclosure).toEqual({ state: "disclosed", businessDaysLeft: null });
    expect(ok(await compliance.get("/api/waivers")).can).toEqual({ request: true });
    ok(await compliance.get(`/api/waivers/${requested.id}`));
  });
});
