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
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Empty } from "../../components/empty.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { StatusBadge } from "../../components/status-badge.tsx";
import { api } from "../../lib/api.ts";
import { formatDate } from "../../lib/format.ts";
import type { Boycott, Guidance, Inquiry } from "./disclosures-api.ts";
import { STATUS_LABELS } from "./disclosures-api.ts";
import { DetailLink } from "./links.tsx";

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

export function GuidanceTab() {
  const qc = useQueryClient();
  const list = useQuery({
    queryKey: ["disclosures", "guidance"],
    queryFn: () => api.get<{ mine: Guidance[]; toAnswer: Guidance[] }>("/api/disclosures/guidance"),
  });
  const faqs = useQuery({
    queryKey: ["disclosures", "faqs"],
    queryFn: () =>
      api.get<{ items: { id: string; question: string; answer: string }[] }>("/api/disclosures/faqs"),
  });
  const [topic, setTopic] = useState("");
  const [question, setQuestion] = useState("");
  const [routeTo, setRouteTo] = useState("supervisor");
  const [anonymous, setAnonymous] = useState(false);
  const [password, setPassword] = useState("");
  const [receipt, setReceipt] = useState<string | null>(null);
  const ask = useMutation({
    mutationFn: (): Promise<{ receipt: string } | Guidance> =>
      anonymous
        ? api.post<{ receipt: string }>("/api/disclosures/guidance/anonymous", {
            topic,
            question,
            password,
            idempotencyKey: newKey(),
          })
        : api.post<Guidance>("/api/disclosures/guidance", { topic, question, routeTo }),
    onSuccess: (r) => {
      if ("receipt" in r) setReceipt(r.receipt);
      setTopic("");
      setQuestion("");
      setPassword("");
      void qc.invalidateQueries({ queryKey: ["disclosures", "guidance"] });
    },
  });
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
        <TextInput label="Topic" value={topic} onChange={(e) => setTopic(e.currentTarget.value)} />
        <Textarea
          label="Your question"
          autosize
          minRows={3}
          value={question}
          onChange={(e) => setQuestion(e.currentTarget.value)}
        />
        <Switch
          label="Ask anonymously (through the speak-up mailbox)"
          checked={anonymous}
          onChange={(e) => setAnonymous(e.currentTarget.checked)}
        />
        {anonymous ? (
          <TextInput
            type="password"
            label="Mailbox password (at least 8 characters)"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
          />
        ) : (
          <Select
            label="Ask"
            data={[
              { value: "supervisor", label: "My supervisor" },
              { value: "legal", label: "The Legal Department" },
            ]}
            value={routeTo}
            onChange={(v) => setRouteTo(v ?? "supervisor")}
          />
        )}
        <ErrorAlert error={ask.error} showFieldErrors />
        {receipt ? (
          <Alert color="green" title="Your receipt (shown once)">
            {receipt}: keep it with your password to read the answer in the speak-up mailbox at
            /speakup/mailbox.
          </Alert>
        ) : null}
        <Group>
          <Button onClick={() => ask.mutate()} loading={ask.isPending}>
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

export function InquiriesTab() {
  const qc = useQueryClient();
  const list = useQuery({
    queryKey: ["disclosures", "inquiries"],
    queryFn: () => api.get<{ items: Inquiry[] }>("/api/disclosures/inquiries"),
  });
  const [f, setF] = useState({
    kind: "government",
    organisation: "",
    representative: "",
    contact: "",
    receivedAt: "",
    subject: "",
  });
  const log = useMutation({
    mutationFn: () => api.post<Inquiry>("/api/disclosures/inquiries", f),
    onSuccess: () => {
      setF({
        kind: "government",
        organisation: "",
        representative: "",
        contact: "",
        receivedAt: "",
        subject: "",
      });
      void qc.invalidateQueries({ queryKey: ["disclosures", "inquiries"] });
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
        <Select
          label="Who"
          data={[
            { value: "government", label: "Government or authority" },
            { value: "media", label: "Media" },
          ]}
          value={f.kind}
          onChange={(v) => setF({ ...f, kind: v ?? "government" })}
        />
        <TextInput
          label="Agency or publication"
          value={f.organisation}
          onChange={(e) => setF({ ...f, organisation: e.currentTarget.value })}
        />
        <TextInput
          label="Representative"
          value={f.representative}
          onChange={(e) => setF({ ...f, representative: e.currentTarget.value })}
        />
        <TextInput
          label="Their contact details"
          value={f.contact}
          onChange={(e) => setF({ ...f, contact: e.currentTarget.value })}
        />
        <TextInput
          type="date"
          label="When"
          value={f.receivedAt}
          onChange={(e) => setF({ ...f, receivedAt: e.currentTarget.value })}
        />
        <Textarea
          label="What they asked about"
          value={f.subject}
          onChange={(e) => setF({ ...f, subject: e.currentTarget.value })}
        />
        <ErrorAlert error={log.error} showFieldErrors />
        <Group>
          <Button onClick={() => log.mutate()} loading={log.isPending}>
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

type Report = {
  quarter: string;
  dueOn: string;
  isOverdue: boolean;
  reportable: Boycott[];
  notReportable: Boycott[];
};

export function BoycottsTab() {
  const qc = useQueryClient();
  const list = useQuery({
    queryKey: ["disclosures", "boycotts"],
    queryFn: () => api.get<{ items: Boycott[]; can: { manage: boolean } }>("/api/disclosures/boycotts"),
  });
  const now = new Date();
  const [period, setPeriod] = useState(`${now.getFullYear()}-${Math.floor(now.getMonth() / 3) + 1}`);
  const [year, quarter] = period.split("-");
  const report = useQuery({
    queryKey: ["disclosures", "boycott-report", period],
    queryFn: () => api.get<Report>(`/api/disclosures/boycotts/report/${year}/${quarter}`),
    enabled: Boolean(list.data?.can.manage),
  });
  const [f, setF] = useState({
    receivedOn: "",
    requester: "",
    country: "",
    documentType: "inquiry",
    documentRef: "",
    requestText: "",
  });
  const log = useMutation({
    mutationFn: () => api.post<Boycott>("/api/disclosures/boycotts", { ...f, country: f.country || null }),
    onSuccess: () => {
      setF({
        receivedOn: "",
        requester: "",
        country: "",
        documentType: "inquiry",
        documentRef: "",
        requestText: "",
      });
      void qc.invalidateQueries({ queryKey: ["disclosures"] });
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
        <TextInput
          type="date"
          label="Received on"
          value={f.receivedOn}
          onChange={(e) => setF({ ...f, receivedOn: e.currentTarget.value })}
        />
        <TextInput
          label="Who asked"
          value={f.requester}
          onChange={(e) => setF({ ...f, requester: e.currentTarget.value })}
        />
        <TextInput
          label="Country (two letters)"
          maxLength={2}
          value={f.country}
          onChange={(e) => setF({ ...f, country: e.currentTarget.value })}
        />
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
          value={f.documentType}
          onChange={(v) => setF({ ...f, documentType: v ?? "inquiry" })}
        />
        <TextInput
          label="Document reference"
          value={f.documentRef}
          onChange={(e) => setF({ ...f, documentRef: e.currentTarget.value })}
        />
        <Textarea
          label="The request, word for word"
          value={f.requestText}
          onChange={(e) => setF({ ...f, requestText: e.currentTarget.value })}
        />
        <ErrorAlert error={log.error} showFieldErrors />
        <Group>
          <Button onClick={() => log.mutate()} loading={log.isPending}>
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
