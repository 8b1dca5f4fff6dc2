import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { ErrorAlert } from "./error-alert.tsx";

type ConfirmModalProps = {
  opened: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  color?: string;
  loading?: boolean;
  error?: unknown;
  onConfirm: () => void;
  onClose: () => void;
};

export const ConfirmModal = ({
  opened,
  title,
  children,
  confirmLabel,
  color,
  loading,
  error,
  onConfirm,
  onClose,
}: ConfirmModalProps) => (
  <Modal
    opened={opened}
    onClose={onClose}
    title={<Text fw={600}>{title}</Text>}
    closeButtonProps={{ "aria-label": "Close dialog" }}
    centered
  >
    <Stack>
      <div>{children}</div>
      <ErrorAlert error={error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose} disabled={loading}>
          Cancel
        </Button>
        <Button color={color} onClick={onConfirm} loading={loading} data-autofocus>
          {confirmLabel}
        </Button>
      </Group>
    </Stack>
  </Modal>
);
