// The Compensation Committee run by its charter, in a real browser: the Corporate Secretary
// schedules a meeting, the Chair sets the agenda, a resolution is refused without a quorum (CC-8)
// and passes with two members, the minutes are approved at the next meeting and locked (CC-6), and
// the duty "review CEO goals" (CC-12) shows as satisfied with the minutes as evidence. Removing
// members until two remain raises the composition alert (CC-1). The Chair reports consulting fees on
// the D&O questionnaire and certifies it (CC-20); the committee shows the CC-2 alert. A unanimous
// written consent is circulated by the Secretary and adopted when the last member signs.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { api, e2eHarness, login, openPage } from "./harness.ts";

const e2e = e2eHarness();

async function openCommittee(page: Page, name: string) {
  await page.goto(`${e2e.url}/committees`);
  await page.getByRole("link", { name }).click();
  await page.getByRole("heading", { name }).waitFor();
}

async function choose(page: Page, label: string, option: string) {
  await page.getByLabel(label, { exact: true }).first().click();
  await page.getByRole("option", { name: option, exact: true }).click();
}

async function schedule(page: Page, title: string, startsAt: string): Promise<string> {
  await openCommittee(page, "Compensation Committee");
  await page.getByRole("tab", { name: "Meetings" }).click();
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Starts at").fill(startsAt);
  await page.getByRole("button", { name: "Schedule" }).click();
  await page.getByRole("heading", { name: title }).waitFor();
  return page.url();
}

async function arrive(page: Page, member: string) {
  await choose(page, "Member", member);
  await page.getByRole("button", { name: "Record arrival" }).click();
  await page.getByRole("cell", { name: member }).waitFor();
}

