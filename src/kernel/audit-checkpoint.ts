import fs from "node:fs";
import path from "node:path";
import sodium from "libsodium-wrappers";
import { z } from "zod";
import { record } from "./audit.ts";
import { isoNow } from "./clock.ts";
import { type Ctx, withTransaction } from "./context.ts";
import type { JobDefinition } from "./jobs.ts";
import { keepPrivate } from "./key-provider.ts";
import { queueMail } from "./mail.ts";
import type { AuditCheckpointsTable } from "./tables.ts";

/**
 * Signed checkpoints of the audit chain (issue 14, finding 4). The hash chain alone proves nothing
 * to someone who can write the database: they can rewrite an event and recompute every later hash.
 * A checkpoint is the statement "the chain ended at event `seq` with `hash`", signed with an Ed25519
 * key that is NOT in the database, appended to a file the operator ships off-site, and optionally
 * mailed to the Audit Committee chair. A rewritten chain then disagrees with a signed checkpoint.
 *
 * The signing key is its own file (`<data dir>/audit-signing.key`, 0600), not derived from the
 * key-encryption key: rotating the KEK, or moving it into a KMS that never hands it out, must not
 * make every earlier checkpoint unverifiable. Back it up beside the KEK, never with the database.
 */
export type AuditSigner = { publicKey: string; secretKey: Uint8Array; file: string };

const b64 = (bytes: Uint8Array) => sodium.to_base64(bytes, sodium.base64_variants.ORIGINAL);
const unb64 = (text: string) => sodium.from_base64(text, sodium.base64_variants.ORIGINAL);

function readSeed(file: string): Uint8Array {
  const seed = unb64(fs.readFileSync(file, "utf8").trim());
  if (seed.length !== sodium.crypto_sign_SEEDBYTES) {
    throw new Error(
      `The audit signing key file ${file} does not hold a ${sodium.crypto_sign_SEEDBYTES}-byte key.`,
    );
  }
  return seed;
}

/**
 * Loads the signing key, creating it (0600) on first start. `existingCheckpoints` > 0 forbids
 * creating one: a new key next to a database with signed checkpoints would leave them unverifiable
 * and hide the loss, so the server refuses to start and says how to fix it.
 */
