// The rights offering in a real browser: the restructuring administrator imports the register, the
// subscription agent records an election, the administrator runs the allocation and reads its
// explanation, an investor opens its Purchase Notice (ECA-2(f)); a waiver backed by 45% of the
// backstop percentage is refused and one backed by 60% passes (ECA-1(aa)); the administrator records
// a dated fact, Apollo's withdrawal (ECA-26) and a termination (ECA-19) through their forms.
import type { Page } from "playwright-core";
import { describe, expect, it, type TestContext } from "vitest";
import { e2eHarness } from "./harness.ts";

const PASSWORD = "Aleris-demo-2026";
const e2e = e2eHarness();

async function as(t: TestContext, email: string, tab?: string): Promise<Page> {
  const page = await e2e.pageAs(t, email, PASSWORD);
  await page.goto(`${e2e.url}/restructuring`);
  await page.getByRole("heading", { name: "Aleris rights offering (Plan of Reorganization)" }).waitFor();
  if (tab) await page.getByRole("tab", { name: tab }).click();
  return page;
}

async function vote(t: TestContext, email: string, description: string, inFavour: boolean) {
  const page = await as(t, email, "Votes");
  const card = page.getByTestId(`vote-${description}`);
  await card.getByRole("button", { name: inFavour ? "Vote in favour" : "Vote against" }).click();
  await expect
    .poll(() => card.getByText(inFavour ? "in favour" : "against", { exact: true }).count())
    .toBeGreaterThan(0);
  await page.context().close();
}

