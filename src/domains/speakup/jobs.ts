import { z } from "zod";

import { isoNow, isoToday } from "../../kernel/clock.ts";
import type { Ctx } from "../../kernel/context.ts";
import { newId } from "../../kernel/ids.ts";
import type { JobDefinition, JobRegistration } from "../../kernel/jobs.ts";
import { speakupDb } from "./db.ts";
import { survivorOf } from "./merged-reports.ts";
import { notifyCase } from "./notify.ts";
import { retentionJob } from "./retention.ts";
import { openCaseKey, personRef, sealJson } from "./sealing.ts";

const DAY = 86_400_000;

/**
 * Hourly: reminders before the acknowledgement and feedback deadlines and flags once they pass
 * (EU Directive 2019/1937), and housekeeping of short-lived secrets.
 */
export const deadlinesJob: JobDefinition = {
  async run(ctx) {
    const db = speakupDb(ctx);
    const now = ctx.clock.now();
    const soon = new Date(now.getTime() + 2 * DAY).toISOString();
    const ackDue = await db
      .selectFrom("speakup_cases")
      .select(["id", "number", "team", "assignee_user_id", "ack_due_at"])
      .where("acknowledged_at", "is", null)
      .where("merged_into_id", "is", null)
      .where("ack_due_at", "<", soon)
      .execute();
    for (const c of ackDue) {
      const overdue = c.ack_due_at < now.toISOString();
      await notifyCase(ctx, c, {
        kind: overdue ? "speakup.ack_overdue" : "speakup.ack_due",
        title: overdue
          ? `Acknowledgement of ${c.number} is overdue`
          : `Acknowledge ${c.number} by ${c.ack_due_at.slice(0, 10)}`,
        dueAt: c.ack_due_at,
        ...(overdue && {
          mail: {
            subject: `Overdue: acknowledge ${c.number}`,
            text: `The acknowledgement of report ${c.number} was due on ${c.ack_due_at.slice(0, 10)}. Acknowledge it in Probity now.`,
          },
        }),
      });
    }
    // Feedback is owed to every reporter, closed and merged cases included: a missed deadline stays
    // on the handlers' list until the reporter is told what was done and why (art. 9(1)(f), 11).
    const feedbackSoon = new Date(now.getTime() + 14 * DAY).toISOString();
    const feedbackDue = await db
      .selectFrom("speakup_cases")
      .select(["id", "number", "team", "assignee_user_id", "feedback_due_at", "status", "merged_into_id"])
      .where("feedback_given_at", "is", null)
      .where("purged_at", "is", null)
      .where("feedback_due_at", "<", feedbackSoon)
      .execute();
    for (const c of feedbackDue) {
      const overdue = c.feedback_due_at < now.toISOString();
      // Closed cases are reminded only once the deadline has passed, as missed.
      if (c.status === "closed" && !c.merged_into_id && !overdue) continue;
      // A merged report's reporter is answered from the case it joined, by that case's handlers.
      const handling = c.merged_into_id ? await survivorOf(ctx, c.merged_into_id) : c;
      const whose = c.merged_into_id ? `${c.number} (merged into ${handling.number})` : c.number;
      const missed = overdue && c.status === "closed" && !c.merged_into_id;
      await notifyCase(ctx, handling, {
        kind: missed
          ? "speakup.feedback_missed"
          : overdue
            ? "speakup.feedback_overdue"
            : "speakup.feedback_due",
        title: missed
          ? `Feedback to the reporter of ${whose} was missed: the case closed without it`
          : overdue
            ? `Feedback to the reporter of ${whose} is overdue`
            : `Give the reporter of ${whose} feedback by ${c.feedback_due_at.slice(0, 10)}`,
        dueAt: c.feedback_due_at,
        ...(c.merged_into_id && { anchor: `reporter-${c.id}` }),
      });
    }
    // A retried submission may show its receipt again for 24 hours, no longer.
    await db
      .updateTable("speakup_cases")
      .set({ retry_receipt: null })
      .where("retry_receipt", "is not", null)
      .where("received_at", "<", new Date(now.getTime() - DAY).toISOString())
      .execute();
    await db.deleteFrom("speakup_mailbox_sessions").where("expires_at", "<", now.toISOString()).execute();
  },
};

