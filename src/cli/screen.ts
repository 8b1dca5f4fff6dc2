import fs from "node:fs";
import { type Command, Option } from "commander";
import { parse } from "csv-parse/sync";
import type { z } from "zod";
import type { PartyType } from "../domains/screening/index.ts";

// Built when the command runs (zod takes a noticeable part of a start), so `probity --help` stays fast.
const optionsSchema = (zod: typeof z) =>
  zod.object({
    sdnDir: zod.string().min(1),
    input: zod.string().min(1),
    threshold: zod.coerce
      .number()
      .min(0, "--threshold is between 0 and 1")
      .max(1, "--threshold is between 0 and 1"),
    limit: zod.coerce.number().int().min(1, "--limit is a whole number from 1").max(1000),
    format: zod.literal("jsonl"),
    workers: zod.coerce.number().int().min(1, "--workers is a whole number from 1").max(64).optional(),
  });

const TYPES = new Set(["individual", "person", "entity", "vessel", "aircraft"]);

/**
 * `probity screen`: stateless batch screening. Loads the list from OFAC's CSV set, reads a CSV
 * with a header (id,name and optional type,country) and writes one JSON line per input row.
 */
export function registerScreenCommand(program: Command): void {
  program
    .command("screen")
    .description("Screen names in a CSV (id,name[,type,country]) against OFAC's CSV files; writes JSON lines")
    .requiredOption(
      "--sdn-dir <dir>",
      "directory with SDN.XML or SDN.CSV, ALT.CSV, ADD.CSV, SDN_COMMENTS.CSV (or the consolidated list's)",
    )
    .requiredOption(
      "--input <file>",
      "CSV with a header row and columns id,name (optional type,country; see examples/screen-names.csv)",
    )
    .option("--threshold <score>", "lowest score reported, 0 to 1", "0.85")
    .option("--limit <n>", "most matches per row", "5")
    .addOption(new Option("--format <format>", "output format").choices(["jsonl"]).default("jsonl"))
    .option("--workers <n>", "worker threads for large files (default: one per core)")
    .action(async (raw: Record<string, string>) => {
      // Imported when the command runs, so `probity --help` stays fast.
      const { loadListDir, screenInParallel } = await import("../domains/screening/index.ts");
      const parsed = optionsSchema((await import("zod")).z).safeParse(raw);
      if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join("; "));
      const opts = parsed.data;
      if (!fs.existsSync(opts.input)) throw new Error(`No such file: ${opts.input}`);
      const entries = loadListDir(opts.sdnDir);
      const records = parse(fs.readFileSync(opts.input, "utf8").replace(/^\uFEFF/, ""), {
        columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
        skip_empty_lines: true,
        trim: true,
        relax_column_count: true,
      }) as Record<string, string | undefined>[];
      if (records.length && !("name" in records[0]!)) throw new Error(`${opts.input} has no "name" column.`);
      const queries = records.map((r) => {
        const type = r.type?.toLowerCase();
        return {
          name: r.name ?? "",
          type: type && TYPES.has(type) ? (type as PartyType) : null,
          country: r.country ? r.country.toUpperCase() : null,
        };
      });
      // In slices of 100,000 rows, so a very large file does not hold every result in memory.
      const out: string[] = [];
      for (let start = 0; start < queries.length; start += 100_000) {
        const results = await screenInParallel(entries, queries.slice(start, start + 100_000), {
          threshold: opts.threshold,
          limit: opts.limit,
          workers: opts.workers,
        });
        results.forEach((hits, k) => {
          const i = start + k;
          out.push(
            JSON.stringify({
              id: records[i]!.id ?? String(i + 1),
              matches: hits.map((h) => ({
                entityId: h.entityId,
                name: h.name,
                matchedName: h.matchedName,
                score: h.score,
              })),
            }),
          );
          if (out.length >= 1000) process.stdout.write(`${out.splice(0).join("\n")}\n`);
        });
      }
      if (out.length) process.stdout.write(`${out.join("\n")}\n`);
    });
}
