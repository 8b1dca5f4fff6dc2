// Two lists, two formats: SDN.XML imported over HTTP as a versioned snapshot, the consolidated
// (non-SDN) list beside it; screening runs against both and the re-screen job catches up every
// counterparty when either list changes (COC-18.1).
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, createTestApp, signedIn, type TestApp } from "../../../test/app.ts";
import { actorWith, buildCounterparty } from "../../../test/factories.ts";
import { approveTransaction } from "./approve-transaction.ts";
import { createTransaction } from "./create-transaction.ts";
import { getCounterparty } from "./get-counterparty.ts";
import { importList } from "./import-list.ts";
import { readListDir } from "./lists/read-list.ts";
import { rescreenAll } from "./screen-counterparty.ts";

const SAMPLE_XML = fs.readFileSync(path.resolve(import.meta.dirname, "test/sdn-sample.xml"), "utf8");
const CONSOLIDATED = readListDir(path.resolve(import.meta.dirname, "test/consolidated"));

let t: TestApp;
let officer: Client;
const actor = actorWith(["compliance_officer"]);
const ctx = () => t.ctx(actor);

beforeAll(async () => {
  t = await createTestApp({ totp: "off" });
  officer = await signedIn(t, ["compliance_officer"]);
});
afterAll(async () => t?.destroy());

/** The SDN sample as the current list, whether or not an earlier test imported it (each test runs alone). */
async function ensureSdnImported() {
  const lists = (await officer.get("/api/screening/lists")).json().items as { source: string }[];
  if (lists.some((l) => l.source === "ofac-sdn")) return;
  const res = await officer.send("POST", "/api/screening/lists/import", { xml: SAMPLE_XML });
  expect(res.statusCode, res.body).toBe(201);
}

describe("sanctions lists: SDN.XML and the consolidated list (COC-18.1)", () => {
  it("imports SDN.XML over the API as a versioned snapshot with its hash, counts and publication date", async () => {
    const res = await officer.send("POST", "/api/screening/lists/import", { xml: SAMPLE_XML });
    expect(res.statusCode, res.body).toBe(201);
    const v = res.json();
    expect(v).toMatchObject({ source: "ofac-sdn", seq: 1, isCurrent: true });
    expect(v.counts).toMatchObject({ format: "xml", publishDate: "07/13/2021", entries: 3, aliases: 8 });
    expect(Object.keys(v.fileHashes)).toEqual(["xml"]);
    // the same file again is not a new version
    const again = await officer.send("POST", "/api/screening/lists/import", { xml: SAMPLE_XML });
    expect(again.statusCode).toBe(200);
    expect(again.json().seq).toBe(1);
    // a version without the tanker: one entry removed
    const smaller = SAMPLE_XML.replace(/<sdnEntry>\s*<uid>15036[\s\S]*?<\/sdnEntry>/, "").replace(
      "<Record_Count>3</Record_Count>",
      "<Record_Count>2</Record_Count>",
    );
    const v2 = (await officer.send("POST", "/api/screening/lists/import", { xml: smaller })).json();
    expect(v2).toMatchObject({ seq: 2, diff: { added: 0, removed: 1, changed: 0, unchanged: 2 } });
    expect(v2.diff.sample.removed).toEqual(["15036"]);
    const back = (await officer.send("POST", "/api/screening/lists/import", { xml: SAMPLE_XML })).json();
    expect(back).toMatchObject({ seq: 3, diff: { added: 1, removed: 0 } });
  });

  it("refuses an import with both formats, neither, or a broken XML file, and writes nothing", async () => {
    const seqs = async () =>
      ((await officer.get("/api/screening/lists")).json().items as { seq: number }[]).map((v) => v.seq);
    const before = await seqs();
    const both = await officer.send("POST", "/api/screening/lists/import", { xml: SAMPLE_XML, sdn: "1,X" });
    expect(both.statusCode).toBe(400);
    expect(both.json().detail ?? both.body).toMatch(/either the XML file .* or the CSV set/);
    const neither = await officer.send("POST", "/api/screening/lists/import", { source: "ofac-sdn" });
    expect(neither.statusCode).toBe(400);
    const broken = await officer.send("POST", "/api/screening/lists/import", { xml: "<sdnList><sdnEntry>" });
    expect(broken.statusCode).toBe(422);
    expect(broken.body).toMatch(/not well-formed/);
    expect(await seqs()).toEqual(before);
  });

  it("screens against the SDN and consolidated lists together; a hit names its list; the job re-screens after an import", async () => {
    await ensureSdnImported();
    const party = await buildCounterparty(ctx(), { name: "Volgarek Bank", kind: "customer", country: "RU" });
    // only the SDN list is imported: no hit yet
    expect(party.status).toBe("clear");
    if (CONSOLIDATED.format !== "csv") throw new Error("the fixture is the CSV set");
    const cons = await importList(ctx(), { source: "ofac-consolidated", files: CONSOLIDATED.files });
    expect(cons).toMatchObject({ source: "ofac-consolidated", seq: 1, counts: { entries: 3 } });
    // the SDN list's current version is untouched by the consolidated import
    const versions = (await officer.get("/api/screening/lists")).json().items as {
      source: string;
      isCurrent: boolean;
    }[];
    expect(
      versions
        .filter((v) => v.isCurrent)
        .map((v) => v.source)
        .sort(),
    ).toEqual(["ofac-consolidated", "ofac-sdn"]);
    // until the job has run, the party's screening is stale and a transaction is refused
    const tx = await createTransaction(ctx(), {
      counterpartyId: party.id,
      description: "Aluminium coil, 40 t",
      amountCents: 250_000_00,
      currency: "USD",
    });
    await expect(approveTransaction(ctx(), tx.id)).rejects.toThrow(
      /COC-18\.1.*not been screened against the current list/,
    );
    expect(await rescreenAll(t.ctx())).toBeGreaterThanOrEqual(1);
    const after = await getCounterparty(ctx(), party.id);
    expect(after.status).toBe("review");
    const hit = after.hits.find((h) => h.entityId === "90000002")!;
    expect(hit).toMatchObject({ listSource: "ofac-consolidated", listLabel: "consolidated (non-SDN)" });
    await expect(approveTransaction(ctx(), tx.id)).rejects.toThrow(
      /COC-18\.1.*consolidated \(non-SDN\) entry 90000002 VOLGAREK BANK JSC/,
    );
    // a second run finds everyone current and screens no one again
    expect(await rescreenAll(t.ctx())).toBe(0);
    expect(await rescreenAll(t.ctx(), { force: true })).toBeGreaterThanOrEqual(1);
  });

  it("re-screens in keyset batches: every party once, whatever the batch size", async () => {
    await ensureSdnImported();
    for (let i = 0; i < 7; i++)
      await buildCounterparty(ctx(), { name: `Batch Supplier ${i} GmbH`, kind: "supplier", country: "DE" });
    const total = Number(
      (
        await t.database.db
          .withTables<{ counterparties: { id: string } }>()
          .selectFrom("counterparties")
          .select((e) => e.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(await rescreenAll(t.ctx(), { batchSize: 3, force: true })).toBe(total);
  });
});
