/**
 * Prints OFAC's Sanctions List Search scores next to Probity's two scores (decision, OFAC-comparable)
 * for each fixture pair, sorted by how far the OFAC-comparable score is off, to study where and why
 * they disagree: `npx tsx bench/parity-rows.ts [--decision]`. With `--ablate`, also prints how each
 * reading of OFAC's FAQ 249 changes the OFAC-comparable figures.
 */
import fs from "node:fs";
import { parityReport } from "../src/domains/screening/matcher/parity.ts";
import { PARITY_CSV } from "../src/domains/screening/test/snapshot.ts";

const csv = fs.readFileSync(PARITY_CSV, "utf8");
const report = parityReport(csv);
const key = process.argv.includes("--decision") ? "ours" : "ofacComparable";
const off = (r: (typeof report.rows)[number]) => (r.ofac === null ? 2 : Math.abs(r[key] - r.ofac));
for (const r of [...report.rows].sort((a, b) => off(b) - off(a)))
  console.log(
    [
      r.ofac?.toFixed(2) ?? "none",
      r.ours.toFixed(2),
      r.ofacComparable.toFixed(2),
      r.query,
      "→",
      r.result,
    ].join("\t"),
  );
const fmt = (p: typeof report.decision) =>
  Object.fromEntries(Object.entries(p).map(([k, v]) => [k, Math.round(v * 1000) / 1000]));
console.log("pairs", report.pairs, "scored", report.scored, "no result", report.noResult);
console.log("decision", fmt(report.decision));
console.log("ofacComparable", fmt(report.ofacComparable));

if (process.argv.includes("--ablate")) {
  const variants = {
    "as documented (default)": {},
    "textbook Winkler (0.7 threshold)": { textbookWinkler: true },
    "keep 1-2 letter parts": { keepShortParts: true },
    "no first-letter gate": { noFirstLetterGate: true },
    "no 0.5 part floor": { partFloor: 0 },
    "list name reordered First LAST": { reorderListName: true },
    "Soundex lifts a part to 0.9": { soundexLift: 0.9 },
    "Soundex lifts a part to 1": { soundexLift: 1 },
  };
  for (const [name, options] of Object.entries(variants))
    console.log(name, fmt(parityReport(csv, options).ofacComparable));
}
