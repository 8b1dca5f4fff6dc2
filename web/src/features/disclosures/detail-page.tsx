import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Timeline,
  Title,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { invalidate } from "../../api/client.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { RowField as Field } from "../../components/field.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { ButtonLink } from "../../components/router-links.tsx";
import { StatusBadge } from "../../components/status-badge.tsx";
import { TableSkeleton } from "../../components/table-skeleton.tsx";
import { api } from "../../lib/api.ts";
import { formatDate, formatDateTime, humanise } from "../../lib/format.ts";
import { ConflictModal } from "./conflict-form.tsx";
import type { Boycott, Conflict, Gift, Guidance, Hold, Inquiry } from "./disclosures-api.ts";
import { STATUS_LABELS } from "./disclosures-api.ts";

/** A POST action with its own error display; refreshes the page's data and My tasks. */
function useAction<T>(key: unknown[], url: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown = {}) => api.post<T>(url, body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: key });
      void invalidate(qc, "task.list");
      void qc.invalidateQueries({ queryKey: ["disclosures"] });
    },
  });
}

function ConflictDetail({ id }: { id: string }) {
  const key = ["disclosure", "conflicts", id];
  const q = useQuery({ queryKey: key, queryFn: () => api.get<Conflict>(`/api/disclosures/conflicts/${id}`) });
  const base = `/api/disclosures/conflicts/${id}`;
  const comment = useAction(key, `${base}/comments`);
  const forward = useAction(key, `${base}/forward`);
  const ceo = useAction(key, `${base}/ceo-review`);
  const decide = useAction(key, `${base}/decision`);
  const withdraw = useAction(key, `${base}/withdraw`);
  const [text, setText] = useState("");
  const [decision, setDecision] = useState<string | null>(null);
  const [conditions, setConditions] = useState("");
  const [mitigation, setMitigation] = useState("");
  const [reviewDate, setReviewDate] = useState("");
  const [editing, setEditing] = useState(false);
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data) return <TableSkeleton />;
  const c = q.data;
  return (
    <Stack>
      <PageHeader
        title={`${c.number}: ${c.title}`}
        description={`${c.typeLabel}, disclosed by ${c.discloser.name}${c.isCeoDisclosure ? " (the CEO's own disclosure goes straight to the Audit Committee, COC-6.2)" : ""}.`}
        actions={<StatusBadge status={c.status} styles={STATUS_LABELS} />}
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
          {c.source === "certificate" ? "Opened from your Certificate of Compliance answer. " : ""}Complete
          the questions and submit it (COC-6.1).
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
  );
}

function GiftDetail({ id }: { id: string }) {
  const key = ["disclosure", "gifts", id];
  const q = useQuery({ queryKey: key, queryFn: () => api.get<Gift>(`/api/disclosures/gifts/${id}`) });
  const decide = useAction(key, `/api/disclosures/gifts/${id}/decision`);
  const record = useAction(key, `/api/disclosures/gifts/${id}/record`);
  const [text, setText] = useState("");
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data) return <TableSkeleton />;
  const g = q.data;
  return (
    <Stack>
      <PageHeader
        title={`${g.number}: ${humanise(g.kind)} ${g.direction === "given" ? "for" : "from"} ${g.counterpartyName}`}
        description={g.organisation}
        actions={<StatusBadge status={g.status} styles={STATUS_LABELS} />}
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
        <Card withBorder>
          <Stack>
            <Textarea
              label="Written approval or refusal (kept as the record)"
              autosize
              minRows={2}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
            />
            <ErrorAlert error={decide.error} showFieldErrors />
            <Group>
              <Button onClick={() => decide.mutate({ approve: true, text })} loading={decide.isPending}>
                Approve in writing
              </Button>
              <Button color="red" variant="light" onClick={() => decide.mutate({ approve: false, text })}>
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
      <ErrorAlert error={record.error} />
    </Stack>
  );
}

