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
import { ErrorAlert } from "../../components/error-alert.tsx";
import { RowField as Field } from "../../components/field.tsx";
import { formatDate, formatDateTime, humanise } from "../../lib/format.ts";
import { ConflictModal } from "./conflict-form.tsx";
import { DetailHeader, Loaded } from "./detail-header.tsx";
import { useAction } from "./use-detail-action.ts";

export function ConflictDetail({ id }: { id: string }) {
  const q = useOp("conflict.read", { path: { id } });
  const comment = useAction("conflict.comment", id);
  const forward = useAction("conflict.forward", id);
  const ceo = useAction("conflict.ceo_review", id);
  const decide = useAction("conflict.decide", id);
  const withdraw = useAction("conflict.withdraw", id);
  const [text, setText] = useState("");
  const [decision, setDecision] = useState<string | null>(null);
  const [conditions, setConditions] = useState("");
  const [mitigation, setMitigation] = useState("");
  const [reviewDate, setReviewDate] = useState("");
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
            <Card withBorder>
              <Stack>
                <Textarea
                  label={c.can.ceoReview ? "Your report to the Audit Committee" : "Comment"}
                  autosize
                  minRows={2}
                  value={text}
                  onChange={(e) => setText(e.currentTarget.value)}
                />
                <Group>
                  {c.can.comment ? (
                    <Button
                      variant="default"
                      onClick={() => comment.mutate({ body: text }, { onSuccess: () => setText("") })}
                      loading={comment.isPending}
                    >
                      Add comment
                    </Button>
                  ) : null}
                  {c.can.ceoReview ? (
                    <Button
                      onClick={() => ceo.mutate({ note: text }, { onSuccess: () => setText("") })}
                      loading={ceo.isPending}
                    >
                      Report to the Audit Committee
                    </Button>
                  ) : null}
                </Group>
                <ErrorAlert error={comment.error ?? ceo.error} showFieldErrors />
              </Stack>
            </Card>
          ) : null}
          {c.can.decide ? (
            <Card withBorder>
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
                  value={decision}
                  onChange={setDecision}
                />
                {decision && decision !== "prohibited" ? (
                  <>
                    <Textarea
                      label="Conditions"
                      value={conditions}
                      onChange={(e) => setConditions(e.currentTarget.value)}
                    />
                    {decision === "approved_mitigated" ? (
                      <Textarea
                        label="Mitigation"
                        value={mitigation}
                        onChange={(e) => setMitigation(e.currentTarget.value)}
                      />
                    ) : null}
                    <TextInput
                      type="date"
                      label="Review date"
                      value={reviewDate}
                      onChange={(e) => setReviewDate(e.currentTarget.value)}
                    />
                  </>
                ) : null}
                <ErrorAlert error={decide.error} showFieldErrors />
                <Group>
                  <Button
                    disabled={!decision}
                    loading={decide.isPending}
                    onClick={() =>
                      decide.mutate({
                        decision,
                        conditions: conditions || null,
                        mitigation: mitigation || null,
                        reviewDate: reviewDate || null,
                      })
                    }
                  >
                    Record the decision
                  </Button>
                </Group>
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
