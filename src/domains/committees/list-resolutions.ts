import type { Ctx } from "../../kernel/context.ts";
import { notFound } from "../../kernel/errors.ts";
import { committeesDb } from "./db.ts";
import { loadCommittee, standingOf } from "./load.ts";
import { can } from "./policy.ts";
import type { ResolutionList } from "./views.ts";

export async function listResolutions(ctx: Ctx, committeeId: string): Promise<ResolutionList> {
  await loadCommittee(ctx, committeeId);
  if (!can(ctx.actor, "committee.read", await standingOf(ctx, committeeId))) throw notFound("The committee");
  const rows = await committeesDb(ctx)
    .selectFrom("committee_resolutions")
    .select([
      "id",
      "title",
      "outcome",
      "adopted_at",
      "meeting_id",
      "consent_id",
      "votes_for",
      "votes_against",
      "abstentions",
    ])
    .where("committee_id", "=", committeeId)
    .orderBy("adopted_at", "desc")
    .execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      title: r.title,
      outcome: r.outcome,
      adoptedAt: r.adopted_at,
      meetingId: r.meeting_id,
      consentId: r.consent_id,
      votesFor: r.votes_for,
      votesAgainst: r.votes_against,
      abstentions: r.abstentions,
    })),
  };
}
