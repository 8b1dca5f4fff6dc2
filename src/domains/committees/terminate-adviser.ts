import type { Ctx } from "../../kernel/context.ts";
import { decideAdviser } from "./adviser-by-resolution.ts";
import type { AdviserListView } from "./views.ts";

export async function terminateAdviser(
  ctx: Ctx,
  adviserId: string,
  input: { resolutionId: string },
): Promise<AdviserListView> {
  return decideAdviser(ctx, adviserId, input.resolutionId, {
    action: "adviser.terminate",
    refusal: (a) => (a.status !== "retained" ? `${a.name} is not retained.` : null),
    set: (now, resolutionId) => ({
      status: "terminated",
      terminated_at: now,
      terminated_resolution_id: resolutionId,
      updated_at: now,
    }),
  });
}
