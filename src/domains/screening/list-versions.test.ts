import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../../test/db.ts";
import { actorWith } from "../../../test/factories.ts";
import { exportVersionChangesCsv } from "./export-version-changes-csv.ts";
import { getVersionEntry } from "./get-version-entry.ts";
import { importList } from "./import-list.ts";
import { listVersionChanges } from "./list-version-changes.ts";
import { snapshotFiles } from "./test/snapshot.ts";

let t: TestDb;
const officer = actorWith(["compliance_officer"]);
const ctx = () => t.ctx(officer);
let first: string;
let second: string;

/** The 2021 snapshot with entry 36 removed, entry 306 renamed and a new entry 99999001 (COC-18.1 list updates). */
function editedSdn(sdn: string): string {
  return [
    ...sdn
      .split(/\r?\n/)
      .filter((l) => l && !l.startsWith("36,"))
      .map((l) =>
        l.startsWith("306,") ? l.replace("BANCO NACIONAL DE CUBA", "BANCO NACIONAL DE CUBA S.A.") : l,
      ),
    '99999001,"ZYXW TEST TRADING LLC",-0- ,"SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"DOB 1970; nationality Iran."',
  ].join("\n");
}

beforeAll(async () => {
  t = await createTestDb();
  const files = snapshotFiles();
  first = (await importList(ctx(), { files })).id;
  // A version of another source in between: changes are computed within one source only.
  await importList(ctx(), {
    source: "ofac-consolidated",
    files: { sdn: '5000001,"OTHER LIST ENTRY",-0- ,"NS-PLC",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ' },
  });
  second = (await importList(ctx(), { files: { ...files, sdn: editedSdn(files.sdn) } })).id;
});
afterAll(async () => t?.destroy());

describe("list version changes (COC-18.1)", () => {
  it("pages through the first version's entries, all added, with a name filter", async () => {
    const page1 = await listVersionChanges(ctx(), first, { kind: "added", page: 1, pageSize: 100 });
    expect(page1.total).toBe(8976);
    expect(page1.items).toHaveLength(100);
    expect(page1.previousVersionId).toBeNull();
    const page2 = await listVersionChanges(ctx(), first, { kind: "added", page: 2, pageSize: 100 });
    expect(page2.items[0]!.name >= page1.items[99]!.name).toBe(true);
    const removed = await listVersionChanges(ctx(), first, { kind: "removed", page: 1, pageSize: 25 });
    expect(removed.total).toBe(0);
    const cuba = await listVersionChanges(ctx(), first, {
      kind: "added",
      page: 1,
      pageSize: 25,
      q: "nacional de cuba",
    });
    expect(cuba.items.map((e) => e.entityId)).toContain("306");
  });

  it("computes added, changed and removed entries against the previous version of the same source", async () => {
    const page = (kind: "added" | "changed" | "removed") =>
      listVersionChanges(ctx(), second, { kind, page: 1, pageSize: 25 });
    const added = await page("added");
    expect(added.previousVersionId).toBe(first);
    expect(added.total).toBe(1);
    expect(added.items).toEqual([{ entityId: "99999001", name: "ZYXW TEST TRADING LLC", type: "entity" }]);
    const changed = await page("changed");
    expect(changed.items).toEqual([
      {
        entityId: "306",
        name: "BANCO NACIONAL DE CUBA S.A.",
        type: "entity",
        previousName: "BANCO NACIONAL DE CUBA",
      },
    ]);
    const removed = await page("removed");
    expect(removed.items).toEqual([{ entityId: "36", name: "AEROCARIBBEAN AIRLINES", type: "entity" }]);
    // Totals agree with the counts recorded at import.
    expect([added.total, changed.total, removed.total]).toEqual([1, 1, 1]);
    const byId = await listVersionChanges(ctx(), second, {
      kind: "changed",
      page: 1,
      pageSize: 25,
      q: "306",
    });
    expect(byId.total).toBe(1);
    const csv = await exportVersionChangesCsv(ctx(), second, { kind: "changed" });
    expect(csv.filename).toBe("ofac-sdn-2-changed.csv");
    expect(csv.csv.trim().split("\n")).toEqual([
      "change,entity_id,name,type,previous_name",
      "changed,306,BANCO NACIONAL DE CUBA S.A.,entity,BANCO NACIONAL DE CUBA",
    ]);
  });

  it("shows a changed entry old against new, a removed one from the previous version, an added one parsed", async () => {
    const changed = await getVersionEntry(ctx(), second, "306");
    expect(changed.change).toBe("changed");
    expect(changed.entry?.name).toBe("BANCO NACIONAL DE CUBA S.A.");
    expect(changed.previous?.name).toBe("BANCO NACIONAL DE CUBA");
    expect(changed.entry?.aliases.map((a) => a.name)).toContain("BNC");
    const removed = await getVersionEntry(ctx(), second, "36");
    expect(removed).toMatchObject({
      change: "removed",
      entry: null,
      previous: { name: "AEROCARIBBEAN AIRLINES" },
    });
    const added = await getVersionEntry(ctx(), second, "99999001");
    expect(added.change).toBe("added");
    expect(added.entry?.programs).toEqual(["SDGT"]);
    expect(added.entry?.facts.dob).toEqual(["1970"]);
    const same = await getVersionEntry(ctx(), second, "2674");
    expect(same).toMatchObject({ change: "unchanged", previous: null });
    await expect(getVersionEntry(ctx(), second, "no-such-entry")).rejects.toThrow(/not found/i);
    await expect(getVersionEntry(t.ctx(actorWith([])), second, "306")).rejects.toThrow(/screening.read/);
  });
});
