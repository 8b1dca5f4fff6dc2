import nodemailer, { type Transporter } from "nodemailer";
import { z } from "zod";
import { isHourClock, isoNow } from "./clock.ts";
import type { Ctx } from "./context.ts";
import { newId } from "./ids.ts";
import { enqueue, type JobDefinition } from "./jobs.ts";

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

/**
 * The `mail.send` job. Without SMTP_URL the message stays pending in the outbox, readable in the
 * admin UI; with it, nodemailer delivers it and failures are retried by the job queue.
 */
export function mailSendJob(options: { smtpUrl: string | undefined; from: string }): JobDefinition {
  let transport: Transporter | undefined;
  return {
    async run(ctx, payload, job) {
      const { outboxId } = payloadSchema.parse(payload);
      const message = await ctx.db
        .selectFrom("outbox")
        .selectAll()
        .where("id", "=", outboxId)
        .executeTakeFirst();
      if (!message || message.status === "sent" || !options.smtpUrl) return;
      transport ??= nodemailer.createTransport(options.smtpUrl);
      await transport.sendMail({
        from: options.from,
        to: message.to_address,
        subject: message.subject,
        text: message.body_text,
      });
      await ctx.db
        .updateTable("outbox")
        .set({ status: "sent", sent_at: isoNow(ctx.clock), attempts: job.attempts, last_error: null })
        .where("id", "=", outboxId)
        .execute();
    },
    async onFailure(ctx, payload, job) {
      const { outboxId } = payloadSchema.parse(payload);
      await ctx.db
        .updateTable("outbox")
        .set({ status: job.dead ? "failed" : "pending", attempts: job.attempts, last_error: job.error })
        .where("id", "=", outboxId)
        .execute();
    },
  };
}
