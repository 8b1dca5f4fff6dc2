import fs from "node:fs";
import { sql } from "kysely";
import { z } from "zod";
import { record } from "./audit.ts";
import { isoNow } from "./clock.ts";
import { type Ctx, withTransaction } from "./context.ts";
import { generateKey, type KeyRing, open, openWithRing, parseKey, seal } from "./crypto.ts";
import { type KeyProvider, keyProviderFor } from "./key-provider.ts";
import { getSetting, putSetting } from "./settings.ts";

/**
 * Binds the key to the database. The first server to start on an empty database seals a random
 * hashing key under its KEK into `settings` ("keys.check"); every later start must open it, so a
 * server with a missing or different key refuses to start instead of writing reports nobody else
 * can read (issue 14, finding 1). Databases from before the check are verified by unwrapping a
 * sample of their sealed rows, and their hashing key stays the KEK they were built with.
 */
const CHECK_SETTING = "keys.check";
const CHECK_AD = "probity:key-check";
const checkSchema = z.object({ sealed: z.string(), createdAt: z.string() });

/**
 * Every value sealed directly by the KEK. The kernel names the columns (not the domains' types)
 * so rotation and the doctor see all of them; a new sealed column must be added here.
 */
export type SealedColumn = {
  name: string;
  table: string;
  column: string;
  ad: (id: string) => string;
};
export const SEALED_COLUMNS: readonly SealedColumn[] = [
  { name: "speak-up case keys", table: "speakup_cases", column: "data_key", ad: (id) => `dek:speakup:${id}` },
  { name: "second-factor secrets", table: "users", column: "totp_secret", ad: (id) => `totp:${id}` },
  {
    name: "pending second-factor secrets",
    table: "users",
    column: "totp_pending_secret",
    ad: (id) => `totp:${id}`,
  },
];

type SealedRow = { id: string; value: string };
const anyTable = (ctx: Ctx) => ctx.db.withTables<Record<string, Record<string, string | null>>>();

function sealedRows(ctx: Ctx, c: SealedColumn) {
  return anyTable(ctx)
    .selectFrom(c.table)
    .select([sql<string>`id`.as("id"), sql<string>`${sql.ref(c.column)}`.as("value")])
    .where(sql.ref(c.column), "is not", null)
    .where(sql.ref(c.column), "<>", "");
}

export type SealedCounts = Record<string, number>;

export async function countSealed(ctx: Ctx): Promise<SealedCounts> {
  const counts: SealedCounts = {};
  for (const c of SEALED_COLUMNS) {
    const row = await anyTable(ctx)
      .selectFrom(c.table)
      .select(sql<string | number>`count(*)`.as("n"))
      .where(sql.ref(c.column), "is not", null)
      .where(sql.ref(c.column), "<>", "")
      .executeTakeFirstOrThrow();
    counts[c.name] = Number(row.n);
  }
  return counts;
}

const total = (counts: SealedCounts) => Object.values(counts).reduce((a, b) => a + b, 0);
const describeCounts = (counts: SealedCounts) =>
  Object.entries(counts)
    .map(([name, n]) => `${n} ${name}`)
    .join(", ");

/** A random sample of sealed rows of every kind (random() works on SQLite and PostgreSQL). */
export async function sampleSealed(ctx: Ctx, perColumn: number) {
  const sample: { column: SealedColumn; row: SealedRow }[] = [];
  for (const c of SEALED_COLUMNS) {
    const rows = await sealedRows(ctx, c).orderBy(sql`random()`).limit(perColumn).execute();
    for (const row of rows) sample.push({ column: c, row });
  }
  return sample;
}

export class KeyRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "KeyRefusedError";
  }
}

const HELP = "See docs/operations.md, section Keys.";

/** Loads the KEK from `provider` and checks it against the database; see the comment above. */
export async function openKeyRing(
  ctx: Ctx,
  provider: KeyProvider,
  previous: Uint8Array[] = [],
): Promise<KeyRing> {
  let kek = await provider.load();
  const stored = await getSetting(ctx, CHECK_SETTING, checkSchema.nullable(), null);
  if (!kek) {
    const counts = await countSealed(ctx);
    if (stored || total(counts) > 0) {
      // A database bound to a key (its key check stored) with nothing sealed yet is the case of a
      // second server starting beside the first: it must be given the first one's key.
      const bound = stored ? `, and it is bound to a key (key check of ${stored.createdAt})` : "";
      throw new KeyRefusedError(
        `Probity will not start: ${provider.describe} is missing, but the database holds sealed data ` +
          `(${describeCounts(counts)})${bound}. A new key could not open any of it, so none was created. ` +
          `Every server on one database must use the same key. To fix: ${provider.fix}. ${HELP}`,
      );
    }
    if (!provider.create)
      throw new KeyRefusedError(`Probity will not start: ${provider.describe} is not set.`);
    kek = await provider.create();
  }
  const ring: KeyRing = { kek, previous, macKey: kek, source: provider.describe };
  const check = stored ?? (await createCheck(ctx, ring));
  try {
    return { ...ring, macKey: openWithRing(ring, check.sealed, CHECK_AD) };
  } catch {
    const counts = await countSealed(ctx);
    throw new KeyRefusedError(
      `Probity will not start: ${provider.describe} does not open this database's sealed data ` +
        `(${describeCounts(counts)}; key check of ${check.createdAt}). Every server on one database ` +
        `must use the same key. To fix: ${provider.fix}. ${HELP}`,
    );
  }
}

