#!/usr/bin/env node
// `npm run build:server`: compiles the server (src/, without tests) to JavaScript in dist/ with
// tsc -p tsconfig.build.json (incremental: a second build with nothing changed takes seconds), then
// copies the files that modules read beside themselves (JSON, text, the worker's .mjs entry).
// bin/probity.js runs dist/ when it is at least as new as src/, and src/ through tsx otherwise.

import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const src = join(root, "src");
const dist = join(root, "dist");
const started = Date.now();

const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
const result = spawnSync(process.execPath, [tsc, "-p", join(root, "tsconfig.build.json")], {
  cwd: root,
  stdio: "inherit",
});
if (result.status !== 0) {
  console.error(`build:server: tsc failed (exit ${result.status})`);
  process.exit(result.status ?? 1);
}

const ASSET = /\.(json|txt|mjs)$/;
let copied = 0;
for (const entry of readdirSync(src, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !ASSET.test(entry.name)) continue;
  const from = join(entry.parentPath, entry.name);
  const path = relative(src, from);
  if (path.split(/[\\/]/).includes("test")) continue; // test data stays out of the build
  mkdirSync(dirname(join(dist, path)), { recursive: true });
  copyFileSync(from, join(dist, path));
  copied++;
}
// Written last: its time is the build's, which bin/probity.js compares with the sources'.
writeFileSync(join(dist, ".built"), `${new Date().toISOString()}\n`);
console.log(
  `build:server: dist/ compiled, ${copied} assets copied, in ${((Date.now() - started) / 1000).toFixed(1)}s`,
);
