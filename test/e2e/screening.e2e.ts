// Sanctions screening in a real browser: import the 2021 SDN snapshot, screen a counterparty whose
// name is a perturbed SDN alias, review hits, and see a transaction refused (COC-18.1); record export
// items, licences and the country chart (COC-19.1), refuse a payment abroad (COC-20.1), edit a party
// and read a list version's changes.
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it, type TestContext } from "vitest";
import { api, e2eHarness, repoRoot } from "./harness.ts";

const SNAPSHOT = join(repoRoot, "..", "shared", "data", "sanctions", "ofac-sdn-2021");
const e2e = e2eHarness();
const officerPage = (t: TestContext): Promise<Page> => e2e.pageAs(t, "compliance@aleris.example");

async function createParty(page: Page, name: string, type = "entity") {
  await page.goto(`${e2e.url}/screening`);
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
    await page.goto(`${e2e.url}/screening`);
    await page.getByRole("tab", { name: "Lists" }).click();
    await page.getByText("CSV set").click();
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
    await page.goto(`${e2e.url}/screening`);
    await page.getByRole("tab", { name: "Transactions" }).click();
    // The form appears once the user's abilities are loaded; the filter below it may come first.
    await page.getByRole("button", { name: "Record transaction" }).waitFor();
    await pick(page, /^Counterparty(?! filter)/, "Nationall Bank of Cuba");
    await page.getByLabel("Description").fill("Letter of credit 2026-114");
    await page.getByLabel("Amount").fill("1000");
    await page.getByRole("button", { name: "Record transaction" }).click();
    await page
      .getByRole("row", { name: /Letter of credit 2026-114/ })
      .getByRole("button", { name: "Approve" })
      .click();
    await expect
      .poll(() => page.getByTestId("refusal").textContent())
      .toMatch(/COC-18\.1.*SDN entry 306 BANCO NACIONAL DE CUBA/);
  });
});

/** Where the journey's screenshots go, to be looked at after a run (test-results is not committed). */
const SHOTS = join(repoRoot, "test-results", "screening");
const shot = async (page: Page, name: string) => {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
};

/** The 2021 snapshot with entry 36 removed, entry 306 renamed and one entry added. */
function editedSdn(): string {
  return [
    ...readFileSync(join(SNAPSHOT, "sdn.csv"), "utf8")
      .split(/\r?\n/)
      .filter((l) => l && !l.startsWith("36,"))
      .map((l) =>
        l.startsWith("306,") ? l.replace("BANCO NACIONAL DE CUBA", "BANCO NACIONAL DE CUBA S.A.") : l,
      ),
    '99999001,"ZYXW TEST TRADING LLC",-0- ,"SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ',
  ].join("\n");
}

async function pick(page: Page, label: RegExp | string, option: string) {
  await page.getByLabel(label).first().click();
  await page.getByRole("option", { name: option, exact: true }).click();
}

