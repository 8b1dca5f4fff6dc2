// Speak-up in a real browser: an anonymous report on the no-JavaScript portal followed up through the
// mailbox and carried to closure (COC-21.1, COC-22.2), a phone report filed by the hotline operator,
// and a report naming the CFO routed to the Audit Committee chair and hidden from the CFO (SOC-4).
import type { Page } from "playwright-core";
import { describe, expect, it, type TestContext } from "vitest";
import { e2eHarness } from "./harness.ts";

const e2e = e2eHarness();

/** A browser context with JavaScript switched off, as a cautious reporter might use (COC-21.1). */
async function noScriptPage(t: TestContext): Promise<Page> {
  const context = await e2e.browser.newContext({
    javaScriptEnabled: false,
    viewport: { width: 390, height: 844 },
  });
  t.onTestFinished(() => context.close().catch(() => {}));
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return page;
}

type Filed = { receipt: string; number: string };

/** Files a report on the public portal without JavaScript and reads the receipt off the page. */
async function fileOnPortal(
  t: TestContext,
  report: { category: string; summary: string; details: string; involved?: string },
): Promise<Filed> {
  const page = await noScriptPage(t);
  await page.goto(`${e2e.url}/speakup`);
  await page.getByRole("link", { name: "Make a report" }).click();
  await page.getByLabel("What is it about?").selectOption({ label: report.category });
  await page.getByLabel("In a few words").fill(report.summary);
  await page.getByLabel(/Tell us what happened/).fill(report.details);
  if (report.involved) await page.getByLabel(/Names of the people involved/).fill(report.involved);
  await page.getByLabel(/Choose a password/).fill("quiet-harbour-42");
  await page.getByRole("button", { name: "Send the report" }).click();
  await page.getByRole("heading", { name: /Your report was received/ }).waitFor();
  const receipt = (await page.locator(".receipt").textContent())?.trim() ?? "";
  expect(receipt).toMatch(/^\d{4} \d{4} \d{4} \d{4}$/);
  const number = /SU-\d{4}-\d{5}/.exec((await page.textContent("main")) ?? "")?.[0] ?? "";
  expect(number).not.toBe("");
  return { receipt, number };
}

/** Finds a case by its number in the case list and opens it. */
async function openCase(page: Page, number: string) {
  await page.goto(`${e2e.url}/speakup/cases?status=all`);
  await page.getByLabel("Case number").fill(number);
  await page.getByRole("link", { name: number, exact: true }).click();
  await page.getByRole("heading", { name: number, level: 1 }).waitFor();
}

/** Clicks a case action and confirms it in its dialog. */
async function act(
  page: Page,
  name: string,
  fill?: (dialog: ReturnType<Page["getByRole"]>) => Promise<void>,
) {
  await page.getByRole("button", { name, exact: true }).first().click();
  const dialog = page.getByRole("dialog");
  await dialog.waitFor();
  if (fill) await fill(dialog);
  await dialog.getByRole("button", { name, exact: true }).click();
  await dialog.waitFor({ state: "detached" });
}

const header = (page: Page) => page.locator("main h1").locator("..");

