import { parse } from "csv-parse/sync";
import { type AuditEntry, recordMany } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { AppError } from "../../kernel/errors.ts";
import { newId } from "../../kernel/ids.ts";
import { isCalendarDate } from "../../kernel/schemas.ts";
import {
  DELIMITER_NAMES,
  decodeTextFile,
  detectDelimiter,
  refuseReplacementCharacters,
} from "../../kernel/text-file.ts";
import { peopleDb } from "./db.ts";
import { PEOPLE_CSV_COLUMNS } from "./list-people.ts";
import { announcePeopleChanged } from "./people-changed.ts";
import { authorize } from "./policy.ts";
import { PERSON_CATEGORIES, PERSON_KINDS } from "./roles.ts";
import { isCountryCode } from "./schemas.ts";
import type { PersonKind, PersonsTable } from "./tables.ts";
import type { PeopleImportResultView } from "./views.ts";

// The answer is the route's schema (views.ts), so a field added to one and not the other fails to compile.
export type ImportResult = PeopleImportResultView;
export type ImportChange = ImportResult["changes"][number];
export type ImportAction = ImportChange["action"];
export type RowError = ImportResult["errors"][number];

type Column = (typeof PEOPLE_CSV_COLUMNS)[number];
// Only the key is required: a file of employee_id plus the changed columns updates just those.
const REQUIRED: Column[] = ["employee_id"];
const MAX_ROWS = 50_000;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What the import compares and writes, by CSV column; supervisor and entity by their codes. */
type Values = {
  first_name: string | null;
  last_name: string | null;
  email: string | null;
  kind: string | null;
  title: string | null;
  department: string | null;
  country: string | null;
  legal_entity: string | null;
  supervisor_id: string | null;
  hire_date: string | null;
  end_date: string | null;
  categories: string | null;
};
type ValueKey = keyof Values;
const VALUE_KEYS = PEOPLE_CSV_COLUMNS.filter((c) => c !== "employee_id") as ValueKey[];

type Existing = { id: string; values: Values };

/**
 * HR import (issue "Foundation"): creates, updates and ends people by `employee_id`. A dry run
 * returns the diff; an import with any row error writes nothing. `csv` is the file's bytes (the
 * CLI: UTF-8, UTF-16 with a BOM or Windows-1252 are recognised) or text already decoded (the web
 * app); the delimiter (comma, semicolon as European spreadsheets save, or tab) is read from the
 * header line. Both are said back in `read`.
 */