async function createCheck(ctx: Ctx, ring: KeyRing): Promise<z.infer<typeof checkSchema>> {
  const counts = await countSealed(ctx);
  let macKey: Uint8Array;
  if (total(counts) > 0) {
    // A database sealed before the key check: the key must open what is there, and its hashes
    // (person refs, rate counters) were keyed by the KEK itself, so that stays the hashing key.
    for (const { column, row } of await sampleSealed(ctx, 5)) {
      try {
        openWithRing(ring, row.value, column.ad(row.id));
      } catch {
        throw new KeyRefusedError(
          `Probity will not start: ${ring.source} does not open this database's sealed data ` +
            `(${describeCounts(counts)}). Every server on one database must use the same key. ${HELP}`,
        );
      }
    }
    macKey = ring.kek;
  } else {
    macKey = await generateKey();
  }
  const value = { sealed: seal(ring.kek, macKey, CHECK_AD), createdAt: isoNow(ctx.clock) };
  await withTransaction(ctx, async (tx) => {
    const inserted = await tx.db
      .insertInto("settings")
      .values({ key: CHECK_SETTING, value: JSON.stringify(value), updated_at: value.createdAt })
      .onConflict((oc) => oc.column("key").doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0)
      await record(tx, "keys.check", null, { source: ring.source, existingSealedRows: total(counts) });
  });
  // Two servers starting together on an empty database: the first one's check wins.
  const winner = await getSetting(ctx, CHECK_SETTING, checkSchema.nullable(), null);
  if (!winner) throw new Error("The key check could not be stored.");
  return winner;
}

export type KeySettings = {
  keyFile: string;
  keyBase64?: string | undefined;
  previousKeyFile?: string | undefined;
};

/** The key ring every process uses: the configured provider, plus the previous key during a rotation. */
export async function keyRingFromConfig(ctx: Ctx, config: KeySettings): Promise<KeyRing> {
  const previous = config.previousKeyFile
    ? [
        await parseKey(
          fs.readFileSync(config.previousKeyFile, "utf8"),
          `The previous key file ${config.previousKeyFile}`,
        ),
      ]
    : [];
  return openKeyRing(ctx, keyProviderFor(config), previous);
}

export type RotationResult = Record<string, { rewrapped: number; alreadyNew: number }>;

/**
 * Re-seals every KEK-sealed value under `newKek`, in batches of short transactions, so servers
 * keep serving (they hold the new key, and the old one as previous; see docs/operations.md).
 * Re-running after a crash is safe: a value the new key already opens is left alone.
 */
export async function rotateKeys(
  ctx: Ctx,
  ring: KeyRing,
  newKek: Uint8Array,
  batchSize = 200,
): Promise<RotationResult> {
  const result: RotationResult = {};
  for (const c of SEALED_COLUMNS) {
    const counts = { rewrapped: 0, alreadyNew: 0 };
    let after = "";
    for (;;) {
      const rows = await sealedRows(ctx, c).where("id", ">", after).orderBy("id").limit(batchSize).execute();
      if (rows.length === 0) break;
      await withTransaction(ctx, async (tx) => {
        for (const row of rows) {
          const ad = c.ad(row.id);
          try {
            open(newKek, row.value, ad);
            counts.alreadyNew++;
            continue;
          } catch {}
          let plain: Uint8Array;
          try {
            plain = openWithRing(ring, row.value, ad);
          } catch {
            throw new Error(
              `${c.table} ${row.id}: neither the current nor the new key opens its ${c.column}; nothing after it was rotated.`,
            );
          }
          // Only if nobody changed the row meanwhile (a second-factor re-enrolment, for example).
          await anyTable(tx)
            .updateTable(c.table)
            .set({ [c.column]: seal(newKek, plain, ad) })
            .where("id", "=", row.id)
            .where(sql.ref(c.column), "=", row.value)
            .execute();
          counts.rewrapped++;
        }
      });
      after = rows[rows.length - 1]!.id;
    }
    result[c.name] = counts;
  }
  await withTransaction(ctx, async (tx) => {
    await putSetting(tx, CHECK_SETTING, {
      sealed: seal(newKek, ring.macKey, CHECK_AD),
      createdAt: isoNow(tx.clock),
    });
    await record(tx, "keys.rotate", null, { from: ring.source, result });
  });
  return result;
}

export type KeyDoctorReport = {
  counts: SealedCounts;
  sampled: number;
  openedByCurrent: number;
  openedByPrevious: number;
  failed: { table: string; id: string }[];
};

/** Opens a random sample of sealed rows with the ring; the CLI's `probity doctor` reports it. */
export async function checkKeyOpensSample(ctx: Ctx, ring: KeyRing, perColumn = 20): Promise<KeyDoctorReport> {
  const report: KeyDoctorReport = {
    counts: await countSealed(ctx),
    sampled: 0,
    openedByCurrent: 0,
    openedByPrevious: 0,
    failed: [],
  };
  for (const { column, row } of await sampleSealed(ctx, perColumn)) {
    report.sampled++;
    const ad = column.ad(row.id);
    try {
      open(ring.kek, row.value, ad);
      report.openedByCurrent++;
    } catch {
      try {
        openWithRing(ring, row.value, ad);
        report.openedByPrevious++;
      } catch {
        report.failed.push({ table: column.table, id: row.id });
      }
    }
  }
  return report;
}
