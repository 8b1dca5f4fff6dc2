import fs from "node:fs";
import path from "node:path";
import { type Ctx, systemActor } from "../../kernel/context.ts";
import { approveVersion, publishVersion } from "./approve-version.ts";
import { CODE_KEY, parseCodeOfConduct, parseSeniorOfficersCode, SENIOR_CODE_KEY } from "./parse-seed.ts";
import { createPolicy } from "./save-policy.ts";
import type { SectionInput } from "./schemas.ts";

const SEEDS_DIR =
  process.env.PROBITY_SEEDS_DIR ??
  path.resolve(import.meta.dirname, "..", "..", "..", "..", "shared", "seeds");
const CODE_FILE = "code-of-business-conduct-and-ethics.txt";
const SENIOR_FILE = "code-of-ethics-senior-officers.txt";

/** The two codes' sections: parsed from ../shared/seeds when present, else the snapshot shipped beside this file. */
function loadCodes(log: (line: string) => void): { code: SectionInput[]; senior: SectionInput[] } | null {
  const codeFile = path.join(SEEDS_DIR, CODE_FILE);
  const seniorFile = path.join(SEEDS_DIR, SENIOR_FILE);
  if (fs.existsSync(codeFile) && fs.existsSync(seniorFile)) {
    return {
      code: parseCodeOfConduct(fs.readFileSync(codeFile, "utf8")),
      senior: parseSeniorOfficersCode(fs.readFileSync(seniorFile, "utf8")),
    };
  }
  const snapshot = path.join(import.meta.dirname, "demo-codes.json");
  if (fs.existsSync(snapshot)) {
    log(
      `[demo] ${SEEDS_DIR} has no seed texts of the codes; importing the snapshot in ${path.basename(snapshot)}.`,
    );
    const data = JSON.parse(fs.readFileSync(snapshot, "utf8")) as {
      code: SectionInput[];
      seniorOfficersCode: SectionInput[];
    };
    return { code: data.code, senior: data.seniorOfficersCode };
  }
  log(`[demo] the seed texts of the codes are missing (${SEEDS_DIR}); the policy library starts empty.`);
  return null;
}

/**
 * Imports the Code and the Senior Officers Code section by section, approved and published. The
 * Senior Officers Code governs where the Code is silent or conflicts (SOC-2) and is Board-approved (SOC-8).
 */
export async function seedDemoPolicies(
  ctx: Ctx,
  log: (line: string) => void = console.log,
): Promise<{ codeId: string; seniorId: string } | null> {
  const codes = loadCodes(log);
  if (!codes) return null;
  const legal = { ...ctx, actor: systemActor("Legal Department (demo import)") };
  const board = { ...ctx, actor: systemActor("Board of Directors (demo import)") };
  const code = await createPolicy(legal, {
    key: CODE_KEY,
    title: "Code of Business Conduct and Ethics",
    shortTitle: "Code of Conduct",
    audience: ["everyone"],
    owner: "Legal Department (General Counsel)",
    approvalAuthority: "legal",
    changeNote: "Imported from the company's Code of Business Conduct and Ethics.",
    sections: codes.code,
  });
  await approveVersion(legal, code.versionId);
  await publishVersion(legal, code.versionId, { recertify: false });
  const senior = await createPolicy(board, {
    key: SENIOR_CODE_KEY,
    title: "Code of Ethics for Chief Executive Officer and Senior Financial Officers",
    shortTitle: "Senior Officers Code",
    audience: ["senior_officers", "finance_accounting"],
    owner: "Board of Directors (administered by the Audit Committee)",
    approvalAuthority: "board",
    governsOverKey: CODE_KEY,
    changeNote: "Imported from the Senior Officers Code adopted by the Board of Directors.",
    sections: codes.senior,
  });
  await approveVersion(board, senior.versionId);
  await publishVersion(legal, senior.versionId, { recertify: false });
  return { codeId: code.id, seniorId: senior.id };
}
