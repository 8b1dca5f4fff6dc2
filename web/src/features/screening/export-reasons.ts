/** Reasons for control of the Commerce Country Chart (EAR Supplement 1 to Part 738). */
export const REASONS = [
  "NS1",
  "NS2",
  "MT1",
  "NP1",
  "NP2",
  "CB1",
  "CB2",
  "CB3",
  "RS1",
  "RS2",
  "CC1",
  "CC2",
  "CC3",
  "AT1",
  "AT2",
];
/** The chart's mark for an embargoed destination: every item needs a licence, EAR99 included. */
export const EMBARGO = "*";
