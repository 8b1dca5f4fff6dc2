import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { type RouteDeps, typed } from "../../kernel/http/routes.ts";
import { ctxOf, sendCsv } from "../../kernel/http/server.ts";
import { getPerson } from "./get-person.ts";
import { IMPORT_TEMPLATE, importPeople } from "./import-people.ts";
import { exportPeopleCsv, listPeople, peopleFacets } from "./list-people.ts";
import { createPerson, endEmployment, updatePerson } from "./save-person.ts";
import { calendarDate, peopleFilter, personInput, personPatch } from "./schemas.ts";

const tags = ["people"];
const idParams = z.object({ id: z.string().min(1).max(64) });

export function registerPeopleRoutes(app: FastifyInstance, deps: RouteDeps) {
  const r = typed(app);

  r.get(
    "/api/people",
    {
      config: { access: { action: "people.list", permission: "people.read" } },
      schema: {
        tags,
        operationId: "people.list",
        summary: "Search and filter the directory",
        querystring: peopleFilter,
      },
    },
    async (request) => listPeople(ctxOf(request, deps), request.query),
  );

  r.get(
    "/api/people.csv",
    {
      config: { access: { action: "people.export", permission: "people.read" } },
      schema: {
        tags,
        operationId: "people.export",
        summary: "The filtered directory as CSV (the HR import format)",
        querystring: peopleFilter,
      },
    },
    async (request, reply) =>
      sendCsv(reply, "people.csv", await exportPeopleCsv(ctxOf(request, deps), request.query)),
  );

  r.get(
    "/api/people/facets",
    {
      config: { access: { action: "people.facets", permission: "people.read" } },
      schema: { tags, operationId: "people.facets" },
    },
    async (request) => peopleFacets(ctxOf(request, deps)),
  );

  r.get(
    "/api/people/import/template.csv",
    {
      config: { access: { action: "people.import.template", permission: "people.import" } },
      schema: { tags, operationId: "people.import.template" },
    },
    async (_request, reply) => sendCsv(reply, "people-import-template.csv", IMPORT_TEMPLATE),
  );

  r.post(
    "/api/people/import",
    {
      config: { access: { action: "people.import", permission: "people.import" } },
      bodyLimit: 20 * 1024 * 1024,
      schema: {
        tags,
        operationId: "people.import",
        summary: "HR import from CSV: dry run shows the diff; a file with any row error writes nothing",
        body: z.object({ csv: z.string().min(1, "the CSV is empty"), dryRun: z.boolean().default(true) }),
      },
    },
    async (request) => importPeople(ctxOf(request, deps), request.body),
  );

  r.get(
    "/api/people/:id",
    {
      config: { access: { action: "person.read", authenticated: true } },
      schema: { tags, operationId: "person.read", params: idParams },
    },
    async (request) => getPerson(ctxOf(request, deps), request.params.id),
  );

  r.post(
    "/api/people",
    {
      config: { access: { action: "person.create", permission: "people.write" } },
      schema: { tags, operationId: "person.create", body: personInput },
    },
    async (request, reply) => reply.status(201).send(await createPerson(ctxOf(request, deps), request.body)),
  );

  r.patch(
    "/api/people/:id",
    {
      config: { access: { action: "person.update", permission: "people.write" } },
      schema: { tags, operationId: "person.update", params: idParams, body: personPatch },
    },
    async (request) => updatePerson(ctxOf(request, deps), request.params.id, request.body),
  );

  r.post(
    "/api/people/:id/end",
    {
      config: { access: { action: "person.end", permission: "people.write" } },
      schema: {
        tags,
        operationId: "person.end",
        params: idParams,
        body: z.object({ endDate: calendarDate }),
      },
    },
    async (request) => endEmployment(ctxOf(request, deps), request.params.id, request.body.endDate),
  );
}
