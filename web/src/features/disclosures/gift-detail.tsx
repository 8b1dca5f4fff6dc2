import { Alert, Button, Card, Group, Stack, Textarea } from "@mantine/core";
import { useOp } from "../../api/client.ts";
import { FormErrorSummary } from "../../components/api-form.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { RowField as Field } from "../../components/field.tsx";
import { formatDate, formatDateTime, humanise } from "../../lib/format.ts";
import { DetailHeader, Loaded } from "./detail-header.tsx";
import { useAction, useDetailForm } from "./use-detail-action.ts";

export function GiftDetail({ id }: { id: string }) {
  const q = useOp("gift.read", { path: { id } });
  const record = useAction("gift.record", id);
  const decide = useDetailForm<{ text: string }, "approve" | "refuse">(id, {
    initialValues: { text: "" },
    labels: { text: "Written approval or refusal" },
    send: ({ text }, intent) => ({ op: "gift.decide", body: { approve: intent !== "refuse", text } }),
  });
  return (
    <Loaded query={q}>
      {(g) => (
        <Stack>
          <DetailHeader
            title={`${g.number}: ${humanise(g.kind)} ${g.direction === "given" ? "for" : "from"} ${g.counterpartyName}`}
            description={g.organisation}
            status={g.status}
          />
          {g.isGovernmentOfficial && g.direction === "given" ? (
            <Alert color="orange" title="Government official (COC-12.1)">
              Gifts, meals, entertainment or hospitality for a government representative need the Legal
              Department's prior written approval (Code section 12; see also section 2, COC-2.1 and COC-2.2).
            </Alert>
          ) : null}
          <Card withBorder>
            <Stack gap="xs">
              <Field label="Filed by">{g.person ?? "—"}</Field>
              <Field label="Description">{g.description}</Field>
              <Field label="Value">
                {g.value}
                {g.usdValue !== g.value ? ` (${g.usdValue})` : ""}
              </Field>
              <Field label="Date">{formatDate(g.eventDate)}</Field>
              <Field label="Business purpose">{g.businessPurpose}</Field>
              <Field label="Recipient's total this year">{g.recipientYearTotal}</Field>
              <Field label="Approval needed because">
                {g.approvalReasons.length ? g.approvalReasons.map(humanise).join(", ") : "not needed"}
              </Field>
              {g.approvalText ? (
                <Field
                  label={g.status === "rejected" ? "Legal's refusal" : "Legal's written approval"}
                >{`"${g.approvalText}" (${g.approver}, ${formatDateTime(g.decidedAt)})`}</Field>
              ) : null}
              {g.recordedAt ? <Field label="Recorded">{formatDateTime(g.recordedAt)}</Field> : null}
            </Stack>
          </Card>
          {g.can.decide ? (
            <Card withBorder component="form" onSubmit={decide.onSubmit} noValidate>
              <Stack>
                <Textarea
                  label="Written approval or refusal (kept as the record)"
                  autosize
                  minRows={2}
                  {...decide.getInputProps("text")}
                />
                <FormErrorSummary form={decide} title="Decision not recorded" />
                <Group>
                  <Button
                    type="submit"
                    onClick={() => decide.intend("approve")}
                    loading={decide.isPendingAs("approve")}
                  >
                    Approve in writing
                  </Button>
                  <Button type="submit" color="red" variant="light" onClick={() => decide.intend("refuse")}>
                    Refuse
                  </Button>
                </Group>
              </Stack>
            </Card>
          ) : null}
          {g.status !== "recorded" && g.status !== "rejected" && g.direction === "given" && g.isMine ? (
            <Group>
              <Button
                onClick={() => record.mutate({})}
                loading={record.isPending}
                variant={g.can.record ? "filled" : "default"}
              >
                Record as given
              </Button>
            </Group>
          ) : null}
          {g.can.record && g.direction === "received" ? (
            <Group>
              <Button onClick={() => record.mutate({})}>Record as received</Button>
            </Group>
          ) : null}
          <ErrorAlert error={record.error} title="Not recorded" />
        </Stack>
      )}
    </Loaded>
  );
}
