import { Alert, Badge, Button, Card, Group, Stack, Text, Textarea } from "@mantine/core";
import { type Result, useOp } from "../../api/client.ts";
import { FormErrorSummary } from "../../components/api-form.tsx";
import { type Column, ColumnsTable } from "../../components/data-table.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { formatDate, formatDateTime } from "../../lib/format.ts";
import { DetailHeader, Loaded } from "./detail-header.tsx";
import { useAction, useDetailForm } from "./use-detail-action.ts";

type Custodian = Result<"legal_hold.read">["custodians"][number];

const custodianColumns: Column<Custodian>[] = [
  {
    key: "custodian",
    header: "Custodian",
    cell: (c) => (
      <>
        {c.name}
        <Text size="xs" c="dimmed">
          {c.title}
        </Text>
      </>
    ),
  },
  { key: "notified", header: "Notified", cell: (c) => formatDateTime(c.notifiedAt) },
  {
    key: "acknowledged",
    header: "Acknowledged",
    cell: (c) =>
      c.acknowledgedAt ? (
        <Badge color="green" variant="light">
          {formatDateTime(c.acknowledgedAt)}
        </Badge>
      ) : (
        <Badge color="yellow" variant="light">
          Not yet
        </Badge>
      ),
  },
  { key: "reminders", header: "Reminders", cell: (c) => c.remindersSent },
];

export function HoldDetail({ id }: { id: string }) {
  const q = useOp("legal_hold.read", { path: { id } });
  const ack = useAction("legal_hold.acknowledge", id);
  const release = useDetailForm(id, {
    initialValues: { note: "" },
    labels: { note: "Why the hold is released" },
    send: (body) => ({ op: "legal_hold.release", body }),
  });
  return (
    <Loaded query={q}>
      {(h) => (
        <Stack>
          <DetailHeader
            title={`Legal hold ${h.number}: ${h.matter}`}
            description={`Issued by ${h.issuedBy} on ${formatDate(h.issuedAt)}.`}
            status={h.status}
          />
          <Card withBorder>
            <Text fw={600} mb={4}>
              Preserve these records (COC-15.1)
            </Text>
            <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
              {h.scope}
            </Text>
            <Text size="xs" c="dimmed" mt="xs">
              Do not delete, alter or discard them until the Legal Department releases the hold. Reminders
              every {h.reminderDays} days until acknowledged; re-notice every {h.renoticeDays} days
              {h.status === "active" ? ` (next ${formatDate(h.nextRenoticeOn)})` : ""}.
            </Text>
          </Card>
          {h.can.acknowledge ? (
            <Group>
              <Button onClick={() => ack.mutate({})} loading={ack.isPending}>
                I acknowledge and will preserve my records
              </Button>
            </Group>
          ) : null}
          <ErrorAlert error={ack.error} title="Not acknowledged" />
          {h.releasedAt ? (
            <Alert
              color="gray"
              title="Released"
            >{`${h.releasedBy}, ${formatDate(h.releasedAt)}: ${h.releaseNote}`}</Alert>
          ) : null}
          <ColumnsTable striped columns={custodianColumns} rows={h.custodians} rowKey={(c) => c.personId} />
          {h.can.manage ? (
            <Card withBorder component="form" onSubmit={release.onSubmit} noValidate>
              <Stack>
                <Textarea label="Why the hold is released" {...release.getInputProps("note")} />
                <FormErrorSummary form={release} title="Not released" />
                <Group>
                  <Button type="submit" color="red" variant="light">
                    Release the hold
                  </Button>
                </Group>
              </Stack>
            </Card>
          ) : null}
        </Stack>
      )}
    </Loaded>
  );
}
