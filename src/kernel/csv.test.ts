import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { neutraliseCell, toCsv } from "./csv.ts";

const TRIGGERS = ["=", "+", "-", "@", "\t", "\r", "\n"];
const isPlainNumber = (s: string) => /^[+-]?(\d+(\.\d+)?|\.\d+)$/.test(s);
const startsWithTrigger = (s: string) => TRIGGERS.some((c) => s.startsWith(c));

describe("CSV export: formula injection (issue 12, finding 10)", () => {
  it("no exported cell starts with = + - @ tab or CR unless it is a plain number (property)", () => {
    const cell = fc.oneof(
      fc.string(),
      fc.constantFrom(...TRIGGERS).chain((t) => fc.string().map((s) => t + s)),
      fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
    );
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { maxLength: 8 }), (rows) => {
        const csv = toCsv(rows);
        const parsed = parse(csv, { relax_column_count: true }) as string[][];
        expect(parsed.length).toBe(rows.length);
        for (const [i, row] of parsed.entries()) {
          for (const [j, out] of row.entries()) {
            if (startsWithTrigger(out)) expect(isPlainNumber(out)).toBe(true);
            // Nothing is lost: the original is the cell without the added quote.
            const original = rows[i]?.[j] ?? "";
            expect(out === original || out === `'${original}`).toBe(true);
          }
        }
      }),
    );
  });

  it("quotes formulas, keeps plain numbers and ordinary text", () => {
    expect(neutraliseCell('=HYPERLINK("https://evil.example","x")')).toBe(
      `'=HYPERLINK("https://evil.example","x")`,
    );
    expect(neutraliseCell("@SUM(A1:A2)")).toBe("'@SUM(A1:A2)");
    expect(neutraliseCell("-2+3+cmd|' /C calc'!A0")).toBe("'-2+3+cmd|' /C calc'!A0");
    expect(neutraliseCell("\t=1+1")).toBe("'\t=1+1");
    expect(neutraliseCell("-12.50")).toBe("-12.50");
    expect(neutraliseCell("+3")).toBe("+3");
    expect(neutraliseCell("Müller GmbH")).toBe("Müller GmbH");
    expect(toCsv([{ name: "=1+1", amount: -5 }], { header: true })).toBe("name,amount\n'=1+1,-5\n");
  });

  it("every CSV export goes through kernel/csv.ts: no other file imports csv-stringify", () => {
    const root = path.resolve(import.meta.dirname, "..");
    const offenders: string[] = [];
    const IMPORT = `from "csv-${"stringify"}`;
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const file = path.join(dir, name);
        if (statSync(file).isDirectory()) walk(file);
        else if (/\.tsx?$/.test(name) && file !== path.join(root, "kernel", "csv.ts")) {
          if (readFileSync(file, "utf8").includes(IMPORT)) offenders.push(path.relative(root, file));
        }
      }
    };
    walk(root);
    walk(path.resolve(root, "../web/src"));
    expect(offenders).toEqual([]);
  });
});
