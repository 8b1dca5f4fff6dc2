import { Alert, Button, Card, Group, Stack, TextInput } from "@mantine/core";
import { useOp } from "../../api/client.ts";
import { FormErrorSummary } from "../../components/api-form.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { RowField as Field } from "../../components/field.tsx";
import { TableSkeleton } from "../../components/table-skeleton.tsx";
import { formatDate, humanise } from "../../lib/format.ts";
import { DetailHeader } from "./detail-header.tsx";
import { useDetailForm } from "./use-detail-action.ts";

export function BoycottDetail({ id }: { id: string }) {
  const q = useOp("boycott.list", {});
  const review = useDetailForm<{ note: string }, "reportable" | "not_reportable">(id, {
    initialValues: { note: "" },
    labels: { note: "Review note" },
    send: ({ note }, intent) => ({
      op: "boycott.review",
      body: { isReportable: intent !== "not_reportable", note: note || null },
    }),
  });
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
        <form onSubmit={review.onSubmit} noValidate>
          <Stack>
            <TextInput label="Review note" {...review.getInputProps("note")} />
            <Group>
              <Button type="submit" onClick={() => review.intend("reportable")}>
                Confirm reportable
              </Button>
              <Button type="submit" variant="default" onClick={() => review.intend("not_reportable")}>
                Not reportable
              </Button>
            </Group>
            <FormErrorSummary form={review} title="Review not recorded" />
          </Stack>
        </form>
      ) : null}
    </Stack>
  );
}
