// Labels of the disclosures screens and the reads their writes refresh. The API's types and calls
// come from the generated client (web/src/api/client.ts: useOp("conflict.read", …),
// Schema<"ConflictView">); each object carries `can`, what the signed-in user may do with it,
// decided by the server (src/domains/disclosures/policy.ts).
import { readsOfTag } from "../../api/client.ts";

/** Every read of the disclosures registers (derived from the API document by tag): a write refreshes them all. */
export const DISCLOSURE_READS = readsOfTag("disclosures");

export const CONFLICT_TYPES = [
  { value: "outside_employment", label: "Outside employment or board seat" },
  { value: "financial_interest", label: "Financial interest in a customer, supplier or competitor" },
  { value: "family_relationship", label: "Family member in a business relationship with the company" },
  { value: "related_party", label: "Related-party transaction" },
  { value: "corporate_opportunity", label: "Corporate opportunity" },
  { value: "other", label: "Other" },
];

export const STATUS_LABELS: Record<string, { label: string; color: string }> = {
  draft: { label: "Draft", color: "gray" },
  disclosed: { label: "Disclosed", color: "blue" },
  discussed: { label: "Discussed", color: "cyan" },
  ceo_review: { label: "CEO review", color: "violet" },
  audit_committee: { label: "Audit Committee", color: "grape" },
  approved: { label: "Approved", color: "green" },
  approved_mitigated: { label: "Approved after mitigation", color: "teal" },
  prohibited: { label: "Prohibited", color: "red" },
  withdrawn: { label: "Withdrawn", color: "gray" },
  pending_approval: { label: "Awaiting Legal's approval", color: "yellow" },
  rejected: { label: "Refused", color: "red" },
  cleared: { label: "No approval needed", color: "teal" },
  recorded: { label: "Recorded", color: "green" },
  open: { label: "Open", color: "yellow" },
  answered: { label: "Answered", color: "green" },
  new: { label: "New", color: "red" },
  assigned: { label: "Assigned", color: "yellow" },
  responded: { label: "Responded", color: "green" },
  active: { label: "Active", color: "red" },
  released: { label: "Released", color: "gray" },
};
