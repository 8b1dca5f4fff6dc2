import { Badge, Button, Group, Modal, Select, Stack, Table, Text, Textarea, TextInput } from "@mantine/core";
import { useState } from "react";
import { type Args, type Result, useOp, useOpMutation } from "../../api/client.ts";
import { Empty } from "../../components/empty.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { TableSkeleton } from "../../components/table-skeleton.tsx";
import { formatDate } from "../../lib/format.ts";
import { PersonPicker } from "../people/person-picker.tsx";
import { POLICY_READS } from "./policies-api.ts";

type Waiver = Result<"waiver.read">;

const BODIES = [
  { value: "board", label: "Board of Directors" },
  { value: "audit_committee", label: "Audit Committee" },
  { value: "compensation_committee", label: "Compensation Committee" },
  { value: "nominating_governance_committee", label: "Nominating and Corporate Governance Committee" },
];

function DisclosureBadge({ w }: { w: Waiver }) {
  const d = w.disclosure;
  if (d.state === "not_required") return <Text size="sm">—</Text>;
  if (d.state === "disclosed") return <Badge color="green">Disclosed {formatDate(w.disclosedAt)}</Badge>;
  if (d.state === "overdue")
    return <Badge color="red">8-K overdue since {formatDate(w.disclosureDue)}</Badge>;
  return (
    <Badge color="orange">
      8-K due {formatDate(w.disclosureDue)} ({d.businessDaysLeft} business day
      {d.businessDaysLeft === 1 ? "" : "s"} left)
    </Badge>
  );
}

