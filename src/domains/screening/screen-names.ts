import type { Ctx } from "../../kernel/context.ts";
import { conflict } from "../../kernel/errors.ts";
import { getEnabledLists, listsOf } from "./enabled-lists.ts";
import { currentList, type ListHit } from "./list-cache.ts";
import { listLabel } from "./lists/read-list.ts";
import type { PartyType } from "./matcher/name-index.ts";
import type { ScreenOneInput } from "./schemas.ts";

type Name = Omit<ScreenOneInput, "threshold" | "limit" | "legalEntityId">;

/** The current lists and the ones a legal entity screens (every list when none is named). */
export async function index(ctx: Ctx, legalEntityId?: string) {
  const list = await currentList(ctx);
  if (!list) throw conflict("No sanctions list has been imported yet: import OFAC's SDN files first.");
  const sources = listsOf(await getEnabledLists(ctx), legalEntityId);
  if (!list.select(sources).length)
    throw conflict(
      `None of the lists ${legalEntityId} screens (${sources.join(", ")}) has been imported yet (COC-18.1).`,
    );
  return { list, sources, versionId: list.select(sources)[0]!.versionId };
}

export const query = (n: Name) => ({
  name: n.name,
  type: (n.type ?? null) as PartyType | null,
  country: n.country ?? null,
  dateOfBirth: n.dateOfBirth ?? null,
  identifiers: n.identifiers ?? [],
});

/** A match as the API shows it: the list it is on, the kind of hit, and no list internals. */
export const presentMatch = ({ source, kind, entry, ...h }: ListHit) => ({
  ...h,
  listSource: source,
  listLabel: listLabel(source),
  kind: entry.ownership ? ("ownership" as const) : kind,
  ...(entry.ownership && { explanation: { ...h.explanation, ownership: entry.ownership } }),
});
