import type { Ctx } from "../../kernel/context.ts";
import { invalid } from "../../kernel/errors.ts";
import { peopleDb } from "../people/index.ts";

/** The group's legal entities, by name: the companies whose enabled lists screen their counterparties. */
export const legalEntities = (ctx: Ctx) =>
  peopleDb(ctx).selectFrom("legal_entities").select(["id", "name", "country"]).orderBy("name").execute();

/** Refuses a legal entity id that names none. */
export async function checkLegalEntities(ctx: Ctx, ids: readonly string[], path: string): Promise<void> {
  if (!ids.length) return;
  const known = new Set((await legalEntities(ctx)).map((e) => e.id));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length)
    throw invalid(`${unknown.join(", ")} is not a known legal entity.`, [
      { path, message: "is not a known legal entity" },
    ]);
}
