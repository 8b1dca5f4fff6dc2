import type { Ctx } from "../../kernel/context.ts";
import { discDb } from "./db.ts";
import { loadHold } from "./hold-work.ts";
import { can, type HoldSubject } from "./policy.ts";
import type { HoldView } from "./views.ts";

/** A hold as Legal sees it (every custodian), or as a custodian sees it (their own line). */
export async function getHold(ctx: Ctx, id: string): Promise<HoldView> {
  const hold = await loadHold(ctx, id);
  const a = ctx.actor;
  const manager = can(a, "legal_hold.manage");
  let q = discDb(ctx)
    .selectFrom("legal_hold_custodians as c")
    .innerJoin("persons as p", "p.id", "c.person_id")
    .select([
      "c.person_id",
      "c.notified_at",
      "c.acknowledged_at",
      "c.reminders_sent",
      "c.notices_sent",
      "p.first_name",
      "p.last_name",
      "p.title",
      "p.department",
    ])
    .where("c.hold_id", "=", id)
    .orderBy("p.last_name");
  if (!manager) q = q.where("c.person_id", "=", a.kind === "user" ? (a.personId ?? "") : "");
  const custodians = await q.execute();
  const cases = manager
    ? await discDb(ctx).selectFrom("legal_hold_cases").select("case_id").where("hold_id", "=", id).execute()
    : [];
  const personId = a.kind === "user" ? a.personId : null;
  const own = custodians.find((c) => c.person_id === personId);
  const subject: HoldSubject = {
    status: hold.status,
    isCustodian: Boolean(own),
    acknowledged: Boolean(own?.acknowledged_at),
  };
  return {
    id: hold.id,
    number: hold.number,
    matter: hold.matter,
    scope: hold.scope,
    status: hold.status,
    reminderDays: hold.reminder_days,
    renoticeDays: hold.renotice_days,
    nextRenoticeOn: hold.next_renotice_at.slice(0, 10),
    issuedBy: hold.issued_by_label,
    issuedAt: hold.issued_at,
    releasedBy: hold.released_by_label,
    releasedAt: hold.released_at,
    releaseNote: hold.release_note,
    custodians: custodians.map((c) => ({
      personId: c.person_id,
      name: `${c.first_name} ${c.last_name}`,
      title: c.title,
      department: c.department,
      notifiedAt: c.notified_at,
      acknowledgedAt: c.acknowledged_at,
      remindersSent: c.reminders_sent,
      noticesSent: c.notices_sent,
    })),
    caseIds: cases.map((c) => c.case_id),
    acknowledged: custodians.filter((c) => c.acknowledged_at).length,
    can: {
      manage: can(a, "legal_hold.update", subject),
      acknowledge: can(a, "legal_hold.acknowledge", subject),
    },
  };
}
