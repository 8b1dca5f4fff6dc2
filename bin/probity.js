#!/usr/bin/env node
// Runs the compiled server (dist/, made by `npm run build:server`, which `npm start` runs) when it
// is at least as new as every source file; otherwise, in development, the TypeScript sources
// through tsx, so a checkout needs no build step and an edit never runs stale code.
import { readdirSync, statSync } from "node:fs";

const root = new URL("../", import.meta.url);
const built = mtime(new URL("dist/.built", root));

function mtime(url) {
  try {
    return statSync(url).mtimeMs;
  } catch {
    return undefined;
  }
}

function newestSource() {
  let newest = 0;
  let entries;
  try {
    entries = readdirSync(new URL("src/", root), { recursive: true, withFileTypes: true });
  } catch {
    return 0; // no sources beside the build
  }
  for (const entry of entries) {
    if (!entry.isFile() || entry.name.includes(".test.")) continue;
    newest = Math.max(newest, statSync(`${entry.parentPath}/${entry.name}`).mtimeMs);
  }
  return newest;
}

if (built !== undefined && newestSource() <= built) {
  await import("../dist/cli/main.js");
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import("../src/cli/main.ts");
}
