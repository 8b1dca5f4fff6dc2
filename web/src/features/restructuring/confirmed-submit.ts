import { useEffect, useState } from "react";
import type { ApiForm, FormErrors } from "../../components/api-form.tsx";

/**
 * A form whose submit is confirmed in a dialog first (a withdrawal, a termination): what the browser
 * can check is shown on the fields before the dialog opens, and a refusal naming fields closes the
 * dialog so the errors stand beside their fields.
 */
export function useConfirmedSubmit<V extends Record<string, unknown>, R>(
  form: ApiForm<V, R>,
  validate: (v: V) => FormErrors,
) {
  const [isConfirming, setConfirming] = useState(false);
  const { errors } = form;
  useEffect(() => {
    if (Object.keys(errors).length) setConfirming(false);
  }, [errors]);
  return {
    isConfirming,
    /** Opens the dialog, or shows what is missing on the fields. */
    ask: () => (Object.keys(validate(form.values)).length ? form.onSubmit() : setConfirming(true)),
    close: () => setConfirming(false),
    /** The ConfirmModal's state: open, busy, the refusal, and the submit on confirmation. */
    modalProps: {
      opened: isConfirming,
      onClose: () => setConfirming(false),
      loading: form.mutation.isPending,
      error: form.mutation.error,
      onConfirm: () => form.onSubmit(),
    },
  };
}
