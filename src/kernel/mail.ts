import { sql } from "kysely";
import nodemailer, { type Transporter } from "nodemailer";
import { z } from "zod";
import { isHourClock, isoNow } from "./clock.ts";
import type { Ctx } from "./context.ts";
import { newId } from "./ids.ts";
import { enqueue, HEARTBEAT_MS, type JobDefinition, keepAlive, LEASE_MS } from "./jobs.ts";

export type MailMessage = { to: string; subject: string; text: string };

/** Puts a message in the outbox and queues its delivery, inside the caller's transaction. */
export async function queueMail(ctx: Ctx, message: MailMessage): Promise<string> {
  const id = newId();
  await ctx.db
    .insertInto("outbox")
    .values({
      id,
      to_address: message.to,
      subject: message.subject,
      body_text: message.text,
      status: "pending",
      attempts: 0,
      last_error: null,
      created_at: isoNow(ctx.clock),
      sent_at: null,
    })
    .execute();
  await enqueue(
    ctx,
    "mail.send",
    {
      outboxId: id,
    },
    { maxAttempts: 6, ...(isHourClock(ctx.clock) && { runAt: ctx.clock.releaseAt }) },
  );
  return id;
}

const payloadSchema = z.object({ outboxId: z.string() });

/** What mail.send needs of a transport: nodemailer's, or a stub in tests. */
export type MailTransport = Pick<Transporter, "sendMail">;

/**
 * How long a claim on an outbox row holds without a heartbeat. Beyond it the sending worker is
 * taken for dead; nodemailer's own timeouts (below) end a stuck SMTP conversation well before.
 */
export const SEND_LEASE_MS = LEASE_MS;

export const interruptedMessage = (since: string) =>
  `Delivery was interrupted (the server sending it stopped after ${since}): it may or may not have reached the recipient, so it is not sent again automatically. Check with the recipient and send it again if needed.`;

/**
 * The `mail.send` job: exactly one attempt may send an outbox row.
 *
 * 1. Claim: one conditional UPDATE moves the row from `pending` to `sending` with a fresh token
 *    and a lease, and commits. A duplicate or retried job that finds the row `sent` or validly
 *    claimed by someone else does nothing.
 * 2. Send through SMTP, renewing the lease while the server answers.
 * 3. Mark `sent`, fenced on the token.
 *
 * The one window no database can close is a crash between the SMTP server's "250 OK" and step 3.
 * We choose at-most-once there: a row found `sending` after its lease expired is marked `failed`
 * with a message saying delivery is uncertain, never sent again automatically (ARCHITECTURE.md,
 * "Job queue"). The window is a single UPDATE long.
 *
 * Without SMTP_URL the row stays `pending` (readable in the admin outbox); the `mail.sweep` job
 * queues it again once SMTP is configured.
 */
export function mailSendJob(options: {
  smtpUrl: string | undefined;
  from: string;
  transport?: MailTransport;
}): JobDefinition {
  let transport: MailTransport | undefined = options.transport;
  return {
    ownsTransactions: true,
    async run(ctx, payload, job) {
      const { outboxId } = payloadSchema.parse(payload);
      if (!options.smtpUrl && !options.transport) return;
      const now = ctx.clock.now();
      const until = (from: Date) => new Date(from.getTime() + SEND_LEASE_MS).toISOString();
      const token = `${job.id}:${job.attempts}:${newId()}`;
      const claimed = await ctx.db
        .updateTable("outbox")
        .set({ status: "sending", claim_token: token, claimed_until: until(now), attempts: job.attempts })
        .where("id", "=", outboxId)
        // `failed` without a token was refused by SMTP (never delivered): an administrator's retry
        // of its dead job sends it. One with a token was interrupted mid-delivery: never resent.
        .where((eb) =>
          eb.or([
            eb("status", "=", "pending"),
            eb.and([eb("status", "=", "failed"), eb("claim_token", "is", null)]),
          ]),
        )
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) {
        // Sent, failed, gone, or in another attempt's hands. An attempt whose lease expired died
        // somewhere around the SMTP conversation: at-most-once, so say so instead of resending.
        await ctx.db
          .updateTable("outbox")
          .set({ status: "failed", last_error: interruptedMessage(now.toISOString()) })
          .where("id", "=", outboxId)
          .where("status", "=", "sending")
          .where("claimed_until", "<", now.toISOString())
          .execute();
        return;
      }
      transport ??= nodemailer.createTransport({
        url: options.smtpUrl,
        connectionTimeout: 20_000,
        greetingTimeout: 20_000,
        socketTimeout: 30_000,
      });
      const message = await ctx.db
        .selectFrom("outbox")
        .selectAll()
        .where("id", "=", outboxId)
        .executeTakeFirstOrThrow();
      const stopHeartbeat = keepAlive(
        () =>
          ctx.db
            .updateTable("outbox")
            .set({ claimed_until: until(ctx.clock.now()) })
            .where("id", "=", outboxId)
            .where("claim_token", "=", token)
            .where("status", "=", "sending")
            .execute(),
        HEARTBEAT_MS,
        () => {},
      );
      try {
        await transport.sendMail({
          from: options.from,
          to: message.to_address,
          subject: message.subject,
          text: message.body_text,
          // The same Message-ID on any copy lets mail clients fold a duplicate into one.
          messageId: `<${outboxId}@probity.invalid>`,
        });
      } catch (error) {
        stopHeartbeat();
        // Refused before delivery: give the row back for the job's next attempt.
        await ctx.db
          .updateTable("outbox")
          .set({ status: "pending", claim_token: null, claimed_until: null })
          .where("id", "=", outboxId)
          .where("claim_token", "=", token)
          .where("status", "=", "sending")
          .execute();
        throw error;
      }
      stopHeartbeat();
      // Fenced on our token only: if another job meanwhile judged the delivery uncertain, the truth
      // (it was sent) wins.
      await ctx.db
        .updateTable("outbox")
        .set({ status: "sent", sent_at: isoNow(ctx.clock), last_error: null, claimed_until: null })
        .where("id", "=", outboxId)
        .where("claim_token", "=", token)
        .execute();
    },
    async onFailure(ctx, payload, job) {
      const { outboxId } = payloadSchema.parse(payload);
      await ctx.db
        .updateTable("outbox")
        .set({ status: job.dead ? "failed" : "pending", attempts: job.attempts, last_error: job.error })
        .where("id", "=", outboxId)
        .where("status", "=", "pending")
        .execute();
    },
  };
}

/**
 * The `mail.sweep` job (every minute): queues `mail.send` again for pending outbox rows that no
 * queued or running job will send, e.g. mail queued before SMTP_URL was set (its job ended without
 * sending). A duplicate job is harmless: the claim in mail.send sends a row once.
 */
export function mailSweepJob(options: { smtpUrl: string | undefined; batch?: number }): JobDefinition {
  return {
    async run(ctx) {
      if (!options.smtpUrl) return;
      const orphans = await ctx.db
        .selectFrom("outbox as o")
        .select("o.id")
        .where("o.status", "=", "pending")
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom("jobs as j")
                .select("j.id")
                .where("j.name", "=", "mail.send")
                .where("j.status", "in", ["queued", "running"])
                .where("j.payload", "=", sql<string>`${'{"outboxId":"'} || o.id || ${'"}'}`),
            ),
          ),
        )
        .orderBy("o.created_at")
        .limit(options.batch ?? 500)
        .execute();
      for (const o of orphans) await enqueue(ctx, "mail.send", { outboxId: o.id }, { maxAttempts: 6 });
    },
  };
}
