import { z } from "zod";
import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { conflict, forbidden } from "../../kernel/errors.ts";
import { newId } from "../../kernel/ids.ts";
import { getSetting, putSetting } from "../../kernel/settings.ts";
import { committeeCompliance } from "./compliance.ts";
import { committeesDb } from "./db.ts";
import { checksOf, loadCommittee, personName, sha256, standingOf, today } from "./load.ts";
import { authorize, type CommitteeAction, can } from "./policy.ts";
import type { CommitteeInput } from "./schemas.ts";
import type { BoardChairmanView, CharterVersionView, CommitteeListView, CommitteeView } from "./views.ts";

export type CommitteeSummary = Pick<
  CommitteeView,
  "id" | "key" | "name" | "kind" | "minMembers" | "quorum" | "minRegularMeetings" | "checks"
>;
export type { CommitteeView };

export async function createCommittee(ctx: Ctx, input: CommitteeInput): Promise<CommitteeView> {
  authorize(ctx.actor, "committee.create");
  return withTransaction(ctx, async (tx) => {
    const db = committeesDb(tx);
    if (await db.selectFrom("committees").select("id").where("key", "=", input.key).executeTakeFirst())
      throw conflict(`A committee with the key "${input.key}" already exists.`);
    const id = newId();
    const now = isoNow(tx.clock);
    await db
      .insertInto("committees")
      .values({
        id,
        key: input.key,
        name: input.name,
        kind: input.kind,
        min_members: input.minMembers,
        quorum: input.quorum,
        min_regular_meetings: input.minRegularMeetings,
        checks: JSON.stringify(input.checks),
        created_at: now,
        updated_at: now,
      })
      .execute();
    await insertCharter(tx, id, 1, input.charter, "Adopted by resolution of the Board.");
    await record(tx, "committee.create", { type: "committee", id }, { key: input.key, name: input.name });
    return getCommittee(tx, id);
  });
}

async function insertCharter(ctx: Ctx, committeeId: string, number: number, body: string, note: string) {
  const now = isoNow(ctx.clock);
  await committeesDb(ctx)
    .insertInto("committee_charters")
    .values({
      id: newId(),
      committee_id: committeeId,
      number,
      body,
      content_hash: sha256(body),
      change_note: note,
      status: "approved",
      approved_by: "Board of Directors",
      approved_at: now,
      created_by: ctx.actor.label,
      created_at: now,
    })
    .execute();
}

/** A new version of the charter as approved by the Board after the yearly review (CC-19); the old one is kept. */
export async function reviseCharter(
  ctx: Ctx,
  committeeId: string,
  input: { body: string; changeNote: string },
): Promise<CommitteeView> {
  return withTransaction(ctx, async (tx) => {
    await loadCommittee(tx, committeeId);
    authorize(tx.actor, "charter.revise", await standingOf(tx, committeeId));
    const db = committeesDb(tx);
    const last = await db
      .selectFrom("committee_charters")
      .select(["id", "number", "content_hash"])
      .where("committee_id", "=", committeeId)
      .orderBy("number", "desc")
      .executeTakeFirstOrThrow();
    if (last.content_hash === sha256(input.body))
      throw conflict("The text is the same as the current charter.");
    await db
      .updateTable("committee_charters")
      .set({ status: "superseded" })
      .where("id", "=", last.id)
      .execute();
    await insertCharter(tx, committeeId, last.number + 1, input.body, input.changeNote);
    await record(
      tx,
      "charter.revise",
      { type: "committee", id: committeeId },
      { number: last.number + 1, changeNote: input.changeNote },
    );
    return getCommittee(tx, committeeId);
  });
}

const summary = (r: Awaited<ReturnType<typeof loadCommittee>>): CommitteeSummary => ({
  id: r.id,
  key: r.key,
  name: r.name,
  kind: r.kind,
  minMembers: r.min_members,
  quorum: r.quorum,
  minRegularMeetings: r.min_regular_meetings,
  checks: checksOf(r),
});

export async function listCommittees(ctx: Ctx): Promise<CommitteeListView> {
  const rows = await committeesDb(ctx).selectFrom("committees").selectAll().orderBy("name").execute();
  const items = [];
  for (const r of rows) {
    const standing = await standingOf(ctx, r.id);
    if (!can(ctx.actor, "committee.read", standing)) continue;
    const compliance = await committeeCompliance(ctx, r);
    items.push({
      ...summary(r),
      members: compliance.members.length,
      chair: compliance.members.find((m) => m.isChair)?.name ?? null,
      isCompliant: compliance.isCompliant,
      alerts: compliance.alerts.length,
    });
  }
  return { items, canCreate: can(ctx.actor, "committee.create") };
}

export async function getCommittee(ctx: Ctx, id: string, asOf?: string): Promise<CommitteeView> {
  const row = await loadCommittee(ctx, id);
  const standing = await standingOf(ctx, id);
  if (!can(ctx.actor, "committee.read", standing))
    throw forbidden("You may not read this committee's records.");
  const versions = await committeesDb(ctx)
    .selectFrom("committee_charters")
    .selectAll()
    .where("committee_id", "=", id)
    .orderBy("number", "desc")
    .execute();
  const current = versions[0]!;
  const actions: CommitteeAction[] = [
    "committee.appoint",
    "charter.revise",
    "meeting.schedule",
    "meeting.agenda",
    "meeting.record",
    "minutes.file",
    "consent.create",
    "adviser.manage",
  ];
  return {
    ...summary(row),
    charter: {
      id: current.id,
      number: current.number,
      body: current.body,
      contentHash: current.content_hash,
      changeNote: current.change_note,
      approvedAt: current.approved_at,
      approvedBy: current.approved_by,
    },
    charterVersions: versions.map((v) => ({
      id: v.id,
      number: v.number,
      status: v.status,
      changeNote: v.change_note,
      approvedAt: v.approved_at,
    })),
    compliance: await committeeCompliance(ctx, row, asOf ?? today(ctx)),
    can: Object.fromEntries(actions.map((a) => [a, can(ctx.actor, a, standing)])) as CommitteeView["can"],
  };
}

export async function getCharterVersion(
  ctx: Ctx,
  committeeId: string,
  number: number,
): Promise<CharterVersionView> {
  await getCommittee(ctx, committeeId);
  const v = await committeesDb(ctx)
    .selectFrom("committee_charters")
    .selectAll()
    .where("committee_id", "=", committeeId)
    .where("number", "=", number)
    .executeTakeFirst();
  if (!v) throw conflict(`Charter version ${number} does not exist.`);
  return {
    number: v.number,
    body: v.body,
    contentHash: v.content_hash,
    status: v.status,
    changeNote: v.change_note,
    approvedAt: v.approved_at,
  };
}

const boardSchema = z.object({ chairmanPersonId: z.string().nullable() });
/** The Chairman of the Board, who may call special meetings of any committee (CC-7). */
export const getBoard = (ctx: Ctx) =>
  getSetting(ctx, "committees.board", boardSchema, { chairmanPersonId: null });

export async function setBoardChairman(ctx: Ctx, personId: string): Promise<BoardChairmanView> {
  authorize(ctx.actor, "committee.appoint");
  return withTransaction(ctx, async (tx) => {
    const name = await personName(tx, personId);
    await putSetting(tx, "committees.board", { chairmanPersonId: personId });
    await record(tx, "board.chairman", { type: "person", id: personId }, { name });
    return { chairmanPersonId: personId, name };
  });
}
