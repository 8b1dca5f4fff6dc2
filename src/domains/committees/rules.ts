/** The sentences of the charter that the system enforces, by rule id (../shared/RULES.md). */
export const CHARTER_SENTENCES = {
  "CC-1": "The Committee shall consist of no fewer than three (3) members.",
  "CC-2":
    "The members of the Compensation Committee shall meet the independence requirements of the New York Stock Exchange (“NYSE”). Additionally, it is intended that Committee membership will meet applicable requirements under (i) Rule 16b-3 … and (ii) Section 162(m) …",
  "CC-3": "The Chair of the Committee shall be designated by the Board.",
  "CC-4": "The Committee shall meet at least twice annually …",
  "CC-5": "Committee meetings and communications shall be either in person or by conference telephone call.",
  "CC-6":
    "Minutes shall be prepared for each meeting of the Committee and submitted to the Committee for approval. The minutes of all meetings of the Committee shall be given to the secretary of the Company for filing in the corporate records.",
  "CC-7":
    "The Committee Chairman, the Chairman of the Board or any member of the Committee may call special meetings of the Committee.",
  "CC-8": "Two members of the Committee will constitute a quorum for the transaction of business.",
  "CC-9": "… meetings will be attended by independent consultants retained by the Committee …",
  "CC-16":
    "… the Committee has the sole authority on behalf of the Company to retain, terminate, and determine the terms of engagement of any such compensation consultant.",
  "CC-20":
    "Annually, to review and evaluate the Committee's own performance and to require its members to certify that they are independent.",
  "CC-21":
    "Any communications between the Committee and legal counsel in the course of obtaining legal advice will be considered privileged communications …",
  "CC-23":
    "It is the responsibility of the Chairman of the Committee to: … Prepare the Committee meeting agenda and annual calendar.",
} as const;

export type RuleId = keyof typeof CHARTER_SENTENCES;
