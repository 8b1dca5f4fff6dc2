import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCampaign } from "../src/domains/certifications/index.ts";
import { getCommittee } from "../src/domains/committees/index.ts";
import { getConflict, getGift } from "../src/domains/disclosures/index.ts";
import { getPolicy, getWaiver } from "../src/domains/policies/index.ts";
import { getCase } from "../src/domains/speakup/get-case.ts";
import { createTestDb, dialect, type TestDb } from "./db.ts";
import {
  actorWith,
  buildCampaign,
  buildCase,
  buildCommittee,
  buildDisclosure,
  buildPolicy,
  buildStaff,
  buildWaiver,
} from "./factories.ts";

// Each factory builds its aggregate through the real use cases; what it builds reads back.
describe(`test factories (${dialect})`, () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.destroy());

  it("buildPolicy publishes a policy of its own", async () => {
    const { id } = await buildPolicy(t.ctx());
    const policy = await getPolicy(t.ctx(actorWith([])), id);
    expect(policy.versions[0]).toMatchObject({ status: "published" });
  });

  it("buildCampaign launches a campaign on a fresh policy, assigning everyone", async () => {
    const staff = await buildStaff(t.ctx());
    const campaign = await buildCampaign(t.ctx());
    expect(campaign.assigned).toBeGreaterThanOrEqual(1);
    const view = await getCampaign(t.ctx(campaign.compliance), campaign.id);
    expect(view.totals.assigned).toBe(campaign.assigned);
    expect(staff.personId).toBeTruthy();
  });

  it("buildCommittee creates a committee with overridable fields", async () => {
    const { committee, secretary } = await buildCommittee(t.ctx(), { kind: "audit" });
    const view = await getCommittee(t.ctx(secretary), committee.id);
    expect(view).toMatchObject({ id: committee.id, kind: "audit" });
  });

  it("buildCase files an anonymous web report", async () => {
    const filed = await buildCase(t.ctx(), { summary: "Invoices split to dodge approval" });
    const kase = await getCase(t.ctx(actorWith(["compliance_officer"])), filed.caseId);
    expect(kase.content).toMatchObject({ summary: "Invoices split to dodge approval" });
  });

  it("buildDisclosure files a conflict or a gift as its own employee", async () => {
    const conflict = await buildDisclosure(t.ctx());
    expect(conflict.disclosure.status).toBe("disclosed");
    expect((await getConflict(t.ctx(conflict.by.actor), conflict.disclosure.id)).id).toBe(
      conflict.disclosure.id,
    );
    const gift = await buildDisclosure(t.ctx(), "gift", { by: conflict.by, value: "40.00" });
    expect((await getGift(t.ctx(conflict.by.actor), gift.disclosure.id)).value).toBe("$40.00");
  });

  it("buildWaiver requests a waiver for an officer, decided when asked", async () => {
    const requested = await buildWaiver(t.ctx());
    const counsel = t.ctx(actorWith(["general_counsel"]));
    expect((await getWaiver(counsel, requested.id)).status).toBe("requested");
    const approved = await buildWaiver(t.ctx(), {
      decision: { decision: "approved", decisionBody: "board" },
    });
    expect(approved.decided?.status).toBe("approved");
  });
});
