import { XMLValidator } from "fast-xml-parser";
import { invalid } from "../../../kernel/errors.ts";
import type { Facts } from "./parse-ofac.ts";

export const emptyFacts = (): Facts => ({
  dob: [],
  pob: [],
  nationality: [],
  citizenship: [],
  gender: null,
  ids: [],
  imo: null,
  countries: [],
});

const regionNames = new Intl.DisplayNames(["en"], { type: "region" });

/** "DE", "de" → "Germany"; anything else as it is (country names are read by countries.ts). */
export function countryName(code: string | null | undefined): string | null {
  const t = (code ?? "").trim();
  if (!t) return null;
  if (/^[A-Za-z]{2}$/.test(t)) {
    const name = regionNames.of(t.toUpperCase());
    if (name && name !== t.toUpperCase()) return name;
  }
  return t;
}

export const text = (v: unknown): string | null => {
  if (v === undefined || v === null || typeof v === "object") return null;
  const t = String(v).trim();
  return t === "" ? null : t;
};

/** The 1-based line of a character offset. */
export function lineAt(body: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < body.length; i++) if (body.charCodeAt(i) === 10) line++;
  return line;
}

/** The line of the `n`th (0-based) `<tag` element, namespace prefix or not; 0 when absent. */
export function elementLine(body: string, tag: string, n: number): number {
  const re = new RegExp(`<(?:[\\w-]+:)?${tag}[\\s/>]`, "g");
  let m: RegExpExecArray | null = null;
  for (let i = 0; i <= n; i++) {
    m = re.exec(body);
    if (!m) return 0;
  }
  return m ? lineAt(body, m.index) : 0;
}

/** Refuses a DTD or entities (entity expansion), which no publisher's list declares. */
export function refuseDtd(body: string, what: string): void {
  if (/<!DOCTYPE/i.test(body.slice(0, 4096)) || /<!ENTITY/i.test(body))
    throw invalid(`${what} declares a DTD or entities, which the publisher's file never does: refused.`);
}

/** Refuses a file that is not well-formed XML (a truncated download never is), naming the line. */
export function checkXml(body: string, what: string): void {
  refuseDtd(body, what);
  const valid = XMLValidator.validate(body);
  if (valid !== true)
    throw invalid(
      `${what} is not well-formed XML at line ${valid.err.line}: ${valid.err.msg} (is the download truncated?)`,
    );
}
