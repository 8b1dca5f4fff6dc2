import fs from "node:fs";
import path from "node:path";
import { invalid } from "../../../kernel/errors.ts";
import type { OfacFiles } from "./parse-ofac.ts";

/** Reads OFAC's CSV set from a directory, whatever the case of the file names (SDN.CSV or sdn.csv). */
export function readOfacDir(dir: string): OfacFiles {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw invalid(`No such directory: ${dir}`);
  const files = fs.readdirSync(dir);
  const find = (name: string) => {
    const f = files.find((x) => x.toLowerCase() === name);
    return f ? fs.readFileSync(path.join(dir, f), "latin1") : undefined;
  };
  const sdn = find("sdn.csv") ?? find("cons_prim.csv");
  if (!sdn) throw invalid(`${dir} has no SDN.CSV (or CONS_PRIM.CSV for the consolidated list).`);
  return {
    sdn,
    alt: find("alt.csv") ?? find("cons_alt.csv"),
    add: find("add.csv") ?? find("cons_add.csv"),
    comments: find("sdn_comments.csv") ?? find("cons_comments.csv"),
  };
}
