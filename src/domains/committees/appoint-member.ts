import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { conflict, invalid } from "../../kernel/errors.ts";
import { newId } from "../../kernel/ids.ts";
import { raiseAlertTasks } from "./alert-tasks.ts";
import { committeesDb } from "./db.ts";
import { getCommittee } from "./get-committee.ts";
import { loadCommittee, membersOf } from "./load.ts";
import { endChairs } from "./membership.ts";
import { authorize } from "./policy.ts";
import type { AppointInput } from "./schemas.ts";
import type { CommitteeView } from "./views.ts";

/**
 * Records the Board's appointment of a director to a committee, on the recommendation of the
 * Nominating and Corporate Governance Committee, at the Board's meeting after the annual meeting or
 * to fill a vacancy; the Board also designates the Chair (CC-3).
 */
export async function appointMember(
  ctx: Ctx,
  committeeId: string,
  input: AppointInput,
): Promise<CommitteeView> {
  authorize(ctx.actor, "committee.appoint");
  return withTransaction(ctx, async (tx) => {
    const committee = await loadCommittee(tx, committeeId);
    const db = committeesDb(tx);
    const person = await db
      .selectFrom("persons")
      .select(["id", "kind", "categories", "first_name", "last_name", "end_date"])
      .where("id", "=", input.personId)
      .executeTakeFirst();
    if (!person)
      throw invalid("The person is not in the directory.", [
        { path: "personId", message: "is not a known person" },
      ]);
    const isDirector =
      person.kind === "director" || (JSON.parse(person.categories) as string[]).includes("director");
    if (!isDirector)
      throw invalid(
        `CC-3: committee members are directors appointed by the Board; ${person.first_name} ${person.last_name} is not a director.`,
        [{ path: "personId", message: "is not a director" }],
      );
    if (input.boardMeetingDate > input.startDate)
      throw invalid("The appointment cannot start before the Board meeting that made it (CC-3).", [
        { path: "startDate", message: "is before the Board meeting" },
      ]);
    const all = await membersOf(tx, committeeId);
    if (
      all.some((m) => m.personId === input.personId && (m.endDate === null || m.endDate >= input.startDate))
    )
      throw conflict(`${person.first_name} ${person.last_name} already serves on the ${committee.name}.`);
    const now = isoNow(tx.clock);
    if (input.isChair) await endChairs(tx, committeeId);
    const id = newId();
    await db
      .insertInto("committee_members")
      .values({
        id,
        committee_id: committeeId,
        person_id: input.personId,
        is_chair: input.isChair ? 1 : 0,
        start_date: input.startDate,
        end_date: null,
        end_reason: null,
        recommended_by: input.recommendedBy,
        appointed_by: "Board of Directors",
        appointment_kind: input.appointmentKind,
        board_meeting_date: input.boardMeetingDate,
        board_reference: input.boardReference ?? null,
        created_by: tx.actor.label,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await record(
      tx,
      "committee.appoint",
      { type: "committee", id: committeeId },
      {
        memberId: id,
        personId: input.personId,
        isChair: input.isChair,
        startDate: input.startDate,
        appointmentKind: input.appointmentKind,
        boardMeetingDate: input.boardMeetingDate,
        recommendedBy: input.recommendedBy,
      },
    );
    await raiseAlertTasks(tx, { committeeId });
    return getCommittee(tx, committeeId);
  });
}
