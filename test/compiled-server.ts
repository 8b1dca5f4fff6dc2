// The CLI tests start bin/probity.js dozens of times. bin/probity.js runs the compiled server in
// dist/ when it is at least as new as every source file, and the sources through tsx otherwise
// (1–3 s per start). `npm test` compiles before Vitest starts; a direct `npx vitest run
// test/cli.test.ts` compiles here, once, when dist/ is missing or stale.
import { execFile, spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, rmdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { promisify } from "node:util";

const root = resolve(import.meta.dirname, "..");

function mtime(path: string): number | undefined {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

/** The same test bin/probity.js makes: is dist/ at least as new as every non-test source file? */
export function isCompiledServerFresh(): boolean {
  const built = mtime(join(root, "dist", ".built"));
  if (built === undefined) return false;
  for (const entry of readdirSync(join(root, "src"), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name.includes(".test.")) continue;
    if (statSync(join(entry.parentPath, entry.name)).mtimeMs > built) return false;
  }
  return true;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * Compiles the server unless dist/ is fresh. The sqlite and postgres projects may run the CLI
 * tests at the same time: a lock directory lets one build while the other waits for it.
 */
export async function ensureCompiledServer(): Promise<void> {
  mkdirSync(join(root, "dist"), { recursive: true });
  const lock = join(root, "dist", ".build-lock");
  const deadline = Date.now() + 240_000;
  while (!isCompiledServerFresh()) {
    try {
      mkdirSync(lock);
    } catch {
      // Another worker is building; a lock older than the deadline is left by a killed run.
      const age = Date.now() - (mtime(lock) ?? Date.now());
      if (age > 240_000) rmdirSync(lock);
      if (Date.now() > deadline) throw new Error(`waited 240 s for ${lock} (remove it if no build runs)`);
      await sleep(500);
      continue;
    }
    try {
      const build = spawnSync(process.execPath, [join(root, "scripts", "build-server.mjs")], {
        cwd: root,
        encoding: "utf8",
      });
      if (build.status !== 0) {
        throw new Error(
          `npm run build:server failed (exit ${build.status}):\n${build.stdout}\n${build.stderr}`,
        );
      }
    } finally {
      rmdirSync(lock);
    }
    return;
  }
}

const BIN = join(root, "bin", "probity.js");
const execFileAsync = promisify(execFile);

/** Runs `probity …` as an operator would, a process of its own; never throws: the exit code says. */
export async function runProbity(
  env: NodeJS.ProcessEnv,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, [BIN, ...args], {
      env,
      timeout: 120_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
