#!/usr/bin/env node
// Fails (exit 1) when a file outside src/domains/people names the people domain's tables
// (`persons`, `users`, `user_roles`) in a query. Issue 13: one owner per table; other domains call
// the queries people's index.ts exposes (recipients, activeUsersInRole, accountOfPerson,
// supervisorIdOf, personNames …). The files that still do it are listed below with how many times;
// the list may only shrink: a new file, a count that grows, or an entry no longer needed fails.
// Migrations (which create the tables) and tests (which build data) are not checked.
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const OWNER = "src/domains/people/";
const TABLE = /["'`](persons|users|user_roles)( as [a-z_]+)?["'`]/g;

/** What remains. Unmarked entries are not moved yet (issue 13); the marked ones have a reason. */
const ALLOWED = {
  "src/cli/main.ts": 1, // not a query: the `users` CLI command's name
  "src/demo/seed-demo.ts": 2, // the demo seed inserts the directory in bulk
  "src/kernel/key-ring.ts": 2, // key rotation re-seals users.totp_secret/totp_pending_secret with every sealed column
  "src/domains/certifications/dashboards.ts": 6,
  "src/domains/certifications/joiners.ts": 2,
  "src/domains/certifications/sign-certificate.ts": 1,
  "src/domains/committees/appoint-member.ts": 1,
  "src/domains/committees/demo.ts": 1,
  "src/domains/committees/load.ts": 2,
  "src/domains/committees/meeting-ics.ts": 1,
  "src/domains/committees/meeting-view.ts": 1,
  "src/domains/disclosures/answer-guidance.ts": 1,
  "src/domains/disclosures/conflict-view.ts": 1,
  "src/domains/disclosures/demo.ts": 1,
  "src/domains/disclosures/file-conflict.ts": 2,
  "src/domains/disclosures/gifts.ts": 1,
  "src/domains/disclosures/get-hold.ts": 1,
  "src/domains/disclosures/hold-work.ts": 1,
  "src/domains/disclosures/inquiries.ts": 1,
  "src/domains/disclosures/publish-faq.ts": 1,
  "src/domains/home/home.ts": 5,
  "src/domains/policies/waivers.ts": 2,
  "src/domains/restructuring/db.ts": 1,
  "src/domains/restructuring/send-progress-reports.ts": 1,
  "src/domains/restructuring/run-allocation.ts": 1,
  "src/domains/speakup/file-certificate-report.ts": 2,
  "src/domains/speakup/file-report.ts": 1,
  "src/domains/speakup/get-case.ts": 2,
  "src/domains/speakup/list-cases.ts": 1,
  "src/domains/speakup/add-case-person.ts": 3,
  "src/domains/speakup/assign-case.ts": 1,
  "src/domains/speakup/named-people.ts": 3,
  "src/domains/speakup/retention.ts": 1,
  "src/domains/speakup/stats.ts": 1,
};

function walk(dir, out = []) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name === "node_modules" || e.name.startsWith(".")) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (/\.(ts|tsx|mts|mjs)$/.test(e.name) && !/\.(test|e2e)\.tsx?$/.test(e.name)) out.push(p);
  }
  return out;
}

const problems = [];
const seen = new Set();
for (const file of ["src", "bin"].flatMap((r) =>
  fs.existsSync(path.join(root, r)) ? walk(path.join(root, r)) : [],
)) {
  const rel = path.relative(root, file).split(path.sep).join("/");
  if (rel.startsWith(OWNER) || rel.startsWith("src/migrations/")) continue;
  const text = fs
    .readFileSync(file, "utf8")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/^\s*\/\/.*$/gm, "");
  const count = [...text.matchAll(TABLE)].length;
  if (count === 0) continue;
  seen.add(rel);
  const allowed = ALLOWED[rel] ?? 0;
  if (count > allowed)
    problems.push(
      `${rel} names persons/users/user_roles ${count} time(s)${allowed ? ` (allowed ${allowed})` : ""}: ` +
        "the people domain owns them; call a query from its index.ts",
    );
  else if (count < allowed)
    problems.push(
      `${rel} names them ${count} time(s), fewer than allowed: lower its entry in ${path.basename(import.meta.filename)} to ${count}`,
    );
}
for (const rel of Object.keys(ALLOWED))
  if (!seen.has(rel))
    problems.push(
      `${rel} no longer names persons/users/user_roles: remove it from ${path.basename(import.meta.filename)}`,
    );

if (problems.length) {
  console.error(problems.join("\n"));
  process.exit(1);
}
console.log(`Only people queries persons/users/user_roles, apart from ${seen.size} listed file(s).`);
