import type { Ctx } from "../../kernel/context.ts";
import { enqueue } from "../../kernel/jobs.ts";

export type PersonChangeKind = "ended" | "title" | "transfer";

/** Which HR changes other domains care about (speak-up's retaliation watch, COC-21.2). */
export function changeKinds(fields: Record<string, unknown>): PersonChangeKind[] {
  const kinds: PersonChangeKind[] = [];
  const has = (...names: string[]) => names.some((n) => n in fields);
  if (has("end_date")) kinds.push("ended");
  if (has("title")) kinds.push("title");
  if (has("department", "legal_entity_id", "legal_entity", "supervisor_id", "location_country", "country"))
    kinds.push("transfer");
  return kinds;
}

/**
 * Announces HR changes as a `people.changed` job, inside the caller's transaction, so listeners
 * run after the change commits and the people domain knows nothing of them.
 */
export async function announcePeopleChanged(
  ctx: Ctx,
  changes: { personId: string; fields: Record<string, unknown> }[],
) {
  const relevant = changes
    .map((c) => ({ personId: c.personId, kinds: changeKinds(c.fields) }))
    .filter((c) => c.kinds.length > 0);
  if (relevant.length) await enqueue(ctx, "people.changed", { changes: relevant });
}
