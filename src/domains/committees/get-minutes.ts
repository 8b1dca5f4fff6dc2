import type { Ctx } from "../../kernel/context.ts";
import { loadMinutes } from "./load-minutes.ts";
import { loadMeeting, type MeetingContext } from "./meetings.ts";
import { can } from "./policy.ts";

export async function getMinutes(ctx: Ctx, meetingId: string) {
  await loadMeeting(ctx, meetingId);
  return loadMinutes(ctx, meetingId);
}

export const minutesActions = (ctx: Ctx, mc: MeetingContext) => ({
  edit: can(ctx.actor, "minutes.edit", mc.standing),
  sign: can(ctx.actor, "minutes.sign", mc.standing),
  file: can(ctx.actor, "minutes.file", mc.standing),
});
