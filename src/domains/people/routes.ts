import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { fileResponse } from "../../kernel/http/responses.ts";
import { endpoints, listWithCsv, type RouteDeps, typed } from "../../kernel/http/routes.ts";
import { ctxOf, sendCsv } from "../../kernel/http/server.ts";
import { getPerson } from "./get-person.ts";
import { IMPORT_TEMPLATE, importPeople } from "./import-people.ts";
import { exportPeopleCsv, listPeople, peopleFacets } from "./list-people.ts";
import { createPerson, endEmployment, updatePerson } from "./save-person.ts";
import { calendarDate, peopleFilter, personInput, personPatch } from "./schemas.ts";
import { importResultView, peopleFacetsView, personDetailView, personPage, personView } from "./views.ts";

const route = endpoints(["people"]);
const idParams = z.object({ id: z.string().min(1).max(64) });

export function registerPeopleRoutes(app: FastifyInstance, deps: RouteDeps) {
  const r = typed(app);

  listWithCsv(r, deps, route, {
    url: "/api/people",
    access: { permission: "people.read" },
    querystring: peopleFilter,
    list: {
      action: "people.list",
      summary: "Search and filter the directory",
      response: personPage,
      run: listPeople,
    },
    csv: {
      action: "people.export",
      summary: "The filtered directory as CSV (the HR import format)",
      filename: "people.csv",
      run: exportPeopleCsv,
    },
  });

  r.get(
    "/api/people/facets",
    route("people.facets", { permission: "people.read" }, { response: { 200: peopleFacetsView } }),
    async (request) => peopleFacets(ctxOf(request, deps)),
  );

  r.get(
    "/api/people/import/template.csv",
    route(
      "people.import.template",
      { permission: "people.import" },
      { response: { 200: fileResponse("text/csv") } },
    ),
    async (_request, reply) => sendCsv(reply, "people-import-template.csv", IMPORT_TEMPLATE),
  );

  r.post(
    "/api/people/import",
    {
      ...route(
        "people.import",
        { permission: "people.import" },
        {
          summary: "HR import from CSV: dry run shows the diff; a file with any row error writes nothing",
          body: z.object({ csv: z.string().min(1, "the CSV is empty"), dryRun: z.boolean().default(true) }),
          response: { 200: importResultView },
        },
      ),
      bodyLimit: 20 * 1024 * 1024,
    },
    async (request) => importPeople(ctxOf(request, deps), request.body),
  );

  r.get(
    "/api/people/:id",
    route("person.read", { authenticated: true }, { params: idParams, response: { 200: personDetailView } }),
    async (request) => getPerson(ctxOf(request, deps), request.params.id),
  );

  r.post(
    "/api/people",
    route(
      "person.create",
      { permission: "people.write" },
      { body: personInput, response: { 201: personView } },
    ),
    async (request, reply) => reply.status(201).send(await createPerson(ctxOf(request, deps), request.body)),
  );

  r.patch(
    "/api/people/:id",
    route(
      "person.update",
      { permission: "people.write" },
      { params: idParams, body: personPatch, response: { 200: personView } },
    ),
    async (request) => updatePerson(ctxOf(request, deps), request.params.id, request.body),
  );

  r.post(
    "/api/people/:id/end",
    route(
      "person.end",
      { permission: "people.write" },
      { params: idParams, body: z.object({ endDate: calendarDate }), response: { 200: personView } },
    ),
    async (request) => endEmployment(ctxOf(request, deps), request.params.id, request.body.endDate),
  );
}
