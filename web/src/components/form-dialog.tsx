import { Stack, Text } from "@mantine/core";
import type { FormEvent, ReactNode } from "react";
import { type ApiForm, FormErrorSummary } from "./api-form.tsx";
import { FormActions } from "./form-actions.tsx";
import { FormModal } from "./form-modal.tsx";

type FormDialogProps = {
  // biome-ignore lint/suspicious/noExplicitAny: any dialog's form
  form: ApiForm<any, any>;
  title: string;
  submitLabel: string;
  /** The submit button's colour (red for a step that ends something). */
  submitColor?: string;
  onClose: () => void;
  size?: string;
  /** Cancel is disabled while the request runs (default). */
  lockCancel?: boolean;
  /** False while another dialog (a confirmation) stands in for this one. */
  opened?: boolean;
  /** Instead of sending at once (e.g. to ask first). */
  onSubmit?: (event: FormEvent) => void;
  children: ReactNode;
};

/**
 * A dialog around one form: the error summary on top, Cancel and submit at the foot, and
 * closing with unsaved input asks first (FormModal).
 */
export const FormDialog = ({
  form,
  title,
  submitLabel,
  submitColor,
  onClose,
  size,
  opened = true,
  lockCancel = true,
  onSubmit = form.onSubmit,
  children,
}: FormDialogProps) => (
  <FormModal
    opened={opened}
    onClose={onClose}
    isDirty={form.isDirty}
    title={<Text fw={600}>{title}</Text>}
    size={size}
  >
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <FormErrorSummary form={form} />
        {children}
        <FormActions
          onCancel={onClose}
          submitting={form.mutation.isPending}
          lockCancel={lockCancel}
          color={submitColor}
        >
          {submitLabel}
        </FormActions>
      </Stack>
    </form>
  </FormModal>
);
