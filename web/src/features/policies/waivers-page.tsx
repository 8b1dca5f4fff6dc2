import { Badge, Button, Group, Select, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { type Args, call, invalidate, type Result, useOp } from "../../api/client.ts";
import { FormErrorSummary, useApiForm } from "../../components/api-form.tsx";
import { type Column, DataTable } from "../../components/data-table.tsx";
import { SubmitRow } from "../../components/form-actions.tsx";
import { FormDialog } from "../../components/form-dialog.tsx";
import { FormModal } from "../../components/form-modal.tsx";
import { PageHeader } from "../../components/page-header.tsx";
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

type RequestValues = {
  policyId: string | null;
  personId: string | null;
  sectionNumber: string;
  reason: string;
};

function RequestModal({ onClose }: { onClose: () => void }) {
  const qc = useQueryClient();
  const policies = useOp("policy.list", {});
  const form = useApiForm<RequestValues, Result<"waiver.request">>({
    initialValues: { policyId: null, personId: null, sectionNumber: "", reason: "" },
    labels: {
      policyId: "Code",
      sectionNumber: "Section",
      personId: "Executive officer or director",
      reason: "Reason",
    },
    // Unchosen fields are sent as they are; the server names what is missing.
    submit: (values) =>
      call("waiver.request", {
        body: { ...values, sectionNumber: values.sectionNumber || null } as Args<"waiver.request">["body"],
      }),
    onSuccess: async () => {
      await invalidate(qc, ...POLICY_READS);
      onClose();
    },
  });
  return (
    <FormDialog
      form={form}
      title="Request a waiver"
      submitLabel="Request"
      onClose={onClose}
      size="lg"
      lockCancel={false}
    >
      <Select
        label="Code"
        data={(policies.data?.items ?? []).map((p) => ({ value: p.id, label: p.title }))}
        {...form.getInputProps("policyId")}
        value={form.values.policyId}
      />
      <TextInput label="Section (optional)" {...form.getInputProps("sectionNumber")} />
      <PersonPicker
        label="Executive officer or director"
        value={form.values.personId}
        onChange={(v) => form.setValue("personId", v)}
        error={form.errors.personId}
      />
      <Textarea label="Reason" autosize minRows={3} {...form.getInputProps("reason")} />
    </FormDialog>
  );
}

function DecideModal({ waiver, onClose }: { waiver: Waiver; onClose: () => void }) {
  const qc = useQueryClient();
  // The pressed button (Approve or Reject) is the decision; the submit that follows the click reads it.
  const decision = useRef<"approved" | "rejected">("approved");
  const form = useApiForm<{ decisionBody: string | null; note: string }>({
    initialValues: { decisionBody: "board", note: "" },
    labels: { decisionBody: "Deciding body", note: "Note" },
    // An unchosen body is sent as it is; the server names what is missing.
    submit: ({ decisionBody, note }) =>
      call("waiver.decide", {
        path: { id: waiver.id },
        body: {
          decision: decision.current,
          decisionBody,
          note: note || undefined,
        } as Args<"waiver.decide">["body"],
      }),
    onSuccess: async () => {
      await invalidate(qc, ...POLICY_READS);
      onClose();
    },
  });
  return (
    <FormModal opened onClose={onClose} isDirty={form.isDirty} title={`Waiver for ${waiver.person.name}`}>
      <form onSubmit={form.onSubmit} noValidate>
        <Stack>
          <Text size="sm">{waiver.reason}</Text>
          <Text size="sm" c="dimmed">
            Only the Board or a Board committee decides a waiver for an executive officer or director; an
            approval must be disclosed on Form 8-K within four business days.
          </Text>
          <FormErrorSummary form={form} title="Not decided" />
          <Select
            label="Deciding body"
            data={BODIES}
            {...form.getInputProps("decisionBody")}
            value={form.values.decisionBody}
          />
          <Textarea label="Note (optional)" {...form.getInputProps("note")} />
          <Group justify="flex-end">
            <Button
              type="submit"
              color="red"
              variant="light"
              loading={form.mutation.isPending}
              onClick={() => {
                decision.current = "rejected";
              }}
            >
              Reject
            </Button>
            <Button
              type="submit"
              loading={form.mutation.isPending}
              onClick={() => {
                decision.current = "approved";
              }}
            >
              Approve
            </Button>
          </Group>
        </Stack>
      </form>
    </FormModal>
  );
}

function DiscloseModal({ waiver, onClose }: { waiver: Waiver; onClose: () => void }) {
  const qc = useQueryClient();
  const form = useApiForm<{ reference: string }>({
    initialValues: { reference: "" },
    labels: { reference: "Filing" },
    submit: (body) => call("waiver.disclose", { path: { id: waiver.id }, body }),
    onSuccess: async () => {
      await invalidate(qc, ...POLICY_READS);
      onClose();
    },
  });
  return (
    <FormModal opened onClose={onClose} isDirty={form.isDirty} title="Record the public disclosure">
      <form onSubmit={form.onSubmit} noValidate>
        <Stack>
          <FormErrorSummary form={form} title="Not recorded" />
          <TextInput
            label="Filing"
            placeholder="Form 8-K filed 2026-11-24, Item 5.05"
            {...form.getInputProps("reference")}
          />
          <SubmitRow submitting={form.mutation.isPending}>Record</SubmitRow>
        </Stack>
      </form>
    </FormModal>
  );
}

const waiverColumns = (open: (waiver: Waiver, kind: "decide" | "disclose") => void): Column<Waiver>[] => [
  {
    key: "person",
    header: "Person",
    cell: (w) => (
      <>
        {w.person.name}
        <Text size="xs" c="dimmed">
          {w.person.title}
        </Text>
      </>
    ),
  },
  {
    key: "code",
    header: "Code",
    cell: (w) => `${w.policyTitle}${w.sectionNumber ? ` § ${w.sectionNumber}` : ""}`,
  },
  {
    key: "status",
    header: "Status",
    cell: (w) => (
      <Badge color={w.status === "approved" ? "green" : w.status === "rejected" ? "red" : "gray"}>
        {w.status}
      </Badge>
    ),
  },
  {
    key: "decidedBy",
    header: "Decided by",
    cell: (w) =>
      w.decidedBy
        ? `${BODIES.find((b) => b.value === w.decisionBody)?.label ?? w.decisionBody} (${w.decidedBy})`
        : "—",
  },
  { key: "disclosure", header: "Disclosure", cell: (w) => <DisclosureBadge w={w} /> },
  {
    key: "actions",
    header: "",
    cell: (w) => (
      <>
        {w.can.decide ? (
          <Button size="xs" onClick={() => open(w, "decide")}>
            Decide
          </Button>
        ) : null}
        {w.can.disclose ? (
          <Button size="xs" variant="light" onClick={() => open(w, "disclose")}>
            Record 8-K
          </Button>
        ) : null}
      </>
    ),
  },
];

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
      <DataTable
        label="Waivers"
        query={{ ...waivers, data: waivers.data?.items }}
        rowKey={(w) => w.id}
        empty={{ title: "No waiver has been requested" }}
        inPaper={false}
        tableProps={{ striped: true }}
        columns={waiverColumns((waiver, kind) => setModal({ kind, waiver }))}
      />
      {modal?.kind === "request" ? <RequestModal onClose={() => setModal(null)} /> : null}
      {modal?.kind === "decide" ? <DecideModal waiver={modal.waiver} onClose={() => setModal(null)} /> : null}
      {modal?.kind === "disclose" ? (
        <DiscloseModal waiver={modal.waiver} onClose={() => setModal(null)} />
      ) : null}
    </Stack>
  );
}
