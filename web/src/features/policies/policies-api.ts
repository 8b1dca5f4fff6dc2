// Labels of the policies screens. The API's types and calls come from the generated client
// (web/src/api/client.ts: useOp("policy.read", …), Schema<"PolicyView">).

export const AUDIENCE_LABELS: Record<string, string> = {
  everyone: "Everyone bound by the Code",
  senior_officers: "Senior officers",
  finance_accounting: "Finance & accounting staff",
  directors: "Directors",
};