function HoldDetail({ id }: { id: string }) {
  const key = ["disclosure", "holds", id];
  const q = useQuery({ queryKey: key, queryFn: () => api.get<Hold>(`/api/disclosures/holds/${id}`) });
  const ack = useAction(key, `/api/disclosures/holds/${id}/acknowledge`);
  const release = useAction(key, `/api/disclosures/holds/${id}/release`);
  const [note, setNote] = useState("");
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data) return <TableSkeleton />;
  const h = q.data;
  return (
    <Stack>
      <PageHeader
        title={`Legal hold ${h.number}: ${h.matter}`}
        description={`Issued by ${h.issuedBy} on ${formatDate(h.issuedAt)}.`}
        actions={<StatusBadge status={h.status} styles={STATUS_LABELS} />}
      />
      <Card withBorder>
        <Text fw={600} mb={4}>
          Preserve these records (COC-15.1)
        </Text>
        <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
          {h.scope}
        </Text>
        <Text size="xs" c="dimmed" mt="xs">
          Do not delete, alter or discard them until the Legal Department releases the hold. Reminders every{" "}
          {h.reminderDays} days until acknowledged; re-notice every {h.renoticeDays} days
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
      <ErrorAlert error={ack.error} />
      {h.releasedAt ? (
        <Alert
          color="gray"
          title="Released"
        >{`${h.releasedBy}, ${formatDate(h.releasedAt)}: ${h.releaseNote}`}</Alert>
      ) : null}
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Custodian</Table.Th>
            <Table.Th>Notified</Table.Th>
            <Table.Th>Acknowledged</Table.Th>
            <Table.Th>Reminders</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {h.custodians.map((c) => (
            <Table.Tr key={c.personId}>
              <Table.Td>
                {c.name}
                <Text size="xs" c="dimmed">
                  {c.title}
                </Text>
              </Table.Td>
              <Table.Td>{formatDateTime(c.notifiedAt)}</Table.Td>
              <Table.Td>
                {c.acknowledgedAt ? (
                  <Badge color="green" variant="light">
                    {formatDateTime(c.acknowledgedAt)}
                  </Badge>
                ) : (
                  <Badge color="yellow" variant="light">
                    Not yet
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{c.remindersSent}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {h.can.manage ? (
        <Card withBorder>
          <Stack>
            <Textarea
              label="Why the hold is released"
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
            />
            <ErrorAlert error={release.error} showFieldErrors />
            <Group>
              <Button color="red" variant="light" onClick={() => release.mutate({ note })}>
                Release the hold
              </Button>
            </Group>
          </Stack>
        </Card>
      ) : null}
    </Stack>
  );
}

function GuidanceDetail({ id }: { id: string }) {
  const key = ["disclosure", "guidance", id];
  const q = useQuery({ queryKey: key, queryFn: () => api.get<Guidance>(`/api/disclosures/guidance/${id}`) });
  const answer = useAction(key, `/api/disclosures/guidance/${id}/answer`);
  const escalate = useAction(key, `/api/disclosures/guidance/${id}/escalate`);
  const publish = useAction(key, `/api/disclosures/guidance/${id}/faq`);
  const [text, setText] = useState("");
  const [faqQ, setFaqQ] = useState("");
  const [faqA, setFaqA] = useState("");
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data) return <TableSkeleton />;
  const g = q.data;
  return (
    <Stack>
      <PageHeader
        title={`${g.number}: ${g.topic}`}
        description={`Routed to ${g.routedTo === "legal" ? "the Legal Department" : "the supervisor"} (COC-22.1).`}
        actions={<StatusBadge status={g.status} styles={STATUS_LABELS} />}
      />
      <Card withBorder>
        <Stack gap="xs">
          <Field label="Question">{g.question}</Field>
          {g.answer ? (
            <Field label="Answer">{`${g.answer}\n— ${g.answeredBy}, ${formatDate(g.answeredAt)}`}</Field>
          ) : null}
          {g.faq ? <Field label="Published as FAQ">{g.faq.question}</Field> : null}
        </Stack>
      </Card>
      {g.can.answer ? (
        <Card withBorder>
          <Stack>
            <Textarea
              label="Answer"
              autosize
              minRows={3}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
            />
            <ErrorAlert error={answer.error ?? escalate.error} showFieldErrors />
            <Group>
              <Button onClick={() => answer.mutate({ answer: text })} loading={answer.isPending}>
                Answer
              </Button>
              {g.can.escalate ? (
                <Button variant="default" onClick={() => escalate.mutate({})}>
                  Pass to the Legal Department
                </Button>
              ) : null}
            </Group>
          </Stack>
        </Card>
      ) : null}
      {g.can.publish ? (
        <Card withBorder>
          <Stack>
            <Title order={3} size="h4">
              Publish as an anonymised FAQ (COC-22.2)
            </Title>
            <Textarea
              label="Question, without names"
              value={faqQ}
              onChange={(e) => setFaqQ(e.currentTarget.value)}
            />
            <Textarea label="Answer" value={faqA} onChange={(e) => setFaqA(e.currentTarget.value)} />
            <ErrorAlert error={publish.error} showFieldErrors />
            <Group>
              <Button onClick={() => publish.mutate({ question: faqQ, answer: faqA })}>Publish</Button>
            </Group>
          </Stack>
        </Card>
      ) : null}
    </Stack>
  );
}

function InquiryDetail({ id }: { id: string }) {
  const key = ["disclosure", "inquiries", id];
  const q = useQuery({ queryKey: key, queryFn: () => api.get<Inquiry>(`/api/disclosures/inquiries/${id}`) });
  const responders = useQuery({
    queryKey: ["disclosures", "inquiries"],
    queryFn: () => api.get<{ responders: { userId: string; name: string }[] }>("/api/disclosures/inquiries"),
  });
  const assign = useAction(key, `/api/disclosures/inquiries/${id}/assign`);
  const respond = useAction(key, `/api/disclosures/inquiries/${id}/response`);
  const [who, setWho] = useState<string | null>(null);
  const [text, setText] = useState("");
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data) return <TableSkeleton />;
  const i = q.data;
  return (
    <Stack>
      <PageHeader
        title={`${i.number}: ${i.kind === "media" ? "Media" : "Government"} inquiry from ${i.organisation}`}
        description={`Logged by ${i.reportedBy} (COC-9.1).`}
        actions={<StatusBadge status={i.status} styles={STATUS_LABELS} />}
      />
      <Card withBorder>
        <Stack gap="xs">
          <Field label="Representative">{`${i.representative}${i.contact ? ` (${i.contact})` : ""}`}</Field>
          <Field label="When">{formatDate(i.receivedAt)}</Field>
          <Field label="Subject">{i.subject}</Field>
          {i.responder ? <Field label="Responder">{i.responder}</Field> : null}
          {i.response ? <Field label="Response">{i.response}</Field> : null}
        </Stack>
      </Card>
      {i.can.assign ? (
        <Group align="flex-end">
          <Select
            label="Designated responder"
            data={(responders.data?.responders ?? []).map((r) => ({ value: r.userId, label: r.name }))}
            value={who}
            onChange={setWho}
          />
          <Button disabled={!who} onClick={() => assign.mutate({ responderUserId: who })}>
            Assign
          </Button>
        </Group>
      ) : null}
      {i.can.respond ? (
        <Stack>
          <Textarea
            label="The response given"
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
          />
          <Group>
            <Button onClick={() => respond.mutate({ response: text })}>Record the response</Button>
          </Group>
        </Stack>
      ) : null}
      <ErrorAlert error={assign.error ?? respond.error} showFieldErrors />
    </Stack>
  );
}

function BoycottDetail({ id }: { id: string }) {
  const q = useQuery({
    queryKey: ["disclosures", "boycotts"],
    queryFn: () => api.get<{ items: Boycott[] }>("/api/disclosures/boycotts"),
  });
  const review = useAction(["disclosures", "boycotts"], `/api/disclosures/boycotts/${id}/review`);
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
      <PageHeader
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

const SECTIONS: Record<string, (p: { id: string }) => React.ReactNode> = {
  conflicts: ConflictDetail,
  gifts: GiftDetail,
  holds: HoldDetail,
  guidance: GuidanceDetail,
  inquiries: InquiryDetail,
  boycotts: BoycottDetail,
};

export function DisclosureDetailPage({ section, id }: { section: string; id: string }) {
  const Detail = SECTIONS[section];
  return (
    <Stack maw={960}>
      <Group>
        <ButtonLink to="/disclosures" variant="subtle" size="compact-sm">
          ← Disclosures
        </ButtonLink>
      </Group>
      {Detail ? (
        <Detail id={id} />
      ) : (
        <Alert color="red" title="Not found">
          There is no such page.
        </Alert>
      )}
    </Stack>
  );
}
