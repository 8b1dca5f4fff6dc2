// Helpers for the browser journeys: the real server in a child process, Chromium through
// playwright-core, and a few page helpers. `npm test` builds web/dist and installs Chromium first.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, type TestContext } from "vitest";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const chromiumPath = process.env.PROBITY_CHROMIUM || "/usr/bin/chromium";

export type App = {
  url: string;
  dataDir: string;
  /** The server's stdout and stderr so far (the last 200 kB). */
  output: () => string;
  stop: () => Promise<void>;
};

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((done) => {
    const timer = setTimeout(() => done(false), ms);
    child.once("exit", () => {
      clearTimeout(timer);
      done(true);
    });
  });
}

/**
 * How long `probity serve --demo` may take to answer /api/health: 180 s. An idle machine starts it in
 * seconds, but the start seeds the whole demo (people, cases, offerings, committees) and on a loaded
 * 2-core machine two e2e files starting their servers together both missed the former 60 s. A server
 * that is slow to start is not a failed journey; one that never starts still fails, with its output.
 * The e2e project runs its files one at a time (vitest.config.ts), so this is headroom for load.
 */
export const serverStartMs = 180_000;
/** Chromium's launch and the server's stop, beside the start, in the harness's beforeAll/afterAll. */
const browserAndStopMs = 60_000;

/** Starts `probity serve --demo` on a free port with a fresh data directory and waits for /api/health. */
export async function startApp(
  options: { timeoutMs?: number; env?: Record<string, string> } = {},
): Promise<App> {
  if (process.env.PROBITY_WEB_BUILD_FAILED) {
    throw new Error("The web build failed (see the vite output above), so the browser tests cannot run.");
  }
  if (!existsSync(join(repoRoot, "web", "dist", "index.html"))) {
    throw new Error(
      "web/dist/index.html is missing: build the UI first (npm run build:web), or run `npm test`.",
    );
  }
  const timeoutMs = options.timeoutMs ?? serverStartMs;
  const dataDir = mkdtempSync(join(tmpdir(), "probity-e2e-"));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PROBITY_DATA_DIR: dataDir,
    PROBITY_KEY_FILE: join(dataDir, "probity.key"),
    ...options.env,
  };
  // The app under test runs on its embedded SQLite database, whatever the caller's environment says.
  delete env.DATABASE_URL;

  let output = "";
  const child = spawn(
    process.execPath,
    [join(repoRoot, "bin", "probity.js"), "serve", "--demo", "--port", String(port)],
    {
      cwd: repoRoot,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const append = (chunk: Buffer) => {
    output = (output + chunk.toString("utf8")).slice(-200_000);
  };
  child.stdout?.on("data", append);
  child.stderr?.on("data", append);
  let spawnError: Error | undefined;
  child.on("error", (error) => {
    spawnError = error;
  });

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      if (!(await waitForExit(child, 10_000))) {
        child.kill("SIGKILL");
        await waitForExit(child, 5_000);
      }
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + timeoutMs;
  let lastProblem = "no answer yet";
  while (Date.now() < deadline) {
    if (spawnError || child.exitCode !== null || child.signalCode !== null) {
      const reason = spawnError ? String(spawnError) : `exit code ${child.exitCode ?? child.signalCode}`;
      await stop();
      throw new Error(
        `probity serve --demo stopped before it was healthy (${reason}). Its output:\n${output}`,
      );
    }
    try {
      const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5_000) });
      if (response.status === 200) return { url, dataDir, output: () => output, stop };
      lastProblem = `GET /api/health answered ${response.status}: ${(await response.text()).slice(0, 500)}`;
    } catch (error) {
      lastProblem = String(error);
    }
    await sleep(250);
  }
  await stop();
  throw new Error(
    `probity serve --demo was not healthy within ${timeoutMs / 1000}s (${lastProblem}). Its output:\n${output}`,
  );
}

/** Headless Chromium from the system package (playwright-core ships no browser). */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `Chromium not found at ${chromiumPath}: run \`npm test\` as root to install it, or set PROBITY_CHROMIUM.`,
    );
  }
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export type DemoAccount = { email: string; password: string; roles: string[] };

/** The demo accounts that `GET /api/auth/login-info` lists in demo mode. */
export async function demoAccounts(url: string): Promise<DemoAccount[]> {
  const response = await fetch(`${url}/api/auth/login-info`);
  if (!response.ok) throw new Error(`GET /api/auth/login-info answered ${response.status}`);
  const body = (await response.json()) as { demoAccounts?: DemoAccount[] };
  return body.demoAccounts ?? [];
}

export async function demoAccount(url: string, email: string): Promise<DemoAccount> {
  const accounts = await demoAccounts(url);
  const account = accounts.find((a) => a.email === email);
  if (!account) {
    throw new Error(
      `demo account ${email} not in /api/auth/login-info (has: ${accounts.map((a) => a.email).join(", ")})`,
    );
  }
  return account;
}

