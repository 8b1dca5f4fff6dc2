import type { Ctx } from "../../kernel/context.ts";
import { conflict } from "../../kernel/errors.ts";
import { decideAdviser } from "./adviser-by-resolution.ts";
import { currentAssessment } from "./advisers.ts";
import { today } from "./load.ts";
import type { AdviserListView } from "./views.ts";

/** Retained by the committee alone, by one of its adopted resolutions, after a current assessment (CC-16). */
export async function retainAdviser(
  ctx: Ctx,
  adviserId: string,
  input: { resolutionId: string },
): Promise<AdviserListView> {
  return decideAdviser(ctx, adviserId, input.resolutionId, {
    action: "adviser.retain",
    refusal: (a) => (a.status === "retained" ? `${a.name} is already retained.` : null),
    verify: async (tx, a) => {
      if (!(await currentAssessment(tx, adviserId, today(tx))))
        throw conflict(
          `CC-16: before engaging ${a.name} the committee records its assessment of the six Rule 10C-1 independence factors.`,
        );
    },
    set: (now, resolutionId) => ({
      status: "retained",
      retained_at: now,
      retained_resolution_id: resolutionId,
      terminated_at: null,
      updated_at: now,
    }),
  });
}
