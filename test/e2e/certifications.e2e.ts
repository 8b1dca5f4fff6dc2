// Issue 4's journeys in Chromium against the real server (demo data, SQLite): the compliance officer
// launches the yearly campaign; an employee signs and downloads the PDF; a senior officer signs the
// Senior Officers Code certificate and the Audit Committee sees it (SOC-7); an overdue employee's
// supervisor is notified through the outbox (the demo ships an overdue campaign).
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { api, e2eHarness } from "./harness.ts";

const e2e = e2eHarness();

type Mine = { items: { id: string; title: string; addressedTo: string | null; status: string }[] };

/** Opens the pending certificate, affirms every statement, answers No and signs with the typed name. */
async function signFirstPending(page: Page, match: (c: Mine["items"][number]) => boolean) {
  const me = await api<{ user: { displayName: string } }>(page, e2e.url, "GET", "/api/auth/me");
  const mine = await api<Mine>(page, e2e.url, "GET", "/api/certifications/mine");
  const cert = mine.items.find((c) => c.status === "pending" && match(c));
  expect(cert, "a pending certificate").toBeDefined();
  await page.goto(`${e2e.url}/certifications`);
  await page.getByRole("link", { name: cert!.title }).first().click();
  await page.getByRole("button", { name: "Sign the certificate" }).waitFor();
  for (const box of await page.getByRole("checkbox").all()) await box.check();
  for (const group of await page.getByRole("radiogroup").all()) await group.getByLabel("No").check();
  await page.getByLabel("Type your full name to sign").fill(me.user.displayName);
  await page.getByRole("button", { name: "Sign the certificate" }).click();
  await expect.poll(() => page.getByText("Signature verified").isVisible(), { timeout: 15_000 }).toBe(true);
  return cert!.id;
}

describe("Certificates of Compliance (e2e)", () => {
  it("the compliance officer launches the yearly campaign for the demo company (COC-23.2)", async (t) => {
    const page = await e2e.pageAs(t, "compliance@aleris.example");
    await page.goto(`${e2e.url}/certifications`);
    await page.getByRole("tab", { name: "Campaigns" }).click();
    await page.getByRole("button", { name: "Launch a campaign" }).click();
    await page.getByRole("dialog").getByPlaceholder("Choose a certificate template").click();
    await page.getByRole("option", { name: /Code of Business Conduct and Ethics/ }).click();
    const due = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel("Due date").fill(due);
    await page.getByRole("button", { name: "Launch", exact: true }).click();
    await page.waitForURL(/\/certifications\/campaigns\//);
    await expect.poll(() => page.getByText("Completion by").isVisible()).toBe(true);
    const campaigns = await api<{ items: { name: string; totals: { assigned: number } }[] }>(
      page,
      e2e.url,
      "GET",
      "/api/certifications/campaigns",
    );
    const annual = campaigns.items.find((c) => c.name.startsWith("Annual Certificate of Compliance"));
    expect(annual?.totals.assigned).toBeGreaterThan(250);
    // The Senior Officers certificate, addressed to the Audit Committee (SOC-7), through the API.
    const templates = await api<{ items: { id: string; addressedTo: string | null }[] }>(
      page,
      e2e.url,
      "GET",
      "/api/certifications/templates",
    );
    const senior = templates.items.find((x) => x.addressedTo === "Audit Committee")!;
    await api(page, e2e.url, "POST", "/api/certifications/campaigns", {
      name: "Senior Officers certificate",
      templateId: senior.id,
      dueDate: due,
    });
  });

  it("an employee signs the certificate and downloads the signed PDF", async (t) => {
    const page = await e2e.pageAs(t, "employee@aleris.example");
    const id = await signFirstPending(page, (c) => c.addressedTo === null);
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download PDF" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^certificate-.*\.pdf$/);
    const path = await file.path();
    expect(readFileSync(path).subarray(0, 5).toString()).toBe("%PDF-");
    const cert = await api<{ status: string; signature: { integrity: { ok: boolean } } }>(
      page,
      e2e.url,
      "GET",
      `/api/certifications/certificates/${id}`,
    );
    expect(cert.status).toBe("signed");
    expect(cert.signature.integrity.ok).toBe(true);
  });

  it("SOC-7: the CFO signs the Senior Officers Code certificate and it appears on the Audit Committee's view", async (t) => {
    const cfo = await e2e.pageAs(t, "cfo@aleris.example");
    await signFirstPending(cfo, (c) => c.addressedTo === "Audit Committee");
    const me = await api<{ user: { displayName: string } }>(cfo, e2e.url, "GET", "/api/auth/me");
    const chair = await e2e.pageAs(t, "audit.chair@aleris.example");
    await chair.goto(`${e2e.url}/certifications`);
    await chair.getByRole("tab", { name: "Audit Committee" }).click();
    const row = chair.getByRole("row").filter({ hasText: me.user.displayName });
    await expect.poll(() => row.first().textContent()).toMatch(/Signed/);
  });

  it("an overdue employee's supervisor is notified through the outbox", async (t) => {
    const page = await e2e.pageAs(t, "admin@aleris.example");
    await expect
      .poll(
        async () => {
          const outbox = await api<{ items: { subject: string }[] }>(
            page,
            e2e.url,
            "GET",
            "/api/outbox?q=Overdue",
          );
          return outbox.items.filter((m) =>
            m.subject.startsWith("Overdue Certificates of Compliance in your team"),
          ).length;
        },
        { timeout: 20_000 },
      )
      .toBeGreaterThan(0);
    // The compliance officer sees who is overdue and that they were escalated.
    const officer = await e2e.pageAs(t, "compliance@aleris.example");
    const campaigns = await api<{ items: { id: string; totals: { overdue: number } }[] }>(
      officer,
      e2e.url,
      "GET",
      "/api/certifications/campaigns",
    );
    const late = campaigns.items.find((c) => c.totals.overdue > 0)!;
    await officer.goto(`${e2e.url}/certifications/campaigns/${late.id}`);
    await expect
      .poll(
        () =>
          officer
            .getByText(/escalated/)
            .first()
            .isVisible(),
        { timeout: 15_000 },
      )
      .toBe(true);
  });
});
