import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import type { Ctx } from "../../kernel/context.ts";
import { AppError, conflict, invalid } from "../../kernel/errors.ts";
import { newId } from "../../kernel/ids.ts";
import { committeesDb } from "./db.ts";
import { getResolution } from "./get-resolution.ts";
import { assertOpen, type MeetingContext } from "./meetings.ts";
import { quorumOf } from "./quorum.ts";
import type { ResolutionInput } from "./schemas.ts";
import type { ResolutionOutcome, Vote } from "./tables.ts";
import type { ResolutionView } from "./views.ts";

export type Resolution = ResolutionView;

/**
 * Votes on an agenda item at a meeting in session. Refused without a quorum of members present
 * and eligible for the item (CC-8), and while the person whose pay the item concerns is present.
 * Adopted by a majority of the eligible members present.
 */
export async function voteOnItem(
  ctx: Ctx,
  mc: MeetingContext,
  input: ResolutionInput,
  subject: { type: string; id: string } | null = null,
): Promise<Resolution> {
  assertOpen(mc.meeting);
  const db = committeesDb(ctx);
  const item = await db
    .selectFrom("meeting_agenda_items")
    .selectAll()
    .where("id", "=", input.agendaItemId)
    .where("meeting_id", "=", mc.meeting.id)
    .executeTakeFirst();
  if (!item)
    throw invalid("The agenda item is not on this meeting's agenda.", [
      { path: "agendaItemId", message: "is not on the agenda" },
    ]);
  const quorum = await quorumOf(ctx, mc);
  const iq = quorum.items.find((i) => i.agendaItemId === item.id)!;
  if (iq.concernedPresent)
    throw conflict(
      `The person whose compensation "${item.title}" concerns is present; they never attend the item on their own pay (CC-12). Record their departure first.`,
    );
  if (!iq.hasQuorum) {
    const n = iq.eligible.length;
    throw new AppError(
      "CONFLICT",
      `CC-8: ${iq.required} members constitute a quorum; ${n} ${n === 1 ? "member is" : "members are"} present and eligible for "${item.title}"${iq.recused.length ? ` (${iq.recused.map((r) => r.name).join(", ")} recused)` : ""}. No resolution can be recorded without a quorum.`,
      { extra: { rule: "CC-8", present: n, required: iq.required } },
    );
  }
  const eligible = new Set(iq.eligible.map((e) => e.personId));
  const votes = Object.entries(input.votes) as [string, Vote][];
  const strangers = votes.filter(([personId]) => !eligible.has(personId));
  if (strangers.length)
    throw invalid(
      "Only members present and not recused vote on the item.",
      strangers.map(([p]) => ({ path: `votes.${p}`, message: "is not an eligible member present" })),
    );
  const count = (v: Vote) => votes.filter(([, x]) => x === v).length;
  const votesFor = count("for");
  const outcome: ResolutionOutcome = votesFor * 2 > eligible.size ? "adopted" : "rejected";
  const id = newId();
  const now = isoNow(ctx.clock);
  await db
    .insertInto("committee_resolutions")
    .values({
      id,
      committee_id: mc.committee.id,
      meeting_id: mc.meeting.id,
      agenda_item_id: item.id,
      consent_id: null,
      title: input.title,
      text: input.text,
      outcome,
      votes_for: votesFor,
      votes_against: count("against"),
      abstentions: count("abstain"),
      members_present: eligible.size,
      subject_type: subject?.type ?? null,
      subject_id: subject?.id ?? null,
      adopted_at: now,
      recorded_by: ctx.actor.label,
    })
    .execute();
  if (votes.length)
    await db
      .insertInto("resolution_votes")
      .values(votes.map(([person_id, vote]) => ({ resolution_id: id, person_id, vote })))
      .execute();
  await record(
    ctx,
    "resolution.record",
    { type: "resolution", id },
    {
      meetingId: mc.meeting.id,
      agendaItemId: item.id,
      outcome,
      votesFor,
      votesAgainst: count("against"),
      abstentions: count("abstain"),
      eligible: eligible.size,
    },
  );
  return getResolution(ctx, id);
}

/** An adopted resolution links itself as evidence of a duty it names (used by written consents). */
export async function adoptedResolution(ctx: Ctx, committeeId: string, id: string) {
  const r = await committeesDb(ctx)
    .selectFrom("committee_resolutions")
    .selectAll()
    .where("id", "=", id)
    .where("committee_id", "=", committeeId)
    .executeTakeFirst();
  if (!r)
    throw invalid("The resolution is not one of this committee's.", [
      { path: "resolutionId", message: "is not a resolution of this committee" },
    ]);
  if (r.outcome !== "adopted") throw conflict(`The resolution "${r.title}" was not adopted.`);
  return r;
}
