import type { Ctx } from "../../kernel/context.ts";
import { notFound } from "../../kernel/errors.ts";
import { committeesDb } from "./db.ts";
import { getMinutes } from "./get-minutes.ts";
import type { MinutesVersionView } from "./views.ts";

export async function getMinutesVersion(
  ctx: Ctx,
  meetingId: string,
  version: number,
): Promise<MinutesVersionView> {
  const m = await getMinutes(ctx, meetingId);
  if (!m) throw notFound("The minutes");
  const v = await committeesDb(ctx)
    .selectFrom("meeting_minutes_versions")
    .selectAll()
    .where("minutes_id", "=", m.id)
    .where("version", "=", version)
    .executeTakeFirst();
  if (!v) throw notFound(`Version ${version} of the minutes`);
  return { version: v.version, body: v.body, note: v.note, createdBy: v.created_by, createdAt: v.created_at };
}
