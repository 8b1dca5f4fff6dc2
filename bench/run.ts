/**
 * `npm run bench [-- NAME …]`: runs the named benchmarks (all by default) and rewrites their
 * sections of docs/benchmarks.md, each stamped with the machine and time it ran on. Sections of
 * benchmarks not run are kept as they were.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export type BenchResult = { title: string; notes?: string; table: string[] };

/** Every benchmark: name → module with `run()`. Add a line here for a new one. */
const BENCHMARKS: Record<string, () => Promise<{ run(): Promise<BenchResult> }>> = {
  foundation: () => import("./foundation.ts"),
  screening: () => import("./screening.ts"),
  certifications: () => import("./certifications.ts"),
  speakup: () => import("./speakup.ts"),
  restructuring: () => import("./restructuring.ts"),
  load: () => import("./load.ts"),
};

const DOC = path.resolve(import.meta.dirname, "..", "docs", "benchmarks.md");
const HEADER = `# Benchmarks

Run with \`npm run bench\` (all) or \`npm run bench -- NAME\` (one of: ${Object.keys(BENCHMARKS).join(", ")}).
SQLite always; set \`PROBITY_BENCH_PG_URL\` to a PostgreSQL server where the benchmark may create
a database to measure PostgreSQL too. Each section records the machine and time it ran on.
Timings are never asserted in tests; they live here.
`;

function machine(): string {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  return `${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}`;
}

function sections(text: string): Map<string, string> {
  const map = new Map<string, string>();
  const re = /<!-- bench:(\S+) -->\n([\s\S]*?)<!-- \/bench:\1 -->/g;
  for (const m of text.matchAll(re)) map.set(m[1]!, m[2]!);
  return map;
}

const names = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const unknown = names.filter((n) => !BENCHMARKS[n]);
if (unknown.length) {
  console.error(`Unknown benchmark(s): ${unknown.join(", ")}. Known: ${Object.keys(BENCHMARKS).join(", ")}`);
  process.exit(2);
}
const results = new Map<string, string>();
for (const name of names.length ? names : Object.keys(BENCHMARKS)) {
  console.log(`[bench] ${name} …`);
  const result = await (await BENCHMARKS[name]!()).run();
  const body = `## ${result.title}\n\nLast run: ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC on ${machine()}.\n${result.notes ? `\n${result.notes}\n` : ""}\n${result.table.join("\n")}\n`;
  results.set(name, body);
  console.log(body);
}
// Read the document only now: other benchmarks may have rewritten their sections meanwhile.
const existing = sections(fs.existsSync(DOC) ? fs.readFileSync(DOC, "utf8") : "");
for (const [name, body] of results) existing.set(name, body);
const ordered = Object.keys(BENCHMARKS).filter((n) => existing.has(n));
const doc = `${HEADER}\n${ordered.map((n) => `<!-- bench:${n} -->\n${existing.get(n)}<!-- /bench:${n} -->`).join("\n\n")}\n`;
fs.mkdirSync(path.dirname(DOC), { recursive: true });
fs.writeFileSync(DOC, doc);
