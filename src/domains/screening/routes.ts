import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { endpoints, listRoute, listWithCsv, type RouteDeps, typed } from "../../kernel/http/routes.ts";
import { ctxOf } from "../../kernel/http/server.ts";
import { approveTransaction } from "./approve-transaction.ts";
import { createCounterparty } from "./create-counterparty.ts";
import { createExportItem } from "./create-export-item.ts";
import { createLicence } from "./create-licence.ts";
import { createTransaction } from "./create-transaction.ts";
import { decideHit } from "./decide-hit.ts";
import { getEnabledListsView, updateEnabledLists } from "./enabled-lists-use-cases.ts";
import { exportCounterpartiesCsv } from "./export-counterparties-csv.ts";
import { exportVersionChangesCsv } from "./export-version-changes-csv.ts";
import { getCounterparty } from "./get-counterparty.ts";
import { getExportControls } from "./get-export-controls.ts";
import { getVersionEntry } from "./get-version-entry.ts";
import { importList } from "./import-list.ts";
import { listCounterparties } from "./list-counterparties.ts";
import { listHits } from "./list-hits.ts";
import { listTransactions } from "./list-transactions.ts";
import { listVersionChanges } from "./list-version-changes.ts";
import { listVersions } from "./list-versions.ts";
import { rescreenCounterparty } from "./rescreen-counterparty.ts";
import { countryChart, jurisdictionList } from "./rules.ts";
import { addOwnership, removeOwnership } from "./save-ownership.ts";
import {
  counterpartyFilter,
  counterpartyInput,
  counterpartyPatch,
  enabledListsInput,
  exportItemInput,
  hitDecision,
  hitFilter,
  licenceInput,
  listChangesFilter,
  listImportInput,
  ownershipInput,
  screenBatchInput,
  screenOneInput,
  transactionFilter,
  transactionInput,
} from "./schemas.ts";
import { screenBatch } from "./screen-batch.ts";
import { screenOne } from "./screen-one.ts";
import { updateCounterparty } from "./update-counterparty.ts";
import { updateCountryChart } from "./update-country-chart.ts";
import { updateJurisdictions } from "./update-jurisdictions.ts";
import {
  counterpartyDetailView,
  counterpartyPage,
  countryChartView,
  enabledListsView,
  exportControlsView,
  exportItemView,
  exportLicenceView,
  hitDecisionView,
  hitPage,
  jurisdictionsView,
  listChangesView,
  listImportView,
  listVersionsView,
  screenBatchView,
  screenOneView,
  transactionPage,
  transactionView,
  versionEntryView,
} from "./views.ts";

const route = endpoints(["screening"]);
const READ = { permission: "screening.read" };
const idParams = z.object({ id: z.string().min(1).max(64) });
const entryParams = z.object({ id: z.string().min(1).max(64), entityId: z.string().min(1).max(64) });
const ownerParams = z.object({ id: z.string().min(1).max(64), ownershipId: z.string().min(1).max(64) });

