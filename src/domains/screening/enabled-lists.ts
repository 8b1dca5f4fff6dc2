import { z } from "zod";
import type { Ctx } from "../../kernel/context.ts";
import { getSetting } from "../../kernel/settings.ts";
import { LIST_SOURCES, type ListSource } from "./lists/list-sources.ts";

/**
 * Which lists each legal entity screens against (COC-18.1): an EU subsidiary may screen the EU and
 * UN lists, the US parent all of them. A legal entity that is not named screens every list; so
 * does a counterparty without a legal entity.
 */
export const ENABLED_LISTS_KEY = "screening.enabledLists";
export const enabledListsSetting = z.record(z.string().max(64), z.array(z.enum(LIST_SOURCES)));
export type EnabledLists = z.infer<typeof enabledListsSetting>;

export const getEnabledLists = (ctx: Ctx): Promise<EnabledLists> =>
  getSetting(ctx, ENABLED_LISTS_KEY, enabledListsSetting, {});

/** The lists a legal entity screens against. */
export function listsOf(setting: EnabledLists, legalEntityId: string | null | undefined): ListSource[] {
  const chosen = legalEntityId ? setting[legalEntityId] : undefined;
  return chosen ? LIST_SOURCES.filter((s) => chosen.includes(s)) : [...LIST_SOURCES];
}
