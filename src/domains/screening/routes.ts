import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { type RouteDeps, typed } from "../../kernel/http/routes.ts";
import { ctxOf, sendCsv } from "../../kernel/http/server.ts";
import {
  createCounterparty,
  exportCounterpartiesCsv,
  getCounterparty,
  listCounterparties,
  rescreenCounterparty,
  updateCounterparty,
} from "./counterparties.ts";
import {
  createExportItem,
  createLicence,
  getExportControls,
  updateCountryChart,
  updateJurisdictions,
} from "./export-controls.ts";
import { importList } from "./import-list.ts";
import {
  exportVersionChangesCsv,
  getEntry,
  getVersion,
  getVersionEntry,
  listVersionChanges,
  listVersions,
} from "./list-versions.ts";
import { decideHit, listHits } from "./review-hits.ts";
import { countryChart, jurisdictionList } from "./rules.ts";
import {
  counterpartyFilter,
  counterpartyInput,
  counterpartyPatch,
  exportItemInput,
  hitDecision,
  hitFilter,
  licenceInput,
  listChangesFilter,
  listImportInput,
  screenBatchInput,
  screenOneInput,
  transactionFilter,
  transactionInput,
} from "./schemas.ts";
import { screenBatch, screenOne } from "./screen-names.ts";
import { approveTransaction, createTransaction, listTransactions } from "./transactions.ts";

const tags = ["screening"];
const idParams = z.object({ id: z.string().min(1).max(64) });
const entryParams = z.object({ id: z.string().min(1).max(64), entityId: z.string().min(1).max(64) });
const read = (action: string) => ({ access: { action, permission: "screening.read" } });

