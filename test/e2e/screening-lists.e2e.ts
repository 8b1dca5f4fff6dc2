// The lists beyond OFAC's in a real browser (COC-18, COC-18.1): import OpenSanctions' export through
// the Lists tab, and see a company owned 55 % by two sanctioned persons hit as "owned by blocked
// persons", with the ownership chain.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { e2eHarness, repoRoot } from "./harness.ts";

const FIXTURES = join(repoRoot, "src", "domains", "screening", "fixtures");
const e2e = e2eHarness();

describe("lists beyond OFAC (COC-18.1)", () => {
  it("imports the OpenSanctions export and shows an ownership hit with its chain", async (t) => {
    const page = await e2e.pageAs(t, "compliance@aleris.example");
    await page.goto(`${e2e.url}/screening`);
    await page.getByRole("tab", { name: "Lists" }).click();
    await page.getByLabel("List", { exact: true }).first().click();
    await page.getByRole("option", { name: /OpenSanctions/ }).click();
    await page.locator('input[type="file"]').first().setInputFiles(join(FIXTURES, "opensanctions.ftm.jsonl"));
    await page.getByRole("button", { name: "Import" }).click();
    await expect
      .poll(() => page.getByTestId("import-result").textContent(), { timeout: 30_000 })
      .toMatch(/5 entries/);

    await page.goto(`${e2e.url}/screening`);
    await page.getByLabel("Name").fill("Holmgard Ventures Ltd");
    await page.getByRole("button", { name: "Create and screen" }).click();
    await page.getByRole("link", { name: "open" }).click();
    await page.getByRole("heading", { name: "Holmgard Ventures Ltd" }).waitFor();
    const hit = page.getByTestId("hit-OS-os-c-holmgard");
    await hit.waitFor();
    expect(await hit.getByTestId("hit-kind").textContent()).toBe("owned by blocked persons");
    expect(await hit.getByTestId("ownership-chain").textContent()).toMatch(
      /owned 55 % by blocked persons together.*30 % by Dmitri Olegovich Dravik/,
    );
  });
});