describe("restructuring journey (ECA-2(f), ECA-1(aa))", () => {
  it("imports the register, records an election, runs the allocation and opens a Purchase Notice", async (t) => {
    const admin = await as(t, "restructuring@aleris.example", "Register & elections");
    await admin
      .getByLabel("Register CSV")
      .fill(
        "holder_id,name,email,investor,class,amount,plan_shares,rights\nH0900,Harbor Point Credit Fund,,,us_rollup,2500000.00,0,\n",
      );
    // Mid-exercise: the dry run shows whose rights change; only a re-basing with a reason imports it (ECA-3(a)).
    await admin.getByRole("button", { name: "Check (dry run)" }).click();
    await expect.poll(() => admin.getByTestId("import-diff").textContent()).toMatch(/record date/);
    await admin
      .getByLabel("Reason for re-basing the rights")
      .fill("A late proof of claim allowed by the court");
    await admin.getByRole("button", { name: "Import and re-base the rights" }).click();
    await expect
      .poll(() => admin.getByTestId("import-result").textContent())
      .toMatch(/Imported 1 holders \(1 new/);

    const agent = await as(t, "agent@aleris.example", "Register & elections");
    await agent.getByPlaceholder("Search holder id or name").fill("H0900");
    const row = agent.getByTestId("holder-H0900");
    await row.waitFor();
    // The cell reads "2,345" over "computed" (pro rata to claims, not entered in the register).
    const cell = (await row.locator("td").nth(3).textContent())!;
    expect(cell).toMatch(/computed$/);
    const rights = Number(/^[\d,]+/.exec(cell)![0].replace(/,/g, ""));
    expect(rights).toBeGreaterThan(1000);
    await row.getByLabel("Exercised by H0900").fill(String(rights + 1));
    const record = row.getByRole("button", { name: "Record the election of H0900 Harbor Point Credit Fund" });
    await record.click();
    await expect.poll(() => row.textContent()).toMatch(/cannot exercise/);
    await row.getByLabel("Exercised by H0900").fill("1000");
    await record.click();
    await expect.poll(() => row.locator("td").nth(4).textContent()).toBe("1,000");
    // The election marks nothing paid (ECA-3(a)).
    await expect.poll(() => row.getByTestId("payment-H0900").textContent()).toMatch(/nothing paid/);

    await admin.getByRole("tab", { name: "Allocation & notices" }).click();
    // Before the exercise period ends the allocation runs only with a reason (ECA-2(b)).
    await admin.getByLabel("Reason for running now").fill("A trial allocation for the investors' counsel");
    await admin.getByRole("button", { name: "Run the allocation" }).click();
    const explanation = admin.getByTestId("explanation");
    await explanation.waitFor();
    const text = (await explanation.textContent()) ?? "";
    for (let step = 1; step <= 9; step++) expect(text).toContain(`Step ${step} (`);
    expect(text).toMatch(/units sold 690,000 = units offered 690,000/);

    const investor = await as(t, "sankaty@investor.example", "Allocation & notices");
    const link = investor.getByRole("link", { name: /PDF \(due .*on time\)/ });
    await link.waitFor();
    expect(await investor.getByRole("link", { name: /PDF/ }).count()).toBe(1);
    const href = (await link.getAttribute("href"))!;
    const pdf = await investor.request.get(`${e2e.url}${href}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("refuses a waiver backed by 45% of the backstop percentage and passes one backed by 60% (ECA-1(aa))", async (t) => {
    const admin = await as(t, "restructuring@aleris.example", "Votes");
    for (const description of ["Waive 11(i) first", "Waive 11(i) second"]) {
      await admin.getByLabel("What is asked").fill(description);
      await admin.getByRole("button", { name: "Propose vote" }).click();
      await admin.getByTestId(`vote-${description}`).waitFor();
    }
    // Oaktree (45%) in favour, Apollo (40%) and Sankaty (15%) against: refused.
    await vote(t, "oaktree@investor.example", "Waive 11(i) first", true);
    await vote(t, "apollo@investor.example", "Waive 11(i) first", false);
    await vote(t, "sankaty@investor.example", "Waive 11(i) first", false);
    // Oaktree (45%) and Sankaty (15%) in favour: 60% passes.
    await vote(t, "oaktree@investor.example", "Waive 11(i) second", true);
    await vote(t, "sankaty@investor.example", "Waive 11(i) second", true);

    await admin.reload();
    await admin.getByRole("tab", { name: "Votes" }).click();
    const first = admin.getByTestId("vote-Waive 11(i) first");
    const second = admin.getByTestId("vote-Waive 11(i) second");
    await expect.poll(() => first.getByTestId("vote-status").textContent()).toBe("refused");
    expect(await first.getByTestId("vote-explanation").textContent()).toMatch(
      /45\.00%.*50% or more \(ECA-1\(aa\)\)/,
    );
    await expect.poll(() => second.getByTestId("vote-status").textContent()).toBe("passed");
    expect(await second.getByTestId("vote-explanation").textContent()).toMatch(/60\.00%/);
    await admin.getByRole("tab", { name: "Conditions" }).click();
    await expect
      .poll(() =>
        admin
          .getByText(/^11\(i\)/)
          .locator("..")
          .textContent(),
      )
      .toMatch(/waived/);
  });

  it("records the Effective Date, Apollo's withdrawal (ECA-26) and a termination (ECA-19)", async (t) => {
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const admin = await as(t, "restructuring@aleris.example", "Deadlines");
    await admin.getByLabel("Expected Effective Date (ECA-9(g), ECA-26)").fill(day(5));
    await admin.getByRole("button", { name: "Save dated facts" }).click();
    await admin.getByTestId("facts-saved").waitFor();
    const lastDay = admin.getByRole("row", { name: /Last day for Apollo to withdraw/ });
    await expect.poll(() => lastDay.textContent()).toContain(day(-5));

    await admin.getByRole("tab", { name: "Overview" }).click();
    // Too late: the API answers by field (ECA-26), and nothing is withdrawn.
    await admin.getByLabel("Withdrawn on").fill(day(0));
    await admin.getByRole("button", { name: "Record withdrawal…" }).click();
    await admin.getByRole("button", { name: "Record the withdrawal" }).click();
    await admin
      .getByText(`is after ${day(-5)}, 10 days before the Effective Date (ECA-26)`)
      .first()
      .waitFor();
    await admin.getByLabel("Withdrawn on").fill(day(-6));
    await admin.getByRole("button", { name: "Record withdrawal…" }).click();
    const dialog = admin.getByRole("dialog");
    expect(await dialog.textContent()).toMatch(/assumes its 40\.00% \(ECA-26\)/);
    await dialog.getByRole("button", { name: "Record the withdrawal" }).click();
    const apollo = admin.getByRole("row", { name: /Apollo/ });
    await expect.poll(() => apollo.textContent()).toContain(`0.00% (withdrawn on ${day(-6)}, ECA-26)`);
    expect(await admin.getByRole("button", { name: "Record withdrawal…" }).count()).toBe(0);

    await admin.getByRole("tab", { name: "Deadlines" }).click();
    await admin.getByRole("combobox", { name: "Termination event" }).click();
    await admin.getByRole("option", { name: /^19\(a\)\(i\) Mutual consent/ }).click();
    await admin.getByLabel("Occurred on").fill(day(0));
    await admin.getByRole("button", { name: "Record termination…" }).click();
    const confirm = admin.getByRole("dialog");
    expect(await confirm.textContent()).toMatch(/owes no Termination Fee \(ECA-2\(d\)\)/);
    await confirm.getByRole("button", { name: "Record the termination" }).click();
    await admin.getByText(`Terminated: 19(a)(i) on ${day(0)}`).waitFor();
    expect(await admin.getByRole("button", { name: "Record termination…" }).count()).toBe(0);
  });

  it("records monthly Underlying EBITDA against Schedule 11(m), refusing an unreadable figure by field (ECA-11(m))", async (t) => {
    const admin = await as(t, "restructuring@aleris.example");
    await admin.getByRole("tab", { name: "Conditions" }).click();
    const card = admin.getByTestId("condition-m");
    await card.getByRole("button", { name: "Record" }).click();
    const monthly = "Underlying EBITDA by month";
    const schedule = "Schedule 11(m): minimum for the three months ending";
    const figures: [string, string][] = [
      ["2010-01", "10000000.00"],
      ["2010-02", "9000000.00"],
      ["2010-03", "ten million"],
    ];
    for (const [n, [month, amount]] of figures.entries()) {
      await card.getByRole("button", { name: "Add a month" }).first().click();
      await card.getByLabel(`${monthly}: month ${n + 1}`).fill(month);
      await card.getByLabel(`${monthly}: amount ${n + 1}`).fill(amount);
    }
    await card.getByRole("button", { name: "Add a month" }).nth(1).click();
    await card.getByLabel(`${schedule}: month 1`).fill("2010-03");
    await card.getByLabel(`${schedule}: amount 1`).fill("20000000.00");
    await card.getByRole("button", { name: "Save" }).click();
    await card.getByText("is an amount of money, like 12500000.00", { exact: true }).waitFor();
    await card.getByLabel(`${monthly}: amount 3`).fill("-500000.00");
    await card.getByRole("button", { name: "Save" }).click();
    await expect
      .poll(() => card.textContent())
      .toMatch(/failed.*2010-01…2010-03: \$18,500,000\.00 < \$20,000,000\.00/);
  });

  it("creates an offering, with the API's answers shown by field (ECA-3(a))", async (t) => {
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const admin = await as(t, "restructuring@aleris.example");
    await admin.getByRole("button", { name: "New offering" }).click();
    const fill = (label: string, value: string) => admin.getByLabel(label, { exact: true }).fill(value);
    await fill("Name of the offering", "Second rights offering");
    await fill("Units offered", "1000");
    await fill("Price per unit ($)", "12.345");
    await fill("Holdco shares per unit", "10");
    await fill("Exercise period starts", day(0));
    await fill("Exercise period ends (subscription deadline)", day(10));
    await fill("Minimum Oaktree/Apollo Equity Threshold (ECA-2(b))", "0.50");
    await fill("Certifying officer", "Chief Financial Officer");
    await fill("Investor 1 name", "Oaktree");
    await fill("Investor 1 backstop percentage", "0.60");
    await fill("Investor 2 name", "Apollo");
    await fill("Investor 2 backstop percentage", "0.30");
    await admin.getByRole("button", { name: "Create offering" }).click();
    await admin.getByText("an amount of money has up to two decimals").first().waitFor();
    await fill("Price per unit ($)", "1000.00");
    await admin.getByRole("button", { name: "Create offering" }).click();
    await expect
      .poll(() => admin.getByTestId("investors-error").textContent())
      .toMatch(/add up to 90\.0000%, not 100% \(ECA-3\(a\)/);
    await fill("Investor 2 backstop percentage", "0.40");
    await admin.getByRole("button", { name: "Create offering" }).click();
    await admin.getByRole("heading", { name: "Second rights offering" }).waitFor();
    expect(await admin.getByText("$1,000,000.00").count()).toBeGreaterThan(0);
    await admin.getByRole("combobox", { name: "Offering" }).click();
    await admin.getByRole("option", { name: "Aleris rights offering (Plan of Reorganization)" }).click();
    await admin.getByRole("heading", { name: "Aleris rights offering (Plan of Reorganization)" }).waitFor();
  });
});
