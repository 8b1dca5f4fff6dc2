import { Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { call, useOp } from "../../api/client.ts";
import { ConfirmModal } from "../../components/confirm-modal.tsx";
import { Empty } from "../../components/empty.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { AnchorLink } from "../../components/router-links.tsx";
import { StatusBadge } from "../../components/status-badge.tsx";
import { useCaseRefresh } from "./case-actions.tsx";
import { CASE_STATUS_STYLES } from "./case-badges.tsx";
import type { CaseView } from "./vocabulary.ts";

/** Related cases: link two reports of the same matter, or merge a duplicate into another case. */
export const CaseLinks = ({ kase }: { kase: CaseView }) => {
  const refresh = useCaseRefresh();
  const [number, setNumber] = useState("");
  const [otherId, setOtherId] = useState<string | null>(null);
  const found = useOp(
    "case.list",
    { query: { q: number.trim(), pageSize: 10 } },
    { enabled: number.trim().length >= 3 },
  );
  const options = (found.data?.items ?? [])
    .filter((c) => c.id !== kase.id)
    .map((c) => ({ value: c.id, label: `${c.number} · ${c.categoryLabel}` }));
  const chosen = found.data?.items.find((c) => c.id === otherId);
  const done = async (title: string) => {
    notifications.show({ color: "green", title, message: chosen?.number ?? "" });
    setNumber("");
    setOtherId(null);
    await refresh();
  };
  const link = useMutation({
    mutationFn: () => call("case.link", { path: { id: kase.id }, body: { otherId: otherId ?? "" } }),
    onSuccess: () => done("Cases linked"),
  });
  const merge = useMutation({
    mutationFn: () => call("case.merge", { path: { id: kase.id }, body: { intoId: otherId ?? "" } }),
    onSuccess: () => done("Case merged"),
  });
  const [confirmMerge, setConfirmMerge] = useState(false);
  return (
    <Stack>
      {kase.links.length === 0 ? (
        <Empty title="No linked cases" isCompact />
      ) : (
        <Stack gap={6} role="list" aria-label="Linked cases">
          {kase.links.map((l) => (
            <Group key={l.id} gap="xs" role="listitem">
              <AnchorLink to="/speakup/cases/$caseId" params={{ caseId: l.id }} fw={600} size="sm">
                {l.number}
              </AnchorLink>
              <StatusBadge status={l.status} styles={CASE_STATUS_STYLES} />
              {kase.mergedIntoId === l.id ? <Text size="sm">(this case was merged into it)</Text> : null}
            </Group>
          ))}
        </Stack>
      )}
      {kase.can.addItem ? (
        <Paper withBorder p="md">
          <Text fw={600} mb="xs">
            Link or merge
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label="Case number"
              description="Type at least 3 characters of the other case's number."
              placeholder="SU-2026-00012"
              value={number}
              onChange={(e) => {
                setNumber(e.currentTarget.value);
                setOtherId(null);
              }}
            />
            <Select
              label="Case"
              placeholder={
                number.trim().length < 3 ? "Type a number first" : found.isFetching ? "Searching…" : "Choose"
              }
              data={options}
              value={otherId}
              onChange={setOtherId}
              nothingFoundMessage="No case you may see has that number"
            />
          </SimpleGrid>
          <ErrorAlert error={link.error ?? merge.error} />
          <Group justify="flex-end" mt="sm">
            <Button
              variant="default"
              disabled={!otherId}
              loading={link.isPending}
              onClick={() => link.mutate()}
            >
              Link
            </Button>
            {kase.can.merge ? (
              <Button color="orange" disabled={!otherId} onClick={() => setConfirmMerge(true)}>
                Merge into it
              </Button>
            ) : null}
          </Group>
        </Paper>
      ) : null}
      <ConfirmMerge
        opened={confirmMerge}
        from={kase.number}
        into={chosen?.number ?? ""}
        loading={merge.isPending}
        error={merge.error}
        onClose={() => setConfirmMerge(false)}
        onConfirm={() => merge.mutate(undefined, { onSuccess: () => setConfirmMerge(false) })}
      />
    </Stack>
  );
};

const ConfirmMerge = (props: {
  opened: boolean;
  from: string;
  into: string;
  loading: boolean;
  error: unknown;
  onClose: () => void;
  onConfirm: () => void;
}) => (
  <ConfirmModal
    opened={props.opened}
    title={`Merge ${props.from} into ${props.into}`}
    confirmLabel="Merge"
    color="orange"
    loading={props.loading}
    error={props.error}
    onClose={props.onClose}
    onConfirm={props.onConfirm}
  >
    <Text size="sm">
      {props.from} closes as a duplicate. Its reporter's mailbox opens {props.into} from now on, and everyone
      barred from either case stays barred from {props.into}. This cannot be undone.
    </Text>
  </ConfirmModal>
);
