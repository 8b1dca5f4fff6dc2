import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, signedIn, type TestApp } from "../../../test/app.ts";
import { expectAll } from "../../../test/assertions.ts";
import { actorWith, buildCounterparty } from "../../../test/factories.ts";
import { approveTransaction } from "./approve-transaction.ts";
import { createExportItem } from "./create-export-item.ts";
import { createLicence } from "./create-licence.ts";
import { createTransaction } from "./create-transaction.ts";
import { decideHit } from "./decide-hit.ts";
import { getCounterparty } from "./get-counterparty.ts";
import { importList } from "./import-list.ts";
import { rescreenAll } from "./screen-counterparty.ts";
import { snapshotFiles } from "./test/snapshot.ts";
import { updateCounterparty } from "./update-counterparty.ts";

let t: TestApp;
const officer = actorWith(["compliance_officer"]);
const ctx = () => t.ctx(officer);

beforeAll(async () => {
  t = await createTestApp({ totp: "off" });
  // The 2021 snapshot, imported once for the file; the first version has no diff to show.
  const v = await importList(ctx(), { files: snapshotFiles() });
  expect(v.counts.entries).toBe(8976);
  expect(v.diff.added).toBe(8976);
});
afterAll(async () => t?.destroy());

describe("screening workflow on the 2021 SDN list", () => {
  it("re-importing identical files creates no new version; a changed file shows added, removed and changed entries", async () => {
    const again = await importList(ctx(), { files: snapshotFiles() });
    expect(again.unchangedFiles).toBe(true);
    const files = snapshotFiles();
    const lines = files.sdn.split(/\r?\n/).filter(Boolean);
    const edited = [
      ...lines
        .slice(1)
        .map((l) =>
          l.startsWith("306,") ? l.replace("BANCO NACIONAL DE CUBA", "BANCO NACIONAL DE CUBA S.A.") : l,
        ),
      '99999001,"ZYXW TEST TRADING LLC",-0- ,"SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ',
    ].join("\n");
    const v2 = await importList(ctx(), { files: { ...files, sdn: edited } });
    expect(v2.seq).toBe(2);
    expect(v2.diff).toMatchObject({ added: 1, removed: 1, changed: 1 });
    expect(v2.diff.sample.changed).toEqual(["306"]);
    // back to the official snapshot for the rest of the file
    const v3 = await importList(ctx(), { files: snapshotFiles() });
    expect(v3.isCurrent).toBe(true);
  });

  it("screens a counterparty on create with explained hits (COC-18.1), and a clear party on change", async () => {
    const cp = await buildCounterparty(ctx(), {
      name: "Nationall Bank of Cuba",
      kind: "customer",
      country: "ES",
    });
    expect(cp.status).toBe("review");
    expect(cp.hits[0]).toMatchObject({
      entityId: "306",
      matchedName: "NATIONAL BANK OF CUBA",
      status: "open",
    });
    expect(cp.hits[0]!.explanation.summary).toMatch(/"cuba" exact/);
    const clean = await buildCounterparty(ctx(), {
      name: "Blue Harbor Logistics GmbH",
      kind: "supplier",
      country: "DE",
    });
    expect(clean.status).toBe("clear");
    const changed = await updateCounterparty(ctx(), clean.id, {
      aliases: ["Manuel Antonio Noriega"],
      partyType: "person",
    });
    expect(changed.status).toBe("review");
    expect(changed.screening?.trigger).toBe("change");
  });

  it("remembers a false positive until either side changes; a true match blocks and escalates to Legal", async () => {
    const cp = await buildCounterparty(ctx(), {
      name: "Abu Abas",
      kind: "agent",
      country: "JO",
      partyType: "person",
    });
    const hit = cp.hits.find((h) => h.entityId === "2674")!;
    await decideHit(ctx(), hit.id, {
      decision: "false_positive",
      reason: "Different person: born 1985 in Amman",
    });
    await rescreenAll(t.ctx(), { force: true });
    let after = await getCounterparty(ctx(), cp.id);
    expect(after.hits.find((h) => h.entityId === "2674" && h.status === "open")).toBeUndefined();
    expect(after.hits.some((h) => h.entityId === "2674" && h.status === "remembered")).toBe(true);
    // the party changes: the pair alerts again
    after = await updateCounterparty(ctx(), cp.id, { country: "LB" });
    const again = after.hits.find((h) => h.entityId === "2674" && h.status === "open")!;
    expect(again).toBeDefined();
    const decided = await decideHit(ctx(), again.id, {
      decision: "true_match",
      reason: "Same person per passport",
    });
    expect(decided.counterpartyStatus).toBe("blocked");
    expect((await getCounterparty(ctx(), cp.id)).status).toBe("blocked");
  });

  it("approves a transaction only with a clear screening and no sanctioned country (COC-18.1, COC-18.2)", async () => {
    const hitParty = await buildCounterparty(ctx(), {
      name: "Banco Nacional de Cuba",
      kind: "customer",
      country: "ES",
    });
    const tx1 = await createTransaction(ctx(), {
      counterpartyId: hitParty.id,
      description: "Letter of credit",
      amountCents: 100_00,
      currency: "USD",
    });
    await expect(approveTransaction(ctx(), tx1.id)).rejects.toThrow(
      /COC-18\.1.*SDN entry 306 BANCO NACIONAL DE CUBA/,
    );
    const cuban = await buildCounterparty(ctx(), {
      name: "Havana Metals Trading",
      kind: "supplier",
      country: "CU",
    });
    const tx2 = await createTransaction(ctx(), {
      counterpartyId: cuban.id,
      description: "Scrap aluminium",
      amountCents: 5_000_00,
      currency: "USD",
    });
    await expect(approveTransaction(ctx(), tx2.id)).rejects.toThrow(/COC-18\.2.*Cuba/);
    const crimea = await buildCounterparty(ctx(), {
      name: "Yalta Port Services",
      kind: "supplier",
      country: "UA",
      region: "Crimea",
    });
    const tx3 = await createTransaction(ctx(), {
      counterpartyId: crimea.id,
      description: "Port fees",
      amountCents: 1_00,
      currency: "USD",
    });
    await expect(approveTransaction(ctx(), tx3.id)).rejects.toThrow(/COC-18\.2.*Crimea/);
    const ok = await buildCounterparty(ctx(), {
      name: "Rheinmetall Rohstoffe Handel",
      kind: "supplier",
      country: "DE",
    });
    const tx4 = await createTransaction(ctx(), {
      counterpartyId: ok.id,
      description: "Ingots",
      amountCents: 9_00,
      currency: "EUR",
    });
    expect((await approveTransaction(ctx(), tx4.id)).status).toBe("approved");
  });

  it("refuses a controlled export without a licence and accepts it with one (COC-19.1)", async () => {
    const party = await buildCounterparty(ctx(), {
      name: "Shenzhen Precision Alloys",
      kind: "customer",
      country: "CN",
    });
    const item = await createExportItem(ctx(), {
      sku: "AL-7075-T6",
      name: "Aerospace aluminium plate",
      eccn: "1C002",
      reasons: ["NS1", "AT1"],
    });
    const tx = await createTransaction(ctx(), {
      counterpartyId: party.id,
      description: "Plate",
      amountCents: 1,
      currency: "USD",
      itemId: item.id,
    });
    await expect(approveTransaction(ctx(), tx.id)).rejects.toThrow(
      /COC-19\.1.*1C002.*needs a licence \(NS1\)/,
    );
    await createLicence(ctx(), {
      kind: "licence",
      reference: "D123456",
      eccn: "1C002",
      country: "CN",
      validUntil: "2027-12-31",
    });
    expect((await approveTransaction(ctx(), tx.id)).status).toBe("approved");
    const ear99 = await createExportItem(ctx(), {
      sku: "AL-CAN",
      name: "Can sheet",
      eccn: "EAR99",
      reasons: [],
    });
    const tx2 = await createTransaction(ctx(), {
      counterpartyId: party.id,
      description: "Can sheet",
      amountCents: 1,
      currency: "USD",
      itemId: ear99.id,
    });
    expect(
      (await approveTransaction(ctx(), tx2.id)).check?.findings.find((f) => f.rule === "COC-19.1")?.ok,
    ).toBe(true);
  });

  it("refuses a payment not to the contracting party in its country of domicile (COC-20.1)", async () => {
    const party = await buildCounterparty(ctx(), {
      name: "Acme Metales S.A. de C.V.",
      kind: "supplier",
      country: "MX",
    });
    const bad = await createTransaction(ctx(), {
      counterpartyId: party.id,
      description: "Invoice 17",
      amountCents: 1,
      currency: "USD",
      payeeName: "Offshore Holdings Ltd",
      payeeAccountCountry: "KY",
    });
    await expect(approveTransaction(ctx(), bad.id)).rejects.toThrow(/COC-20\.1.*Offshore Holdings Ltd.*KY/);
    const good = await createTransaction(ctx(), {
      counterpartyId: party.id,
      description: "Invoice 18",
      amountCents: 1,
      currency: "USD",
      payeeName: "ACME METALES SA DE CV",
      payeeAccountCountry: "MX",
      payeeAddressCountry: "MX",
    });
    expect((await approveTransaction(ctx(), good.id)).status).toBe("approved");
  });
});

