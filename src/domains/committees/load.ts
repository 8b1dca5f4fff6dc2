import { createHash } from "node:crypto";
import type { Ctx } from "../../kernel/context.ts";
import { invalid, notFound } from "../../kernel/errors.ts";
import { todayOf } from "./dates.ts";
import { committeesDb } from "./db.ts";
import type { Standing } from "./policy.ts";
import { committeeChecks } from "./schemas.ts";
import type { CommitteeChecks, CommitteesTable } from "./tables.ts";

export const today = (ctx: Ctx) => todayOf(ctx.clock.now());
export const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
export const actorLabel = (ctx: Ctx) => ctx.actor.label;
export const actorPerson = (ctx: Ctx) => (ctx.actor.kind === "user" ? ctx.actor.personId : null);

export async function loadCommittee(ctx: Ctx, id: string): Promise<CommitteesTable> {
  const row = await committeesDb(ctx)
    .selectFrom("committees")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) throw notFound("The committee");
  return row;
}

export const checksOf = (c: CommitteesTable): CommitteeChecks => committeeChecks.parse(JSON.parse(c.checks));

export type Member = {
  id: string;
  personId: string;
  name: string;
  email: string | null;
  isChair: boolean;
  startDate: string;
  endDate: string | null;
  endReason: string | null;
  recommendedBy: string;
  appointedBy: string;
  appointmentKind: string;
  boardMeetingDate: string;
  boardReference: string | null;
};

/** Every membership of a committee (current and past), newest first. */
export async function membersOf(ctx: Ctx, committeeId: string): Promise<Member[]> {
  const rows = await committeesDb(ctx)
    .selectFrom("committee_members as m")
    .innerJoin("persons as p", "p.id", "m.person_id")
    .select([
      "m.id",
      "m.person_id",
      "m.is_chair",
      "m.start_date",
      "m.end_date",
      "m.end_reason",
      "m.recommended_by",
      "m.appointed_by",
      "m.appointment_kind",
      "m.board_meeting_date",
      "m.board_reference",
      "p.first_name",
      "p.last_name",
      "p.email",
    ])
    .where("m.committee_id", "=", committeeId)
    .orderBy("m.start_date", "desc")
    .orderBy("m.id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    personId: r.person_id,
    name: `${r.first_name} ${r.last_name}`,
    email: r.email,
    isChair: r.is_chair === 1,
    startDate: r.start_date,
    endDate: r.end_date,
    endReason: r.end_reason,
    recommendedBy: r.recommended_by,
    appointedBy: r.appointed_by,
    appointmentKind: r.appointment_kind,
    boardMeetingDate: r.board_meeting_date,
    boardReference: r.board_reference,
  }));
}

/** Serving on `date`: started on or before it and not yet ended (the end date is the last day served). */
export const servesOn = (m: { startDate: string; endDate: string | null }, date: string) =>
  m.startDate <= date && (m.endDate === null || m.endDate >= date);

export async function currentMembers(ctx: Ctx, committeeId: string, date = today(ctx)): Promise<Member[]> {
  return (await membersOf(ctx, committeeId)).filter((m) => servesOn(m, date));
}

export async function standingOf(ctx: Ctx, committeeId: string, date = today(ctx)): Promise<Standing> {
  const personId = actorPerson(ctx);
  if (!personId) return { isMember: false, isChair: false };
  const m = (await currentMembers(ctx, committeeId, date)).find((x) => x.personId === personId);
  return { isMember: !!m, isChair: !!m?.isChair };
}

export async function personName(ctx: Ctx, personId: string): Promise<string> {
  const p = await committeesDb(ctx)
    .selectFrom("persons")
    .select(["first_name", "last_name"])
    .where("id", "=", personId)
    .executeTakeFirst();
  if (!p)
    throw invalid("The person is not in the directory.", [
      { path: "personId", message: "is not a known person" },
    ]);
  return `${p.first_name} ${p.last_name}`;
}
