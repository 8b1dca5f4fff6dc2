import { execFileSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

/** Runs a check script; a failing one fails the test with what the script printed. */
function runCheck(name: string): string {
  const script = path.resolve(import.meta.dirname, "../scripts", name);
  try {
    return execFileSync(process.execPath, [script], { encoding: "utf8", stdio: "pipe" });
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string };
    return expect.fail(`${err.stderr ?? ""}${err.stdout ?? ""}`);
  }
}

// Issue 13: no import cycles, and domains meet only through index.ts; scripts/check-cycles.mjs
// fails with the cycle printed, so CI fails too.
describe("the import graph", () => {
  it("has no cycles, and no domain imports another domain's file other than its index.ts", () => {
    expect(runCheck("check-cycles.mjs")).toContain("No import cycles");
  });

  // Issue 13: one owner per table. scripts/check-table-owners.mjs fails when a file outside
  // people names persons/users/user_roles, beyond an allow-list that may only shrink.
  it("has no file outside people querying persons, users or user_roles beyond the shrinking allow-list", () => {
    expect(runCheck("check-table-owners.mjs")).toContain("Only people queries");
  });
});