describe("speak-up journeys (COC-21.1, COC-22.2, SOC-4)", () => {
  it("COC-21.1 COC-22.2: an anonymous report without JavaScript is acknowledged, questioned, answered in the mailbox and closed", async (t) => {
    const marker = `forklift-${Date.now()}`;
    const filed = await fileOnPortal(t, {
      category: "Health and safety",
      summary: `Forklifts driven without lights (${marker})`,
      details: "On the night shift the forklifts in hall 3 run without lights to save battery.",
    });

    const handler = await e2e.pageAs(t, "compliance@aleris.example");
    await openCase(handler, filed.number);
    expect(await handler.textContent("main")).toContain(marker);
    await act(handler, "Acknowledge");
    await expect.poll(() => header(handler).textContent()).toMatch(/Acknowledged/);
    const question = "Thank you. Which hall and which shift supervisor was on duty?";
    await handler.getByLabel("Message to the reporter").fill(question);
    await handler.getByRole("button", { name: "Send to the mailbox" }).click();
    await handler.getByText(question).waitFor();

    // The reporter comes back later, still without JavaScript, with the receipt and password.
    const reporter = await noScriptPage(t);
    await reporter.goto(`${e2e.url}/speakup/mailbox`);
    await reporter.getByLabel(/Receipt/).fill(filed.receipt);
    await reporter.getByLabel("Password").fill("quiet-harbour-42");
    await reporter.getByRole("button", { name: "Open the mailbox" }).click();
    await reporter.getByRole("heading", { name: "Your report" }).waitFor();
    const mailbox = (await reporter.textContent("main")) ?? "";
    expect(mailbox).toContain("Your report has been received");
    expect(mailbox).toContain(question);
    const answer = "Hall 3, the supervisor on duty was the night-shift lead.";
    await reporter.getByLabel("Answer or add information").fill(answer);
    await reporter.getByRole("button", { name: "Send", exact: true }).click();
    await reporter.getByText(answer).waitFor();

    await handler.reload();
    await handler.getByTestId("message-reporter").filter({ hasText: answer }).waitFor();

    await act(handler, "Start triage");
    await act(handler, "Open an investigation");
    await act(handler, "Record findings", (dialog) =>
      dialog.getByLabel("Substantiated", { exact: true }).check(),
    );
    await expect.poll(() => header(handler).textContent()).toMatch(/Substantiated/);
    await act(handler, "Start remediation", (dialog) => dialog.getByLabel("Training").check());
    // Art. 9(1)(f): the case closes with feedback telling the reporter what was done and why.
    const outcome =
      "We confirmed it: the forklift drivers were retrained and lights are now checked each shift.";
    await act(handler, "Close the case", (dialog) =>
      dialog.getByLabel("Closing message to the reporter").fill(outcome),
    );
    await expect.poll(() => header(handler).textContent()).toMatch(/Closed/);
    expect(await handler.textContent("main")).toContain("Remediation: Training");
    await reporter.goto(`${e2e.url}/speakup/mailbox`);
    const closedMailbox = (await reporter.textContent("main")) ?? "";
    expect(closedMailbox).toContain(outcome);
    expect(closedMailbox).toContain("Feedback on your report");
  });

  it("COC-21.1 COC-22.2: the hotline operator files a phone report and reads the receipt and a one-time code back; the caller sets their own password; the case shows the domestic hotline", async (t) => {
    const operator = await e2e.pageAs(t, "hotline@aleris.example");
    await operator.getByRole("link", { name: "Speak-up" }).click();
    await operator.locator("#main-content").getByRole("link", { name: "Report a concern" }).click();
    await operator.getByRole("heading", { name: "Report a concern" }).waitFor();
    await operator.getByLabel("Domestic hotline").check();
    await operator
      .getByLabel(/^What is it about\?/)
      .first()
      .click();
    await operator.getByRole("option", { name: "Fraud or theft" }).click();
    const summary = `Copper scrap sold for cash at the yard gate ${Date.now()}`;
    await operator.getByLabel("In a few words").fill(summary);
    await operator
      .getByLabel("What happened")
      .fill("The caller saw scrap loaded onto a private truck twice.");
    // The operator never chooses the caller's password (COC-22.2): there is no field for it.
    expect(await operator.getByLabel(/password/i).count()).toBe(0);
    await operator.getByRole("button", { name: "File the report" }).click();
    const receipt = operator.getByTestId("receipt");
    await receipt.waitFor();
    const receiptText = (await receipt.textContent())?.trim() ?? "";
    expect(receiptText).toMatch(/^\d{4} \d{4} \d{4} \d{4}$/);
    const code = (await operator.getByTestId("setup-code").textContent())?.trim() ?? "";
    expect(code).toMatch(/^\d{4} \d{4}$/);
    await operator.getByText("Read it back to the caller").waitFor();

    // The caller sets their own password with the receipt and the code, without JavaScript.
    const caller = await noScriptPage(t);
    await caller.goto(`${e2e.url}/speakup/mailbox`);
    await caller.getByRole("link", { name: "set your own password" }).click();
    await caller.getByLabel(/Receipt/).fill(receiptText);
    await caller.getByLabel(/One-time code/).fill(code);
    await caller.getByLabel(/Choose a password/).fill("only-the-caller-knows");
    await caller.getByLabel(/Repeat the password/).fill("only-the-caller-knows");
    await caller.getByRole("button", { name: "Set the password and open the mailbox" }).click();
    await caller.getByRole("heading", { name: "Your report" }).waitFor();
    expect(await caller.textContent("main")).toContain(summary);
    const number = /SU-\d{4}-\d{5}/.exec((await operator.textContent("main")) ?? "")?.[0] ?? "";
    expect(number).not.toBe("");

    const officer = await e2e.pageAs(t, "compliance@aleris.example");
    await officer.goto(`${e2e.url}/speakup/cases`);
    await officer.getByLabel("Case number").fill(number);
    const row = officer.getByRole("row").filter({ hasText: number });
    await row.waitFor();
    expect(await row.textContent()).toContain("Domestic hotline");
    await openCase(officer, number);
    expect(await officer.textContent("main")).toContain(summary);
  });

  it("SOC-4 COC-22.2: a report naming the CFO goes to the Audit Committee chair and stays hidden from the CFO", async (t) => {
    const filed = await fileOnPortal(t, {
      category: "Conflicts of interest",
      summary: "The CFO's brother-in-law's firm won the freight contract",
      details: "The tender was not advertised and the CFO signed the award himself.",
      involved: "Daniel Okafor",
    });

    const chair = await e2e.pageAs(t, "audit.chair@aleris.example");
    await openCase(chair, filed.number);
    const main = (await chair.textContent("main")) ?? "";
    expect(main).toContain("Audit Committee");
    expect(main).toMatch(/Routed by: .*SOC-4/);
    const caseId = /\/speakup\/cases\/([^/?#]+)/.exec(chair.url())?.[1] ?? "";
    expect(caseId).not.toBe("");

    const cfo = await e2e.pageAs(t, "cfo@aleris.example");
    expect(await cfo.getByRole("navigation", { name: "Main navigation" }).textContent()).not.toContain(
      "Speak-up",
    );
    await cfo.goto(`${e2e.url}/speakup/cases`);
    await cfo.getByText("Speak-up cases are for the people who handle them").waitFor();
    expect(await cfo.getByRole("table").count()).toBe(0);
    const answer = await cfo.request.get(`${e2e.url}/api/speakup/cases/${caseId}`);
    // Not a handler at all, the CFO is refused before any lookup (403); a handler named in the case gets 404.
    expect([403, 404]).toContain(answer.status());
    expect(await answer.text()).not.toContain(filed.number);
    await cfo.goto(`${e2e.url}/speakup/cases/${caseId}`);
    await cfo.getByText(/do not have access/i).waitFor();
    expect(await cfo.textContent("main")).not.toContain("brother-in-law");
  });
});
