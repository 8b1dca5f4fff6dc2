import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { conflict, invalid, notFound } from "../../kernel/errors.ts";
import { committeesDb } from "./db.ts";
import { linkDutyEvidence } from "./duties.ts";
import { standingOf } from "./load.ts";
import { authorize } from "./policy.ts";
import type { EvidenceKind } from "./tables.ts";
import type { EvidenceLinkedView } from "./views.ts";

/**
 * Links evidence by hand: approved (or locked, filed) minutes, an adopted resolution of the
 * committee, or a document named by title and link.
 */
export async function linkEvidence(
  ctx: Ctx,
  dutyId: string,
  input: {
    kind: EvidenceKind;
    refId?: string | null | undefined;
    label?: string | null | undefined;
    url?: string | null | undefined;
  },
): Promise<EvidenceLinkedView> {
  return withTransaction(ctx, async (tx) => {
    const db = committeesDb(tx);
    const duty = await db
      .selectFrom("committee_duties")
      .selectAll()
      .where("id", "=", dutyId)
      .executeTakeFirst();
    if (!duty) throw notFound("The duty");
    authorize(tx.actor, "meeting.record", await standingOf(tx, duty.committee_id));
    let label = input.label ?? null;
    let url = input.url ?? null;
    if (input.kind === "minutes") {
      const m = await db
        .selectFrom("meeting_minutes as n")
        .innerJoin("committee_meetings as m", "m.id", "n.meeting_id")
        .select(["n.status", "m.title", "m.starts_at", "m.committee_id", "m.id as meeting_id"])
        .where("n.id", "=", input.refId ?? "")
        .executeTakeFirst();
      if (!m || m.committee_id !== duty.committee_id)
        throw invalid("Those minutes are not this committee's.", [
          { path: "refId", message: "is not minutes of this committee" },
        ]);
      if (m.status === "draft" || m.status === "circulated")
        throw conflict(
          "CC-6: only minutes approved by the committee are evidence; these are not approved yet.",
        );
      label ??= `Approved minutes: ${m.title} (${m.starts_at.slice(0, 10)})`;
      url ??= `/committees/meetings/${m.meeting_id}`;
    } else if (input.kind === "resolution") {
      const r = await db
        .selectFrom("committee_resolutions")
        .select(["title", "outcome", "committee_id", "adopted_at"])
        .where("id", "=", input.refId ?? "")
        .executeTakeFirst();
      if (!r || r.committee_id !== duty.committee_id)
        throw invalid("That resolution is not this committee's.", [
          { path: "refId", message: "is not a resolution of this committee" },
        ]);
      if (r.outcome !== "adopted") throw conflict("Only an adopted resolution is evidence of a duty.");
      label ??= `Resolution: ${r.title} (${r.adopted_at.slice(0, 10)})`;
    } else if (!label) {
      throw invalid("Name the document.", [{ path: "label", message: "is required for a document" }]);
    }
    const linked = await linkDutyEvidence(tx, duty.committee_id, duty.year, duty.key, {
      kind: input.kind,
      refId: input.refId ?? null,
      label: label!,
      url,
    });
    if (!linked) throw conflict("This evidence is already linked to the duty.");
    return { linked: true };
  });
}
