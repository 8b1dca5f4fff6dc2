import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Issue 13: one rule per action. The disclosures use cases ask policy.ts (`can`, `authorize`,
 * `ensureCan`) for both the checks they enforce and the `can` flags they send to the UI; only
 * policy.ts reads permissions, so a flag cannot drift from the check it mirrors (as guidance's
 * hand-written flags could).
 */
describe("disclosures: permissions are read in policy.ts only", () => {
  it("COC-22.1: no file but policy.ts calls hasPermission (guidance's flags and checks come from policy.ts)", () => {
    const dir = import.meta.dirname;
    const readers = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && f !== "policy.ts")
      .filter((f) => /\bhasPermission\b/.test(fs.readFileSync(path.join(dir, f), "utf8")));
    expect(readers).toEqual([]);
  });
});
