import {
  Alert,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { type Args, call, invalidate, type Result, type Schema, useOp } from "../../api/client.ts";
import { FormErrorSummary, useApiForm } from "../../components/api-form.tsx";
import { Empty } from "../../components/empty.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { StatusBadge } from "../../components/status-badge.tsx";
import { formatDate } from "../../lib/format.ts";
import { DISCLOSURE_READS, STATUS_LABELS } from "./disclosures-api.ts";
import { DetailLink } from "./links.tsx";

type Guidance = Schema<"GuidanceView">;

const newKey = () =>
  `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;

function GuidanceTable({ items, empty }: { items: Guidance[]; empty: string }) {
  if (items.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    );
  return (
    <Table striped>
      <Table.Tbody>
        {items.map((g) => (
          <Table.Tr key={g.id}>
            <Table.Td>
              <DetailLink section="guidance" id={g.id}>
                {g.number}: {g.topic}
              </DetailLink>
            </Table.Td>
            <Table.Td>{g.routedTo === "legal" ? "Legal Department" : "Supervisor"}</Table.Td>
            <Table.Td>
              <StatusBadge status={g.status} styles={STATUS_LABELS} />
            </Table.Td>
            <Table.Td>{formatDate(g.createdAt)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

type AskValues = { topic: string; question: string; routeTo: string; anonymous: boolean; password: string };

export function GuidanceTab() {
  const qc = useQueryClient();
  const list = useOp("guidance.list", {});
  const faqs = useOp("guidance.faqs", {});
  const [receipt, setReceipt] = useState<string | null>(null);
  const ask = useApiForm<AskValues, { receipt: string } | Guidance>({
    initialValues: { topic: "", question: "", routeTo: "supervisor", anonymous: false, password: "" },
    labels: {
      topic: "Topic",
      question: "Your question",
      password: "Mailbox password",
      routeTo: "Ask",
    },
    submit: ({ topic, question, routeTo, anonymous, password }): Promise<{ receipt: string } | Guidance> =>
      anonymous
        ? call("guidance.ask_anonymously", {
            body: { topic, question, password, idempotencyKey: newKey() },
          })
        : call("guidance.ask", { body: { topic, question, routeTo } as Args<"guidance.ask">["body"] }),
    onSuccess: (r, sent) => {
      if ("receipt" in r) setReceipt(r.receipt);
      // The way of asking stays as chosen for the next question.
      ask.reset({ ...sent, topic: "", question: "", password: "" });
      void invalidate(qc, ...DISCLOSURE_READS);
    },
  });
  const anonymous = ask.values.anonymous;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
      <Stack>
        <Title order={3} size="h4">
          Ask first, act later
        </Title>
        <Text size="sm" c="dimmed">
          Ask your supervisor first; if that is not appropriate, Probity passes the question to the next
          manager up, or you can ask the Legal Department directly (COC-22.1). To stay anonymous, the question
          goes through the speak-up mailbox.
        </Text>
        <FormErrorSummary form={ask} />
        <TextInput label="Topic" {...ask.getInputProps("topic")} />
        <Textarea label="Your question" autosize minRows={3} {...ask.getInputProps("question")} />
        <Switch
          label="Ask anonymously (through the speak-up mailbox)"
          {...ask.getInputProps("anonymous", { type: "checkbox" })}
        />
        {anonymous ? (
          <TextInput
            type="password"
            label="Mailbox password (at least 8 characters)"
            {...ask.getInputProps("password")}
          />
        ) : (
          <Select
            label="Ask"
            data={[
              { value: "supervisor", label: "My supervisor" },
              { value: "legal", label: "The Legal Department" },
            ]}
            {...ask.getInputProps("routeTo")}
            onChange={(v) => ask.setValue("routeTo", v ?? "supervisor")}
          />
        )}
        {receipt ? (
          <Alert color="green" title="Your receipt (shown once)">
            {receipt}: keep it with your password to read the answer in the speak-up mailbox at
            /speakup/mailbox.
          </Alert>
        ) : null}
        <Group>
          <Button onClick={() => ask.onSubmit()} loading={ask.mutation.isPending}>
            Ask
          </Button>
        </Group>
        <Title order={3} size="h4" mt="md">
          My questions
        </Title>
        {list.data ? <GuidanceTable items={list.data.mine} empty="You have not asked anything yet." /> : null}
        {list.data && list.data.toAnswer.length > 0 ? (
          <>
            <Title order={3} size="h4" mt="md">
              Questions for me to answer
            </Title>
            <GuidanceTable items={list.data.toAnswer} empty="" />
          </>
        ) : null}
        <ErrorAlert error={list.error} />
      </Stack>
      <Stack>
        <Title order={3} size="h4">
          Frequently asked
        </Title>
        {faqs.data?.items.length === 0 ? <Empty title="No published answers yet" /> : null}
        {faqs.data?.items.map((f) => (
          <Card key={f.id} withBorder>
            <Text fw={600}>{f.question}</Text>
            <Text size="sm" mt={4} style={{ whiteSpace: "pre-wrap" }}>
              {f.answer}
            </Text>
          </Card>
        ))}
      </Stack>
    </SimpleGrid>
  );
}

const NO_INQUIRY = {
  kind: "government",
  organisation: "",
  representative: "",
  contact: "",
  receivedAt: "",
  subject: "",
};
const INQUIRY_LABELS = {
  kind: "Who",
  organisation: "Agency or publication",
  representative: "Representative",
  contact: "Their contact details",
  receivedAt: "When",
  subject: "What they asked about",
};

export function InquiriesTab() {
  const qc = useQueryClient();
  const list = useOp("inquiry.list", {});
  const log = useApiForm<typeof NO_INQUIRY, Result<"inquiry.log">>({
    initialValues: NO_INQUIRY,
    labels: INQUIRY_LABELS,
    submit: (f) => call("inquiry.log", { body: f as Args<"inquiry.log">["body"] }),
    onSuccess: () => {
      log.reset();
      void invalidate(qc, ...DISCLOSURE_READS);
    },
  });
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
      <Stack>
        <Title order={3} size="h4">
          Approached by a government or media representative?
        </Title>
        <Text size="sm" c="dimmed">
          Refer them to the Legal Department and do not talk to them on your own without approval and
          preparation (COC-9.1, Code section 9). Log it here: Legal is notified at once and assigns a
          responder.
        </Text>
        <FormErrorSummary form={log} />
        <Select
          label="Who"
          data={[
            { value: "government", label: "Government or authority" },
            { value: "media", label: "Media" },
          ]}
          {...log.getInputProps("kind")}
          onChange={(v) => log.setValue("kind", v ?? "government")}
        />
        <TextInput label="Agency or publication" {...log.getInputProps("organisation")} />
        <TextInput label="Representative" {...log.getInputProps("representative")} />
        <TextInput label="Their contact details" {...log.getInputProps("contact")} />
        <TextInput type="date" label="When" {...log.getInputProps("receivedAt")} />
        <Textarea label="What they asked about" {...log.getInputProps("subject")} />
        <Group>
          <Button onClick={() => log.onSubmit()} loading={log.mutation.isPending}>
            Refer to Legal
          </Button>
        </Group>
      </Stack>
      <Stack>
        <Title order={3} size="h4">
          Inquiries
        </Title>
        <ErrorAlert error={list.error} />
        {list.data?.items.length === 0 ? <Empty title="No inquiries" /> : null}
        <Table striped>
          <Table.Tbody>
            {list.data?.items.map((i) => (
              <Table.Tr key={i.id}>
                <Table.Td>
                  <DetailLink section="inquiries" id={i.id}>
                    {i.number}: {i.organisation}
                  </DetailLink>
                </Table.Td>
                <Table.Td>{i.kind === "media" ? "Media" : "Government"}</Table.Td>
                <Table.Td>
                  <StatusBadge status={i.status} styles={STATUS_LABELS} />
                </Table.Td>
                <Table.Td>{formatDate(i.receivedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </SimpleGrid>
  );
}

const NO_BOYCOTT = {
  receivedOn: "",
  requester: "",
  country: "",
  documentType: "inquiry",
  documentRef: "",
  requestText: "",
};
const BOYCOTT_LABELS = {
  receivedOn: "Received on",
  requester: "Who asked",
  country: "Country",
  documentType: "Document",
  documentRef: "Document reference",
  requestText: "The request, word for word",
};

export function BoycottsTab() {
  const qc = useQueryClient();
  const list = useOp("boycott.list", {});
  const now = new Date();
  const [period, setPeriod] = useState(`${now.getFullYear()}-${Math.floor(now.getMonth() / 3) + 1}`);
  const [year, quarter] = period.split("-");
  const report = useOp(
    "boycott.report",
    { path: { year: Number(year), quarter: Number(quarter) } },
    { enabled: Boolean(list.data?.can.manage) },
  );
  const log = useApiForm<typeof NO_BOYCOTT, Result<"boycott.log">>({
    initialValues: NO_BOYCOTT,
    labels: BOYCOTT_LABELS,
    submit: (f) =>
      call("boycott.log", { body: { ...f, country: f.country || null } as Args<"boycott.log">["body"] }),
    onSuccess: () => {
      log.reset();
      void invalidate(qc, ...DISCLOSURE_READS);
    },
  });
  const periods = Array.from({ length: 8 }, (_, i) => {
    const d = new Date(now.getFullYear(), now.getMonth() - i * 3, 1);
    const q = Math.floor(d.getMonth() / 3) + 1;
    return { value: `${d.getFullYear()}-${q}`, label: `${d.getFullYear()} Q${q}` };
  });
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
      <Stack>
        <Title order={3} size="h4">
          Log a boycott-related request
        </Title>
        <Text size="sm" c="dimmed">
          Do not cooperate with an international boycott. Report any boycott-related request, in an inquiry,
          order, letter of credit or shipping papers, to your supervisor; the company reports it to the U.S.
          Government (COC-8.1, Code section 8). Records are kept five years.
        </Text>
        <FormErrorSummary form={log} />
        <TextInput type="date" label="Received on" {...log.getInputProps("receivedOn")} />
        <TextInput label="Who asked" {...log.getInputProps("requester")} />
        <TextInput maxLength={2} label="Country (two letters)" {...log.getInputProps("country")} />
        <Select
          label="Document"
          data={[
            { value: "inquiry", label: "Inquiry" },
            { value: "order", label: "Order" },
            { value: "purchase_order", label: "Purchase order" },
            { value: "letter_of_credit", label: "Letter of credit" },
            { value: "shipping_papers", label: "Shipping papers" },
            { value: "contract", label: "Contract" },
            { value: "other", label: "Other" },
          ]}
          {...log.getInputProps("documentType")}
          onChange={(v) => log.setValue("documentType", v ?? "inquiry")}
        />
        <TextInput label="Document reference" {...log.getInputProps("documentRef")} />
        <Textarea label="The request, word for word" {...log.getInputProps("requestText")} />
        <Group>
          <Button onClick={() => log.onSubmit()} loading={log.mutation.isPending}>
            Log the request
          </Button>
        </Group>
      </Stack>
      <Stack>
        {list.data?.can.manage ? (
          <Card withBorder>
            <Group justify="space-between">
              <Title order={3} size="h4">
                Quarterly report
              </Title>
              <Select
                data={periods}
                value={period}
                onChange={(v) => setPeriod(v ?? period)}
                aria-label="Quarter"
                w={140}
              />
            </Group>
            {report.data ? (
              <Text size="sm" mt="xs">
                {report.data.reportable.length} reportable request(s) in {report.data.quarter}; due{" "}
                {formatDate(report.data.dueOn)} (end of the month after the quarter)
                {report.data.isOverdue ? ", past due" : ""}. {report.data.notReportable.length} judged not
                reportable.
              </Text>
            ) : null}
          </Card>
        ) : null}
        <Title order={3} size="h4">
          Requests
        </Title>
        <ErrorAlert error={list.error} />
        {list.data?.items.length === 0 ? <Empty title="No boycott requests" /> : null}
        <Table striped>
          <Table.Tbody>
            {list.data?.items.map((b) => (
              <Table.Tr key={b.id}>
                <Table.Td>
                  <DetailLink section="boycotts" id={b.id}>
                    {b.number}: {b.requester}
                  </DetailLink>
                </Table.Td>
                <Table.Td>{b.quarter}</Table.Td>
                <Table.Td>{b.isReportable ? "Reportable" : "Not reportable"}</Table.Td>
                <Table.Td>{formatDate(b.receivedOn)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </SimpleGrid>
  );
}
