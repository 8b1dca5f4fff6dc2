import { type Args, type OpId, useOpMutation } from "../../api/client.ts";
import { DISCLOSURE_READS } from "./disclosures-api.ts";

/** The actions of the detail pages: each takes the object's id in its path and a body. */
type DetailAction =
  | "conflict.comment"
  | "conflict.forward"
  | "conflict.ceo_review"
  | "conflict.decide"
  | "conflict.withdraw"
  | "gift.decide"
  | "gift.record"
  | "legal_hold.acknowledge"
  | "legal_hold.release"
  | "guidance.answer"
  | "guidance.escalate"
  | "guidance.publish"
  | "inquiry.assign"
  | "inquiry.respond"
  | "boycott.review";

/** A POST action with its own error display; refreshes the disclosures' data and My tasks. */
export function useAction<K extends DetailAction>(op: K, id: string) {
  const invalidates: OpId[] = [...DISCLOSURE_READS, "task.list"];
  const mutation = useOpMutation(op, { invalidates });
  return {
    ...mutation,
    // The body is the form as it stands; the server names what is missing or wrong.
    mutate: (body: Record<string, unknown> = {}, options?: { onSuccess?: () => void }) =>
      mutation.mutate({ path: { id }, body } as unknown as Args<K>, options),
  };
}
