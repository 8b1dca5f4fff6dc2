import { describe, expect, it } from "vitest";
import { api, e2eHarness } from "./harness.ts";

const e2e = e2eHarness();

const today = () => new Date().toISOString().slice(0, 10);

describe("Disclosures (e2e)", () => {
  it("COC-12.1: a gift for a foreign official is refused before Legal's written approval, then recorded as given", async (t) => {
    const employee = await e2e.pageAs(t, "employee@aleris.example");
    await employee.goto(`${e2e.url}/disclosures`);
    await employee.getByRole("tab", { name: /Gifts/ }).click();
    await employee.getByRole("button", { name: "Log a gift or request approval" }).click();
    const dialog = employee.getByRole("dialog");
    await dialog.getByLabel("Person", { exact: true }).fill("Chen Jing");
    await dialog.getByLabel("Organisation", { exact: true }).fill("Zhenjiang Customs Bureau");
    await dialog.getByLabel("Is the person a government official?", { exact: true }).click();
    await employee.getByRole("option", { name: "Yes, a non-US government" }).click();
    await dialog.getByLabel("Description").fill("Dinner for the customs delegation");
    await dialog.getByLabel("Value", { exact: true }).fill("140.00");
    await dialog.getByLabel("Date of the event").fill(today());
    await dialog.getByLabel("Business purpose").fill("Customs audit of the Zhenjiang plant");
    await dialog.getByRole("button", { name: "Request Legal's approval" }).click();
    await employee.getByText("Awaiting Legal's approval").waitFor();
    const giftUrl = employee.url();

    await employee.getByRole("button", { name: "Record as given" }).click();
    const refusal = employee.getByRole("alert").filter({ hasText: "in writing yet" });
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(
      /prior written approval \(COC-12\.1, Code section 12.*not approved .* in writing yet/,
    );

    const gc = await e2e.pageAs(t, "gc@aleris.example");
    await gc.goto(giftUrl);
    await gc
      .getByLabel("Written approval or refusal (kept as the record)")
      .fill("Approved in writing: a modest working dinner, lawful locally.");
    await gc.getByRole("button", { name: "Approve in writing" }).click();
    await gc.getByText("Legal's written approval").waitFor();

    await employee.reload();
    await employee.getByRole("button", { name: "Record as given" }).click();
    await employee.getByText("Recorded", { exact: true }).first().waitFor();
    await expect
      .poll(() =>
        employee.getByText("Approved in writing: a modest working dinner", { exact: false }).count(),
      )
      .toBeGreaterThan(0);
  });

  it("COC-6.2: a conflict goes through the CEO's review and appears in the Audit Committee's view", async (t) => {
    const employee = await e2e.pageAs(t, "employee@aleris.example");
    await employee.goto(`${e2e.url}/disclosures`);
    await employee.getByRole("button", { name: "Disclose a conflict" }).click();
    const dialog = employee.getByRole("dialog");
    await dialog.getByLabel("Kind of conflict", { exact: true }).click();
    await employee
      .getByRole("option", { name: "Financial interest in a customer, supplier or competitor" })
      .click();
    await dialog.getByLabel("Title").fill("Shares in a scrap supplier");
    await dialog
      .getByLabel("Describe the situation")
      .fill("I hold shares in Buckeye Scrap Inc., a supplier of the plant.");
    await dialog.getByLabel("Organisation", { exact: true }).fill("Buckeye Scrap Inc.");
    await dialog.getByLabel("The organisation is", { exact: true }).click();
    await employee.getByRole("option", { name: "A supplier" }).click();
    await dialog.getByRole("button", { name: "Submit the disclosure" }).click();
    await employee.getByText("Disclosed", { exact: true }).first().waitFor();
    const conflictUrl = employee.url();

    const gc = await e2e.pageAs(t, "gc@aleris.example");
    await gc.goto(conflictUrl);
    await gc.getByLabel("Comment").fill("Minor holding; no purchasing role.");
    await gc.getByRole("button", { name: "Add comment" }).click();
    await gc.getByRole("button", { name: "Forward to the CEO" }).click();
    await gc.getByText("CEO review", { exact: true }).first().waitFor();

    const ceo = await e2e.pageAs(t, "ceo@aleris.example");
    await ceo.goto(`${e2e.url}/`);
    await ceo
      .getByRole("link", {
        name: /Review the conflict of interest .* Shares|Review the conflict of interest/,
      })
      .first()
      .waitFor();
    await ceo.goto(conflictUrl);
    await ceo.getByLabel("Your report to the Audit Committee").fill("Reviewed; not harmful to the company.");
    await ceo.getByRole("button", { name: "Report to the Audit Committee" }).click();
    await ceo.getByText("Audit Committee", { exact: true }).first().waitFor();

    const chair = await e2e.pageAs(t, "audit.chair@aleris.example");
    await chair.goto(`${e2e.url}/disclosures`);
    await chair.getByRole("link", { name: /Shares in a scrap supplier/ }).waitFor();
  });

  it("COC-6.2: the CEO's own disclosure goes straight to the Audit Committee", async (t) => {
    const ceo = await e2e.pageAs(t, "ceo@aleris.example");
    const filed = await api<{ id: string; isCeoDisclosure: boolean }>(
      ceo,
      e2e.url,
      "POST",
      "/api/disclosures/conflicts",
      {
        type: "outside_employment",
        title: "Director of a university foundation",
        description: "Unpaid director.",
        answers: { role: "board_member", organisation: "Case Western Foundation", relationship: "none" },
      },
    );
    expect(filed.isCeoDisclosure).toBe(true);
    const gc = await e2e.pageAs(t, "gc@aleris.example");
    await gc.goto(`${e2e.url}/disclosures/conflicts/${filed.id}`);
    await gc.getByLabel("Comment").fill("Charitable, unpaid.");
    await gc.getByRole("button", { name: "Add comment" }).click();
    await gc.getByRole("button", { name: "Forward to the Audit Committee" }).click();
    await gc.getByText("Audit Committee", { exact: true }).first().waitFor();

    const chair = await e2e.pageAs(t, "audit.chair@aleris.example");
    await chair.goto(`${e2e.url}/disclosures`);
    await chair.getByRole("link", { name: /Director of a university foundation/ }).click();
    await chair.getByText(/the CEO's own disclosure goes straight to the Audit Committee/).waitFor();
    expect(await chair.getByText("CEO review →", { exact: false }).count()).toBe(0);
  });

  it("COC-15.1: a custodian acknowledges a legal hold", async (t) => {
    const gc = await e2e.pageAs(t, "gc@aleris.example");
    const me = await api<{ user: { personId: string } }>(gc, e2e.url, "GET", "/api/auth/me");
    const employee = await e2e.pageAs(t, "employee@aleris.example");
    const emp = await api<{ user: { personId: string } }>(employee, e2e.url, "GET", "/api/auth/me");
    const hold = await api<{ id: string; number: string }>(gc, e2e.url, "POST", "/api/disclosures/holds", {
      matter: "Customs audit 2026",
      scope: "All shipping papers of the Zhenjiang plant for 2025.",
      custodianIds: [emp.user.personId],
    });
    expect(me.user.personId).toBeTruthy();
    await employee.goto(`${e2e.url}/`);
    await employee.getByRole("link", { name: new RegExp(`Acknowledge legal hold ${hold.number}`) }).click();
    await employee.getByRole("button", { name: "I acknowledge and will preserve my records" }).click();
    await expect
      .poll(() =>
        employee.getByRole("button", { name: "I acknowledge and will preserve my records" }).count(),
      )
      .toBe(0);
    await gc.goto(`${e2e.url}/disclosures/holds/${hold.id}`);
    await expect.poll(() => gc.getByText("Not yet").count()).toBe(0);
  });
});
