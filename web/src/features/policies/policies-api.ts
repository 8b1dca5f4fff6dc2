// Labels of the policies screens. The API's types and calls come from the generated client
// (web/src/api/client.ts: useOp("policy.read", …), Schema<"PolicyView">).
import { readsOfTag } from "../../api/client.ts";

/** Every read of policies and waivers (derived from the API document by tag): what a write refreshes. */
export const POLICY_READS = readsOfTag("policies");

export const AUDIENCE_LABELS: Record<string, string> = {
  everyone: "Everyone bound by the Code",
  senior_officers: "Senior officers",
  finance_accounting: "Finance & accounting staff",
  directors: "Directors",
};
