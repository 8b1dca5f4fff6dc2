// One import pipeline for five publishers (COC-18, COC-18.1): the EU, UK OFSI, UN and OpenSanctions
// files import over the API beside OFAC's as versioned lists with a diff; a truncated or malformed
// file is refused with a 4xx that names the line.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, createTestApp, signedIn, type TestApp } from "../../../test/app.ts";

const read = (name: string) => fs.readFileSync(path.resolve(import.meta.dirname, "fixtures", name), "utf8");
const FILES = {
  "eu-fsf": read("eu-fsf.xml"),
  "uk-ofsi": read("ConList.csv"),
  "un-sc": read("un-sc.xml"),
  opensanctions: read("opensanctions.ftm.jsonl"),
} as const;

let t: TestApp;
let officer: Client;
beforeAll(async () => {
  t = await createTestApp({ totp: "off" });
  officer = await signedIn(t, ["compliance_officer"]);
});
afterAll(async () => t?.destroy());

describe("importing the EU, UK, UN and OpenSanctions lists (COC-18)", () => {
  it("imports each publisher's file as a versioned list with counts, format and publication date (COC-18.1)", async () => {
    const expected = {
      "eu-fsf": { format: "xml", entries: 2, publishDate: "2026-11-30T18:00:01.511+01:00" },
      "uk-ofsi": { format: "csv", entries: 2, publishDate: "28/11/2026" },
      "un-sc": { format: "xml", entries: 2, publishDate: "2026-11-30T08:00:03.115Z" },
      opensanctions: { format: "jsonl", entries: 5 },
    };
    for (const [source, file] of Object.entries(FILES)) {
      const res = await officer.send("POST", "/api/screening/lists/import", { source, file });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({
        source,
        seq: 1,
        isCurrent: true,
        fileHashes: { file: expect.any(String) },
      });
      expect(res.json().counts).toMatchObject(expected[source as keyof typeof expected]);
      const again = await officer.send("POST", "/api/screening/lists/import", { source, file });
      expect(again.statusCode).toBe(200);
    }
    const lists = (await officer.get("/api/screening/lists")).json().items as {
      source: string;
      isCurrent: boolean;
    }[];
    expect(
      lists
        .filter((l) => l.isCurrent)
        .map((l) => l.source)
        .sort(),
    ).toEqual(["eu-fsf", "opensanctions", "uk-ofsi", "un-sc"]);
  });

  it("diffs a new version of the EU list against the previous one: added, changed, removed (COC-18.1)", async () => {
    const v2 = FILES["eu-fsf"]
      .replace("Tula", "Tula Oblast")
      .replace(/<sanctionEntity[^>]*logicalId="900202">[\s\S]*?<\/sanctionEntity>/, (m) =>
        m.replaceAll("900202", "900303").replaceAll("Nordvolga", "Sudvolga"),
      );
    const res = await officer.send("POST", "/api/screening/lists/import", { source: "eu-fsf", file: v2 });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      source: "eu-fsf",
      seq: 2,
      diff: {
        added: 1,
        removed: 1,
        changed: 1,
        unchanged: 0,
        sample: { added: ["EU-900303"], removed: ["EU-900202"], changed: ["EU-900101"] },
      },
    });
    const changes = await officer.get(`/api/screening/lists/${res.json().id}/changes?kind=added`);
    expect(changes.json().items).toEqual([
      expect.objectContaining({ entityId: "EU-900303", name: "Sudvolga Shipping Joint Stock Company" }),
    ]);
  });

  it("refuses a truncated or malformed file with a 4xx naming the line, and keeps the current version (COC-18.1)", async () => {
    const cases: [string, string, RegExp][] = [
      ["eu-fsf", FILES["eu-fsf"].slice(0, 900), /not well-formed XML at line \d+/],
      [
        "un-sc",
        FILES["un-sc"].replace("<REFERENCE_NUMBER>QDi.901</REFERENCE_NUMBER>", ""),
        /<INDIVIDUAL> number 1 \(line 5\) has no <REFERENCE_NUMBER>/,
      ],
      [
        "uk-ofsi",
        FILES["uk-ofsi"].slice(0, FILES["uk-ofsi"].length - 40),
        /line 5 has \d+ fields where the header has 36/,
      ],
      ["opensanctions", FILES.opensanctions.slice(0, -30), /line 12 is not valid JSON/],
    ];
    for (const [source, file, message] of cases) {
      const res = await officer.send("POST", "/api/screening/lists/import", { source, file });
      expect(res.statusCode, `${source}: ${res.body}`).toBe(422);
      expect(res.json().detail).toMatch(message);
    }
    const wrongShape = await officer.send("POST", "/api/screening/lists/import", {
      source: "un-sc",
      sdn: "1,X",
    });
    expect(wrongShape.statusCode).toBe(400);
    expect(wrongShape.body).toMatch(/OFAC's only/);
  });
});