function RequestModal({ onClose }: { onClose: () => void }) {
  const policies = useOp("policy.list", {});
  const [form, setForm] = useState({
    policyId: null as string | null,
    personId: null as string | null,
    sectionNumber: "",
    reason: "",
  });
  const request = useOpMutation("waiver.request", {
    invalidates: POLICY_READS,
    onSuccess: onClose,
  });
  return (
    <Modal opened onClose={onClose} title="Request a waiver" size="lg">
      <Stack>
        <Select
          label="Code"
          data={(policies.data?.items ?? []).map((p) => ({ value: p.id, label: p.title }))}
          value={form.policyId}
          onChange={(v) => setForm({ ...form, policyId: v })}
        />
        <TextInput
          label="Section (optional)"
          value={form.sectionNumber}
          onChange={(e) => setForm({ ...form, sectionNumber: e.currentTarget.value })}
        />
        <PersonPicker
          label="Executive officer or director"
          value={form.personId}
          onChange={(v) => setForm({ ...form, personId: v })}
        />
        <Textarea
          label="Reason"
          autosize
          minRows={3}
          value={form.reason}
          onChange={(e) => setForm({ ...form, reason: e.currentTarget.value })}
        />
        <ErrorAlert error={request.error} showFieldErrors />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            loading={request.isPending}
            onClick={() =>
              request.mutate({
                // Unchosen fields are sent as they are; the server names what is missing.
                body: {
                  ...form,
                  sectionNumber: form.sectionNumber || null,
                } as Args<"waiver.request">["body"],
              })
            }
          >
            Request
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function DecideModal({ waiver, onClose }: { waiver: Waiver; onClose: () => void }) {
  const [body, setBody] = useState<string | null>("board");
  const [note, setNote] = useState("");
  const decideOp = useOpMutation("waiver.decide", {
    invalidates: POLICY_READS,
    onSuccess: onClose,
  });
  // An unchosen body is sent as it is; the server names what is missing.
  const decide = {
    ...decideOp,
    mutate: (decision: "approved" | "rejected") =>
      decideOp.mutate({
        path: { id: waiver.id },
        body: { decision, decisionBody: body, note: note || undefined } as Args<"waiver.decide">["body"],
      }),
  };
  return (
    <Modal opened onClose={onClose} title={`Waiver for ${waiver.person.name}`}>
      <Stack>
        <Text size="sm">{waiver.reason}</Text>
        <Text size="sm" c="dimmed">
          Only the Board or a Board committee decides a waiver for an executive officer or director; an
          approval must be disclosed on Form 8-K within four business days.
        </Text>
        <Select label="Deciding body" data={BODIES} value={body} onChange={setBody} />
        <Textarea label="Note (optional)" value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        <ErrorAlert error={decide.error} />
        <Group justify="flex-end">
          <Button
            color="red"
            variant="light"
            loading={decide.isPending}
            onClick={() => decide.mutate("rejected")}
          >
            Reject
          </Button>
          <Button loading={decide.isPending} onClick={() => decide.mutate("approved")}>
            Approve
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function DiscloseModal({ waiver, onClose }: { waiver: Waiver; onClose: () => void }) {
  const [reference, setReference] = useState("");
  const disclose = useOpMutation("waiver.disclose", {
    invalidates: POLICY_READS,
    onSuccess: onClose,
  });
  return (
    <Modal opened onClose={onClose} title="Record the public disclosure">
      <Stack>
        <TextInput
          label="Filing"
          placeholder="Form 8-K filed 2026-11-24, Item 5.05"
          value={reference}
          onChange={(e) => setReference(e.currentTarget.value)}
        />
        <ErrorAlert error={disclose.error} />
        <Group justify="flex-end">
          <Button
            loading={disclose.isPending}
            onClick={() => disclose.mutate({ path: { id: waiver.id }, body: { reference } })}
          >
            Record
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function WaiversPage() {
  const waivers = useOp("waiver.list", {});
  const [modal, setModal] = useState<
    { kind: "request" } | { kind: "decide" | "disclose"; waiver: Waiver } | null
  >(null);
  return (
    <Stack>
      <PageHeader
        title="Waivers of the codes"
        description="Waivers for executive officers and directors: requested by the Compliance Office or Legal, decided only by the Board or a Board committee, and publicly disclosed on Form 8-K within four business days (US banking calendar)."
        actions={
          waivers.data?.can.request ? (
            <Button onClick={() => setModal({ kind: "request" })}>Request a waiver</Button>
          ) : null
        }
      />
      <ErrorAlert error={waivers.error} />
      {!waivers.data ? (
        waivers.error ? null : (
          <TableSkeleton />
        )
      ) : waivers.data.items.length === 0 ? (
        <Empty title="No waiver has been requested" />
      ) : (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Person</Table.Th>
              <Table.Th>Code</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Decided by</Table.Th>
              <Table.Th>Disclosure</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {waivers.data.items.map((w) => (
              <Table.Tr key={w.id}>
                <Table.Td>
                  {w.person.name}
                  <Text size="xs" c="dimmed">
                    {w.person.title}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {w.policyTitle}
                  {w.sectionNumber ? ` § ${w.sectionNumber}` : ""}
                </Table.Td>
                <Table.Td>
                  <Badge color={w.status === "approved" ? "green" : w.status === "rejected" ? "red" : "gray"}>
                    {w.status}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {w.decidedBy
                    ? `${BODIES.find((b) => b.value === w.decisionBody)?.label ?? w.decisionBody} (${w.decidedBy})`
                    : "—"}
                </Table.Td>
                <Table.Td>
                  <DisclosureBadge w={w} />
                </Table.Td>
                <Table.Td>
                  {w.can.decide ? (
                    <Button size="xs" onClick={() => setModal({ kind: "decide", waiver: w })}>
                      Decide
                    </Button>
                  ) : null}
                  {w.can.disclose ? (
                    <Button
                      size="xs"
                      variant="light"
                      onClick={() => setModal({ kind: "disclose", waiver: w })}
                    >
                      Record 8-K
                    </Button>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {modal?.kind === "request" ? <RequestModal onClose={() => setModal(null)} /> : null}
      {modal?.kind === "decide" ? <DecideModal waiver={modal.waiver} onClose={() => setModal(null)} /> : null}
      {modal?.kind === "disclose" ? (
        <DiscloseModal waiver={modal.waiver} onClose={() => setModal(null)} />
      ) : null}
    </Stack>
  );
}
