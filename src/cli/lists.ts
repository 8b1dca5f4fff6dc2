import type { Command } from "commander";
import type { ListFiles, ListSource } from "../domains/screening/index.ts";
import { isOfacSource, LIST_SOURCES, PUBLISHER_URLS } from "../domains/screening/lists/list-sources.ts";

// The application is imported when a command runs, so `probity --help` stays fast.
const loadApp = () => import("../app.ts");
const screening = () => import("../domains/screening/index.ts");
const loadConfig = async () => (await import("../kernel/config.ts")).loadConfig();

/** Where OFAC publishes its lists (the Sanctions List Service); `--url ofac` means this SDN.XML. */
export const OFAC_SDN_XML = PUBLISHER_URLS["ofac-sdn"];

async function download(
  url: string,
  encoding: "utf8" | "windows-1252",
  optional = false,
): Promise<string | undefined> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(120_000) });
  } catch (e) {
    throw new Error(`Could not download ${url}: ${(e as Error).cause ?? (e as Error).message}`);
  }
  if (response.status === 404 && optional) return undefined;
  if (!response.ok) throw new Error(`Could not download ${url}: HTTP ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  return encoding === "utf8"
    ? new TextDecoder("utf-8").decode(bytes)
    : (await screening()).windows1252(bytes);
}

/**
 * Downloads one list: an XML file, or the CSV set whose main file (SDN.CSV, CONS_PRIM.CSV) the URL
 * names, with its ALT, ADD and comments files fetched from beside it, or the one file of another
 * publisher. `url` may be a list's name (eu-fsf, uk-ofsi, un-sc, opensanctions, ofac-sdn …; "ofac"
 * for short): its publisher's current file is fetched.
 */
export async function downloadList(
  url: string,
  source?: ListSource,
): Promise<ListFiles & { source: ListSource }> {
  const named =
    url === "ofac"
      ? "ofac-sdn"
      : (LIST_SOURCES as readonly string[]).includes(url)
        ? (url as ListSource)
        : null;
  const target = named ? PUBLISHER_URLS[named] : url;
  let parsed: URL;
  try {
    parsed = new URL(target);
  } catch {
    throw new Error(`--url is not a URL: ${url}`);
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:")
    throw new Error(`--url must be http(s), not ${parsed.protocol}`);
  const file = parsed.pathname.split("/").pop() ?? "";
  const { csvFileNames, sourceOfFileName, sniffSource } = await screening();
  const lower = file.toLowerCase();
  const kind =
    sourceOfFileName(file) ??
    (lower.endsWith(".xml") || lower.endsWith(".json") || lower.endsWith(".jsonl") || named || source
      ? { source: named ?? source ?? ("ofac-sdn" as const), format: "xml" as const }
      : null);
  if (!kind)
    throw new Error(
      `--url must name SDN.XML, SDN.CSV, CONSOLIDATED.XML or CONS_PRIM.CSV, another publisher's file (XML, ConList.csv, .ftm.json) or a list (${LIST_SOURCES.join(", ")}), or say which list with --source; not ${file || "a directory"}.`,
    );
  if (!(kind.format === "csv" && isOfacSource(kind.source) && (!source || isOfacSource(source)))) {
    const text = (await download(target, "utf8"))!;
    const sniffed = sniffSource(text);
    const which =
      source ?? named ?? (sniffed === "ofac-sdn" && isOfacSource(kind.source) ? kind.source : sniffed);
    if (!which)
      throw new Error(
        `${url} is not a list Probity recognises: name it with --source (${LIST_SOURCES.join(", ")}).`,
      );
    return isOfacSource(which)
      ? { source: which, format: "xml", xml: text }
      : { source: which, format: "file", text };
  }
  const names = csvFileNames(kind.source);
  const sibling = (name: string) => {
    const u = new URL(parsed);
    u.pathname = parsed.pathname.replace(/[^/]+$/, file === file.toUpperCase() ? name.toUpperCase() : name);
    return u.toString();
  };
  return {
    source: kind.source,
    format: "csv",
    files: {
      sdn: (await download(target, "windows-1252"))!,
      alt: await download(sibling(names.alt), "windows-1252", true),
      add: await download(sibling(names.add), "windows-1252", true),
      comments: await download(sibling(names.comments), "windows-1252", true),
    },
  };
}

/** `probity lists import|versions`: sanctions list versions in the database. */
export function registerListsCommand(program: Command): void {
  const lists = program
    .command("lists")
    .description("Sanctions lists (OFAC SDN and consolidated, EU, UK OFSI, UN, OpenSanctions)");
  lists
    .command("import")
    .description(
      "Import a new version of a sanctions list (OFAC, EU, UK OFSI, UN, OpenSanctions) and re-screen every counterparty (COC-18.1)",
    )
    .argument(
      "[path]",
      "SDN.XML, SDN.CSV (with ALT/ADD/SDN_COMMENTS.CSV beside it), CONS_PRIM.CSV, a directory, the EU's or the UN's XML, OFSI's ConList.csv or an OpenSanctions .ftm.json",
    )
    .option(
      "--url <url>",
      `download instead: a URL, or a list's name for its publisher's current file (${LIST_SOURCES.join(", ")}; "ofac" for ${OFAC_SDN_XML})`,
    )
    .option("--source <list>", `which list a directory or XML file is (${LIST_SOURCES.join(", ")})`)
    .action(async (path: string | undefined, opts: { url?: string; source?: string }) => {
      if (!path === !opts.url) throw new Error("Give a file or directory, or --url, but not both.");
      const { z } = await import("zod");
      const sourceOption = z.enum(LIST_SOURCES, { message: `--source is one of ${LIST_SOURCES.join(", ")}` });
      const source = opts.source === undefined ? undefined : sourceOption.safeParse(opts.source);
      if (source && !source.success) throw new Error(source.error.issues[0]!.message);
      const { openProbityDatabase, systemCtx } = await loadApp();
      const { importList, readListFile, rescreenAll } = await screening();
      const list = opts.url ? await downloadList(opts.url, source?.data) : readListFile(path!, source?.data);
      const database = await openProbityDatabase(await loadConfig());
      try {
        const ctx = systemCtx(database, undefined, "cli lists import");
        const v = await importList(ctx, { ...list, source: source?.data ?? list.source });
        if (v.unchangedFiles) {
          console.log(`${v.source} version ${v.seq} already has these files; nothing changed.`);
          return;
        }
        console.log(
          `Imported ${v.source} version ${v.seq} (${v.counts.format ?? "csv"}): ${v.counts.entries.toLocaleString("en-US")} entries, ` +
            `${v.diff.added} added, ${v.diff.changed} changed, ${v.diff.removed} removed.`,
        );
        const screened = await rescreenAll(ctx);
        console.log(`Re-screened ${screened} counterpart${screened === 1 ? "y" : "ies"}.`);
      } finally {
        await database.close();
      }
    });
  lists
    .command("versions")
    .description("List the imported versions, newest first")
    .action(async () => {
      const { openProbityDatabase, systemCtx } = await loadApp();
      const { listVersions } = await screening();
      const database = await openProbityDatabase(await loadConfig());
      try {
        const { items } = await listVersions(systemCtx(database, undefined, "cli"));
        if (!items.length) console.log("No list has been imported yet: run `probity lists import`.");
        for (const v of items)
          console.log(
            `${v.source}\tv${v.seq}${v.isCurrent ? " (current)" : ""}\t${v.importedAt}\t${v.counts.entries} entries\t+${v.diff.added} ~${v.diff.changed} -${v.diff.removed}`,
          );
      } finally {
        await database.close();
      }
    });
}
