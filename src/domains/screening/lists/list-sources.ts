/**
 * The lists Probity imports: OFAC's SDN list and its consolidated (non-SDN) list, the EU's
 * Financial Sanctions Files, the UK's OFSI consolidated list, the UN Security Council's
 * consolidated list and OpenSanctions' FollowTheMoney export (which also carries PEPs and
 * ownership). No imports here, so the CLI can name them without loading the parsers.
 */
export const LIST_SOURCES = [
  "ofac-sdn",
  "ofac-consolidated",
  "eu-fsf",
  "uk-ofsi",
  "un-sc",
  "opensanctions",
] as const;
export type ListSource = (typeof LIST_SOURCES)[number];
export const OFAC_SOURCES = ["ofac-sdn", "ofac-consolidated"] as const;
export const isOfacSource = (s: string): s is (typeof OFAC_SOURCES)[number] =>
  (OFAC_SOURCES as readonly string[]).includes(s);

/** Where each publisher puts its current file: what `probity lists import --url <source>` fetches. */
export const PUBLISHER_URLS: Record<ListSource, string> = {
  "ofac-sdn": "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN.XML",
  "ofac-consolidated":
    "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/CONSOLIDATED.XML",
  "eu-fsf":
    "https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content?token=dG9rZW4tMjAxNw",
  "uk-ofsi": "https://ofsistorage.blob.core.windows.net/publishlive/2022format/ConList.csv",
  "un-sc": "https://scsanctions.un.org/resources/xml/en/consolidated.xml",
  opensanctions: "https://data.opensanctions.org/datasets/latest/default/entities.ftm.json",
};