export async function loadOrCreateAuditSigner(
  file: string,
  existingCheckpoints: number,
): Promise<AuditSigner> {
  await sodium.ready;
  if (!fs.existsSync(file)) {
    if (existingCheckpoints > 0) {
      throw new Error(
        `The audit signing key ${file} is missing, but the database holds ${existingCheckpoints} checkpoints signed with it. Restore the file from your key backup (or point PROBITY_AUDIT_SIGNING_KEY_FILE at it); Probity does not create a new key, which would make the signed checkpoints unverifiable.`,
      );
    }
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${b64(sodium.randombytes_buf(sodium.crypto_sign_SEEDBYTES))}\n`, {
      mode: 0o600,
      flag: "wx",
    });
  }
  keepPrivate(file);
  const pair = sodium.crypto_sign_seed_keypair(readSeed(file));
  return { publicKey: b64(pair.publicKey), secretKey: pair.privateKey, file };
}

/** The public key of a signing key file (read only: for `probity audit verify` on read-only media). */
export async function readAuditPublicKey(file: string): Promise<string> {
  await sodium.ready;
  return b64(sodium.crypto_sign_seed_keypair(readSeed(file)).publicKey);
}

export async function countCheckpoints(ctx: Ctx): Promise<number> {
  const { n } = await ctx.db
    .selectFrom("audit_checkpoints")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(n);
}

const signedText = (seq: number, hash: string, createdAt: string) =>
  `probity-audit-checkpoint:v1:${seq}:${hash}:${createdAt}`;

/** One line of `audit-checkpoints.jsonl`. */
export const exportedCheckpoint = z.object({
  seq: z.number().int().positive(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  createdAt: z.string(),
  publicKey: z.string(),
  signature: z.string(),
});
export type ExportedCheckpoint = z.infer<typeof exportedCheckpoint>;

const toExported = (row: AuditCheckpointsTable): ExportedCheckpoint => ({
  seq: Number(row.seq),
  hash: row.hash,
  createdAt: row.created_at,
  publicKey: row.public_key,
  signature: row.signature,
});

export type CheckpointOptions = { exportFile?: string | undefined; mailTo?: string | undefined };

/**
 * Signs the current head of the chain, unless nothing but the previous checkpoint's own event was
 * recorded since. The checkpoint, its audit event and the optional mail commit together; the line
 * is appended to the export file as soon as the row is written.
 */
export async function writeCheckpoint(
  ctx: Ctx,
  signer: AuditSigner,
  options: CheckpointOptions = {},
): Promise<ExportedCheckpoint | null> {
  await sodium.ready;
  const written = await withTransaction(ctx, async (tx) => {
    let headQuery = tx.db.selectFrom("audit_head").select(["seq", "hash"]).where("id", "=", 1);
    if (tx.dialect === "postgres") headQuery = headQuery.forUpdate();
    const head = await headQuery.executeTakeFirstOrThrow();
    const seq = Number(head.seq);
    if (seq === 0) return null;
    const last = await tx.db
      .selectFrom("audit_checkpoints")
      .select("seq")
      .orderBy("seq", "desc")
      .limit(1)
      .executeTakeFirst();
    const lastSeq = last ? Number(last.seq) : 0;
    if (lastSeq >= seq) return null;
    if (lastSeq === seq - 1) {
      const only = await tx.db
        .selectFrom("audit_events")
        .select("action")
        .where("seq", "=", seq)
        .executeTakeFirst();
      if (only?.action === "audit.checkpoint") return null;
    }
    const createdAt = isoNow(ctx.clock);
    const signature = sodium.crypto_sign_detached(signedText(seq, head.hash, createdAt), signer.secretKey);
    const row: AuditCheckpointsTable = {
      seq,
      hash: head.hash,
      created_at: createdAt,
      public_key: signer.publicKey,
      signature: b64(signature),
    };
    await tx.db.insertInto("audit_checkpoints").values(row).execute();
    // "head", not "hash": the audit log redacts keys that look like secrets.
    await record(tx, "audit.checkpoint", null, { checkpointSeq: seq, head: head.hash });
    if (options.mailTo) {
      await queueMail(tx, {
        to: options.mailTo,
        subject: `Probity audit checkpoint: event ${seq}`,
        text: [
          "Probity signed a checkpoint of its audit log. Keep this message: it lets anyone later",
          "prove that the log was not rewritten (probity audit verify --checkpoint FILE).",
          "",
          JSON.stringify(toExported(row)),
        ].join("\n"),
      });
    }
    return toExported(row);
  });
  if (written && options.exportFile) {
    fs.mkdirSync(path.dirname(options.exportFile), { recursive: true });
    fs.appendFileSync(options.exportFile, `${JSON.stringify(written)}\n`, { mode: 0o600 });
  }
  return written;
}

/** The recurring `audit.checkpoint` job. */
export function auditCheckpointJob(signer: AuditSigner, options: CheckpointOptions): JobDefinition {
  return {
    async run(ctx) {
      await writeCheckpoint(ctx, signer, options);
    },
  };
}

/** Reads an exported checkpoint file; a bad line is named with its number. */
export function parseCheckpointFile(file: string): ExportedCheckpoint[] {
  const lines = fs.readFileSync(file, "utf8").split("\n");
  const out: ExportedCheckpoint[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === "") return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new Error(`${file} line ${i + 1} is not JSON.`);
    }
    const parsed = exportedCheckpoint.safeParse(value);
    if (!parsed.success)
      throw new Error(`${file} line ${i + 1} is not a checkpoint: ${parsed.error.message}`);
    out.push(parsed.data);
  });
  return out;
}

export type CheckpointVerifyResult = { ok: boolean; checked: number; message: string };

/**
 * Checks every checkpoint in the database, and every exported one given: signed with the trusted
 * public key, and agreeing with the chain (the event at its `seq` has its hash). The chain itself
 * is verified separately (verifyChain); a consistent rewrite passes that and fails here.
 */
export async function verifyCheckpoints(
  ctx: Ctx,
  trustedPublicKey: string,
  exported: readonly ExportedCheckpoint[] = [],
): Promise<CheckpointVerifyResult> {
  await sodium.ready;
  const stored = (await ctx.db.selectFrom("audit_checkpoints").selectAll().orderBy("seq").execute()).map(
    toExported,
  );
  const fail = (message: string): CheckpointVerifyResult => ({ ok: false, checked: 0, message });
  const check = async (cp: ExportedCheckpoint, where: string): Promise<string | null> => {
    if (cp.publicKey !== trustedPublicKey) {
      return `${where} checkpoint at event ${cp.seq} is signed with another key (${cp.publicKey}), not the audit signing key`;
    }
    let valid = false;
    try {
      valid = sodium.crypto_sign_verify_detached(
        unb64(cp.signature),
        signedText(cp.seq, cp.hash, cp.createdAt),
        unb64(trustedPublicKey),
      );
    } catch {
      valid = false;
    }
    if (!valid) return `${where} checkpoint at event ${cp.seq} has an invalid signature: it was altered`;
    const event = await ctx.db
      .selectFrom("audit_events")
      .select("hash")
      .where("seq", "=", cp.seq)
      .executeTakeFirst();
    if (!event) return `${where} checkpoint at event ${cp.seq}: that event is missing from the log`;
    if (event.hash !== cp.hash) {
      return `${where} checkpoint at event ${cp.seq} signed hash ${cp.hash.slice(0, 12)}…, but the log now has ${event.hash.slice(0, 12)}…: the log was rewritten up to that event`;
    }
    return null;
  };
  for (const cp of stored) {
    const problem = await check(cp, "the stored");
    if (problem) return fail(problem);
  }
  for (const cp of exported) {
    const problem = await check(cp, "the exported");
    if (problem) return fail(problem);
    const twin = stored.find((s) => s.seq === cp.seq);
    if (twin && (twin.hash !== cp.hash || twin.signature !== cp.signature)) {
      return fail(`the exported checkpoint at event ${cp.seq} differs from the one in the database`);
    }
  }
  const checked = stored.length + exported.length;
  const latest = stored.at(-1);
  return {
    ok: true,
    checked,
    message: `${stored.length} signed checkpoints${exported.length ? ` and ${exported.length} exported ones` : ""} verified${latest ? ` (latest at event ${latest.seq})` : ""}`,
  };
}
