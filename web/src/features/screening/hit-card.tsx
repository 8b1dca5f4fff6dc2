import { Badge, Button, Card, Group, Stack, Table, Text, Textarea, Tooltip } from "@mantine/core";
import { useState } from "react";
import { type Schema, useOpMutation } from "../../api/client.ts";
import { errorMessage } from "../../lib/api.ts";
import { SCREENING_READS, STATUS_COLOR } from "./screening-api.ts";

type Hit = Schema<"HitView">;

/** One hit with its explanation (which tokens matched how) and the reviewer's decision. */
export function HitCard({ hit, canDecide }: { hit: Hit; canDecide: boolean }) {
  const [reason, setReason] = useState("");
  const decide = useOpMutation("hit.decide", { invalidates: SCREENING_READS });
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
        {canDecide && hit.status === "open" ? (
          <Stack gap="xs">
            <Textarea
              label="Reason"
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              autosize
              minRows={1}
            />
            <Group>
              <Button
                size="xs"
                variant="default"
                disabled={!reason.trim()}
                loading={decide.isPending}
                onClick={() =>
                  decide.mutate({ path: { id: hit.id }, body: { decision: "false_positive", reason } })
                }
              >
                False positive
              </Button>
              <Button
                size="xs"
                color="red"
                disabled={!reason.trim()}
                loading={decide.isPending}
                onClick={() =>
                  decide.mutate({ path: { id: hit.id }, body: { decision: "true_match", reason } })
                }
              >
                True match: block and escalate to Legal
              </Button>
            </Group>
            {decide.error ? (
              <Text c="red" size="sm">
                {errorMessage(decide.error)}
              </Text>
            ) : null}
          </Stack>
        ) : null}
      </Stack>
    </Card>
  );
}
