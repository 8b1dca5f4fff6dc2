import fs from "node:fs";
import { type Command, Option } from "commander";
import type { Allocation } from "../domains/restructuring/index.ts";

/** Exit code for input the engine refuses (the errors go to stderr, one a line). */
const INVALID_INPUT = 2;

function refuse(errors: string[]): void {
  console.error(
    `probity offering allocate: the input is not valid (${errors.length} error${errors.length === 1 ? "" : "s"}):`,
  );
  for (const e of errors) console.error(`  - ${e}`);
  process.exitCode = INVALID_INPUT;
}

const pad = (text: string | number, width: number) => String(text).padStart(width);

/** The allocation as plain text: the explanation, then one table per holder and investor. */
export function allocationText(a: Allocation): string {
  const lines: string[] = ["Explanation", ...a.explanation.map((e) => `  ${e}`), ""];
  lines.push("Investors");
  lines.push(
    `  ${"id".padEnd(12)}${pad("subscription", 14)}${pad("residual", 12)}${pad("total", 12)}${pad("price", 18)}${pad("ownership", 11)}${pad("structuring fee", 17)}${pad("termination fee", 17)}${pad("pref. shares", 14)}${pad("pref. price", 15)}`,
  );
  for (const i of a.investors)
    lines.push(
      `  ${i.id.padEnd(12)}${pad(i.subscriptionUnits, 14)}${pad(i.residualUnits, 12)}${pad(i.totalUnits, 12)}${pad(i.purchasePrice, 18)}${pad(i.ownershipPercent, 11)}${pad(i.structuringFee, 17)}${pad(i.terminationFee, 17)}${pad(i.preferredShares, 14)}${pad(i.preferredPrice, 15)}`,
    );
  lines.push("", "Holders");
  lines.push(
    `  ${"id".padEnd(14)}${pad("rights", 10)}${pad("exercised", 11)}${pad("subscription", 14)}${pad("cutback", 10)}${pad("final", 10)}${pad("price", 18)}`,
  );
  for (const h of a.holders)
    lines.push(
      `  ${h.id.padEnd(14)}${pad(h.rights, 10)}${pad(h.exercised, 11)}${pad(h.subscriptionUnits, 14)}${pad(h.cutbackUnits, 10)}${pad(h.finalUnits, 10)}${pad(h.purchasePrice, 18)}`,
    );
  const t = a.totals;
  lines.push(
    "",
    "Totals",
    `  units offered ${t.unitsOffered}, subscribed ${t.subscribedUnits}, residual ${t.residualUnits}, cut back ${t.cutbackUnits}`,
    `  Holdco shares ${t.totalShares}; threshold group owns ${t.thresholdGroupOwnershipPercent}; threshold ${t.thresholdMet ? "met" : `NOT met (${t.thresholdShortfallUnits} units short)`}`,
  );
  return `${lines.join("\n")}\n`;
}

/**
 * `probity offering allocate --input FILE.json [--format json|text]`: runs the allocation engine
 * on a file, without a database. Invalid input exits with code 2 and lists every error.
 */
export function registerOfferingCommand(program: Command): void {
  const offering = program.command("offering").description("The rights offering (restructuring)");
  offering
    .command("allocate")
    .description(
      "Allocate a rights offering (ECA-2(b), 3(a), 25, 26): subscription and residual units, cutback, fees, preferred stock",
    )
    .requiredOption(
      "--input <file>",
      "the offering as JSON (unitsOffered, pricePerUnit, investors, holders …; see examples/offering-allocate.json)",
    )
    .addOption(new Option("--format <format>", "output format").choices(["json", "text"]).default("json"))
    .action(async (opts: { input: string; format: "json" | "text" }) => {
      // Imported when the command runs, so `probity --help` stays fast.
      const { allocateOffering } = await import("../domains/restructuring/index.ts");
      let raw: unknown;
      try {
        raw = JSON.parse(fs.readFileSync(opts.input, "utf8").replace(/^\uFEFF/, ""));
      } catch (error) {
        const reason =
          (error as NodeJS.ErrnoException).code === "ENOENT"
            ? `no such file: ${opts.input}`
            : `${opts.input} is not valid JSON: ${(error as Error).message}`;
        refuse([reason]);
        return;
      }
      const outcome = allocateOffering(raw);
      if (!outcome.ok) {
        refuse(outcome.errors);
        return;
      }
      process.stdout.write(
        opts.format === "text"
          ? allocationText(outcome.allocation)
          : `${JSON.stringify(outcome.allocation, null, 2)}\n`,
      );
    });
}
