import type { Ctx } from "../../kernel/context.ts";
import { notFound } from "../../kernel/errors.ts";
import { committeesDb } from "./db.ts";
import type { MinutesView } from "./views.ts";

export type Minutes = MinutesView;

export async function loadMinutes(ctx: Ctx, meetingId: string): Promise<Minutes | null> {
  const db = committeesDb(ctx);
  const m = await db
    .selectFrom("meeting_minutes")
    .selectAll()
    .where("meeting_id", "=", meetingId)
    .executeTakeFirst();
  if (!m) return null;
  const versions = await db
    .selectFrom("meeting_minutes_versions")
    .select(["version", "note", "created_by", "created_at"])
    .where("minutes_id", "=", m.id)
    .orderBy("version", "desc")
    .execute();
  return {
    id: m.id,
    meetingId,
    status: m.status,
    version: m.version,
    body: m.body,
    circulatedAt: m.circulated_at,
    approvedAt: m.approved_at,
    approvedAtMeetingId: m.approved_at_meeting_id,
    approvalResolutionId: m.approval_resolution_id,
    lockedAt: m.locked_at,
    contentHash: m.content_hash,
    signedBy: m.signed_by,
    filedAt: m.filed_at,
    filedBy: m.filed_by,
    versions: versions.map((v) => ({
      version: v.version,
      note: v.note,
      createdBy: v.created_by,
      createdAt: v.created_at,
    })),
  };
}

export async function mustLoadMinutes(ctx: Ctx, meetingId: string) {
  const m = await loadMinutes(ctx, meetingId);
  if (!m) throw notFound("The minutes");
  return m;
}