/** Daily: retaliation check-ins with identified reporters that have come due (COC-21.2). */
export const checkInsJob: JobDefinition = {
  async run(ctx) {
    const db = speakupDb(ctx);
    const today = isoToday(ctx.clock);
    const due = await db
      .selectFrom("speakup_watch as w")
      .innerJoin("speakup_cases as c", "c.id", "w.case_id")
      .select(["w.id as watch_id", "w.due_on", "c.id", "c.number", "c.team", "c.assignee_user_id"])
      .where("w.kind", "=", "checkin")
      .where("w.status", "=", "open")
      .where("w.due_on", "<=", today)
      .execute();
    for (const w of due) {
      await notifyCase(ctx, w, {
        kind: "speakup.checkin",
        title: `Retaliation check-in with the reporter of ${w.number} (due ${w.due_on})`,
        anchor: `watch-${w.watch_id}`,
        dueAt: `${w.due_on}T23:59:59.999Z`,
      });
    }
  },
};

export const peopleChangedPayload = z.object({
  changes: z.array(
    z.object({ personId: z.string(), kinds: z.array(z.enum(["ended", "title", "transfer"])) }),
  ),
});

const DESCRIBE = {
  ended: "employment ended",
  title: "job title changed (possible demotion)",
  transfer: "transferred (department, entity or supervisor changed)",
} as const;

/**
 * An HR change to an identified reporter or a witness raises a retaliation alert on their cases
 * (COC-21.2). People are matched by keyed hash; nothing here says who reported.
 * Deliberately no audit event: it would follow the HR change's own audit event (which names the
 * person) within seconds, and let any audit-log reader link the person to the case. The alert
 * itself is the record, sealed in the case and visible to its handlers.
 */
export const peopleChangedJob: JobDefinition = {
  async run(ctx: Ctx, payload) {
    const { changes } = peopleChangedPayload.parse(payload);
    const db = speakupDb(ctx);
    const today = isoToday(ctx.clock);
    for (const change of changes) {
      const ref = personRef(ctx, change.personId);
      const cases = await db
        .selectFrom("speakup_case_people as p")
        .innerJoin("speakup_cases as c", "c.id", "p.case_id")
        .select([
          "c.id",
          "c.number",
          "c.team",
          "c.assignee_user_id",
          "c.data_key",
          "c.merged_into_id",
          "p.role",
        ])
        .where("p.person_ref", "=", ref)
        .where("p.role", "in", ["reporter", "witness"])
        .where("c.purged_at", "is", null)
        .execute();
      for (const c of cases) {
        const key = openCaseKey(ctx, c.id, c.data_key);
        const id = newId();
        const who = c.role === "reporter" ? "The reporter" : "A witness";
        const detail = `${who}: ${change.kinds.map((k) => DESCRIBE[k]).join("; ")}, recorded ${today}.`;
        await db
          .insertInto("speakup_watch")
          .values({
            id,
            case_id: c.id,
            kind: "alert",
            due_on: today,
            detail: sealJson(key, `watch:${id}`, detail),
            status: "open",
            created_at: isoNow(ctx.clock),
            resolved_at: null,
          })
          .execute();
        // A merged report's people are watched too, by the handlers of the case it joined.
        const handling = c.merged_into_id ? await survivorOf(ctx, c.merged_into_id) : c;
        await notifyCase(
          ctx,
          { ...c, team: handling.team, assignee_user_id: handling.assignee_user_id },
          {
            kind: "speakup.retaliation_alert",
            title: `Possible retaliation: an HR change affects someone in ${c.number}`,
            anchor: `watch-${id}`,
            mail: {
              subject: `Retaliation watch: ${c.number}`,
              text: `An HR change affects a reporter or witness in case ${c.number}. Review it in Probity (Code section 21: no retaliation).`,
            },
          },
        );
      }
    }
  },
};

/**
 * The speak-up jobs, registered by the app with every domain's: deadlines hourly, check-ins and
 * retention (COC-15.1) daily; people.changed is queued by the people domain when someone changes.
 */
export const speakupJobs: JobRegistration[] = [
  { name: "speakup.deadlines", job: deadlinesJob, everySeconds: 3600 },
  { name: "speakup.checkins", job: checkInsJob, everySeconds: 86_400 },
  { name: "speakup.retention", job: retentionJob, everySeconds: 86_400 },
  { name: "people.changed", job: peopleChangedJob },
];
