import {
  Alert,
  Button,
  Card,
  Group,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Timeline,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useOp } from "../../api/client.ts";
import { FormErrorSummary } from "../../components/api-form.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { RowField as Field } from "../../components/field.tsx";
import { SubmitGroup } from "../../components/form-actions.tsx";
import { formatDate, formatDateTime, humanise } from "../../lib/format.ts";
import { ConflictModal } from "./conflict-form.tsx";
import { DetailHeader, Loaded } from "./detail-header.tsx";
import { useAction, useDetailForm } from "./use-detail-action.ts";

type DecisionValues = { decision: string | null; conditions: string; mitigation: string; reviewDate: string };

export function ConflictDetail({ id }: { id: string }) {
  const q = useOp("conflict.read", { path: { id } });
  const forward = useAction("conflict.forward", id);
  const withdraw = useAction("conflict.withdraw", id);
  // One text, two buttons: a comment (sent as `body`) or the CEO's report (sent as `note`).
  const note = useDetailForm<{ text: string }, "comment" | "ceo">(id, {
    initialValues: { text: "" },
    labels: { text: "Your text" },
    mapPath: (serverPath) => (/^(body\.)?(body|note)$/.test(serverPath) ? "text" : undefined),
    send: ({ text }, intent) =>
      intent === "ceo"
        ? { op: "conflict.ceo_review", body: { note: text } }
        : { op: "conflict.comment", body: { body: text } },
    onSuccess: () => note.reset(),
  });
  const decide = useDetailForm<DecisionValues>(id, {
    initialValues: { decision: null, conditions: "", mitigation: "", reviewDate: "" },
    labels: {
      decision: "Decision",
      conditions: "Conditions",
      mitigation: "Mitigation",
      reviewDate: "Review date",
    },
    // Said when the button is pressed instead of a greyed-out button.
    validate: (v) => (v.decision ? {} : { decision: "choose the decision" }),
    send: (v) => ({
      op: "conflict.decide",
      body: {
        decision: v.decision,
        conditions: v.conditions || null,
        mitigation: v.mitigation || null,
        reviewDate: v.reviewDate || null,
      },
    }),
  });
  const decision = decide.values.decision;
  const [editing, setEditing] = useState(false);
  return (
    <Loaded query={q}>
      {(c) => (
        <Stack>
          <DetailHeader
            title={`${c.number}: ${c.title}`}
            description={`${c.typeLabel}, disclosed by ${c.discloser.name}${c.isCeoDisclosure ? " (the CEO's own disclosure goes straight to the Audit Committee, COC-6.2)" : ""}.`}
            status={c.status}
          />
          {c.prohibitedByCode ? (
            <Alert color="red" title={`Prohibited by the Code (${c.prohibitedByCode.rule})`}>
              {c.prohibitedByCode.message}
            </Alert>
          ) : null}
          {c.reapprovalReason ? (
            <Alert color="yellow" title="Back for re-approval (COC-6.3)">
              {c.reapprovalReason === "expired"
                ? "The approval reached its review date."
                : "The discloser changed the disclosure."}{" "}
              Version {c.version}.
            </Alert>
          ) : null}
          {c.status === "draft" ? (
            <Alert color="blue" title="Draft">
              {c.source === "certificate" ? "Opened from your Certificate of Compliance answer. " : ""}
              Complete the questions and submit it (COC-6.1).
            </Alert>
          ) : null}
          <Card withBorder>
            <Stack gap="xs">
              <Field label="Description">{c.description}</Field>
              {Object.entries(c.answers).map(([k, v]) => (
                <Field key={k} label={humanise(k.replace(/([A-Z])/g, " $1"))}>
                  {typeof v === "boolean" ? (v ? "Yes" : "No") : humanise(String(v))}
                </Field>
              ))}
              {c.ceoNote ? <Field label="CEO's report to the Audit Committee">{c.ceoNote}</Field> : null}
              {c.decision ? (
                <Field label="Decision">{`${humanise(c.decision)} by ${c.decidedBy} on ${formatDate(c.decidedAt)}`}</Field>
              ) : null}
              {c.conditions ? <Field label="Conditions">{c.conditions}</Field> : null}
              {c.mitigation ? <Field label="Mitigation">{c.mitigation}</Field> : null}
              {c.reviewDate ? <Field label="Review date">{formatDate(c.reviewDate)}</Field> : null}
            </Stack>
          </Card>
          <Group>
            {c.can.edit ? (
              <Button variant={c.can.submit ? "filled" : "default"} onClick={() => setEditing(true)}>
                {c.can.submit ? "Complete and submit" : "Change the disclosure"}
              </Button>
            ) : null}
            {c.can.forward ? (
              <Button onClick={() => forward.mutate({})} loading={forward.isPending}>
                {c.isCeoDisclosure ? "Forward to the Audit Committee" : "Forward to the CEO"}
              </Button>
            ) : null}
            {c.can.withdraw ? (
              <Button variant="subtle" color="red" onClick={() => withdraw.mutate({})}>
                Withdraw
              </Button>
            ) : null}
          </Group>
          <ErrorAlert error={forward.error ?? withdraw.error} />
          {c.can.comment || c.can.ceoReview ? (
            <Card withBorder component="form" onSubmit={note.onSubmit} noValidate>
              <Stack>
                <Textarea
                  label={c.can.ceoReview ? "Your report to the Audit Committee" : "Comment"}
                  autosize
                  minRows={2}
                  {...note.getInputProps("text")}
                />
                <Group>
                  {c.can.comment ? (
                    <Button
                      type="submit"
                      variant="default"
                      onClick={() => note.intend("comment")}
                      loading={note.isPendingAs("comment")}
                    >
                      Add comment
                    </Button>
                  ) : null}
                  {c.can.ceoReview ? (
                    <Button
                      type="submit"
                      onClick={() => note.intend("ceo")}
                      loading={note.isPendingAs("ceo")}
                    >
                      Report to the Audit Committee
                    </Button>
                  ) : null}
                </Group>
                <FormErrorSummary form={note} />
              </Stack>
            </Card>
          ) : null}
          {c.can.decide ? (
            <Card withBorder component="form" onSubmit={decide.onSubmit} noValidate>
              <Stack>
                <Title order={3} size="h4">
                  The Audit Committee's decision
                </Title>
                <Select
                  label="Decision"
                  data={[
                    ...(c.can.approve
                      ? [
                          { value: "approved", label: "Approved (with conditions and a review date)" },
                          { value: "approved_mitigated", label: "Approved after mitigation" },
                        ]
                      : []),
                    { value: "prohibited", label: "Prohibited" },
                  ]}
                  {...decide.getInputProps("decision")}
                  value={decision}
                />
                {decision && decision !== "prohibited" ? (
                  <>
                    <Textarea label="Conditions" {...decide.getInputProps("conditions")} />
                    {decision === "approved_mitigated" ? (
                      <Textarea label="Mitigation" {...decide.getInputProps("mitigation")} />
                    ) : null}
                    <TextInput type="date" label="Review date" {...decide.getInputProps("reviewDate")} />
                  </>
                ) : null}
                <FormErrorSummary form={decide} title="Decision not recorded" />
                <SubmitGroup submitting={decide.mutation.isPending} label="Record the decision" />
              </Stack>
            </Card>
          ) : null}
          <Title order={2} size="h4">
            History
          </Title>
          <Timeline bulletSize={14} lineWidth={2}>
            {(c.events ?? []).map((e) => (
              <Timeline.Item
                key={e.id}
                title={
                  e.kind === "comment"
                    ? `Comment (${e.role})`
                    : `${humanise(e.from ?? "new")} → ${humanise(e.to ?? "")}`
                }
              >
                <Text size="xs" c="dimmed">
                  {e.actor}, {formatDateTime(e.at)}
                </Text>
                {e.body ? (
                  <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                    {e.body}
                  </Text>
                ) : null}
              </Timeline.Item>
            ))}
          </Timeline>
          {editing ? <ConflictModal existing={c} onClose={() => setEditing(false)} /> : null}
        </Stack>
      )}
    </Loaded>
  );
}
