// What the committee screens share: the reads a write refreshes, how statuses and instants show.
// The server's shapes come from api/schema.gen.ts (Schema<"CommitteeView"> …), never re-typed here.

import { readsOfTag } from "../../api/client.ts";

/** Every read of the committees' records (derived from the API document by tag): a write refreshes them all. */
export const COMMITTEE_READS = readsOfTag("committees");

export const STATUS_COLOR: Record<string, string> = {
  done: "green",
  due: "blue",
  overdue: "red",
  scheduled: "blue",
  in_session: "orange",
  adjourned: "gray",
  cancelled: "gray",
  draft: "gray",
  circulated: "blue",
  approved: "teal",
  locked: "green",
  filed: "green",
  circulating: "blue",
  effective: "green",
  proposed: "gray",
  retained: "green",
  terminated: "gray",
};

export const fmtDateTime = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