export async function importPeople(
  ctx: Ctx,
  input: { csv: string | Uint8Array; dryRun: boolean },
): Promise<ImportResult> {
  authorize(ctx.actor, "people.import");
  const errors: RowError[] = [];
  const { text, encoding } =
    typeof input.csv === "string"
      ? { text: input.csv, encoding: "text" as const }
      : decodeTextFile(input.csv);
  const delimiter = detectDelimiter(text);
  if (encoding === "text") refuseReplacementCharacters(text, delimiter);
  const read: ImportResult["read"] = { encoding, delimiter: DELIMITER_NAMES[delimiter] };
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      delimiter,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new AppError("INVALID", `The file is not valid CSV: ${message}`);
  }
  const [header, ...rows] = records;
  if (!header)
    throw new AppError("INVALID", "The file is empty: it needs a header row and at least one row.");
  if (rows.length > MAX_ROWS)
    throw new AppError("INVALID", `The file has ${rows.length} rows; the limit is ${MAX_ROWS}.`);

  const columns = header.map((h) => h.trim().toLowerCase());
  columns.forEach((c, i) => {
    if (!(PEOPLE_CSV_COLUMNS as readonly string[]).includes(c)) {
      errors.push({
        row: 1,
        column: c || `column ${i + 1}`,
        message: `unknown column; expected ${PEOPLE_CSV_COLUMNS.join(", ")}`,
      });
    } else if (columns.indexOf(c) !== i)
      errors.push({ row: 1, column: c, message: "appears twice in the header" });
  });
  for (const c of REQUIRED)
    if (!columns.includes(c)) errors.push({ row: 1, column: c, message: "is a required column" });
  if (errors.length) return reject(read, input.dryRun, [], errors);

  const db = peopleDb(ctx);
  const entities = new Map(
    (await db.selectFrom("legal_entities").select(["id", "code"]).execute()).map((e) => [
      e.code.toUpperCase(),
      e.id,
    ]),
  );
  const entityCodeById = new Map([...entities].map(([code, id]) => [id, code]));
  const existingRows = await db
    .selectFrom("persons as p")
    .leftJoin("persons as s", "s.id", "p.supervisor_id")
    .select([
      "p.id",
      "p.external_id",
      "p.first_name",
      "p.last_name",
      "p.email",
      "p.kind",
      "p.title",
      "p.department",
      "p.location_country",
      "p.legal_entity_id",
      "p.hire_date",
      "p.end_date",
      "p.categories",
      "s.external_id as sup_external",
    ])
    .where("p.external_id", "is not", null)
    .execute();
  const existing = new Map<string, Existing>();
  for (const r of existingRows) {
    existing.set(r.external_id!, {
      id: r.id,
      values: {
        first_name: r.first_name,
        last_name: r.last_name,
        email: r.email,
        kind: r.kind,
        title: r.title,
        department: r.department,
        country: r.location_country,
        legal_entity: r.legal_entity_id ? (entityCodeById.get(r.legal_entity_id) ?? null) : null,
        supervisor_id: r.sup_external,
        hire_date: r.hire_date,
        end_date: r.end_date,
        categories: (JSON.parse(r.categories) as string[]).join(";") || null,
      },
    });
  }

  type Parsed = { row: number; externalId: string; values: Values; present: Set<ValueKey> };
  const parsed: Parsed[] = [];
  const seen = new Map<string, number>();
  for (const [index, cells] of rows.entries()) {
    const row = index + 2;
    const err = (column: string, message: string) => errors.push({ row, column, message });
    if (cells.length !== columns.length) {
      err("-", `has ${cells.length} fields but the header has ${columns.length}`);
      continue;
    }
    const cell = (c: Column) => {
      const i = columns.indexOf(c);
      if (i < 0) return undefined;
      const v = cells[i]!.trim();
      return v === "" ? null : v;
    };
    const externalId = cell("employee_id");
    if (!externalId) {
      err("employee_id", "is required");
      continue;
    }
    if (externalId.length > 64) {
      err("employee_id", "must be at most 64 characters");
      continue;
    }
    const earlier = seen.get(externalId);
    if (earlier) {
      err("employee_id", `${externalId} already appears in row ${earlier}`);
      continue;
    }
    seen.set(externalId, row);

    const values = {} as Values;
    const present = new Set<ValueKey>();
    for (const key of VALUE_KEYS) {
      const v = cell(key);
      if (v === undefined) continue;
      present.add(key);
      values[key] = v;
    }
    for (const key of ["first_name", "last_name"] as const) {
      if (present.has(key) && !values[key]) err(key, "is required");
      if ((values[key]?.length ?? 0) > 100) err(key, "must be at most 100 characters");
    }
    if (values.email) {
      values.email = values.email.toLowerCase();
      if (!EMAIL.test(values.email)) err("email", `"${values.email}" is not an email address`);
    }
    if (values.kind) {
      values.kind = values.kind.toLowerCase();
      if (!(PERSON_KINDS as readonly string[]).includes(values.kind))
        err("kind", `must be one of ${PERSON_KINDS.join(", ")}`);
    }
    if (values.country) {
      values.country = values.country.toUpperCase();
      if (!isCountryCode(values.country))
        err("country", `"${values.country}" is not an ISO 3166 two-letter country code`);
    }
    if (values.legal_entity) {
      values.legal_entity = values.legal_entity.toUpperCase();
      if (!entities.has(values.legal_entity))
        err("legal_entity", `"${values.legal_entity}" is not a known legal entity code`);
    }
    for (const key of ["hire_date", "end_date"] as const) {
      if (values[key] && !isCalendarDate(values[key]))
        err(key, `"${values[key]}" is not a date written YYYY-MM-DD`);
    }
    if (values.categories) {
      const list = values.categories
        .split(/[;,]/)
        .map((c) => c.trim().toLowerCase())
        .filter(Boolean);
      const bad = list.filter((c) => !(PERSON_CATEGORIES as readonly string[]).includes(c));
      if (bad.length)
        err("categories", `unknown ${bad.join(", ")}; use ${PERSON_CATEGORIES.join(", ")} separated by ;`);
      values.categories = [...new Set(list)].sort().join(";") || null;
    }
    if (values.supervisor_id === externalId) err("supervisor_id", "a person cannot supervise themselves");
    const before = existing.get(externalId)?.values;
    const hire = present.has("hire_date") ? values.hire_date : (before?.hire_date ?? null);
    const end = present.has("end_date") ? values.end_date : (before?.end_date ?? null);
    if (hire && end && isCalendarDate(hire) && isCalendarDate(end) && end < hire)
      err("end_date", "is before the hire date");
    if (!before) {
      for (const key of ["first_name", "last_name"] as const)
        if (!present.has(key)) err(key, "is required for a new person");
    }
    parsed.push({ row, externalId, values, present });
  }

  // Supervisors must exist (in the file or already) and the org chart must stay a tree.
  const supervisorOf = new Map<string, string | null>();
  for (const [ext, e] of existing) supervisorOf.set(ext, e.values.supervisor_id);
  for (const p of parsed)
    if (p.present.has("supervisor_id")) supervisorOf.set(p.externalId, p.values.supervisor_id);
  for (const p of parsed) {
    const sup = p.values.supervisor_id;
    if (p.present.has("supervisor_id") && sup && !supervisorOf.has(sup)) {
      errors.push({ row: p.row, column: "supervisor_id", message: `no person has employee id ${sup}` });
      continue;
    }
    const visited = new Set<string>([p.externalId]);
    let cursor = supervisorOf.get(p.externalId) ?? null;
    while (cursor) {
      if (visited.has(cursor)) {
        if (cursor === p.externalId && sup !== p.externalId) {
          errors.push({ row: p.row, column: "supervisor_id", message: "creates a reporting loop" });
        }
        break;
      }
      visited.add(cursor);
      cursor = supervisorOf.get(cursor) ?? null;
    }
  }

  // A row with an error is reported once, as an error, not also as a change.
  const rowsWithErrors = new Set(errors.map((e) => e.row));
  const changes: ImportChange[] = parsed
    .filter((p) => !rowsWithErrors.has(p.row))
    .map((p) => {
      const before = existing.get(p.externalId);
      const fields: ImportChange["fields"] = {};
      for (const key of p.present) {
        const from = before?.values[key] ?? null;
        const to = p.values[key] ?? null;
        if (from !== to) fields[key] = { from, to };
      }
      const action: ImportAction = !before
        ? "create"
        : fields.end_date && !fields.end_date.from && fields.end_date.to
          ? "end"
          : Object.keys(fields).length
            ? "update"
            : "unchanged";
      const first = p.present.has("first_name") ? p.values.first_name : before?.values.first_name;
      const last = p.present.has("last_name") ? p.values.last_name : before?.values.last_name;
      return {
        row: p.row,
        action,
        externalId: p.externalId,
        name: `${first ?? ""} ${last ?? ""}`.trim(),
        fields,
      };
    });

  if (input.dryRun || errors.length) return reject(read, input.dryRun, changes, errors);

  await withTransaction(ctx, async (tx) => {
    const tdb = peopleDb(tx);
    const now = isoNow(tx.clock);
    const idOf = new Map([...existing].map(([ext, e]) => [ext, e.id]));
    const toRow = (v: Partial<Values>) => ({
      ...(v.first_name !== undefined && { first_name: v.first_name ?? "" }),
      ...(v.last_name !== undefined && { last_name: v.last_name ?? "" }),
      ...(v.email !== undefined && { email: v.email }),
      ...(v.kind !== undefined && { kind: (v.kind ?? "employee") as PersonKind }),
      ...(v.title !== undefined && { title: v.title }),
      ...(v.department !== undefined && { department: v.department }),
      ...(v.country !== undefined && { location_country: v.country }),
      ...(v.legal_entity !== undefined && {
        legal_entity_id: v.legal_entity ? entities.get(v.legal_entity)! : null,
      }),
      ...(v.hire_date !== undefined && { hire_date: v.hire_date }),
      ...(v.end_date !== undefined && { end_date: v.end_date }),
      ...(v.categories !== undefined && {
        categories: JSON.stringify(v.categories ? v.categories.split(";") : []),
      }),
    });
    const pick = (p: Parsed, keys: Iterable<string>) =>
      Object.fromEntries([...keys].map((k) => [k, p.values[k as ValueKey] ?? null])) as Partial<Values>;

    const inserts: PersonsTable[] = [];
    for (const [i, p] of parsed.entries()) {
      const change = changes[i]!;
      if (change.action === "create") {
        const id = newId();
        idOf.set(p.externalId, id);
        inserts.push({
          id,
          external_id: p.externalId,
          kind: "employee",
          first_name: "",
          last_name: "",
          email: null,
          title: null,
          department: null,
          location_country: null,
          legal_entity_id: null,
          supervisor_id: null,
          hire_date: null,
          end_date: null,
          categories: "[]",
          ...toRow(pick(p, p.present)),
          created_at: now,
          updated_at: now,
        });
      } else if (change.action !== "unchanged") {
        const set = toRow(pick(p, Object.keys(change.fields)));
        if (Object.keys(set).length) {
          await tdb
            .updateTable("persons")
            .set({ ...set, updated_at: now })
            .where("id", "=", idOf.get(p.externalId)!)
            .execute();
        }
      }
    }
    // New people get their supervisor in the insert itself when the supervisor already exists or is
    // inserted in the same or an earlier batch; the rest (and updates) are set afterwards.
    const BATCH = 500; // under both dialects' bound-parameter limits (17 columns × 500)
    const batchOf = new Map(inserts.map((row, i) => [row.id, Math.floor(i / BATCH)]));
    const deferred: { id: string; supervisorId: string | null }[] = [];
    const insertById = new Map(inserts.map((r) => [r.id, r]));
    for (const [i, p] of parsed.entries()) {
      const change = changes[i]!;
      if (!change.fields.supervisor_id) continue;
      const id = idOf.get(p.externalId)!;
      const sup = p.values.supervisor_id ? idOf.get(p.values.supervisor_id)! : null;
      const row = insertById.get(id);
      const supBatch = sup ? batchOf.get(sup) : undefined;
      if (row && (supBatch === undefined || supBatch <= batchOf.get(id)!)) row.supervisor_id = sup;
      else deferred.push({ id, supervisorId: sup });
    }
    for (let i = 0; i < inserts.length; i += BATCH) {
      await tdb
        .insertInto("persons")
        .values(inserts.slice(i, i + BATCH))
        .execute();
    }
    for (const d of deferred) {
      await tdb
        .updateTable("persons")
        .set({ supervisor_id: d.supervisorId })
        .where("id", "=", d.id)
        .execute();
    }
    const events: AuditEntry[] = changes
      .filter((c) => c.action !== "unchanged")
      .map((change) => ({
        action:
          change.action === "create"
            ? "person.create"
            : change.action === "end"
              ? "person.end"
              : "person.update",
        subject: { type: "person", id: idOf.get(change.externalId)! },
        payload: {
          source: "hr-import",
          row: change.row,
          externalId: change.externalId,
          changes: change.fields,
        },
      }));
    const summary = finish(read, false, changes, []).summary;
    events.push({
      action: "people.import",
      subject: null,
      payload: { ...summary, rows: parsed.length, encoding, delimiter: read.delimiter },
    });
    await recordMany(tx, events);
    await announcePeopleChanged(
      tx,
      changes
        .filter((c) => c.action === "update" || c.action === "end")
        .map((c) => ({ personId: idOf.get(c.externalId)!, fields: c.fields })),
    );
  });
  return { ...finish(read, false, changes, []), applied: true };
}

/** A dry run returns its result; a real import with any error throws it, having written nothing. */
function reject(
  read: ImportResult["read"],
  dryRun: boolean,
  changes: ImportChange[],
  errors: RowError[],
): ImportResult {
  const result = finish(read, dryRun, changes, errors);
  if (errors.length && !dryRun) {
    throw new AppError("INVALID", `The import has ${errors.length} error(s); nothing was written.`, {
      extra: { result },
    });
  }
  return result;
}

function finish(
  read: ImportResult["read"],
  dryRun: boolean,
  changes: ImportChange[],
  errors: RowError[],
): ImportResult {
  const count = (a: ImportAction) => changes.filter((c) => c.action === a).length;
  return {
    dryRun,
    read,
    applied: false,
    summary: {
      created: count("create"),
      updated: count("update"),
      ended: count("end"),
      unchanged: count("unchanged"),
      errors: errors.length,
    },
    changes,
    errors: errors.sort((a, b) => a.row - b.row),
  };
}

export const IMPORT_TEMPLATE = `${PEOPLE_CSV_COLUMNS.join(",")}\nE10001,Jane,Doe,jane.doe@example.com,employee,Analyst,Finance,US,ALERIS-US,,2024-03-01,,finance_accounting\n`;
