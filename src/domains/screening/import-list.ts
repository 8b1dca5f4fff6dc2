import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { actorId, type Ctx, withTransaction } from "../../kernel/context.ts";
import { invalid } from "../../kernel/errors.ts";
import { newId } from "../../kernel/ids.ts";
import { enqueue } from "../../kernel/jobs.ts";
import { screeningDb } from "./db.ts";
import { isOfacSource, LIST_SOURCES, type ListSource } from "./lists/list-sources.ts";
import { type ListFiles, type ListFormat, parseList } from "./lists/parse-list.ts";
import { entryHash, fileHash, type OfacFiles } from "./lists/parse-ofac.ts";
import { authorize } from "./policy.ts";
import type { listImportView, View } from "./views.ts";

export type ListDiff = {
  added: number;
  removed: number;
  changed: number;
  unchanged: number;
  sample: { added: string[]; removed: string[]; changed: string[] };
};
export type ListVersion = {
  id: string;
  source: string;
  seq: number;
  importedAt: string;
  importedBy: string;
  fileHashes: Record<string, string>;
  counts: {
    format?: ListFormat;
    /** The publication date the XML states (MM/DD/YYYY as OFAC writes it). */
    publishDate?: string | null;
    entries: number;
    aliases: number;
    addresses: number;
    byType: Record<string, number>;
  };
  diff: ListDiff;
  isCurrent: boolean;
};

export const toVersion = (r: {
  id: string;
  source: string;
  seq: number;
  imported_at: string;
  imported_by: string;
  file_hashes: string;
  counts: string;
  diff: string;
  is_current: number;
}): ListVersion => ({
  id: r.id,
  source: r.source,
  seq: r.seq,
  importedAt: r.imported_at,
  importedBy: r.imported_by,
  fileHashes: JSON.parse(r.file_hashes),
  counts: JSON.parse(r.counts),
  diff: JSON.parse(r.diff),
  isCurrent: r.is_current === 1,
});

/**
 * Imports one list as a new version of it: OFAC's SDN or consolidated list (the CSV set or the XML
 * file), the EU's Financial Sanctions Files, OFSI's ConList.csv, the UN's consolidated.xml or
 * OpenSanctions' FollowTheMoney export. One pipeline for all: parse (a truncated or malformed
 * file is refused with its line), file hashes, counts and the difference from the previous
 * version of the same list; the new version becomes current and every counterparty is re-screened
 * by the `screening.rescreen` job (COC-18.1). Importing identical files again changes nothing.
 */
export async function importList(
  ctx: Ctx,
  /**
   * The files as text: `xml`, `files` (OFAC's CSV set) or `text` (one file of another publisher);
   * a ListFiles from readListFile fits as is.
   */
  input: { source?: ListSource; files?: OfacFiles; xml?: string; text?: string },
): Promise<View<typeof listImportView>> {
  authorize(ctx.actor, "list.import");
  const source = input.source ?? "ofac-sdn";
  if (!LIST_SOURCES.includes(source))
    throw invalid(`Unknown list ${source}: one of ${LIST_SOURCES.join(", ")}.`);
  if ([input.xml, input.files, input.text].filter(Boolean).length !== 1)
    throw invalid(
      isOfacSource(source)
        ? "Give either the XML file or the CSV set (SDN.CSV with ALT, ADD and comments), not both."
        : `Give the ${source} list's file, once.`,
    );
  const list: ListFiles = input.xml
    ? { format: "xml", xml: input.xml }
    : input.text
      ? { format: "file", text: input.text }
      : { format: "csv", files: input.files! };
  const { entries, publication, format } = parseList(source, list);
  if (!entries.length)
    throw invalid(
      !isOfacSource(source)
        ? `The ${source} file has no entries.`
        : format === "xml"
          ? "The XML file has no <sdnEntry> elements."
          : "The SDN file has no entries: is it OFAC's SDN.CSV (no header row, `-0-` for empty)?",
    );
  const raw: Record<string, string | undefined> = input.xml
    ? { xml: input.xml }
    : input.text
      ? { file: input.text }
      : { ...input.files };
  const fileHashes = Object.fromEntries(
    Object.entries(raw)
      .filter(([, v]) => v)
      .map(([k, v]) => [k, fileHash(v as string)]),
  );
  return withTransaction(ctx, async (tx) => {
    const db = screeningDb(tx);
    const previous = await db
      .selectFrom("screening_list_versions")
      .selectAll()
      .where("source", "=", source)
      .orderBy("seq", "desc")
      .executeTakeFirst();
    if (previous && previous.file_hashes === JSON.stringify(fileHashes))
      return { ...toVersion(previous), unchangedFiles: true };
    const before = new Map<string, string>();
    if (previous) {
      for (const r of await db
        .selectFrom("screening_list_entries")
        .select(["entity_id", "hash"])
        .where("version_id", "=", previous.id)
        .execute())
        before.set(r.entity_id, r.hash);
    }
    const hashed = entries.map((e) => ({ e, hash: entryHash(e) }));
    const added: string[] = [];
    const changed: string[] = [];
    for (const { e, hash } of hashed) {
      const old = before.get(e.entityId);
      if (old === undefined) added.push(e.entityId);
      else if (old !== hash) changed.push(e.entityId);
      before.delete(e.entityId);
    }
    const removed = [...before.keys()];
    const diff: ListDiff = {
      added: previous ? added.length : entries.length,
      removed: removed.length,
      changed: changed.length,
      unchanged: entries.length - added.length - changed.length,
      sample: {
        added: previous ? added.slice(0, 50) : [],
        removed: removed.slice(0, 50),
        changed: changed.slice(0, 50),
      },
    };
    const byType: Record<string, number> = {};
    for (const e of entries) byType[e.type] = (byType[e.type] ?? 0) + 1;
    const counts = {
      format,
      publishDate: publication?.publishDate ?? null,
      entries: entries.length,
      aliases: entries.reduce((n, e) => n + e.aliases.length, 0),
      addresses: entries.reduce((n, e) => n + e.addresses.length, 0),
      byType,
    };
    const id = newId();
    const row = {
      id,
      source,
      seq: (previous?.seq ?? 0) + 1,
      imported_at: isoNow(tx.clock),
      imported_by: tx.actor.label,
      file_hashes: JSON.stringify(fileHashes),
      counts: JSON.stringify(counts),
      diff: JSON.stringify(diff),
      is_current: 1,
    };
    await db
      .updateTable("screening_list_versions")
      .set({ is_current: 0 })
      .where("source", "=", source)
      .execute();
    await db.insertInto("screening_list_versions").values(row).execute();
    for (let i = 0; i < hashed.length; i += 500) {
      await db
        .insertInto("screening_list_entries")
        .values(
          hashed.slice(i, i + 500).map(({ e, hash }) => ({
            version_id: id,
            entity_id: e.entityId,
            name: e.name,
            type: e.type,
            hash,
            data: JSON.stringify(e),
          })),
        )
        .execute();
    }
    await record(
      tx,
      "list.import",
      { type: "list_version", id },
      {
        source,
        seq: row.seq,
        files: fileHashes,
        counts,
        diff: { ...diff, sample: undefined },
        by: actorId(tx.actor),
      },
    );
    await enqueue(tx, "screening.rescreen", { versionId: id }, { maxAttempts: 3 });
    return { ...toVersion(row), unchangedFiles: false };
  });
}
