import fs from "node:fs";
import path from "node:path";
import type { Ctx } from "../../kernel/context.ts";
import { actorOfUser } from "../people/index.ts";
import { approveTransaction } from "./approve-transaction.ts";
import { createCounterparty } from "./create-counterparty.ts";
import { createExportItem } from "./create-export-item.ts";
import { createLicence } from "./create-licence.ts";
import { createTransaction } from "./create-transaction.ts";
import { importList } from "./import-list.ts";
import { readListDir } from "./lists/read-list.ts";

/**
 * Where the demo finds a sanctions list: PROBITY_DEMO_SANCTIONS_DIR, else the July 2021 SDN
 * snapshot in the workplace's shared data beside the repository. The repository never holds OFAC's
 * files; without them the demo's counterparties stay unscreened until someone imports a list.
 */
export function demoSanctionsDir(env: NodeJS.ProcessEnv = process.env): string | null {
  const candidates = [
    env.PROBITY_DEMO_SANCTIONS_DIR,
    path.resolve(import.meta.dirname, "../../../../shared/data/sanctions/ofac-sdn-2021"),
  ].filter((d): d is string => !!d);
  return candidates.find((d) => fs.existsSync(d) && fs.statSync(d).isDirectory()) ?? null;
}

/**
 * The demo's sanctions and export screening, made through the use cases: the 2021 SDN snapshot
 * (when it is available), Aleris's suppliers, customers, a customs agent and a foreign national,
 * two export items and a licence, and transactions — one approved, one waiting.
 */
export async function seedScreeningDemo(ctx: Ctx, log: (line: string) => void = console.log) {
  const officer = await actorOfUser(ctx, "compliance@aleris.example");
  if (!officer) return;
  const as = { ...ctx, actor: officer };
  const dir = demoSanctionsDir();
  if (dir) {
    const v = await importList(as, readListDir(dir));
    log(`Imported the ${v.source} list: ${v.counts.entries.toLocaleString("en-US")} entries from ${dir}.`);
  } else {
    log("No sanctions list found for the demo: import OFAC's files with `probity lists import`.");
  }
  await createExportItem(as, {
    sku: "ALU-5182-COIL",
    name: "5182 aluminium coil, can-end stock",
    eccn: "EAR99",
    reasons: [],
  });
  const tube = await createExportItem(as, {
    sku: "ALU-7075-TUBE",
    name: "7075-T6 aluminium alloy tube, 100 mm outside diameter",
    eccn: "1C202",
    reasons: ["NP1", "AT1"],
  });
  await createLicence(as, {
    kind: "licence",
    reference: "D1187245",
    eccn: "1C202",
    country: "DE",
    validUntil: "2027-12-31",
  });
  const party = (
    name: string,
    kind: "customer" | "supplier" | "agent" | "foreign_national",
    country: string,
    extra: { partyType?: "person" | "entity"; isForeign?: boolean; address?: string } = {},
  ) =>
    createCounterparty(as, {
      name,
      aliases: [],
      kind,
      partyType: extra.partyType ?? "entity",
      country,
      address: extra.address ?? null,
      identifiers: [],
      isForeign: extra.isForeign ?? true,
    });
  const hanseatic = await party("Hanseatic Scrap Metals GmbH", "supplier", "DE", {
    address: "Am Sandtorkai 12, 20457 Hamburg",
  });
  const shandong = await party("Shandong Huaxin Aluminium Co., Ltd.", "customer", "CN");
  await party("Metalúrgica São Paulo Ltda.", "supplier", "BR");
  await party("Agencia Aduanal del Norte S.A. de C.V.", "agent", "MX");
  await party("Gulf Coast Alloys LLC", "customer", "US", { isForeign: false });
  // Two parties that hit the list: a state arms exporter's trading arm, and a common name.
  await party("Rosoboronexport Trading", "customer", "RU");
  await party("Ali Hassan", "foreign_national", "LB", { partyType: "person" });

  const scrap = await createTransaction(as, {
    counterpartyId: hanseatic.id,
    description: "Purchase of 400 t shredded aluminium scrap (PO 4500123)",
    amountCents: 612_000_00,
    currency: "EUR",
    destinationCountry: "US",
    itemId: null,
    payeeName: "Hanseatic Scrap Metals GmbH",
    payeeAccountCountry: "DE",
    payeeAddressCountry: "DE",
  });
  if (dir) await approveTransaction(as, scrap.id);
  await createTransaction(as, {
    counterpartyId: shandong.id,
    description: "Export of 7075-T6 tube, 12 t (quote Q-2026-311)",
    amountCents: 318_500_00,
    currency: "USD",
    destinationCountry: "CN",
    itemId: tube.id,
    payeeName: "Shandong Huaxin Aluminium Co., Ltd.",
    payeeAccountCountry: "CN",
    payeeAddressCountry: "CN",
  });
}
