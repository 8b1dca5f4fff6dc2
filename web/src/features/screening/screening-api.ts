import type { OpId } from "../../api/client.ts";
import { readsOfTag } from "../../api/client.ts";

// The screening screens call the API through api/client.ts (operation ids; the types are the
// server's view schemas, Schema<"HitView"> …). What is left here is presentation.

/** Every screening read: a decision, an import or a re-screen can change any of them. */
export const SCREENING_READS: OpId[] = readsOfTag("screening");

export const STATUS_COLOR: Record<string, string> = {
  clear: "green",
  review: "orange",
  blocked: "red",
  unscreened: "gray",
  open: "orange",
  false_positive: "gray",
  true_match: "red",
  remembered: "gray",
  approved: "green",
  refused: "red",
  pending: "blue",
};

const LIST_NAMES: Record<string, string> = {
  "ofac-sdn": "SDN list",
  "ofac-consolidated": "Consolidated (non-SDN) list",
  "eu-fsf": "EU Financial Sanctions Files",
  "uk-ofsi": "UK OFSI consolidated list",
  "un-sc": "UN Security Council consolidated list",
  opensanctions: "OpenSanctions (FollowTheMoney)",
};
/** A list's name for people: "SDN list", "Consolidated (non-SDN) list". */
export const listName = (source: string) => LIST_NAMES[source] ?? source;
