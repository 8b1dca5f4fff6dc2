// Summarises a V8 .cpuprofile: self time by function and by package/file, top 40.
import fs from "node:fs";

const prof = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const self = new Map();
const dt = prof.timeDeltas;
for (let i = 0; i < prof.samples.length; i++) {
  const n = byId.get(prof.samples[i]);
  self.set(n.id, (self.get(n.id) ?? 0) + (dt[i] ?? 0));
}
const byFn = new Map();
const byFile = new Map();
for (const [id, us] of self) {
  const { callFrame: f } = byId.get(id);
  const file = f.url.replace(/.*node_modules\//, "nm:").replace(/.*\/work\/main\//, "");
  const key = `${f.functionName || "(anon)"} ${file}:${f.lineNumber}`;
  byFn.set(key, (byFn.get(key) ?? 0) + us);
  const pkg = file.startsWith("nm:")
    ? file
        .split("/")
        .slice(0, file.startsWith("nm:@") ? 2 : 1)
        .join("/")
    : file || f.functionName;
  byFile.set(pkg, (byFile.get(pkg) ?? 0) + us);
}
const total = [...self.values()].reduce((a, b) => a + b, 0);
const top = (m) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 40)
    .map(([k, v]) => `${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`)
    .join("\n");
console.log(
  `total ${(total / 1e6).toFixed(2)} s\n--- by file/package\n${top(byFile)}\n--- by function\n${top(byFn)}`,
);