describe("committees journey (CC-6, CC-8, CC-12, CC-23)", () => {
  it("schedules, refuses a resolution without a quorum, approves and locks minutes, satisfies the duty", async (t) => {
    const day = new Date().toISOString().slice(0, 10);
    const secretary = await e2e.pageAs(t, "secretary@aleris.example");
    const firstUrl = await schedule(secretary, "Year-end regular meeting", `${day}T10:00`);

    // The Chair prepares the agenda (CC-23).
    const chair = await e2e.pageAs(t, "comp.chair@aleris.example");
    await chair.goto(firstUrl);
    await chair.getByLabel("Item").fill("Review and approve the CEO's goals");
    await choose(
      chair,
      "Yearly duty it serves",
      "Review and approve the CEO's corporate goals and objectives (CC-12)",
    );
    await chair.getByRole("button", { name: "Add to agenda" }).click();
    await chair.getByText("1. Review and approve the CEO's goals").waitFor();

    // One member: the resolution is refused for lack of quorum (CC-8).
    await secretary.goto(firstUrl);
    await arrive(secretary, "James Whitaker");
    await expect.poll(() => secretary.getByTestId("quorum").textContent()).toContain("1 of 2");
    await secretary
      .getByLabel("Resolved that")
      .fill("The CEO's corporate goals and objectives for the year are approved.");
    await secretary.getByRole("button", { name: "Record resolution" }).click();
    await expect
      .poll(() => secretary.getByRole("alert").textContent())
      .toMatch(/CC-8: 2 members constitute a quorum; 1 member is present/);

    // Two members: it passes.
    await arrive(secretary, "Linda Nakamura");
    await expect.poll(() => secretary.getByTestId("quorum").textContent()).toContain("2 of 2");
    await secretary
      .getByLabel("Resolved that")
      .fill("The CEO's corporate goals and objectives for the year are approved.");
    await secretary.getByRole("button", { name: "Record resolution" }).click();
    await expect.poll(() => secretary.getByTestId("resolution").textContent()).toMatch(/adopted.*2 for/);

    // Adjourn, draft the minutes from the agenda and circulate them.
    await secretary.getByRole("button", { name: "Adjourn the meeting" }).click();
    await secretary.getByRole("button", { name: "Draft minutes from the agenda" }).click();
    await secretary.getByRole("button", { name: "Circulate to the members" }).click();
    await expect.poll(() => secretary.getByTestId("minutes-status").textContent()).toBe("circulated");

    // The next meeting, with a quorum, approves them (CC-6).
    const nextUrl = await schedule(secretary, "Following regular meeting", `${day}T16:00`);
    await arrive(secretary, "James Whitaker");
    await arrive(secretary, "Susan Delacroix");
    await secretary.goto(firstUrl);
    await choose(
      secretary,
      "Approve at a later meeting (in session, with a quorum)",
      `Following regular meeting (${day} 16:00 UTC)`,
    );
    await secretary.getByRole("button", { name: "Approve the minutes" }).click();
    await expect.poll(() => secretary.getByTestId("minutes-status").textContent()).toBe("approved");
    expect(nextUrl).not.toBe(firstUrl);

    // The Chair signs: the minutes are locked.
    await chair.goto(firstUrl);
    await chair.getByRole("button", { name: "Sign and lock (Chair)" }).click();
    await expect.poll(() => chair.getByTestId("minutes-status").textContent()).toBe("locked");

    // The duty "review CEO goals" is satisfied, with the minutes as evidence.
    await openCommittee(secretary, "Compensation Committee");
    await secretary.getByRole("tab", { name: "Yearly duties" }).click();
    const duty = secretary.getByTestId("duty-ceo_goals");
    await expect.poll(() => duty.getByTestId("duty-status").textContent()).toBe("done");
    expect(await duty.textContent()).toContain("Approved minutes: Year-end regular meeting");
  });

  it("removing members until two remain raises the composition alert citing CC-1", async (t) => {
    const secretary = await e2e.pageAs(t, "secretary@aleris.example");
    await openCommittee(secretary, "Compensation Committee");
    const remove = (name: string) =>
      secretary
        .getByTestId(`member-${name}`)
        .getByRole("button", { name: /Remove/ })
        .click();
    await remove("William Hartley");
    await secretary.getByTestId("member-William Hartley").waitFor({ state: "detached" });
    expect(await secretary.getByTestId("alert-CC-1").count()).toBe(0);
    await remove("Linda Nakamura");
    await secretary.getByTestId("alert-CC-1").waitFor();
    expect(await secretary.getByTestId("alert-CC-1").textContent()).toMatch(
      /CC-1: the charter requires at least 3 members; the Compensation Committee has 2 on .*The Committee shall consist of no fewer than three \(3\) members\./,
    );
  });

  it("a director reports consulting fees on the questionnaire, certifies it, and the CC-2 alert follows (CC-20)", async (t) => {
    const year = new Date().getUTCFullYear();
    const chair = await e2e.pageAs(t, "comp.chair@aleris.example");
    await openCommittee(chair, "Compensation Committee");
    await chair.getByRole("button", { name: "Open my questionnaire" }).click();
    const dialog = chair.getByRole("dialog");
    await dialog.getByText(`${year} D&O questionnaire`).waitFor();
    await dialog.getByText("certified", { exact: true }).waitFor();

    // A row with a bad date is refused, the field named.
    const section = dialog.getByTestId("section-compensation");
    await section.getByRole("button", { name: /^Add:/ }).click();
    const row = section.locator('[data-testid^="row-compensation-"]').last();
    await row.getByLabel("Kind", { exact: true }).click();
    await chair.getByRole("option", { name: "Consulting", exact: true }).click();
    await row.getByLabel("Amount (US$)").fill("130,000");
    await row.getByLabel("Received on").fill(`${year}-13-01`);
    await dialog.getByRole("button", { name: "Save answers" }).click();
    await expect.poll(() => dialog.getByRole("alert").first().textContent()).toMatch(/real date/);

    await row.getByLabel("Received on").fill(`${year}-01-15`);
    await dialog.getByRole("button", { name: "Save answers" }).click();
    // Amended answers withdraw the certification; the tests run on them (CC-2).
    await dialog.getByText("draft", { exact: true }).waitFor();
    await expect.poll(() => dialog.getByText("On the saved answers, today (CC-2)").isVisible()).toBe(true);
    expect(await dialog.textContent()).toContain("Independent (NYSE): no");

    await dialog.getByRole("button", { name: "Certify (CC-20)" }).click();
    await chair.getByRole("button", { name: "I certify" }).click();
    await dialog.getByText("certified", { exact: true }).waitFor();
    await dialog.getByRole("button", { name: "Close", exact: true }).click();
    await expect.poll(() => chair.getByTestId("alert-CC-2").count()).toBeGreaterThan(0);
    expect(await chair.getByTestId("alert-CC-2").first().textContent()).toMatch(
      /CC-2: .* is not independent/,
    );
  });

  it("the Secretary records a member's recusal from an agenda item; it no longer counts toward that quorum (CC-8)", async (t) => {
    const day = new Date().toISOString().slice(0, 10);
    const secretary = await e2e.pageAs(t, "secretary@aleris.example");
    const url = await schedule(secretary, "Meeting with a recusal", `${day}T18:00`);
    const chair = await e2e.pageAs(t, "comp.chair@aleris.example");
    await chair.goto(url);
    await chair.getByLabel("Item").fill("Consulting agreement with a member's firm");
    await chair.getByRole("button", { name: "Add to agenda" }).click();
    await chair.getByText("1. Consulting agreement with a member's firm").waitFor();

    await secretary.goto(url);
    await arrive(secretary, "James Whitaker");
    await arrive(secretary, "Susan Delacroix");
    const item = secretary.getByTestId("item-1");
    await expect.poll(() => item.textContent()).toContain("2 eligible of 2 needed");
    await choose(secretary, "Member recusing", "Susan Delacroix");
    await secretary.getByLabel("Reason for recusal").fill("Her firm is the counterparty");
    await secretary.getByRole("button", { name: "Record recusal" }).click();
    await item.getByText("Susan Delacroix recused").waitFor();
    expect(await item.textContent()).toContain("1 eligible of 2 needed");
  });

  it("the Secretary circulates a written consent; each member signs after confirming (one from My tasks); it is adopted when all have", async (t) => {
    const secretary = await e2e.pageAs(t, "secretary@aleris.example");
    await openCommittee(secretary, "Compensation Committee");
    // The other serving member has no demo account: the administrator gives him one.
    const committeeId = secretary.url().split("/").pop() ?? "";
    const committee = await api<{ compliance: { members: { personId: string; name: string }[] } }>(
      secretary,
      e2e.url,
      "GET",
      `/api/committees/${committeeId}`,
    );
    const members = committee.compliance.members.map((m) => m.name).sort();
    expect(members).toEqual(["James Whitaker", "Susan Delacroix"]);
    const whitaker = committee.compliance.members.find((m) => m.name === "James Whitaker");
    const admin = await e2e.pageAs(t, "admin@aleris.example");
    const password = "Whitaker-consent-2026";
    await api(admin, e2e.url, "POST", "/api/users", {
      email: "j.whitaker@aleris.example",
      displayName: "James Whitaker",
      personId: whitaker?.personId,
      password,
      roles: ["committee_member"],
    });

    await secretary.getByRole("tab", { name: "Written consents" }).click();
    await secretary.getByText("No written consents").waitFor();
    // An empty consent is refused, and the error is shown.
    await secretary.getByRole("button", { name: "Circulate to the members for signature" }).click();
    await secretary.getByRole("alert").waitFor();

    const title = "Engagement of the compensation consultant for the year";
    await secretary.getByLabel("Consent title").fill(title);
    await secretary
      .getByLabel("Resolution text")
      .fill("RESOLVED, that the Committee engages its compensation consultant on the proposed terms.");
    await secretary.getByRole("button", { name: "Circulate to the members for signature" }).click();
    const card = secretary.getByTestId(`consent-${title}`);
    await expect.poll(() => card.getByTestId("consent-status").textContent()).toBe("circulating");
    expect(await card.getByTestId("consent-count").textContent()).toBe("0 of 2 signed");
    // The Secretary circulates but is not a signer.
    expect(await card.getByRole("button", { name: "Sign this consent" }).count()).toBe(0);

    const sign = async (page: Page) => {
      const mine = page.getByTestId(`consent-${title}`);
      await mine.getByRole("button", { name: "Sign this consent" }).click();
      await page.getByRole("dialog").getByText(`You consent in writing to “${title}”`).waitFor();
      await page.getByRole("button", { name: "I sign" }).click();
      await page.getByRole("dialog").waitFor({ state: "detached" });
      return mine;
    };
    const chair = await e2e.pageAs(t, "comp.chair@aleris.example");
    await openCommittee(chair, "Compensation Committee");
    await chair.getByRole("tab", { name: "Written consents" }).click();
    const chairCard = await sign(chair);
    await expect.poll(() => chairCard.getByTestId("consent-count").textContent()).toBe("1 of 2 signed");
    expect(await chairCard.getByTestId("consent-status").textContent()).toBe("circulating");
    expect(await chairCard.getByRole("button", { name: "Sign this consent" }).count()).toBe(0);

    const { page: member } = await openPage(e2e.browser, t);
    await login(member, e2e.url, "j.whitaker@aleris.example", password);
    // The administrator chose his first password, so he must choose his own before anything else
    // (issue 12, finding 15); then the app goes on to the home page and its tasks.
    await member.getByText("Choose your own password").waitFor();
    await member.getByLabel("Password you were given").fill(password);
    await member.getByLabel(/^New password/).fill("Whitaker-own-choice-2026");
    await member.getByLabel("Repeat new password").fill("Whitaker-own-choice-2026");
    await member.getByRole("button", { name: "Change password" }).click();
    await member.getByText("Choose your own password").waitFor({ state: "detached" });
    await member.goto(`${e2e.url}/`);
    // He signs from My tasks: the entry opens the committee on the consent.
    await member.getByRole("link", { name: `Sign the written consent: ${title}` }).click();
    await member.getByRole("tab", { name: "Written consents", selected: true }).waitFor();
    const memberCard = await sign(member);
    await expect.poll(() => memberCard.getByTestId("consent-status").textContent()).toBe("adopted");
    expect(await memberCard.getByTestId("consent-count").textContent()).toBe("2 of 2 signed");
    expect(await memberCard.getByTestId("consent-adopted").textContent()).toMatch(
      /Adopted by unanimous written consent/,
    );

    await secretary.reload();
    await secretary.getByRole("tab", { name: "Written consents" }).click();
    await expect.poll(() => card.getByTestId("consent-status").textContent()).toBe("adopted");
    // Signed, the task is gone from his list.
    await member.goto(`${e2e.url}/`);
    await member.getByText("My tasks").waitFor();
    expect(await member.getByRole("link", { name: `Sign the written consent: ${title}` }).count()).toBe(0);
  });
});
