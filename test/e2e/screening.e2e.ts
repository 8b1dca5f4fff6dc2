// Sanctions screening in a real browser: import the 2021 SDN snapshot, screen a counterparty whose
// name is a perturbed SDN alias, review hits, and see a transaction refused (COC-18.1).
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, type TestContext } from "vitest";
import {
  type App,
  type DemoAccount,
  demoAccount,
  launchBrowser,
  login,
  openPage,
  repoRoot,
  startApp,
} from "./harness.ts";

const SNAPSHOT = join(repoRoot, "..", "shared", "data", "sanctions", "ofac-sdn-2021");
let app: App;
let browser: Browser;
let officer: DemoAccount;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  officer = await demoAccount(app.url, "compliance@aleris.example");
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function officerPage(t: TestContext): Promise<Page> {
  const { page } = await openPage(browser, t);
  t.onTestFailed(() => console.error(`[e2e] server output (last 5 kB):\n${app.output().slice(-5_000)}`));
  await login(page, app.url, officer.email, officer.password);
  return page;
}

async function createParty(page: Page, name: string, type = "entity") {
  await page.goto(`${app.url}/screening`);
  await page.getByLabel("Name").fill(name);
  if (type !== "entity") {
    await page.getByLabel("Type", { exact: true }).first().click();
    await page.getByRole("option", { name: type, exact: true }).click();
  }
  await page.getByRole("button", { name: "Create and screen" }).click();
  await page.getByRole("link", { name: "open" }).click();
  await page.getByRole("heading", { name }).waitFor();
}

describe("screening journey (COC-18.1)", () => {
  it("imports the snapshot, explains a hit, remembers a false positive and refuses a blocked transaction", async (t) => {
    const page = await officerPage(t);
    await page.goto(`${app.url}/screening`);
    await page.getByRole("tab", { name: "Lists" }).click();
    const inputs = page.locator('input[type="file"]');
    await inputs.nth(0).setInputFiles(join(SNAPSHOT, "sdn.csv"));
    await inputs.nth(1).setInputFiles(join(SNAPSHOT, "alt.csv"));
    await inputs.nth(2).setInputFiles(join(SNAPSHOT, "add.csv"));
    await inputs.nth(3).setInputFiles(join(SNAPSHOT, "sdn_comments.csv"));
    await page.getByRole("button", { name: "Import" }).click();
    await expect
      .poll(() => page.getByTestId("import-result").textContent(), { timeout: 30_000 })
      .toMatch(/8,976 entries/);

    // A perturbed alias of BANCO NACIONAL DE CUBA (a.k.a. NATIONAL BANK OF CUBA).
    await createParty(page, "Nationall Bank of Cuba");
    const hit = page.getByTestId("hit-306");
    await hit.waitFor();
    expect(await hit.textContent()).toContain("NATIONAL BANK OF CUBA");
    expect(await hit.getByTestId("explanation").textContent()).toMatch(/"nationall" ≈ "national"/);

    // A different party's hit is a false positive: the party is clear and the decision remembered.
    await createParty(page, "Abu Abas", "person");
    const other = page.getByTestId("hit-2674");
    await other.getByLabel("Reason").fill("Different person: born 1985 in Amman, passport checked");
    await other.getByRole("button", { name: "False positive" }).click();
    await expect.poll(() => page.getByTestId("hit-2674").textContent()).toMatch(/false positive/);
    await expect.poll(() => page.getByTestId("status").textContent()).toBe("clear");

    // The bank's transaction is refused with a message naming the list entry.
    await page.goto(`${app.url}/screening`);
    await page.getByRole("tab", { name: "Transactions" }).click();
    await page.getByLabel("Counterparty").first().click();
    await page.getByRole("option", { name: "Nationall Bank of Cuba" }).click();
    await page.getByLabel("Description").fill("Letter of credit 2026-114");
    await page.getByRole("button", { name: "Record transaction" }).click();
    await page.getByRole("button", { name: "Approve" }).first().click();
    await expect
      .poll(() => page.getByTestId("refusal").textContent())
      .toMatch(/COC-18\.1.*SDN entry 306 BANCO NACIONAL DE CUBA/);
  });
});
