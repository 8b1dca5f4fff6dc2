import { Modal, type ModalProps } from "@mantine/core";

type FormModalProps = Omit<ModalProps, "closeButtonProps"> & {
  /** True when the form inside holds input that closing would lose: Escape, the X and a click outside ask first. */
  isDirty?: boolean;
  /** The words of the question asked before discarding. */
  discardQuestion?: string;
};

/**
 * A dialog that holds a form: its close button has an accessible name, and closing it with unsaved
 * input asks before the input is lost (Escape used to drop it silently).
 */
export const FormModal = ({
  isDirty = false,
  discardQuestion = "Discard what you have entered?",
  onClose,
  ...props
}: FormModalProps) => (
  <Modal
    {...props}
    closeButtonProps={{ "aria-label": "Close dialog" }}
    onClose={() => {
      if (!isDirty || window.confirm(discardQuestion)) onClose();
    }}
  />
);
