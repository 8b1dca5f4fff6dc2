import { Badge, Button, Card, Group, Stack, Table, Text, Textarea, Tooltip } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useRef } from "react";
import { call, invalidate, type Schema } from "../../api/client.ts";
import { FormErrorSummary, useApiForm } from "../../components/api-form.tsx";
import { SCREENING_READS, STATUS_COLOR } from "./screening-api.ts";

type Hit = Schema<"HitView">;

type Decision = "false_positive" | "true_match";

/** The reviewer's decision on an open hit, with the reason on record (COC-18.1). */
function DecisionForm({ hit }: { hit: Hit }) {
  const isPep = hit.kind === "pep";
  const qc = useQueryClient();
  // Two buttons submit the same reason: the one pressed names the decision.
  const decision = useRef<Decision>("false_positive");
  const form = useApiForm<{ reason: string }>({
    initialValues: { reason: "" },
    labels: { reason: "Reason" },
    validate: (v) => (v.reason.trim() ? {} : { reason: "Give the reason for the decision" }),
    submit: ({ reason }) =>
      call("hit.decide", { path: { id: hit.id }, body: { decision: decision.current, reason } }),
    onSuccess: () => invalidate(qc, ...SCREENING_READS),
  });
  const decide = (next: Decision) => {
    decision.current = next;
    form.onSubmit();
  };
  const isPending = form.mutation.isPending;
  return (
    <Stack gap="xs">
      <FormErrorSummary form={form} title="Not decided" />
      <Textarea label="Reason" autosize minRows={1} {...form.getInputProps("reason")} />
      <Group>
        <Button size="xs" variant="default" loading={isPending} onClick={() => decide("false_positive")}>
          False positive
        </Button>
        <Button
          size="xs"
          color={isPep ? "yellow" : "red"}
          loading={isPending}
          onClick={() => decide("true_match")}
        >
          {isPep
            ? "Same person: enhanced due diligence (not a block)"
            : "True match: block and escalate to Legal"}
        </Button>
      </Group>
    </Stack>
  );
}

const KIND: Record<string, { label: string; color: string; help: string }> = {
  sanction: {
    label: "sanction",
    color: "red",
    help: "A sanctions designation: a true match blocks the party.",
  },
  pep: {
    label: "PEP: enhanced due diligence",
    color: "yellow",
    help: "A politically exposed person: enhanced due diligence, never a block.",
  },
  ownership: {
    label: "owned by blocked persons",
    color: "grape",
    help: "Owned 50 % or more, alone or together, by blocked persons: blocked (OFAC 50 % rule, EU ownership and control).",
  },
};

/** One hit with its explanation (which tokens matched how, or the ownership chain) and the reviewer's decision. */
export function HitCard({ hit, canDecide }: { hit: Hit; canDecide: boolean }) {
  return (
    <Card withBorder data-testid={`hit-${hit.entityId}`}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600}>
            {hit.listLabel ?? "SDN"} entry {hit.entityId}: {hit.listName}
            {hit.counterpartyName ? ` — for ${hit.counterpartyName}` : ""}
          </Text>
          <Group gap="xs">
            <Tooltip label={KIND[hit.kind]?.help ?? hit.kind} multiline w={300}>
              <Badge
                color={KIND[hit.kind]?.color ?? "gray"}
                variant="light"
                tabIndex={0}
                data-testid="hit-kind"
              >
                {KIND[hit.kind]?.label ?? hit.kind}
              </Badge>
            </Tooltip>
            <Badge color={STATUS_COLOR[hit.status] ?? "gray"}>{hit.status.replace("_", " ")}</Badge>
            <Badge variant="light">score {hit.score.toFixed(2)}</Badge>
            {hit.explanation.ofac ? (
              <Tooltip
                label={`What OFAC's Sanctions List Search would show, about (${hit.explanation.ofac.technique} against "${hit.explanation.ofac.listName}"). Probity decides on its own score, which also weighs the list name's words the party name lacks.`}
                multiline
                w={320}
              >
                <Badge variant="outline" color="gray" tabIndex={0}>
                  OFAC-style {Math.round(hit.explanation.ofac.score * 100)}
                </Badge>
              </Tooltip>
            ) : null}
          </Group>
        </Group>
        <Text size="sm">
          Matched name: <b>{hit.matchedName}</b> · list {hit.listLabel} · programmes{" "}
          {hit.programs.join(", ") || "—"}
        </Text>
        {hit.explanation.ownership ? (
          <Stack gap={2} data-testid="ownership-chain">
            <Text size="sm" fw={600}>
              Ownership chain ({hit.explanation.ownership.percentage} % owned by blocked persons)
            </Text>
            {hit.explanation.ownership.chain.map((line) => (
              <Text size="sm" key={line} style={{ whiteSpace: "pre-wrap" }}>
                {line}
              </Text>
            ))}
          </Stack>
        ) : null}
        {hit.explanation.tokens.length ? (
          <Table withTableBorder fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Party token</Table.Th>
                <Table.Th>List token</Table.Th>
                <Table.Th>How</Table.Th>
                <Table.Th>Similarity</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {hit.explanation.tokens.map((t) => (
                <Table.Tr key={`${t.query}-${t.list}`}>
                  <Table.Td>{t.query}</Table.Td>
                  <Table.Td>{t.list ?? "—"}</Table.Td>
                  <Table.Td>{t.how}</Table.Td>
                  <Table.Td>{t.similarity.toFixed(2)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : null}
        <Text size="sm" c="dimmed" data-testid="explanation">
          {hit.explanation.summary}
        </Text>
        {hit.reason ? (
          <Text size="sm">
            Decision: {hit.reason} ({hit.decidedBy})
          </Text>
        ) : null}
        {canDecide && hit.status === "open" ? <DecisionForm hit={hit} /> : null}
      </Stack>
    </Card>
  );
}
