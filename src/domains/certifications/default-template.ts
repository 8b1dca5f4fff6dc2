import type { Question, Statement } from "./tables.ts";

/** COC-23.1 / SOC-7: the certificate's wording, taken from the codes ("received, read, understands, will apply"). */
export function defaultStatements(codeName: string): Statement[] {
  return [
    { id: "received", text: `I have received a copy of the ${codeName}.` },
    { id: "read", text: `I have read the ${codeName}.` },
    { id: "understand", text: `I understand the ${codeName}.` },
    { id: "apply", text: `I will apply the ${codeName} to all business interactions.` },
  ];
}

export const DEFAULT_QUESTIONS: Question[] = [
  {
    id: "conflict",
    kind: "conflict",
    text: "Do you have a conflict of interest, or the appearance of one, to disclose? (COC-6.1)",
  },
  { id: "violation", kind: "violation", text: "Are you aware of any violation of the Code?" },
];
