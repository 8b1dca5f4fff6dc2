import { Button, Group } from "@mantine/core";
import type { ReactNode } from "react";

type FormActionsProps = {
  onCancel: () => void;
  /** True while the form's request runs: the submit button spins. */
  submitting: boolean;
  /** Also disable Cancel while the request runs. */
  lockCancel?: boolean;
  /** The submit button's colour (red for a step that ends something). */
  color?: string;
  /** The submit button's words. */
  children: ReactNode;
};

/** A form's footer, right-aligned: Cancel, then the submit button. */
export const FormActions = ({
  onCancel,
  submitting,
  lockCancel = false,
  color,
  children,
}: FormActionsProps) => (
  <Group justify="flex-end">
    <Button variant="default" onClick={onCancel} disabled={lockCancel ? submitting : undefined}>
      Cancel
    </Button>
    <Button type="submit" loading={submitting} color={color}>
      {children}
    </Button>
  </Group>
);

/** A form's footer with only the submit button, right-aligned. */
export const SubmitRow = ({ submitting, children }: { submitting: boolean; children: ReactNode }) => (
  <Group justify="flex-end">
    <Button type="submit" loading={submitting}>
      {children}
    </Button>
  </Group>
);

/** A form's footer, left-aligned: the submit button, then any other buttons (Cancel, a second action). */
export const SubmitGroup = ({
  submitting,
  label,
  children,
}: {
  submitting: boolean;
  label: string;
  children?: ReactNode;
}) => (
  <Group>
    <Button type="submit" loading={submitting}>
      {label}
    </Button>
    {children}
  </Group>
);
