import {
  Badge,
  Button,
  CloseButton,
  Group,
  NumberInput,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { call, invalidate, type Result, useOp } from "../../api/client.ts";
import { FormErrorSummary, useApiForm } from "../../components/api-form.tsx";
import { type Column, ColumnsTable } from "../../components/data-table.tsx";
import { Empty } from "../../components/empty.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { FormActions } from "../../components/form-actions.tsx";
import { FormModal } from "../../components/form-modal.tsx";
import { StatusBadge } from "../../components/status-badge.tsx";
import { formatDate } from "../../lib/format.ts";
import { DISCLOSURE_READS, STATUS_LABELS } from "./disclosures-api.ts";
import { DetailLink } from "./links.tsx";

/** Custodians are chosen from the directory (COC-15.1): a search-as-you-type select that adds each pick. */
export function CustodianPicker({
  value,
  onChange,
}: {
  value: { id: string; label: string }[];
  onChange: (v: { id: string; label: string }[]) => void;
}) {
  const [search, setSearch] = useState("");
  const [query] = useDebouncedValue(search, 250);
  const people = useOp(
    "people.list",
    { query: { q: query || undefined, pageSize: 20, sort: "name" } },
    { staleTime: 30_000 },
  );
  const options = (people.data?.items ?? [])
    .filter((p) => !value.some((v) => v.id === p.id))
    .map((p) => ({ value: p.id, label: p.title ? `${p.displayName} — ${p.title}` : p.displayName }));
  return (
    <Stack gap="xs">
      <Select
        label="Custodians (from the directory)"
        placeholder="Type a name to search"
        data={options}
        value={null}
        searchable
        searchValue={search}
        onSearchChange={setSearch}
        filter={({ options: all }) => all}
        nothingFoundMessage={people.isFetching ? "Searching…" : "No matching people"}
        onChange={(id, option) => {
          if (id) onChange([...value, { id, label: option?.label ?? id }]);
          setSearch("");
        }}
      />
      <Group gap="xs">
        {value.map((v) => (
          <Badge
            key={v.id}
            variant="light"
            rightSection={
              <CloseButton
                size="xs"
                aria-label={`Remove ${v.label}`}
                onClick={() => onChange(value.filter((x) => x.id !== v.id))}
              />
            }
          >
            {v.label}
          </Badge>
        ))}
      </Group>
    </Stack>
  );
}

type IssueValues = {
  matter: string;
  scope: string;
  custodians: { id: string; label: string }[];
  reminderDays: number;
  renoticeDays: number;
};

function IssueModal({ onClose }: { onClose: () => void }) {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const form = useApiForm<IssueValues, Result<"legal_hold.issue">>({
    initialValues: { matter: "", scope: "", custodians: [], reminderDays: 3, renoticeDays: 90 },
    labels: {
      matter: "Matter",
      scope: "Records to preserve",
      custodianIds: "Custodians",
      reminderDays: "Remind every (days)",
      renoticeDays: "Re-notice every (days)",
    },
    submit: ({ custodians, ...values }) =>
      call("legal_hold.issue", { body: { ...values, custodianIds: custodians.map((c) => c.id) } }),
    onSuccess: async (h) => {
      await invalidate(qc, ...DISCLOSURE_READS);
      onClose();
      void navigate({ to: "/disclosures/$section/$id", params: { section: "holds", id: h.id } });
    },
  });
  return (
    <FormModal opened onClose={onClose} isDirty={form.isDirty} title="Issue a legal hold" size="lg">
      <form onSubmit={form.onSubmit} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            Custodians receive a notice to preserve their records and must acknowledge it; reminders follow
            until they do, and a periodic re-notice asks them again. While the hold is active, retention and
            deletion skip their records and any covered speak-up case (COC-15.1).
          </Text>
          <FormErrorSummary form={form} />
          <TextInput label="Matter" {...form.getInputProps("matter")} />
          <Textarea label="Records to preserve" autosize minRows={3} {...form.getInputProps("scope")} />
          <CustodianPicker
            value={form.values.custodians}
            onChange={(next) => form.setValue("custodians", next)}
          />
          {form.errors.custodianIds ? (
            <Text size="sm" c="red.8">
              {form.errors.custodianIds}
            </Text>
          ) : null}
          <Group grow>
            <NumberInput
              label="Remind every (days)"
              min={1}
              max={90}
              {...form.getInputProps("reminderDays")}
              onChange={(v) => form.setValue("reminderDays", Number(v) || 3)}
            />
            <NumberInput
              label="Re-notice every (days)"
              min={7}
              max={730}
              {...form.getInputProps("renoticeDays")}
              onChange={(v) => form.setValue("renoticeDays", Number(v) || 90)}
            />
          </Group>
          <FormActions onCancel={onClose} submitting={form.mutation.isPending}>
            Issue the hold
          </FormActions>
        </Stack>
      </form>
    </FormModal>
  );
}

type HoldRow = Result<"legal_hold.list">["items"][number];

const holdColumns: Column<HoldRow>[] = [
  {
    key: "hold",
    header: "Hold",
    cell: (h) => (
      <DetailLink section="holds" id={h.id}>
        {h.number}: {h.matter}
      </DetailLink>
    ),
  },
  { key: "status", header: "Status", cell: (h) => <StatusBadge status={h.status} styles={STATUS_LABELS} /> },
  {
    key: "acknowledged",
    header: "Acknowledged",
    cell: (h) => (
      <>
        {h.acknowledged} of {h.custodians}
      </>
    ),
  },
  { key: "issued", header: "Issued", cell: (h) => formatDate(h.issuedAt) },
  {
    key: "renotice",
    header: "Next re-notice",
    cell: (h) => (h.status === "active" ? formatDate(h.nextRenoticeOn) : "—"),
  },
];

export function HoldsTab() {
  const list = useOp("legal_hold.list", {});
  const [issuing, setIssuing] = useState(false);
  return (
    <Stack>
      {list.data?.can.issue ? (
        <Group>
          <Button onClick={() => setIssuing(true)}>Issue a legal hold</Button>
        </Group>
      ) : null}
      <ErrorAlert error={list.error} />
      {list.data?.items.length === 0 ? <Empty title="No legal holds" /> : null}
      {list.data && list.data.items.length > 0 ? (
        <ColumnsTable striped columns={holdColumns} rows={list.data.items} rowKey={(h) => h.id} />
      ) : null}
      {issuing ? <IssueModal onClose={() => setIssuing(false)} /> : null}
    </Stack>
  );
}
