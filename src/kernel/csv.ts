import { type Options, stringify } from "csv-stringify/sync";

/**
 * Every CSV Probity exports goes through `toCsv` (a test fails when a domain imports
 * csv-stringify itself), so no exported cell can run as a spreadsheet formula.
 *
 * OWASP "CSV Injection": a cell starting with = + - @ tab or carriage return is read by Excel,
 * LibreOffice and Google Sheets as a formula (`=HYPERLINK(...)`, `@SUM(...)`, `-2+3+cmd|...`).
 * Such a cell gets a leading single quote, which spreadsheets show as text and do not evaluate.
 * Decision: a cell that is a plain decimal number (`-12.50`, `+3`, `-1e5` is NOT one) is kept as
 * is, because a number cannot carry a formula and amounts must stay numeric; anything else that
 * starts with a trigger, including `-1+2`, is quoted. A leading line feed is also quoted: some
 * importers trim it and then see the trigger behind it.
 */
const FORMULA_TRIGGER = /^[=+\-@\t\r\n]/;
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d+)?|\.\d+)$/;

export function neutraliseCell(value: string): string {
  if (!FORMULA_TRIGGER.test(value) || PLAIN_NUMBER.test(value)) return value;
  return `'${value}`;
}

type Cell = string | number | bigint | boolean | null | undefined;
type Row = readonly Cell[] | Readonly<Record<string, Cell>>;

const toText = (cell: Cell): Cell => (typeof cell === "string" ? neutraliseCell(cell) : cell);

/** Rows (arrays or records) to CSV text; string cells are neutralised by `neutraliseCell`. */
export function toCsv(rows: readonly Row[], options: Pick<Options, "header" | "columns"> = {}): string {
  const safe = rows.map((row) =>
    Array.isArray(row)
      ? (row as readonly Cell[]).map(toText)
      : Object.fromEntries(Object.entries(row as Record<string, Cell>).map(([k, v]) => [k, toText(v)])),
  );
  return stringify(safe, {
    ...options,
    // Header cells come from our code, but neutralise them too so the rule has no exception.
    ...(Array.isArray(options.columns) && {
      columns: (options.columns as string[]).map((c) => (typeof c === "string" ? neutraliseCell(c) : c)),
    }),
  });
}
