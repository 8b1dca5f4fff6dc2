import type { Selectable } from "kysely";
import type { Ctx } from "../../kernel/context.ts";
import { notFound } from "../../kernel/errors.ts";
import { committeesDb } from "./db.ts";
import type { Resolution } from "./resolutions.ts";
import type { ResolutionsTable } from "./tables.ts";

export async function getResolution(ctx: Ctx, id: string): Promise<Resolution> {
  const db = committeesDb(ctx);
  const r = await db.selectFrom("committee_resolutions").selectAll().where("id", "=", id).executeTakeFirst();
  if (!r) throw notFound("The resolution");
  const votes = await db
    .selectFrom("resolution_votes")
    .select(["person_id", "vote"])
    .where("resolution_id", "=", id)
    .execute();
  return {
    ...resolutionFields(r),
    meetingId: r.meeting_id,
    consentId: r.consent_id,
    votes: votes.map((v) => ({ personId: v.person_id, vote: v.vote })),
  };
}

/** A resolution as the resolution and meeting pages show it: text, outcome and tally (CC-8). */
export const resolutionFields = (r: Selectable<ResolutionsTable>) => ({
  id: r.id,
  agendaItemId: r.agenda_item_id,
  title: r.title,
  text: r.text,
  outcome: r.outcome,
  votesFor: r.votes_for,
  votesAgainst: r.votes_against,
  abstentions: r.abstentions,
  membersPresent: r.members_present,
  adoptedAt: r.adopted_at,
});
