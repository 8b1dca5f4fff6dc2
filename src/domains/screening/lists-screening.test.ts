// Screening against several lists (COC-18, COC-18.1): each hit names its list and programme; a
// legal entity screens the lists enabled for it; a PEP is enhanced due diligence, not a block; an
// entity owned 50 % or more by blocked persons is blocked (OFAC 50 % rule, EU ownership and control).
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, createTestApp, signedIn, type TestApp } from "../../../test/app.ts";
import { actorWith, buildEntity } from "../../../test/factories.ts";
import { rescreenAll } from "./screen-counterparty.ts";

const read = (name: string) => fs.readFileSync(path.resolve(import.meta.dirname, "fixtures", name), "utf8");

let t: TestApp;
let officer: Client;
let legal: Client;
beforeAll(async () => {
  t = await createTestApp({ totp: "off" });
  officer = await signedIn(t, ["compliance_officer"]);
  legal = await signedIn(t, ["general_counsel"]);
  for (const [source, name] of [
    ["eu-fsf", "eu-fsf.xml"],
    ["un-sc", "un-sc.xml"],
    ["opensanctions", "opensanctions.ftm.jsonl"],
  ] as const) {
    const res = await officer.send("POST", "/api/screening/lists/import", { source, file: read(name) });
    expect(res.statusCode, res.body).toBe(201);
  }
});
afterAll(async () => t?.destroy());

