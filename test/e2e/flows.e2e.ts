// The cross-domain flows in a real browser: a "yes, I know of a violation" on a Certificate of
// Compliance files a confidential speak-up report the signer follows under My reports while the
// Compliance Office gets a task to the case (COC-23.2, COC-21.1, COC-22.2); and speak-up retention,
// set on the settings screen, turns a closed case into a tombstone (COC-15.1).
import { join } from "node:path";
import Database from "better-sqlite3";
import type { Page } from "playwright-core";
import { describe, expect, it, type TestContext } from "vitest";
import { api, e2eHarness } from "./harness.ts";

const e2e = e2eHarness();

type Mine = { items: { id: string; title: string; addressedTo: string | null; status: string }[] };
type Question = { id: string; text: string; kind: string };
type Certificate = {
  id: string;
  questions: Question[];
  signature: { answers: Record<string, unknown> } | null;
};
type MyReport = { id: string; number: string; channel: string; channelLabel: string; status: string };
type Task = { id: string; title: string; href: string | null };
type CaseDetail = {
  id: string;
  number: string;
  teamLabel: string;
  channel: string;
  purgedAt: string | null;
  content: { details: string } | null;
};

/** A pending certificate not addressed to the Audit Committee; launches a campaign when there is none. */
async function pendingCertificate(employee: Page, t: TestContext): Promise<Mine["items"][number]> {
  const pending = async () =>
    (await api<Mine>(employee, e2e.url, "GET", "/api/certifications/mine")).items.find(
      (c) => c.status === "pending" && c.addressedTo === null,
    );
  const found = await pending();
  if (found) return found;
  const officer = await e2e.pageAs(t, "compliance@aleris.example");
  const templates = await api<{ items: { id: string; addressedTo: string | null }[] }>(
    officer,
    e2e.url,
    "GET",
    "/api/certifications/templates",
  );
  const template = templates.items.find((x) => x.addressedTo === null)!;
  await api(officer, e2e.url, "POST", "/api/certifications/campaigns", {
    name: "Certificate of Compliance (flows e2e)",
    templateId: template.id,
    dueDate: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
  });
  const launched = await pending();
  expect(launched, "a pending certificate after launching a campaign").toBeDefined();
  return launched!;
}