describe("screening over HTTP", () => {
  it("screens one name and a batch, checks permissions and input, and reviews hits", async () => {
    const officerClient = await signedIn(t, ["compliance_officer"]);
    const one = await officerClient.send("POST", "/api/screening/screen", { name: "National Bank of Cuba" });
    expect(one.statusCode).toBe(200);
    expect(one.json().matches[0]).toMatchObject({ entityId: "306", score: 1 });
    const names = Array.from({ length: 2000 }, (_, i) => ({
      id: `n${i}`,
      name: i % 2 ? "Banco Nacional de Cuba" : `Unrelated Person ${i}`,
    }));
    const batch = await officerClient.send("POST", "/api/screening/screen/batch", { names });
    expect(batch.statusCode).toBe(200);
    expect(batch.json().results).toHaveLength(2000);
    expect(batch.json().results[1].matches[0].entityId).toBe("306");
    const tooMany = await officerClient.send("POST", "/api/screening/screen/batch", {
      names: Array.from({ length: 10_001 }, () => ({ name: "x" })),
    });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.body).toMatch(/10,000/);
    const queue = await officerClient.get("/api/screening/hits?status=open");
    expect(queue.statusCode).toBe(200);
    expect(queue.json().total).toBeGreaterThan(0);
    const employee = await signedIn(t, []);
    expect((await employee.get("/api/screening/counterparties")).statusCode).toBe(403);
    const csv = await officerClient.get("/api/screening/counterparties.csv");
    expect(csv.statusCode).toBe(200);
    expect(csv.body.split("\n")[0]).toBe("id,name,aliases,kind,type,country,region,status,updated_at");
    const bad = await officerClient.send("POST", "/api/screening/counterparties", {
      name: "",
      country: "XX",
    });
    expect(bad.statusCode).toBe(400);
  });

  it("pages a version's changes and filters transactions by status, read-only for the auditor (COC-18.1, COC-20.1)", async () => {
    const auditor = await signedIn(t, ["auditor"]);
    const versions = (await auditor.get("/api/screening/lists")).json().items as {
      id: string;
      seq: number;
    }[];
    const second = versions.find((v) => v.seq === 2)!;
    const changed = await auditor.get(`/api/screening/lists/${second.id}/changes?kind=changed&pageSize=10`);
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ total: 1, items: [{ entityId: "306" }] });
    const entry = await auditor.get(`/api/screening/lists/${second.id}/entries/306`);
    expect(entry.json()).toMatchObject({ change: "changed", previous: { name: "BANCO NACIONAL DE CUBA" } });
    const bad = await auditor.get(`/api/screening/lists/${second.id}/changes?kind=renamed`);
    expect(bad.statusCode).toBe(400);
    const employee = await signedIn(t, []);
    expect((await employee.get(`/api/screening/lists/${second.id}/changes`)).statusCode).toBe(403);
    const refused = (await auditor.get("/api/screening/transactions?status=refused&pageSize=200")).json();
    expect(refused.total).toBeGreaterThan(0);
    expectAll(refused.items as { status: string }[], (x) => x.status === "refused", "refused transactions");
    expect(
      refused.items.some((x: { check: { findings: { rule: string; ok: boolean }[] } }) =>
        x.check.findings.some((f) => f.rule === "COC-20.1" && !f.ok),
      ),
    ).toBe(true);
    expect(refused.can).toMatchObject({ canCreateTransaction: false, canManageExport: false });
  });

  it("keeps the sanctioned jurisdictions as configuration: a country added is refused at once, duplicates and bad codes are not (COC-18.2)", async () => {
    const officerClient = await signedIn(t, ["compliance_officer"]);
    const current = (await officerClient.get("/api/screening/export-controls")).json().jurisdictions as {
      country: string;
      region: string | null;
      label: string;
    }[];
    const dup = await officerClient.send("PUT", "/api/screening/export-controls/jurisdictions", [
      ...current,
      { country: "CU", region: null, label: "Cuba again" },
    ]);
    expect(dup.statusCode).toBe(400);
    expect(dup.body).toMatch(/CU is on the list twice/);
    const bad = await officerClient.send("PUT", "/api/screening/export-controls/jurisdictions", [
      { country: "Belarus", region: null, label: "Belarus" },
    ]);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toMatch(/two-letter country code/);
    const withBelarus = [...current, { country: "BY", region: null, label: "Belarus" }];
    const saved = await officerClient.send(
      "PUT",
      "/api/screening/export-controls/jurisdictions",
      withBelarus,
    );
    expect(saved.statusCode, saved.body).toBe(200);
    const minsk = await buildCounterparty(ctx(), {
      name: "Minsk Aluminium Works",
      kind: "customer",
      country: "BY",
    });
    const tx = await createTransaction(ctx(), {
      counterpartyId: minsk.id,
      description: "Coil",
      amountCents: 100_00,
      currency: "USD",
    });
    await expect(approveTransaction(ctx(), tx.id)).rejects.toThrow(/COC-18\.2.*Belarus/);
    const auditor = await signedIn(t, ["auditor"]);
    expect(
      (await auditor.send("PUT", "/api/screening/export-controls/jurisdictions", current)).statusCode,
    ).toBe(403);
    const events = await t.database.db
      .withTables<{ audit_events: { action: string } }>()
      .selectFrom("audit_events")
      .select("action")
      .where("action", "=", "screening.jurisdictions.update")
      .execute();
    expect(events).toHaveLength(1);
    expect(
      (await officerClient.send("PUT", "/api/screening/export-controls/jurisdictions", current)).statusCode,
    ).toBe(200);
  });
});
