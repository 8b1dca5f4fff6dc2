import { useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { type Args, call, invalidate, type OpId, useOpMutation } from "../../api/client.ts";
import { type FormErrors, type FormLabels, useApiForm } from "../../components/api-form.tsx";
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

/** What the detail pages refresh after any action: the disclosures' data and My tasks. */
const REFRESHED: OpId[] = [...DISCLOSURE_READS, "task.list"];

/** A POST action with its own error display; refreshes the disclosures' data and My tasks. */
export function useAction<K extends DetailAction>(op: K, id: string) {
  const mutation = useOpMutation(op, { invalidates: REFRESHED });
  return {
    ...mutation,
    // The body is the form as it stands; the server names what is missing or wrong.
    mutate: (body: Record<string, unknown> = {}, options?: { onSuccess?: () => void }) =>
      mutation.mutate({ path: { id }, body } as unknown as Args<K>, options),
  };
}

type DetailFormOptions<V extends Record<string, unknown>, I> = {
  initialValues: V;
  labels: FormLabels;
  validate?: (values: V) => FormErrors;
  /** Server paths the labels do not name (a body field called `note` shown in the field `text`). */
  mapPath?: (serverPath: string) => string | undefined;
  /**
   * The action and its body. `intent` is what the pressed button said (`approve`/`refuse`) when a form
   * has more than one submit button.
   */
  send: (values: V, intent: I | undefined) => { op: DetailAction; body: Record<string, unknown> };
  /** After the refresh (e.g. empty the field for the next comment). */
  onSuccess?: () => void;
};

/**
 * A form of a detail page: errors attached to its fields by path with a summary (useApiForm), then the
 * same refresh as useAction. `intend(x)` goes on a submit button's onClick when the form has several,
 * `isPendingAs(x)` on its `loading`.
 */
export function useDetailForm<V extends Record<string, unknown>, I = never>(
  id: string,
  options: DetailFormOptions<V, I>,
) {
  const queryClient = useQueryClient();
  // A ref for the submit that follows the click at once, a state for the pressed button's spinner.
  const intent = useRef<I | undefined>(undefined);
  const [pressed, setPressed] = useState<I | undefined>(undefined);
  const form = useApiForm<V>({
    initialValues: options.initialValues,
    labels: options.labels,
    validate: options.validate,
    mapPath: options.mapPath,
    submit: (values) => {
      const { op, body } = options.send(values, intent.current);
      return call(op, { path: { id }, body } as never);
    },
    onSuccess: async () => {
      await invalidate(queryClient, ...REFRESHED);
      options.onSuccess?.();
    },
  });
  return Object.assign(form, {
    intend: (value: I) => {
      intent.current = value;
      setPressed(value);
    },
    /** The form is being sent by the button that said `value`. */
    isPendingAs: (value: I) => form.mutation.isPending && pressed === value,
  });
}
