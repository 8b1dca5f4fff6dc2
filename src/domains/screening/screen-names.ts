import type { Ctx } from "../../kernel/context.ts";
import { conflict } from "../../kernel/errors.ts";
import { currentList } from "./list-cache.ts";
import type { PartyType } from "./matcher/name-index.ts";
import type { ScreenOneInput } from "./schemas.ts";

type Name = Omit<ScreenOneInput, "threshold" | "limit">;

export async function index(ctx: Ctx) {
  const list = await currentList(ctx);
  if (!list) throw conflict("No sanctions list has been imported yet: import OFAC's SDN files first.");
  return list;
}

export const query = (n: Name) => ({
  name: n.name,
  type: (n.type ?? null) as PartyType | null,
  country: n.country ?? null,
  dateOfBirth: n.dateOfBirth ?? null,
  identifiers: n.identifiers ?? [],
});
