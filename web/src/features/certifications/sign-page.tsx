import {
  Accordion,
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Code,
  Group,
  Paper,
  Radio,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { IconAlertTriangle, IconDownload, IconShieldCheck } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { call, invalidate, opKey, opUrl, type Schema, useOp } from "../../api/client.ts";
import { FormErrorSummary, useApiForm } from "../../components/api-form.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { SubmitGroup } from "../../components/form-actions.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { AnchorLink } from "../../components/router-links.tsx";
import { StatusBadge } from "../../components/status-badge.tsx";
import { TableSkeleton } from "../../components/table-skeleton.tsx";
import { formatDate, formatDateTime } from "../../lib/format.ts";
import { keyed } from "./cert-api.ts";
import { CERTIFICATE_STATUS_STYLES, certificateStatus } from "./certifications-page.tsx";

type Certificate = Schema<"CertificateView">;

function Signed({ cert }: { cert: Certificate }) {
  const sig = cert.signature!;
  return (
    <Stack>
      {sig.integrity.ok ? (
        <Alert color="green" icon={<IconShieldCheck size={18} />} title="Signature verified">
          The certified text and the stored signature still match the hashes recorded at signing (checked{" "}
          {formatDateTime(sig.integrity.checkedAt)}).
        </Alert>
      ) : (
        <Alert
          color="red"
          icon={<IconAlertTriangle size={18} />}
          title="Tampering detected: the hash no longer matches"
          role="alert"
        >
          {sig.integrity.problems.map((p) => (
            <Text key={p} size="sm">
              {p}
            </Text>
          ))}
        </Alert>
      )}
      <Table withTableBorder>
        <Table.Tbody>
          <Table.Tr>
            <Table.Th w={240}>Signed by</Table.Th>
            <Table.Td>
              {cert.person.name} (typed “{sig.typedName}”)
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>Signed at</Table.Th>
            <Table.Td>
              {formatDateTime(sig.signedAt)} ({sig.signedAt} UTC)
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>Affirmed</Table.Th>
            <Table.Td>
              {cert.statements
                .filter((s) => sig.affirmed.includes(s.id))
                .map((s) => s.text)
                .join(" ")}
            </Table.Td>
          </Table.Tr>
          {cert.questions.map((q) => (
            <Table.Tr key={q.id}>
              <Table.Th>{q.text}</Table.Th>
              <Table.Td>
                {sig.answers[q.id]?.answer ? "Yes" : "No"}
                {sig.answers[q.id]?.details ? `: ${sig.answers[q.id]?.details}` : ""}
                {q.kind === "violation" && sig.answers[q.id]?.answer && cert.can.followReports ? (
                  <>
                    {" "}
                    <AnchorLink to="/speakup/intake">Open My reports</AnchorLink>
                  </>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Th>SHA-256 of the certified text</Table.Th>
            <Table.Td>
              <Code>{sig.textHash}</Code>
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>Signature seal</Table.Th>
            <Table.Td>
              <Code>{sig.seal}</Code>
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <Group>
        <Button
          component="a"
          href={opUrl("certification.pdf", { path: { id: cert.id } })}
          leftSection={<IconDownload size={16} />}
          download
        >
          Download PDF
        </Button>
      </Group>
    </Stack>
  );
}

type SignValues = {
  affirmed: string[];
  answers: Record<string, { answer?: boolean; details: string }>;
  typedName: string;
};

function SignForm({ cert }: { cert: Certificate }) {
  const qc = useQueryClient();
  const form = useApiForm<SignValues, Certificate>({
    initialValues: { affirmed: [], answers: {}, typedName: "" },
    labels: {
      affirmed: "The statements you affirm",
      typedName: "Type your full name to sign",
      ...Object.fromEntries(cert.questions.map((q) => [`answers.${q.id}`, q.text])),
    },
    submit: ({ affirmed, answers, typedName }) =>
      call("certification.sign", {
        path: { id: cert.id },
        body: {
          textHash: cert.textHash,
          affirmed,
          typedName,
          answers: Object.fromEntries(
            Object.entries(answers)
              .filter(([, a]) => a.answer !== undefined)
              .map(([id, a]) => [
                id,
                { answer: a.answer as boolean, ...(a.details.trim() ? { details: a.details.trim() } : {}) },
              ]),
          ),
        },
      }),
    onSuccess: (data) => {
      qc.setQueryData(opKey("certification.read", { path: { id: cert.id } }), data);
      void invalidate(qc, "certification.mine", "certification.team", "certification.audit_committee");
      void invalidate(qc, "task.list");
    },
  });
  const { answers } = form.values;
  const setAnswer = (id: string, answer: { answer?: boolean; details: string }) =>
    form.setValue(`answers.${id}`, answer);
  return (
    <Paper withBorder p="lg" component="form" onSubmit={form.onSubmit} noValidate>
      <Stack>
        <FormErrorSummary form={form} title="Not signed" />
        <Title order={2} size="h4">
          Certificate of Compliance{cert.addressedTo ? ` to the ${cert.addressedTo}` : ""}
        </Title>
        <Text size="sm" c="dimmed">
          You are certifying {cert.policyTitle}, version {cert.versionNumber} exactly as shown above (SHA-256{" "}
          <Code>{cert.textHash.slice(0, 16)}…</Code>). Affirm each statement (COC-23.1):
        </Text>
        <Checkbox.Group
          id={form.fieldId("affirmed")}
          value={form.values.affirmed}
          onChange={(v) => form.setValue("affirmed", v)}
          error={form.errors.affirmed}
        >
          <Stack gap="xs">
            {cert.statements.map((s) => (
              <Checkbox key={s.id} value={s.id} label={s.text} />
            ))}
          </Stack>
        </Checkbox.Group>
        {cert.questions.map((q) => (
          <Stack key={q.id} gap={4}>
            <Radio.Group
              id={form.fieldId(`answers.${q.id}`)}
              label={q.text}
              value={answers[q.id]?.answer === undefined ? "" : answers[q.id]?.answer ? "yes" : "no"}
              onChange={(v) =>
                setAnswer(q.id, { details: answers[q.id]?.details ?? "", answer: v === "yes" })
              }
              error={form.errors[`answers.${q.id}`]}
            >
              <Group mt={4}>
                <Radio value="no" label="No" />
                <Radio value="yes" label="Yes" />
              </Group>
            </Radio.Group>
            {answers[q.id]?.answer ? (
              <Textarea
                label={
                  q.kind === "violation"
                    ? "What do you know? (optional)"
                    : "Tell the Compliance Office more (optional)"
                }
                description={
                  q.kind === "violation"
                    ? "Signing files this as a confidential speak-up report under your name: it is sealed, only the people handling it read it, and it does not appear on the certificate (COC-22.2, COC-21.2: no retaliation). Follow it under My reports on the speak-up page."
                    : "A yes opens follow-up by the Compliance Office."
                }
                value={answers[q.id]?.details ?? ""}
                onChange={(e) => setAnswer(q.id, { answer: true, details: e.currentTarget.value })}
              />
            ) : null}
          </Stack>
        ))}
        <TextInput
          label="Type your full name to sign"
          description={`As it appears in the directory: ${cert.person.name}`}
          {...form.getInputProps("typedName")}
          maw={420}
        />
        <SubmitGroup submitting={form.mutation.isPending} label="Sign the certificate" />
      </Stack>
    </Paper>
  );
}

export function SignPage({ id }: { id: string }) {
  const cert = useOp("certification.read", { path: { id } });
  if (cert.error) return <ErrorAlert error={cert.error} />;
  if (!cert.data) return <TableSkeleton />;
  const c = cert.data;
  return (
    <Stack maw={900}>
      <PageHeader
        title={c.title}
        description={
          <>
            {c.person.name} · {c.campaignName} · due {formatDate(c.dueDate)}{" "}
            <StatusBadge status={certificateStatus(c)} styles={CERTIFICATE_STATUS_STYLES} />
          </>
        }
      />
      <Paper withBorder p="md">
        <Group justify="space-between" mb="xs">
          <Text fw={600}>
            {c.policyTitle}, version {c.versionNumber}
          </Text>
          <Badge variant="light">{c.sections.length} sections</Badge>
        </Group>
        <Accordion
          multiple
          variant="contained"
          defaultValue={c.signature ? [] : [c.sections[0]?.anchor ?? ""]}
        >
          {c.sections.map((s) => (
            <Accordion.Item key={s.anchor} value={s.anchor}>
              <Accordion.Control>
                {s.number === "0" ? "" : `${s.number}. `}
                {s.title}
              </Accordion.Control>
              <Accordion.Panel>
                {keyed(s.anchor, s.body.split("\n\n")).map((p) => (
                  <Text key={p.key} size="sm" mb="xs" style={{ lineHeight: 1.6 }}>
                    {p.text}
                  </Text>
                ))}
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
        <Anchor
          size="sm"
          href={`/policies/versions/${c.policyVersionId}`}
          target="_blank"
          mt="xs"
          display="inline-block"
        >
          Open the reading view
        </Anchor>
      </Paper>
      {c.signature ? (
        <Signed cert={c} />
      ) : c.can.sign ? (
        <SignForm cert={c} />
      ) : (
        <Text c="dimmed">Not signed yet.</Text>
      )}
    </Stack>
  );
}