export function registerScreeningRoutes(app: FastifyInstance, deps: RouteDeps) {
  const r = typed(app);

  r.get(
    "/api/screening/lists",
    route("list.read", READ, { summary: "Sanctions list versions", response: { 200: listVersionsView } }),
    async (q) => listVersions(ctxOf(q, deps)),
  );

  listWithCsv(r, deps, route, {
    url: "/api/screening/lists/:id/changes",
    access: READ,
    params: idParams,
    querystring: listChangesFilter,
    list: {
      action: "list.version.changes",
      summary: "One page of a version's added, changed or removed entries against the previous version",
      response: listChangesView,
      run: (ctx, query, params) => listVersionChanges(ctx, params.id, query),
    },
    csv: {
      action: "list.version.changes.export",
      summary: "A version's added, changed or removed entries as CSV",
      run: (ctx, query, params) => exportVersionChangesCsv(ctx, params.id, query),
    },
  });
  r.get(
    "/api/screening/lists/:id/entries/:entityId",
    route("list.version.entry", READ, {
      summary: "An entry as this version has it, with the previous version's data when it changed",
      params: entryParams,
      response: { 200: versionEntryView },
    }),
    async (q) => getVersionEntry(ctxOf(q, deps), q.params.id, q.params.entityId),
  );

  r.post(
    "/api/screening/lists/import",
    {
      ...route(
        "list.import",
        { permission: "screening.lists" },
        {
          summary:
            "Import a new list version: OFAC's SDN.XML / CONSOLIDATED.XML or the CSV set (SDN.CSV, ALT, ADD, SDN_COMMENTS; CONS_*), the EU's Financial Sanctions File, OFSI's ConList.csv, the UN's consolidated.xml or OpenSanctions' FollowTheMoney JSON lines (file)",
          body: listImportInput,
          response: { 200: listImportView, 201: listImportView },
        },
      ),
      bodyLimit: 200 * 1024 * 1024,
    },
    async (q, reply) => {
      const { source, xml, file, sdn, ...rest } = q.body;
      const v = await importList(
        ctxOf(q, deps),
        file
          ? { source, text: file }
          : xml
            ? { source, xml }
            : { source, files: { sdn: sdn ?? "", ...rest } },
      );
      return reply.status(v.unchangedFiles ? 200 : 201).send(v);
    },
  );

  r.get(
    "/api/screening/lists/enabled",
    route("list.enabled.read", READ, {
      summary: "The lists each legal entity screens against",
      response: { 200: enabledListsView },
    }),
    async (q) => getEnabledListsView(ctxOf(q, deps)),
  );
  r.put(
    "/api/screening/lists/enabled",
    route(
      "screening.lists.enable",
      { permission: "screening.lists" },
      {
        summary:
          "Choose the lists each legal entity screens against (COC-18.1); its counterparties are screened again",
        body: enabledListsInput,
        response: { 200: enabledListsView },
      },
    ),
    async (q) => updateEnabledLists(ctxOf(q, deps), q.body),
  );

  r.post(
    "/api/screening/screen",
    route("screening.screen", READ, {
      summary: "Screen one name",
      body: screenOneInput,
      response: { 200: screenOneView },
    }),
    async (q) => screenOne(ctxOf(q, deps), q.body),
  );
  r.post(
    "/api/screening/screen/batch",
    {
      ...route("screening.batch", READ, {
        summary: "Screen up to 10,000 names",
        body: screenBatchInput,
        response: { 200: screenBatchView },
      }),
      bodyLimit: 20 * 1024 * 1024,
    },
    async (q) => screenBatch(ctxOf(q, deps), q.body),
  );

  listWithCsv(r, deps, route, {
    url: "/api/screening/counterparties",
    access: READ,
    querystring: counterpartyFilter,
    list: { action: "counterparty.list", response: counterpartyPage, run: listCounterparties },
    csv: { action: "counterparty.export", filename: "counterparties.csv", run: exportCounterpartiesCsv },
  });
  r.get(
    "/api/screening/counterparties/:id",
    route("counterparty.read", READ, { params: idParams, response: { 200: counterpartyDetailView } }),
    async (q) => getCounterparty(ctxOf(q, deps), q.params.id),
  );
  r.post(
    "/api/screening/counterparties",
    route(
      "counterparty.create",
      { permission: "counterparty.manage" },
      { body: counterpartyInput, response: { 201: counterpartyDetailView } },
    ),
    async (q, reply) => reply.status(201).send(await createCounterparty(ctxOf(q, deps), q.body)),
  );
  r.patch(
    "/api/screening/counterparties/:id",
    route(
      "counterparty.update",
      { permission: "counterparty.manage" },
      { params: idParams, body: counterpartyPatch, response: { 200: counterpartyDetailView } },
    ),
    async (q) => updateCounterparty(ctxOf(q, deps), q.params.id, q.body),
  );
  r.post(
    "/api/screening/counterparties/:id/screen",
    route(
      "counterparty.rescreen",
      { permission: "counterparty.manage" },
      { params: idParams, response: { 200: counterpartyDetailView } },
    ),
    async (q) => rescreenCounterparty(ctxOf(q, deps), q.params.id),
  );

  r.post(
    "/api/screening/counterparties/:id/owners",
    route(
      "counterparty.owner.add",
      { permission: "counterparty.manage" },
      {
        summary:
          "Record an owner of a counterparty (a list entry or another counterparty) and screen it again (50 % rule)",
        params: idParams,
        body: ownershipInput,
        response: { 201: counterpartyDetailView },
      },
    ),
    async (q, reply) => reply.status(201).send(await addOwnership(ctxOf(q, deps), q.params.id, q.body)),
  );
  r.delete(
    "/api/screening/counterparties/:id/owners/:ownershipId",
    route(
      "counterparty.owner.remove",
      { permission: "counterparty.manage" },
      {
        summary: "Remove an owner of a counterparty and screen it again",
        params: ownerParams,
        response: { 200: counterpartyDetailView },
      },
    ),
    async (q) => removeOwnership(ctxOf(q, deps), q.params.id, q.params.ownershipId),
  );

  listRoute(r, deps, route, {
    url: "/api/screening/hits",
    action: "hit.list",
    access: READ,
    summary: "The review queue",
    querystring: hitFilter,
    response: hitPage,
    run: listHits,
  });
  r.post(
    "/api/screening/hits/:id/decision",
    route(
      "hit.decide",
      { permission: "screening.decide" },
      { params: idParams, body: hitDecision, response: { 200: hitDecisionView } },
    ),
    async (q) => decideHit(ctxOf(q, deps), q.params.id, q.body),
  );

  listRoute(r, deps, route, {
    url: "/api/screening/transactions",
    action: "transaction.list",
    access: READ,
    querystring: transactionFilter,
    response: transactionPage,
    run: listTransactions,
  });
  r.post(
    "/api/screening/transactions",
    route(
      "transaction.create",
      { permission: "transaction.manage" },
      { body: transactionInput, response: { 201: transactionView } },
    ),
    async (q, reply) => reply.status(201).send(await createTransaction(ctxOf(q, deps), q.body)),
  );
  r.post(
    "/api/screening/transactions/:id/approve",
    route(
      "transaction.approve",
      { permission: "transaction.approve" },
      { params: idParams, response: { 200: transactionView } },
    ),
    async (q) => approveTransaction(ctxOf(q, deps), q.params.id),
  );

  r.get(
    "/api/screening/export-controls",
    route("export.read", READ, { response: { 200: exportControlsView } }),
    async (q) => getExportControls(ctxOf(q, deps)),
  );
  r.post(
    "/api/screening/export-controls/items",
    route(
      "export.item.create",
      { permission: "export.manage" },
      { body: exportItemInput, response: { 201: exportItemView } },
    ),
    async (q, reply) => reply.status(201).send(await createExportItem(ctxOf(q, deps), q.body)),
  );
  r.post(
    "/api/screening/export-controls/licences",
    route(
      "export.licence.create",
      { permission: "export.manage" },
      { body: licenceInput, response: { 201: exportLicenceView } },
    ),
    async (q, reply) => reply.status(201).send(await createLicence(ctxOf(q, deps), q.body)),
  );
  r.put(
    "/api/screening/export-controls/jurisdictions",
    route(
      "export.jurisdictions.update",
      { permission: "export.manage" },
      {
        summary: "Replace the comprehensively sanctioned jurisdictions (COC-18.2)",
        body: jurisdictionList,
        response: { 200: jurisdictionsView },
      },
    ),
    async (q) => updateJurisdictions(ctxOf(q, deps), q.body),
  );
  r.put(
    "/api/screening/export-controls/chart",
    route(
      "export.chart.update",
      { permission: "export.manage" },
      { body: countryChart, response: { 200: countryChartView } },
    ),
    async (q) => updateCountryChart(ctxOf(q, deps), q.body),
  );
}
