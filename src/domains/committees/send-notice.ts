import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { queueMail } from "../../kernel/mail.ts";
import { committeesDb } from "./db.ts";
import { assertOpen, loadMeeting } from "./meetings.ts";
import { authorize } from "./policy.ts";
import type { NoticeSentView } from "./views.ts";

/** Sends the notice of meeting to each serving member, with the link to its invitation (.ics). */
export async function sendNotice(ctx: Ctx, meetingId: string): Promise<NoticeSentView> {
  return withTransaction(ctx, async (tx) => {
    const { meeting, committee, standing, members } = await loadMeeting(tx, meetingId);
    authorize(tx.actor, "meeting.schedule", standing);
    assertOpen(meeting);
    const when = new Date(meeting.starts_at).toUTCString();
    let sent = 0;
    for (const m of members) {
      if (!m.email) continue;
      await queueMail(tx, {
        to: m.email,
        subject: `Notice of ${meeting.kind} meeting: ${committee.name}, ${when}`,
        text: [
          `Dear ${m.name},`,
          "",
          `A ${meeting.kind} meeting of the ${committee.name} is called for ${when} (${meeting.duration_minutes} minutes), ${meeting.mode === "telephone" ? "by conference telephone call" : `in person${meeting.location ? ` at ${meeting.location}` : ""}`}.`,
          `Agenda and materials: /committees/meetings/${meeting.id}`,
          `Calendar invitation: /api/committees/meetings/${meeting.id}/invite.ics`,
        ].join("\n"),
      });
      sent += 1;
    }
    await committeesDb(tx)
      .updateTable("committee_meetings")
      .set({ notice_sent_at: isoNow(tx.clock), updated_at: isoNow(tx.clock) })
      .where("id", "=", meeting.id)
      .execute();
    await record(tx, "meeting.notice", { type: "meeting", id: meeting.id }, { recipients: sent });
    return { sent };
  });
}