export function registerScreeningRoutes(app: FastifyInstance, deps: RouteDeps) {
  const r = typed(app);

  r.get(
    "/api/screening/lists",
    {
      config: read("list.read"),
      schema: { tags, operationId: "list.read", summary: "Sanctions list versions" },
    },
    async (q) => listVersions(ctxOf(q, deps)),
  );
  r.get(
    "/api/screening/lists/:id",
    {
      config: read("list.version.read"),
      schema: {
        tags,
        operationId: "list.version.read",
        summary: "A list version with its diff",
        params: idParams,
      },
    },
    async (q) => getVersion(ctxOf(q, deps), q.params.id),
  );
  r.get(
    "/api/screening/lists/:id/changes",
    {
      config: read("list.version.changes"),
      schema: {
        tags,
        operationId: "list.version.changes",
        summary: "One page of a version's added, changed or removed entries against the previous version",
        params: idParams,
        querystring: listChangesFilter,
      },
    },
    async (q) => listVersionChanges(ctxOf(q, deps), q.params.id, q.query),
  );
  r.get(
    "/api/screening/lists/:id/changes.csv",
    {
      config: read("list.version.changes.export"),
      schema: {
        tags,
        operationId: "list.version.changes.export",
        summary: "A version's added, changed or removed entries as CSV",
        params: idParams,
        querystring: listChangesFilter,
      },
    },
    async (q, reply) => {
      const { filename, csv } = await exportVersionChangesCsv(ctxOf(q, deps), q.params.id, q.query);
      return sendCsv(reply, filename, csv);
    },
  );
  r.get(
    "/api/screening/lists/:id/entries/:entityId",
    {
      config: read("list.version.entry"),
      schema: {
        tags,
        operationId: "list.version.entry",
        summary: "An entry as this version has it, with the previous version's data when it changed",
        params: entryParams,
      },
    },
    async (q) => getVersionEntry(ctxOf(q, deps), q.params.id, q.params.entityId),
  );
  r.get(
    "/api/screening/entries/:id",
    { config: read("list.entry.read"), schema: { tags, operationId: "list.entry.read", params: idParams } },
    async (q) => getEntry(ctxOf(q, deps), q.params.id),
  );
  r.post(
    "/api/screening/lists/import",
    {
      config: { access: { action: "list.import", permission: "screening.lists" } },
      bodyLimit: 200 * 1024 * 1024,
      schema: {
        tags,
        operationId: "list.import",
        summary:
          "Import OFAC's SDN.XML / CONSOLIDATED.XML or the CSV set (SDN.CSV, ALT, ADD, SDN_COMMENTS; CONS_*) as a new list version",
        body: listImportInput,
      },
    },
    async (q, reply) => {
      const { source, xml, sdn, ...rest } = q.body;
      const v = await importList(
        ctxOf(q, deps),
        xml ? { source, xml } : { source, files: { sdn: sdn ?? "", ...rest } },
      );
      return reply.status(v.unchangedFiles ? 200 : 201).send(v);
    },
  );

  r.post(
    "/api/screening/screen",
    {
      config: read("screening.screen"),
      schema: { tags, operationId: "screening.screen", summary: "Screen one name", body: screenOneInput },
    },
    async (q) => screenOne(ctxOf(q, deps), q.body),
  );
  r.post(
    "/api/screening/screen/batch",
    {
      config: read("screening.batch"),
      bodyLimit: 20 * 1024 * 1024,
      schema: {
        tags,
        operationId: "screening.batch",
        summary: "Screen up to 10,000 names",
        body: screenBatchInput,
      },
    },
    async (q) => screenBatch(ctxOf(q, deps), q.body),
  );

  r.get(
    "/api/screening/counterparties",
    {
      config: read("counterparty.list"),
      schema: { tags, operationId: "counterparty.list", querystring: counterpartyFilter },
    },
    async (q) => listCounterparties(ctxOf(q, deps), q.query),
  );
  r.get(
    "/api/screening/counterparties.csv",
    {
      config: read("counterparty.export"),
      schema: { tags, operationId: "counterparty.export", querystring: counterpartyFilter },
    },
    async (q, reply) =>
      sendCsv(reply, "counterparties.csv", await exportCounterpartiesCsv(ctxOf(q, deps), q.query)),
  );
  r.get(
    "/api/screening/counterparties/:id",
    {
      config: read("counterparty.read"),
      schema: { tags, operationId: "counterparty.read", params: idParams },
    },
    async (q) => getCounterparty(ctxOf(q, deps), q.params.id),
  );
  r.post(
    "/api/screening/counterparties",
    {
      config: { access: { action: "counterparty.create", permission: "counterparty.manage" } },
      schema: { tags, operationId: "counterparty.create", body: counterpartyInput },
    },
    async (q, reply) => reply.status(201).send(await createCounterparty(ctxOf(q, deps), q.body)),
  );
  r.patch(
    "/api/screening/counterparties/:id",
    {
      config: { access: { action: "counterparty.update", permission: "counterparty.manage" } },
      schema: { tags, operationId: "counterparty.update", params: idParams, body: counterpartyPatch },
    },
    async (q) => updateCounterparty(ctxOf(q, deps), q.params.id, q.body),
  );
  r.post(
    "/api/screening/counterparties/:id/screen",
    {
      config: { access: { action: "counterparty.rescreen", permission: "counterparty.manage" } },
      schema: { tags, operationId: "counterparty.rescreen", params: idParams },
    },
    async (q) => rescreenCounterparty(ctxOf(q, deps), q.params.id),
  );

  r.get(
    "/api/screening/hits",
    {
      config: read("hit.list"),
      schema: { tags, operationId: "hit.list", summary: "The review queue", querystring: hitFilter },
    },
    async (q) => listHits(ctxOf(q, deps), q.query),
  );
  r.post(
    "/api/screening/hits/:id/decision",
    {
      config: { access: { action: "hit.decide", permission: "screening.decide" } },
      schema: { tags, operationId: "hit.decide", params: idParams, body: hitDecision },
    },
    async (q) => decideHit(ctxOf(q, deps), q.params.id, q.body),
  );

  r.get(
    "/api/screening/transactions",
    {
      config: read("transaction.list"),
      schema: { tags, operationId: "transaction.list", querystring: transactionFilter },
    },
    async (q) => listTransactions(ctxOf(q, deps), q.query),
  );
  r.post(
    "/api/screening/transactions",
    {
      config: { access: { action: "transaction.create", permission: "transaction.manage" } },
      schema: { tags, operationId: "transaction.create", body: transactionInput },
    },
    async (q, reply) => reply.status(201).send(await createTransaction(ctxOf(q, deps), q.body)),
  );
  r.post(
    "/api/screening/transactions/:id/approve",
    {
      config: { access: { action: "transaction.approve", permission: "transaction.approve" } },
      schema: { tags, operationId: "transaction.approve", params: idParams },
    },
    async (q) => approveTransaction(ctxOf(q, deps), q.params.id),
  );

  r.get(
    "/api/screening/export-controls",
    { config: read("export.read"), schema: { tags, operationId: "export.read" } },
    async (q) => getExportControls(ctxOf(q, deps)),
  );
  r.post(
    "/api/screening/export-controls/items",
    {
      config: { access: { action: "export.item.create", permission: "export.manage" } },
      schema: { tags, operationId: "export.item.create", body: exportItemInput },
    },
    async (q, reply) => reply.status(201).send(await createExportItem(ctxOf(q, deps), q.body)),
  );
  r.post(
    "/api/screening/export-controls/licences",
    {
      config: { access: { action: "export.licence.create", permission: "export.manage" } },
      schema: { tags, operationId: "export.licence.create", body: licenceInput },
    },
    async (q, reply) => reply.status(201).send(await createLicence(ctxOf(q, deps), q.body)),
  );
  r.put(
    "/api/screening/export-controls/jurisdictions",
    {
      config: { access: { action: "export.jurisdictions.update", permission: "export.manage" } },
      schema: {
        tags,
        operationId: "export.jurisdictions.update",
        summary: "Replace the comprehensively sanctioned jurisdictions (COC-18.2)",
        body: jurisdictionList,
      },
    },
    async (q) => updateJurisdictions(ctxOf(q, deps), q.body),
  );
  r.put(
    "/api/screening/export-controls/chart",
    {
      config: { access: { action: "export.chart.update", permission: "export.manage" } },
      schema: { tags, operationId: "export.chart.update", body: countryChart },
    },
    async (q) => updateCountryChart(ctxOf(q, deps), q.body),
  );
}