type Hit = {
  id: string;
  kind: string;
  listSource: string;
  listLabel: string;
  programs: string[];
  entityId: string;
  status: string;
  explanation: { summary: string; ownership?: { percentage: number; chain: string[] } };
};
const create = async (body: Record<string, unknown>) => {
  const res = await officer.send("POST", "/api/screening/counterparties", {
    kind: "supplier",
    partyType: "entity",
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; status: string; hits: Hit[]; requiresEdd: boolean; lists: string[] };
};

describe("hits name their list and programme; any enabled list's change leaves parties unscreened (COC-18.1)", () => {
  it("a match on the EU list says EU Financial Sanctions Files and programme RUS", async () => {
    const party = await create({ name: "Borislav Zarkanov", partyType: "person", country: "RU" });
    expect(party.status).toBe("review");
    const hit = party.hits.find((h) => h.listSource === "eu-fsf")!;
    expect(hit).toMatchObject({
      kind: "sanction",
      listLabel: "EU Financial Sanctions Files",
      programs: ["RUS"],
      entityId: "EU-900101",
    });
  });

  it("a new list's import makes every party stale until the re-screen job catches up (COC-18.1)", async () => {
    const party = await create({ name: "Arkady Velikanov", partyType: "person" });
    expect(party.hits.some((h) => h.listSource === "uk-ofsi")).toBe(false);
    const res = await officer.send("POST", "/api/screening/lists/import", {
      source: "uk-ofsi",
      file: read("ConList.csv"),
    });
    expect(res.statusCode).toBe(201);
    expect(await rescreenAll(t.ctx(actorWith(["compliance_officer"])))).toBeGreaterThan(0);
    const after = (await officer.get(`/api/screening/counterparties/${party.id}`)).json();
    expect(after.hits[0]).toMatchObject({
      listSource: "uk-ofsi",
      programs: ["Russia"],
      listLabel: "UK OFSI consolidated list",
    });
  });
});

describe("lists enabled per legal entity (COC-18.1)", () => {
  it("an EU subsidiary screens the EU and UN lists only; the US parent screens them all", async () => {
    const admin = t.ctx(actorWith(["admin"]));
    const parent = await buildEntity(admin, { name: "Aleris Inc.", country: "US" });
    const sub = await buildEntity(admin, {
      name: "Aleris Deutschland GmbH",
      country: "DE",
      parentId: parent.id,
    });
    const put = await officer.send("PUT", "/api/screening/lists/enabled", {
      byLegalEntity: { [sub.id]: ["eu-fsf", "un-sc"] },
    });
    expect(put.statusCode, put.body).toBe(200);
    const view = put.json().legalEntities as { id: string; lists: string[]; isChosen: boolean }[];
    expect(view.find((e) => e.id === sub.id)).toMatchObject({ lists: ["eu-fsf", "un-sc"], isChosen: true });
    expect(view.find((e) => e.id === parent.id)?.lists).toHaveLength(6);
    // Dmitri Dravik is on the OpenSanctions list only
    const viaSub = await create({ name: "Dmitri Dravik", partyType: "person", legalEntityId: sub.id });
    expect(viaSub).toMatchObject({ status: "clear", hits: [], lists: ["eu-fsf", "un-sc"] });
    const viaParent = await create({ name: "Dmitri Dravik", partyType: "person", legalEntityId: parent.id });
    expect(viaParent.status).toBe("review");
    expect(viaParent.hits[0]).toMatchObject({ listSource: "opensanctions", programs: ["RUSSIA-EO14024"] });
    // ad hoc too
    const adHoc = await officer.send("POST", "/api/screening/screen", {
      name: "Dmitri Dravik",
      legalEntityId: sub.id,
    });
    expect(adHoc.json().matches).toEqual([]);
    const unknown = await officer.send("PUT", "/api/screening/lists/enabled", {
      byLegalEntity: { nope: ["un-sc"] },
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.body).toMatch(/not a known legal entity/);
    const none = await officer.send("PUT", "/api/screening/lists/enabled", {
      byLegalEntity: { [sub.id]: [] },
    });
    expect(none.statusCode).toBe(400);
    expect(none.body).toMatch(/COC-18.1/);
  });
});

describe("PEPs: enhanced due diligence, not a block (COC-18.1)", () => {
  it("a PEP hit is its own kind; confirmed, the party is not blocked but needs enhanced due diligence", async () => {
    const party = await create({ name: "Marisol Echeverría Tolosa", partyType: "person", country: "MX" });
    const hit = party.hits.find((h) => h.kind === "pep")!;
    expect(hit).toMatchObject({ listSource: "opensanctions", entityId: "OS-os-p-pep" });
    const decided = await legal.send("POST", `/api/screening/hits/${hit.id}/decision`, {
      decision: "true_match",
      reason: "Same person: the Secretary of Energy",
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({ kind: "pep", status: "true_match", counterpartyStatus: "clear" });
    const after = (await officer.get(`/api/screening/counterparties/${party.id}`)).json();
    expect(after).toMatchObject({ status: "clear", requiresEdd: true });
    // a transaction with the party is not refused for COC-18.1: the finding asks for due diligence
    const tx = await officer.send("POST", "/api/screening/transactions", {
      counterpartyId: party.id,
      description: "Consulting",
      amountCents: 100_00,
      currency: "EUR",
    });
    const approved = await legal.send("POST", `/api/screening/transactions/${tx.json().id}/approve`, {});
    const finding = approved.json().check.findings.find((f: { rule: string }) => f.rule === "COC-18.1");
    expect(finding).toMatchObject({ ok: true });
    expect(finding.message).toMatch(/enhanced due diligence, not a block/);
  });
});

describe("ownership and control: 50 % or more owned by blocked persons is blocked (COC-18.1)", () => {
  it("a company the OpenSanctions list shows owned 55 % by two sanctioned persons is an ownership hit with the chain", async () => {
    const party = await create({ name: "Holmgard Ventures Ltd", country: "CY" });
    const hit = party.hits.find((h) => h.kind === "ownership")!;
    expect(hit.listSource).toBe("opensanctions");
    expect(hit.explanation.ownership?.percentage).toBe(55);
    expect(hit.explanation.ownership?.chain.join("\n")).toMatch(
      /30 % by Dmitri Olegovich Dravik: on the OpenSanctions list/,
    );
  });

  it("ownership users enter blocks a party at 50 % together, shows the chain, and lifts when an owner is removed", async () => {
    const party = await create({ name: "Aurora Widgets Ltd", country: "BE" });
    expect(party.status).toBe("clear");
    const first = await officer.send("POST", `/api/screening/counterparties/${party.id}/owners`, {
      ownerEntityId: "OS-os-p-dravik",
      ownerName: "D. Dravik",
      percentage: 30,
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().status).toBe("clear");
    const second = await officer.send("POST", `/api/screening/counterparties/${party.id}/owners`, {
      ownerEntityId: "EU-900101",
      ownerName: "B. Zarkanov",
      percentage: 20,
    });
    const blocked = second.json();
    expect(blocked.status).toBe("blocked");
    const hit = blocked.hits.find((h: Hit) => h.kind === "ownership");
    expect(hit).toMatchObject({ listSource: "ownership", programs: ["RUSSIA-EO14024", "RUS"] });
    expect(hit.explanation.ownership.chain).toEqual([
      expect.stringMatching(/^Aurora Widgets Ltd is owned 50 % by blocked persons together/),
      "30 % by Dmitri Olegovich Dravik: listed on OpenSanctions as OS-os-p-dravik (RUSSIA-EO14024)",
      "20 % by Borislav Petrovich Zarkanov: listed on EU Financial Sanctions Files as EU-900101 (RUS)",
    ]);
    // a transaction is refused, naming the ownership
    const tx = await officer.send("POST", "/api/screening/transactions", {
      counterpartyId: party.id,
      description: "Widgets",
      amountCents: 5_00,
      currency: "EUR",
    });
    const refused = await legal.send("POST", `/api/screening/transactions/${tx.json().id}/approve`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toMatch(
      /Refused \(COC-18.1\): Aurora Widgets Ltd is blocked by ownership: .*owned 50 %/,
    );
    const removed = await officer.send(
      "DELETE",
      `/api/screening/counterparties/${party.id}/owners/${blocked.owners[1].id}`,
    );
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json().status).toBe("clear");
  });

  it("an owner confirmed as a true match blocks what it owns, through another party (COC-18.1)", async () => {
    const owner = await create({ name: "Koryo Marine Export Trading Corporation" });
    const holding = await create({ name: "Pacific Rim Holding Ltd" });
    const sub = await create({ name: "Pacific Rim Services Ltd" });
    await officer.send("POST", `/api/screening/counterparties/${holding.id}/owners`, {
      ownerCounterpartyId: owner.id,
      ownerName: "Koryo Marine",
      percentage: 51,
    });
    await officer.send("POST", `/api/screening/counterparties/${sub.id}/owners`, {
      ownerCounterpartyId: holding.id,
      ownerName: "Pacific Rim Holding",
      percentage: 100,
    });
    expect((await officer.get(`/api/screening/counterparties/${sub.id}`)).json().status).toBe("clear");
    const hit = owner.hits.find((h) => h.listSource === "un-sc")!;
    const decided = await legal.send("POST", `/api/screening/hits/${hit.id}/decision`, {
      decision: "true_match",
      reason: "Same company",
    });
    expect(decided.json().counterpartyStatus).toBe("blocked");
    const after = (await officer.get(`/api/screening/counterparties/${sub.id}`)).json();
    expect(after.status).toBe("blocked");
    expect(after.hits[0].explanation.ownership.chain.join("\n")).toMatch(
      /100 % by Pacific Rim Holding Ltd, itself blocked by ownership:\n {2}51 % by Koryo Marine Export Trading Corporation: a counterparty confirmed as a true match with UN Security Council consolidated list entry UN-KPe.901/,
    );
    const self = await officer.send("POST", `/api/screening/counterparties/${sub.id}/owners`, {
      ownerCounterpartyId: sub.id,
      ownerName: "itself",
      percentage: 1,
    });
    expect(self.statusCode).toBe(422);
  });
});
