// The restructuring page's search parameters, apart from the lazily loaded page so the router can
// validate them without loading the screens.

/** The tabs of an offering; the tab lives in the URL (`?tab=`), so Back returns to the previous one. */
export const OFFERING_TABS = [
  "overview",
  "register",
  "allocation",
  "votes",
  "conditions",
  "deadlines",
  "progress",
  "proceeds",
] as const;
export type OfferingTab = (typeof OFFERING_TABS)[number];
export type RestructuringSearch = { tab?: OfferingTab };

export const parseRestructuringSearch = (raw: Record<string, unknown>): RestructuringSearch => {
  const tab = OFFERING_TABS.find((t) => t === raw.tab);
  return tab && tab !== "overview" ? { tab } : {};
};
