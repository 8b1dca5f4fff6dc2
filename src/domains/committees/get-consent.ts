import type { Ctx } from "../../kernel/context.ts";
import { notFound } from "../../kernel/errors.ts";
import { personNames } from "../people/index.ts";
import { committeesDb } from "./db.ts";
import { actorPerson, standingOf } from "./load.ts";
import { can } from "./policy.ts";
import type { ConsentView } from "./views.ts";

/** The written consent; 404 when there is none. */
export async function loadConsent(ctx: Ctx, consentId: string) {
  const c = await committeesDb(ctx)
    .selectFrom("written_consents")
    .selectAll()
    .where("id", "=", consentId)
    .executeTakeFirst();
  if (!c) throw notFound("The written consent");
  return c;
}

export async function getConsent(ctx: Ctx, consentId: string): Promise<ConsentView> {
  const db = committeesDb(ctx);
  const c = await loadConsent(ctx, consentId);
  if (!can(ctx.actor, "committee.read", await standingOf(ctx, c.committee_id)))
    throw notFound("The written consent");
  const signatures = await db
    .selectFrom("written_consent_signatures")
    .selectAll()
    .where("consent_id", "=", consentId)
    .execute();
  const names = await personNames(ctx, JSON.parse(c.signers) as string[]);
  const resolution = await db
    .selectFrom("committee_resolutions")
    .select("id")
    .where("consent_id", "=", consentId)
    .executeTakeFirst();
  const me = actorPerson(ctx);
  return {
    id: c.id,
    committeeId: c.committee_id,
    title: c.title,
    text: c.text,
    status: c.status,
    dutyKey: c.duty_key,
    effectiveAt: c.effective_at,
    resolutionId: resolution?.id ?? null,
    signers: (JSON.parse(c.signers) as string[]).map((id) => {
      return {
        personId: id,
        name: names.get(id) ?? id,
        signedAt: signatures.find((s) => s.person_id === id)?.signed_at ?? null,
      };
    }),
    canSign:
      c.status === "circulating" &&
      !!me &&
      (JSON.parse(c.signers) as string[]).includes(me) &&
      !signatures.some((s) => s.person_id === me),
  };
}