describe("export controls, payments and list changes (COC-19.1, COC-20.1)", () => {
  it("records an item, licence and chart change, edits a party, refuses a payment to another country and shows a version's changes", async (t) => {
    const page = await officerPage(t);
    await page.goto(`${e2e.url}/screening`);
    await page.getByRole("tab", { name: "Export controls" }).click();

    // The API's validation message shows next to the field.
    await page.getByLabel(/^SKU/).fill("AL-7075-T6");
    await page.getByLabel(/^Item name/).fill("Aerospace aluminium plate");
    await page.getByLabel(/^ECCN/).fill("1C0");
    await page.getByRole("button", { name: "Add item" }).click();
    await page.getByText("must be EAR99 or an ECCN such as 3A001").first().waitFor();
    await page.getByLabel(/^ECCN/).fill("1C002");
    await pick(page, /^Control reasons/, "NS1");
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: "Add item" }).click();
    await page.getByRole("cell", { name: "AL-7075-T6" }).waitFor();

    await page.getByLabel(/^Reference/).fill("D123456");
    await page.getByLabel(/^Licence ECCN/).fill("1C002");
    await page.getByLabel(/^Licence country/).fill("CN");
    await page.getByRole("button", { name: "Add licence" }).click();
    await page.getByRole("cell", { name: "D123456" }).waitFor();

    // The country chart: tick NS1 for Canada and save after confirming the change.
    await page.getByRole("checkbox", { name: "NS1 to Canada needs a licence" }).check();
    await page.getByRole("button", { name: "Save chart" }).click();
    expect(await page.getByTestId("chart-changes").textContent()).toContain("Canada (CA): +NS1");
    await shot(page, "export-controls-confirm");
    await page.getByRole("dialog").getByRole("button", { name: "Save chart" }).click();
    await page.getByText("Country chart saved").waitFor();
    expect(await page.getByRole("checkbox", { name: "NS1 to Canada needs a licence" }).isChecked()).toBe(
      true,
    );
    await shot(page, "export-controls");

    // A party created with a name only, then edited: saving re-screens it.
    await createParty(page, "Shenzhen Precision Alloys");
    await page.getByRole("button", { name: "Edit" }).click();
    await page.getByRole("combobox", { name: /^Aliases/ }).fill("SPA Ltd");
    await page.keyboard.press("Enter");
    await page.getByLabel(/^Country/).fill("CN");
    await page.getByLabel(/^Address/).fill("88 Keyuan Road, Shenzhen");
    await page.getByRole("button", { name: "Add identifier" }).click();
    await page.getByLabel("Identifier 1 type").fill("Registration ID");
    await page.getByLabel("Identifier 1 number").fill("914403001");
    await shot(page, "counterparty-edit");
    await page.getByRole("button", { name: "Save and re-screen" }).click();
    await expect.poll(() => page.getByTestId("saved").textContent()).toMatch(/Re-screened.*now clear/);
    expect(await page.getByText("88 Keyuan Road, Shenzhen").count()).toBe(1);
    await shot(page, "counterparty-saved");

    // The item with its licence to China passes COC-19.1; paying a Hong Kong account fails COC-20.1.
    await page.goto(`${e2e.url}/screening`);
    await page.getByRole("tab", { name: "Transactions" }).click();
    // The form's "Counterparty", not the list's "Counterparty filter": wait until the form is there.
    await page.getByRole("button", { name: "Record transaction" }).waitFor();
    await pick(page, /^Counterparty(?! filter)/, "Shenzhen Precision Alloys");
    await page.getByLabel(/^Description/).fill("Plate order 2026-7");
    await page.getByLabel(/^Amount/).fill("2500");
    await pick(page, /^Export item/, "AL-7075-T6 · Aerospace aluminium plate (1C002)");
    await page.getByLabel(/^Destination country/).fill("CN");
    await page.getByLabel(/^Payee name/).fill("Offshore Holdings Ltd");
    await page.getByLabel(/^Payee account country/).fill("HK");
    await page.getByRole("button", { name: "Record transaction" }).click();
    await expect.poll(() => page.getByTestId("recorded").textContent()).toMatch(/would be refused/);
    const row = page.getByTestId("transaction-Plate order 2026-7");
    expect(await row.textContent()).toMatch(/D123456 on record/);
    await row.getByRole("button", { name: /Approve/ }).click();
    await expect
      .poll(() => page.getByTestId("refusal").textContent())
      .toMatch(
        /Refused \(COC-20\.1\).*"Offshore Holdings Ltd" is not Shenzhen Precision Alloys.*account is in HK/,
      );
    await shot(page, "transactions");

    // A second list version: its changes, page by page, and a changed entry old against new.
    await api(page, e2e.url, "POST", "/api/screening/lists/import", {
      sdn: readFileSync(join(SNAPSHOT, "sdn.csv"), "utf8"),
      alt: readFileSync(join(SNAPSHOT, "alt.csv"), "utf8"),
      add: readFileSync(join(SNAPSHOT, "add.csv"), "utf8"),
      comments: readFileSync(join(SNAPSHOT, "sdn_comments.csv"), "utf8"),
    });
    await api(page, e2e.url, "POST", "/api/screening/lists/import", {
      sdn: editedSdn(),
      alt: readFileSync(join(SNAPSHOT, "alt.csv"), "utf8"),
      add: readFileSync(join(SNAPSHOT, "add.csv"), "utf8"),
      comments: readFileSync(join(SNAPSHOT, "sdn_comments.csv"), "utf8"),
    });
    await page.goto(`${e2e.url}/screening`);
    await page.getByRole("tab", { name: "Lists" }).click();
    await page.getByRole("link", { name: "Changes in SDN list v2" }).click();
    await page.getByRole("link", { name: "ZYXW TEST TRADING LLC" }).waitFor();
    await shot(page, "list-version");
    await page.getByText(/^Changed/).click();
    await page.getByRole("link", { name: "BANCO NACIONAL DE CUBA S.A." }).click();
    await expect.poll(() => page.getByTestId("entry-change").textContent()).toBe("changed");
    const name = page.locator("tr[data-changed]").first();
    expect(await name.textContent()).toMatch(/BANCO NACIONAL DE CUBA.*BANCO NACIONAL DE CUBA S\.A\./);
    await shot(page, "list-entry");
    await page.getByRole("link", { name: "← Changes of this version" }).click();
    await page.getByText(/^Removed/).click();
    await page.getByRole("link", { name: "AEROCARIBBEAN AIRLINES" }).click();
    await expect.poll(() => page.getByTestId("entry-change").textContent()).toBe("removed");
    // Back to the Lists tab, which the URL remembers.
    await page.getByRole("link", { name: "← Changes of this version" }).click();
    await page.getByRole("link", { name: "← Screening lists" }).click();
    await page.getByRole("tab", { name: "Lists", selected: true }).waitFor();
  });

  it("adds a sanctioned jurisdiction and refuses a transaction there (COC-18.2)", async (t) => {
    const page = await officerPage(t);
    await page.goto(`${e2e.url}/screening?tab=export`);
    await page.getByLabel("Country", { exact: true }).fill("ve");
    await page.getByLabel("Shown as").fill("Venezuela");
    await page.getByRole("button", { name: "Add jurisdiction" }).click();
    await page.getByRole("button", { name: "Save jurisdictions" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Save jurisdictions" }).click();
    await page.getByText("Sanctioned jurisdictions saved").waitFor();
    await page.getByRole("button", { name: "Remove Venezuela" }).waitFor();
    await createParty(page, "Caracas Metales C.A.");
    await page.goto(`${e2e.url}/screening?tab=transactions`);
    await page.getByRole("button", { name: "Record transaction" }).waitFor();
    await pick(page, /^Counterparty(?! filter)/, "Caracas Metales C.A.");
    await page.getByLabel("Description").fill("Coil to Caracas");
    await page.getByLabel("Amount").fill("500");
    await page.getByLabel("Destination country").fill("VE");
    await page.getByRole("button", { name: "Record transaction" }).click();
    await page
      .getByRole("row", { name: /Coil to Caracas/ })
      .getByRole("button", { name: "Approve" })
      .click();
    await expect.poll(() => page.getByTestId("refusal").textContent()).toMatch(/COC-18\.2.*Venezuela/);
  });
});
