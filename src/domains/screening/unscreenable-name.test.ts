import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, signedIn, type TestApp } from "../../../test/app.ts";
import { actorWith } from "../../../test/factories.ts";
import { importList } from "./import-list.ts";
import { snapshotFiles } from "./test/snapshot.ts";

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ totp: "off" });
  await importList(t.ctx(actorWith(["compliance_officer"])), { files: snapshotFiles() });
});
afterAll(async () => t?.destroy());

// Before: fold() deleted every letter outside Latin and Cyrillic, so a name written in Arabic or
// Chinese became empty, matched nothing and the party was "clear".
describe("a name screening cannot compare is never clear (COC-18.1)", () => {
  it("COC-18.1: refuses a counterparty or an ad-hoc screening whose name has no letters or digits, with a 400 saying why", async () => {
    const officer = await signedIn(t, ["compliance_officer"]);
    for (const name of ["---", "🙂 ✓", "…"]) {
      const party = await officer.send("POST", "/api/screening/counterparties", {
        name,
        partyType: "person",
      });
      expect(party.statusCode, name).toBe(400);
      expect(party.body).toMatch(/COC-18\.1/);
      const one = await officer.send("POST", "/api/screening/screen", { name });
      expect(one.statusCode, name).toBe(400);
    }
    const alias = await officer.send("POST", "/api/screening/counterparties", {
      name: "Some Trading GmbH",
      aliases: ["***"],
    });
    expect(alias.statusCode).toBe(400);
  });

  it("COC-18.1: a party named in Arabic or Chinese script is screened and held for review, not cleared", async () => {
    const officer = await signedIn(t, ["compliance_officer"]);
    for (const [name, entityId] of [
      ["بشار الأسد", "12735"],
      ["夏宝龙", "29262"],
    ] as const) {
      const one = await officer.send("POST", "/api/screening/screen", { name, type: "person" });
      expect(one.statusCode).toBe(200);
      expect(one.json().matches.map((m: { entityId: string }) => m.entityId)).toContain(entityId);
      const party = await officer.send("POST", "/api/screening/counterparties", {
        name,
        partyType: "person",
      });
      expect(party.statusCode).toBe(201);
      expect(party.json().status).toBe("review");
    }
  });
});
