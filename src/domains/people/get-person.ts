import type { Ctx } from "../../kernel/context.ts";
import { notFound } from "../../kernel/errors.ts";
import { peopleDb } from "./db.ts";
import { selectPeople, today, toPerson } from "./person-view.ts";
import { can } from "./policy.ts";
import type { PersonDetailView } from "./views.ts";

export async function getPerson(ctx: Ctx, id: string): Promise<PersonDetailView> {
  // A record you may not see is a 404, not a 403: its existence is not disclosed.
  if (!can(ctx.actor, "person.read", { id })) throw notFound("The person");
  const row = await selectPeople(ctx).where("p.id", "=", id).executeTakeFirst();
  if (!row) throw notFound("The person");
  const now = today(ctx);
  const db = peopleDb(ctx);
  const reports = await selectPeople(ctx)
    .where("p.supervisor_id", "=", id)
    .orderBy("p.last_name")
    .orderBy("p.first_name")
    .execute();
  const user = await db
    .selectFrom("users")
    .select(["id", "email"])
    .where("person_id", "=", id)
    .executeTakeFirst();
  const roles = user
    ? (await db.selectFrom("user_roles").select("role").where("user_id", "=", user.id).execute()).map(
        (r) => r.role,
      )
    : [];
  const person = toPerson(row, now);
  return {
    ...person,
    directReports: reports.map((r) => toPerson(r, now)),
    user: user ? { ...user, roles } : null,
    can: {
      update: can(ctx.actor, "person.update"),
      end: can(ctx.actor, "person.end") && person.endDate === null,
    },
  };
}
