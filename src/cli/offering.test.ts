import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureCompiledServer } from "../../test/compiled-server.ts";

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, "..", "..", "bin", "probity.js");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "probity-offering-"));
beforeAll(() => ensureCompiledServer(), 300_000); // each call below starts the compiled CLI, not tsx
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function probity(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const EXAMPLE = {
  unitsOffered: 100000,
  pricePerUnit: "1000.00",
  sharesPerUnit: 10,
  maximumAmount: "100000000.00",
  threshold: "0.6650",
  maximumCutback: "0.90",
  thresholdGroup: ["oaktree", "apollo"],
  investors: [
    { id: "oaktree", backstopPercentage: "0.60" },
    { id: "apollo", backstopPercentage: "0.25" },
    { id: "sankaty", backstopPercentage: "0.15" },
  ],
  holders: [
    { id: "H0001", investor: "oaktree", rights: 30000, exercised: 30000, planShares: 2000000 },
    { id: "H0002", investor: null, rights: 5000, exercised: 4200, planShares: 0 },
  ],
};

// Each test starts the compiled CLI two or three times: a budget of its own, like test/cli.test.ts.
describe("probity offering allocate", { timeout: 120_000 }, () => {
  it("prints the allocation as JSON with exactly the specified keys, and as text", async () => {
    const file = path.join(dir, "offering.json");
    fs.writeFileSync(file, JSON.stringify(EXAMPLE));
    const json = await probity("offering", "allocate", "--input", file, "--format", "json");
    expect(json.code).toBe(0);
    const out = JSON.parse(json.stdout);
    expect(Object.keys(out)).toEqual(["holders", "investors", "totals", "explanation"]);
    expect(Object.keys(out.holders[0])).toEqual([
      "id",
      "rights",
      "exercised",
      "subscriptionUnits",
      "cutbackUnits",
      "finalUnits",
      "purchasePrice",
    ]);
    expect(Object.keys(out.investors[0])).toEqual([
      "id",
      "subscriptionUnits",
      "residualUnits",
      "totalUnits",
      "purchasePrice",
      "ownershipPercent",
      "structuringFee",
      "terminationFee",
      "preferredShares",
      "preferredPrice",
    ]);
    expect(out.totals.unitsOffered).toBe(100000);
    expect(out.investors[0].residualUnits).toBe(39480);

    const text = await probity("offering", "allocate", "--input", file, "--format", "text");
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("Step 7 (backstop");
    expect(text.stdout).toMatch(/oaktree\s+30000\s+39480\s+69480/);
  });

  it("exits with code 2 and lists every error on invalid input (ECA-3(a))", async () => {
    const file = path.join(dir, "bad.json");
    const bad = structuredClone(EXAMPLE);
    bad.holders[0]!.exercised = 29999;
    bad.investors[2]!.backstopPercentage = "0.10";
    fs.writeFileSync(file, JSON.stringify(bad));
    const result = await probity("offering", "allocate", "--input", file);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("holders[0] (H0001): an affiliate of investor oaktree must exercise all");
    expect(result.stderr).toContain("the backstop percentages add up to 95.0000%, not 100%");
    fs.writeFileSync(file, "{ not json");
    const broken = await probity("offering", "allocate", "--input", file);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain("is not valid JSON");
  });
});