/** Signs in through the login form and waits until the app has left the login page. */
export async function login(page: Page, url: string, email: string, password: string): Promise<void> {
  // The app shows the sign-in form to anyone without a session, whatever the path.
  await page.goto(`${url}/`);
  const emailInput = page.getByLabel(/^Email\s*\*?$/);
  await emailInput.fill(email);
  await page.getByLabel(/^Password\s*\*?$/).fill(password);
  const answer = page.waitForResponse(
    (r) => r.url().endsWith("/api/auth/login") && r.request().method() === "POST",
  );
  await page.getByRole("button", { name: "Sign in" }).click();
  const response = await answer;
  if (response.status() !== 200) {
    throw new Error(`login as ${email} failed: ${response.status()} ${await response.text()}`);
  }
  const body = (await response.json()) as { status?: string };
  if (body.status !== "ok") throw new Error(`login as ${email} did not complete: ${JSON.stringify(body)}`);
  await emailInput.waitFor({ state: "detached" });
}

/**
 * Calls the API with the page's session cookie (page.request shares the browser context's cookies),
 * adding the CSRF token to writes as the UI does.
 */
export async function api<T = unknown>(
  page: Page,
  url: string,
  method: string,
  path: string,
  data?: unknown,
): Promise<T> {
  const headers: Record<string, string> = {};
  if (method !== "GET") {
    const me = await page.request.get(`${url}/api/auth/me`);
    if (!me.ok()) throw new Error(`GET /api/auth/me answered ${me.status()}: ${await me.text()}`);
    headers["x-csrf-token"] = ((await me.json()) as { csrfToken: string }).csrfToken;
  }
  const response = await page.request.fetch(`${url}${path}`, { method, headers, data });
  if (!response.ok())
    throw new Error(`${method} ${path} answered ${response.status()}: ${await response.text()}`);
  return (await response.json()) as T;
}

/**
 * A fresh browser context and page for one test. On failure it saves a screenshot to
 * test-results/ and prints the browser's console errors; it closes the context afterwards.
 */
export async function openPage(
  browser: Browser,
  test: TestContext,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.setDefaultNavigationTimeout(30_000);
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  // onTestFinished runs before onTestFailed, so the failure is recorded here, before the context closes.
  test.onTestFinished(async () => {
    if (test.task.result?.state === "fail") {
      const dir = join(repoRoot, "test-results");
      mkdirSync(dir, { recursive: true });
      const file = join(dir, `${test.task.name.replace(/[^a-z0-9]+/gi, "-").toLowerCase()}.png`);
      await page.screenshot({ path: file, fullPage: true }).catch(() => {});
      console.error(`[e2e] "${test.task.name}" failed at ${page.url()}; screenshot: ${file}`);
      if (problems.length > 0) console.error(`[e2e] browser errors:\n${problems.join("\n")}`);
    }
    await context.close().catch(() => {});
  });
  return { context, page };
}

export type Harness = {
  /** The app under test (set in beforeAll). */
  readonly app: App;
  /** Its base URL, e.g. http://127.0.0.1:41234. */
  readonly url: string;
  readonly browser: Browser;
  /**
   * A fresh page signed in as a demo account, named by email (`gc@aleris.example`) or by a role it
   * holds (`general_counsel`). On failure: a screenshot in test-results/, the browser's errors and
   * the server's recent output. With a password, `who` is an email signed in with it (accounts the
   * demo does not list on its sign-in page, such as the restructuring investors).
   */
  pageAs: (t: TestContext, who: string, password?: string) => Promise<Page>;
};

/**
 * One app server and one Chromium per e2e file: registers beforeAll/afterAll and returns a harness
 * whose `app`, `url` and `browser` are ready inside the tests.
 */
export function e2eHarness(options: { env?: Record<string, string> } = {}): Harness {
  let app: App | undefined;
  let browser: Browser | undefined;
  let accounts: DemoAccount[] | undefined;
  const ready = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`the e2e harness's ${name} is used before beforeAll ran`);
    return value;
  };
  // The hooks' own budgets: the project's hookTimeout (120 s) is shorter than the start allowance.
  beforeAll(async () => {
    app = await startApp(options);
    browser = await launchBrowser();
  }, serverStartMs + browserAndStopMs);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  }, browserAndStopMs);
  const harness: Harness = {
    get app() {
      return ready(app, "app");
    },
    get url() {
      return ready(app, "app").url;
    },
    get browser() {
      return ready(browser, "browser");
    },
    async pageAs(t, who, password) {
      const { page } = await openPage(harness.browser, t);
      t.onTestFailed(() =>
        console.error(`[e2e] server output (last 5 kB):\n${harness.app.output().slice(-5_000)}`),
      );
      if (password !== undefined) {
        await login(page, harness.url, who, password);
        return page;
      }
      accounts ??= await demoAccounts(harness.url);
      const account = who.includes("@")
        ? accounts.find((a) => a.email === who)
        : accounts.find((a) => a.roles.includes(who));
      if (!account) {
        throw new Error(
          `no demo account ${who.includes("@") ? "" : "with the role "}${who} in /api/auth/login-info (has: ${accounts
            .map((a) => `${a.email} [${a.roles.join(", ")}]`)
            .join("; ")})`,
        );
      }
      await login(page, harness.url, account.email, account.password);
      return page;
    },
  };
  return harness;
}
