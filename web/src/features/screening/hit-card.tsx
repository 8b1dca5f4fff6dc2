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
        <Button size="xs" color="red" loading={isPending} onClick={() => decide("true_match")}>
          True match: block and escalate to Legal
        </Button>
      </Group>
    </Stack>
  );
}

/** One hit with its explanation (which tokens matched how) and the reviewer's decision. */
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
          Matched name: <b>{hit.matchedName}</b> · programs {hit.programs.join(", ") || "—"}
        </Text>
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