describe("cross-domain flows (COC-23.2, COC-21.1, COC-22.2, COC-15.1)", () => {
  it("COC-23.2 COC-21.1 COC-22.2: a violation answered yes on a certificate becomes a confidential report the signer follows and the Compliance Office handles; the certificate keeps no explanation", async (t) => {
    const employee = await e2e.pageAs(t, "employee@aleris.example");
    const me = await api<{ user: { displayName: string } }>(employee, e2e.url, "GET", "/api/auth/me");
    const cert = await pendingCertificate(employee, t);
    const detail = await api<Certificate>(
      employee,
      e2e.url,
      "GET",
      `/api/certifications/certificates/${cert.id}`,
    );
    const violation = detail.questions.find((q) => q.kind === "violation");
    expect(violation, "the certificate asks about violations").toBeDefined();

    const marker = `lockout-${Date.now()}`;
    const explanation = `On the night shift in the rolling mill new starters are told to skip the lockout procedure (${marker}).`;
    await employee.goto(`${e2e.url}/certifications/certificates/${cert.id}`);
    await employee.getByRole("button", { name: "Sign the certificate" }).waitFor();
    for (const box of await employee.getByRole("checkbox").all()) await box.check();
    for (const q of detail.questions) {
      const group = employee.getByRole("radiogroup", { name: q.text });
      await group.getByLabel(q.id === violation!.id ? "Yes" : "No", { exact: true }).check();
    }
    const textarea = employee.getByLabel(/What do you know\?/);
    await textarea.fill(explanation);
    await employee.screenshot({ path: "test-results/flows-sign-violation.png", fullPage: true });
    await employee.getByLabel("Type your full name to sign").fill(me.user.displayName);
    await employee.getByRole("button", { name: "Sign the certificate" }).click();
    await employee.getByText("Signature verified").waitFor();

    // The certificate shows the fixed confidential line, never the explanation (COC-22.2).
    const signed = (await employee.textContent("main")) ?? "";
    expect(signed).toContain("Reported confidentially");
    expect(signed).not.toContain(marker);
    await employee.screenshot({ path: "test-results/flows-signed-certificate.png", fullPage: true });
    const stored = await api<Certificate>(
      employee,
      e2e.url,
      "GET",
      `/api/certifications/certificates/${cert.id}`,
    );
    expect(JSON.stringify(stored)).not.toContain(marker);

    // The signer follows the report under My reports and opens its mailbox without a receipt.
    await employee.getByRole("link", { name: "Open My reports" }).click();
    await employee.waitForURL(/\/speakup\/intake/);
    const myReports = await api<{ items: MyReport[] }>(employee, e2e.url, "GET", "/api/speakup/my-reports");
    const report = myReports.items.find((r) => r.channel === "certificate");
    expect(report, "the certificate's report among My reports").toBeDefined();
    const row = employee.getByRole("row").filter({ hasText: report!.number });
    await row.waitFor();
    expect(await row.textContent()).toContain(report!.channelLabel);
    await employee.screenshot({ path: "test-results/flows-my-reports.png", fullPage: true });
    await row.getByRole("button", { name: "Messages" }).click();
    await employee.getByRole("heading", { name: "Your report" }).waitFor();
    expect(await employee.textContent("main")).toContain(marker);
    await employee.screenshot({ path: "test-results/flows-my-report-mailbox.png", fullPage: true });

    // The Compliance Office gets a task that links to the case and does not name the signer.
    const officer = await e2e.pageAs(t, "compliance@aleris.example");
    const tasks = await api<{ items: Task[] }>(officer, e2e.url, "GET", "/api/tasks");
    const task = tasks.items.find((x) => x.title.includes(report!.number));
    expect(task, "a task for the new case").toBeDefined();
    expect(task!.title).not.toContain(me.user.displayName);
    await officer.goto(`${e2e.url}/`);
    await officer.getByRole("link", { name: task!.title }).click();
    await officer.getByRole("heading", { name: report!.number, level: 1 }).waitFor();
    const casePage = (await officer.textContent("main")) ?? "";
    expect(casePage).toContain(marker);
    expect(casePage).toContain("Compliance Office");
    // A certificate's report has no receipt: the handler is told where the reporter reads messages.
    expect(casePage).toContain("under My reports on the speak-up page");
    await officer.screenshot({ path: "test-results/flows-officer-case.png", fullPage: true });

    // The officer reading the signed certificate sees the fixed line only, and no link to reports
    // that are the signer's own (COC-22.2).
    await officer.goto(`${e2e.url}/certifications/certificates/${cert.id}`);
    await officer.getByText("Signature verified").waitFor();
    const asOfficer = (await officer.textContent("main")) ?? "";
    expect(asOfficer).toContain("Reported confidentially");
    expect(asOfficer).not.toContain(marker);
    expect(await officer.getByRole("link", { name: "Open My reports" }).count()).toBe(0);
  });

  it("COC-15.1: the retention period is saved on the settings screen, and a case closed longer ago is purged to a tombstone", async (t) => {
    const officer = await e2e.pageAs(t, "compliance@aleris.example");
    await officer.goto(`${e2e.url}/speakup/settings`);
    const years = officer.getByLabel("Keep closed cases for (years after closure)");
    await years.waitFor();
    expect(await years.inputValue()).toBe("7");
    await years.fill("1");
    await officer.getByRole("button", { name: "Save settings" }).click();
    await expect
      .poll(
        async () =>
          (
            await api<{ retentionYearsAfterClosure: number }>(
              officer,
              e2e.url,
              "GET",
              "/api/speakup/settings",
            )
          ).retentionYearsAfterClosure,
      )
      .toBe(1);
    await officer.reload();
    await years.waitFor();
    expect(await years.inputValue()).toBe("1");
    await officer.screenshot({ path: "test-results/flows-retention-settings.png", fullPage: true });

    // A report filed on the portal and taken to closure through the API.
    const marker = `pallets-${Date.now()}`;
    const filed = await api<{ caseId: string; number: string }>(
      officer,
      e2e.url,
      "POST",
      "/api/speakup/reports",
      {
        category: "health_safety",
        summary: `Pallets stacked in front of the fire exit (${marker})`,
        details: "In the finishing hall, every Friday.",
        password: "retention-check-42",
        idempotencyKey: `flows-retention-${marker}`,
      },
    );
    const to = (body: Record<string, unknown>) =>
      api(officer, e2e.url, "POST", `/api/speakup/cases/${filed.caseId}/transition`, body);
    await api(officer, e2e.url, "POST", `/api/speakup/cases/${filed.caseId}/acknowledge`, {});
    await to({ to: "triage" });
    await to({ to: "investigation" });
    await to({ to: "findings", outcome: "unsubstantiated" });
    await to({ to: "closed", closingMessage: "We checked the hall: the exit is clear now." });

    // The server's clock cannot be moved and no endpoint runs a job on demand, so the test ages the
    // case in the database (closed two years ago) and makes the daily retention schedule due now.
    const twoYearsAgo = new Date(Date.now() - 2 * 366 * 86_400_000).toISOString();
    const db = new Database(join(e2e.app.dataDir, "probity.db"));
    try {
      db.pragma("busy_timeout = 5000");
      db.prepare("UPDATE speakup_cases SET closed_at = ? WHERE id = ?").run(twoYearsAgo, filed.caseId);
      db.prepare("UPDATE schedules SET next_run_at = ? WHERE name = 'speakup.retention'").run(
        new Date(Date.now() - 1000).toISOString(),
      );
    } finally {
      db.close();
    }
    await expect
      .poll(
        async () =>
          (await api<CaseDetail>(officer, e2e.url, "GET", `/api/speakup/cases/${filed.caseId}`)).purgedAt,
        { timeout: 20_000 },
      )
      .not.toBeNull();

    await officer.goto(`${e2e.url}/speakup/cases?status=all`);
    await officer.getByRole("row").filter({ hasText: filed.number }).waitFor();
    await officer.screenshot({ path: "test-results/flows-case-list.png", fullPage: true });
    await officer.getByLabel("Case number").fill(filed.number);
    const row = officer.getByRole("row").filter({ hasText: filed.number });
    await row.waitFor();
    await expect.poll(() => officer.getByRole("row").count()).toBe(2);
    expect(await row.textContent()).toContain("Content destroyed under the retention policy");
    expect(await row.textContent()).not.toContain(marker);
    await officer.screenshot({ path: "test-results/flows-purged-list.png", fullPage: true });
    await row.getByRole("link", { name: filed.number, exact: true }).click();
    await officer.getByRole("heading", { name: filed.number, level: 1 }).waitFor();
    await officer.getByText("Content destroyed under the retention policy").waitFor();
    const tombstone = (await officer.textContent("main")) ?? "";
    expect(tombstone).not.toContain(marker);
    expect(tombstone).toContain("Health and safety");
    expect(await officer.getByRole("button", { name: "Close the case" }).count()).toBe(0);
    await officer.screenshot({ path: "test-results/flows-purged-case.png", fullPage: true });
  });
});
