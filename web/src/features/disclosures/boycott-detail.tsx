import { Alert, Button, Card, Group, Stack, TextInput } from "@mantine/core";
import { useState } from "react";
import { useOp } from "../../api/client.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { RowField as Field } from "../../components/field.tsx";
import { TableSkeleton } from "../../components/table-skeleton.tsx";
import { formatDate, humanise } from "../../lib/format.ts";
import { DetailHeader } from "./detail-header.tsx";
import { useAction } from "./use-detail-action.ts";

export function BoycottDetail({ id }: { id: string }) {
  const q = useOp("boycott.list", {});
  const review = useAction("boycott.review", id);
  const [note, setNote] = useState("");
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data) return <TableSkeleton />;
  const b = q.data.items.find((x) => x.id === id);
  if (!b)
    return (
      <Alert color="red" title="Not found">
        The boycott request was not found.
      </Alert>
    );
  return (
    <Stack>
      <DetailHeader
        title={`${b.number}: boycott request from ${b.requester}`}
        description={`Logged by ${b.reportedBy} (COC-8.1).`}
      />
      <Card withBorder>
        <Stack gap="xs">
          <Field label="Received">{formatDate(b.receivedOn)}</Field>
          <Field label="Document">{`${humanise(b.documentType)}${b.documentRef ? ` ${b.documentRef}` : ""}`}</Field>
          <Field label="Country">{b.country ?? "—"}</Field>
          <Field label="Request">{b.requestText}</Field>
          <Field label="Reportable">{b.isReportable ? "Yes" : `No: ${b.reportableNote ?? ""}`}</Field>
          <Field label="Quarterly report">{`${b.quarter}, due ${formatDate(b.reportDueOn)}`}</Field>
          <Field label="Kept until">{formatDate(b.retainUntil)}</Field>
          {b.reviewedBy ? <Field label="Reviewed by">{b.reviewedBy}</Field> : null}
        </Stack>
      </Card>
      {b.can.review ? (
        <Stack>
          <TextInput label="Review note" value={note} onChange={(e) => setNote(e.currentTarget.value)} />
          <Group>
            <Button onClick={() => review.mutate({ isReportable: true, note: note || null })}>
              Confirm reportable
            </Button>
            <Button
              variant="default"
              onClick={() => review.mutate({ isReportable: false, note: note || null })}
            >
              Not reportable
            </Button>
          </Group>
          <ErrorAlert error={review.error} showFieldErrors />
        </Stack>
      ) : null}
    </Stack>
  );
}
