#!/usr/bin/env node
// Fails (exit 1) when the code has an import cycle, or when a domain imports another domain's
// file other than its index.ts; prints each problem. Issue 13: no import cycles, and domains
// meet only through index.ts.
//
// A small scan of the import statements rather than the TypeScript program, to stay fast:
// every `import … from "./x.ts"`, `export … from "./x.ts"` and `import("./x.ts")` with a relative
// specifier. Type-only imports (`import type`, `export type`) are skipped: they vanish at compile
// time (verbatimModuleSyntax), so they cannot make a cycle at run time.
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const ROOTS = process.argv.slice(2).length ? process.argv.slice(2) : ["src", "web/src"];
const EXT = /\.(ts|tsx|mts|js|mjs)$/;
const IMPORT =
  /(?:^|[;\n])\s*(import|export)\s+(type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

function walk(dir, out = []) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name === "node_modules" || e.name.startsWith(".")) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (EXT.test(e.name) && !/\.(test|e2e)\.tsx?$/.test(e.name) && !e.name.endsWith(".d.ts"))
      out.push(p);
  }
  return out;
}

function resolve(from, spec) {
  if (!spec.startsWith(".")) return null;
  const base = path.resolve(path.dirname(from), spec);
  for (const c of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    path.join(base, "index.ts"),
    path.join(base, "index.tsx"),
  ])
    if (fs.existsSync(c) && fs.statSync(c).isFile()) return c;
  return null;
}

const files = ROOTS.flatMap((r) => (fs.existsSync(path.join(root, r)) ? walk(path.join(root, r)) : []));
const graph = new Map();
const problems = [];
const rel = (p) => path.relative(root, p);
const domainOf = (p) => /^src\/domains\/([^/]+)\/(.+)$/.exec(rel(p));

for (const f of files) {
  const text = fs
    .readFileSync(f, "utf8")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/^\s*\/\/.*$/gm, "");
  const deps = new Set();
  for (const m of text.matchAll(IMPORT)) {
    if (m[2]) continue; // type-only
    const spec = m[3] ?? m[4];
    const target = resolve(f, spec);
    if (!target) continue;
    deps.add(target);
    const a = domainOf(f);
    const b = domainOf(target);
    if (a && b && a[1] !== b[1] && b[2] !== "index.ts")
      problems.push(`${rel(f)} imports ${rel(target)}: another domain is imported only through its index.ts`);
  }
  graph.set(f, [...deps]);
}

// Tarjan's strongly connected components: each component of more than one file is a cycle.
let index = 0;
const idx = new Map();
const low = new Map();
const stack = [];
const onStack = new Set();
const components = [];
function strong(v) {
  idx.set(v, index);
  low.set(v, index);
  index++;
  stack.push(v);
  onStack.add(v);
  for (const w of graph.get(v) ?? []) {
    if (!idx.has(w)) {
      strong(w);
      low.set(v, Math.min(low.get(v), low.get(w)));
    } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
  }
  if (low.get(v) === idx.get(v)) {
    const c = [];
    let w;
    do {
      w = stack.pop();
      onStack.delete(w);
      c.push(w);
    } while (w !== v);
    if (c.length > 1 || (graph.get(v) ?? []).includes(v)) components.push(c);
  }
}
for (const v of graph.keys()) if (!idx.has(v)) strong(v);

// One concrete cycle per component, to print: a path from its first file back to itself.
function cycleIn(component) {
  const inC = new Set(component);
  const start = component[component.length - 1];
  const prev = new Map([[start, null]]);
  const queue = [start];
  while (queue.length) {
    const v = queue.shift();
    for (const w of graph.get(v) ?? []) {
      if (!inC.has(w)) continue;
      if (w === start) {
        const p = [];
        for (let x = v; x; x = prev.get(x)) p.unshift(x);
        return [...p, start];
      }
      if (!prev.has(w)) {
        prev.set(w, v);
        queue.push(w);
      }
    }
  }
  return component;
}
for (const c of components) problems.push(`import cycle: ${cycleIn(c).map(rel).join(" → ")}`);

if (problems.length) {
  console.error(problems.join("\n"));
  console.error(`\n${problems.length} problem(s) in ${files.length} files.`);
  process.exit(1);
}
console.log(`No import cycles, and domains meet only through index.ts (${files.length} files).`);
