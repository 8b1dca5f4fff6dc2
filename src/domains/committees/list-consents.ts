import type { Ctx } from "../../kernel/context.ts";
import { notFound } from "../../kernel/errors.ts";
import { committeesDb } from "./db.ts";
import { getConsent } from "./get-consent.ts";
import { loadCommittee, standingOf } from "./load.ts";
import { can } from "./policy.ts";
import type { ConsentList } from "./views.ts";

export async function listConsents(ctx: Ctx, committeeId: string): Promise<ConsentList> {
  await loadCommittee(ctx, committeeId);
  if (!can(ctx.actor, "committee.read", await standingOf(ctx, committeeId))) throw notFound("The committee");
  const rows = await committeesDb(ctx)
    .selectFrom("written_consents")
    .select("id")
    .where("committee_id", "=", committeeId)
    .orderBy("created_at", "desc")
    .execute();
  const items = [];
  for (const r of rows) items.push(await getConsent(ctx, r.id));
  return { items };
}
