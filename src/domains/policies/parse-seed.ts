import type { SectionInput } from "./schemas.ts";
import type { SectionLink } from "./tables.ts";

/**
 * Turns the seed texts of the two codes into numbered sections. The texts come from PDF
 * extraction: paragraphs are broken at page ends and lines are hard-wrapped, so a chunk that does
 * not end a sentence is joined to the next one.
 */
function paragraphs(lines: string[]): string {
  const chunks: string[] = [];
  let current: string[] = [];
  const flush = () => {
    // A word broken at a line end ("Non-" / "Retaliation") keeps its hyphen and loses the space.
    if (current.length)
      chunks.push(
        current
          .join(" ")
          .replace(/(\w)- (?=[A-Z])/g, "$1-")
          .replace(/\s+/g, " ")
          .trim(),
      );
    current = [];
  };
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) flush();
    else if (/^[•-]\s/.test(line)) {
      flush();
      current.push(line.replace(/^•\s*/, "- "));
    } else current.push(line);
  }
  flush();
  const merged: string[] = [];
  for (const chunk of chunks.filter(Boolean)) {
    const prev = merged[merged.length - 1];
    const isBullet = chunk.startsWith("- ");
    if (prev !== undefined && !isBullet && (!/[.:;!?)”"]$/.test(prev) || /^[a-z]/.test(chunk))) {
      merged[merged.length - 1] = `${prev} ${chunk}`;
    } else merged.push(chunk);
  }
  return merged.join("\n\n");
}

const refersTo = (body: string, policyKey: string, own: string): SectionLink[] =>
  [...new Set([...body.matchAll(/Section (\d+) of this Code/g)].map((m) => m[1]!))]
    .filter((n) => n !== own)
    .map((number) => ({ policyKey, number, kind: "refers" as const }));

export const CODE_KEY = "code-of-conduct";
export const SENIOR_CODE_KEY = "senior-officers-code";

/** The Code of Business Conduct and Ethics: the introduction and sections 1–23. */
export function parseCodeOfConduct(text: string): SectionInput[] {
  const lines = text.replace(/\r/g, "").split("\n");
  const sections: { number: string; title: string; lines: string[] }[] = [];
  let current: { number: string; title: string; lines: string[] } | null = null;
  for (const line of lines) {
    const t = line.trim();
    const numbered = /^(\d{1,2})\.\s+(\S.*)$/.exec(t);
    if (t === "INTRODUCTION") {
      current = { number: "0", title: "Introduction", lines: [] };
      sections.push(current);
    } else if (numbered && Number(numbered[1]) === sections.length) {
      current = { number: numbered[1]!, title: numbered[2]!.trim(), lines: [] };
      sections.push(current);
    } else if (current) current.lines.push(line);
  }
  return sections.map((s) => {
    const body = paragraphs(s.lines);
    const links = refersTo(body, CODE_KEY, s.number);
    // Section 21 points the finance organisation to the Senior Officers Code's reporting rules.
    if (s.number === "21") links.push({ policyKey: SENIOR_CODE_KEY, number: "1", kind: "refers" });
    return { number: s.number, title: s.title, body, links };
  });
}

/** The Senior Officers Code: introductory note, the code itself, certifications (SOC-1…SOC-8). */
export function parseSeniorOfficersCode(text: string): SectionInput[] {
  const headings = ["Introductory Note", "The Senior Officers Code", "Certifications to Audit Committee"];
  const lines = text.replace(/\r/g, "").split("\n");
  const sections: { number: string; title: string; lines: string[] }[] = [];
  for (const line of lines) {
    const t = line.trim();
    const heading = headings.indexOf(t);
    if (heading >= 0 && heading === sections.length) {
      sections.push({ number: String(heading), title: t, lines: [] });
    } else sections[sections.length - 1]?.lines.push(line);
  }
  // SOC-2: where the Code is silent or conflicts, this code controls: on conflicts of interest
  // and reporting (Code 6 and 21) and on the certificate addressed to the Audit Committee (Code 23).
  const overrides: Record<string, SectionLink[]> = {
    "0": [{ policyKey: CODE_KEY, number: "0", kind: "refers" }],
    "1": [
      { policyKey: CODE_KEY, number: "6", kind: "overrides" },
      { policyKey: CODE_KEY, number: "21", kind: "overrides" },
    ],
    "2": [{ policyKey: CODE_KEY, number: "23", kind: "overrides" }],
  };
  return sections.map((s) => ({
    number: s.number,
    title: s.title,
    body: paragraphs(s.lines),
    links: overrides[s.number] ?? [],
  }));
}
