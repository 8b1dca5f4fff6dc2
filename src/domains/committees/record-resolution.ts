import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { loadMeeting } from "./meetings.ts";
import { authorize } from "./policy.ts";
import { type Resolution, voteOnItem } from "./resolutions.ts";
import type { ResolutionInput } from "./schemas.ts";

export async function recordResolution(
  ctx: Ctx,
  meetingId: string,
  input: ResolutionInput,
): Promise<Resolution> {
  return withTransaction(ctx, async (tx) => {
    const mc = await loadMeeting(tx, meetingId);
    authorize(tx.actor, "meeting.record", mc.standing);
    return voteOnItem(tx, mc, input);
  });
}
