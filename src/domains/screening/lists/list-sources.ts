/** The lists Probity imports: OFAC's SDN list and its consolidated (non-SDN) list. */
export const LIST_SOURCES = ["ofac-sdn", "ofac-consolidated"] as const;
export type ListSource = (typeof LIST_SOURCES)[number];
