import { Badge, Button, Card, Group, Select, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { call, invalidate, useOp } from "../../api/client.ts";
import { errorMessage, isApiError } from "../../lib/api.ts";
import { EbitdaEditor, type EbitdaTables, objectOf, rowsOf } from "./ebitda-editor.tsx";
import { type BodyOf, type Condition, type Offering, RX_READS, STATUS_COLOR } from "./rx.ts";

/** Conditions precedent of section 11, computed where the agreement gives a formula. */
export function Conditions({ o }: { o: Offering }) {
  const conditions = useOp("condition.list", { path: { id: o.id } });
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        Each condition is satisfied, or waived by the Requisite Investors (ECA-11). Conditions (e), (f), (g)
        and (m) are computed from their figures.
      </Text>
      {conditions.data?.map((c) => (
        <ConditionCard key={c.id} c={c} canEdit={o.can.manage} />
      ))}
    </Stack>
  );
}

function ConditionCard({ c, canEdit }: { c: Condition; canEdit: boolean }) {
  const qc = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [inputs, setInputs] = useState<Record<string, string>>(
    Object.fromEntries(Object.entries(c.inputs).filter(([, v]) => typeof v === "string")) as Record<
      string,
      string
    >,
  );
  const [evidence, setEvidence] = useState(c.evidence);
  const [status, setStatus] = useState<string | null>(c.status === "waived" ? "pending" : c.status);
  const [ebitda, setEbitda] = useState<EbitdaTables>({
    months: rowsOf(c.inputs.months),
    schedule: rowsOf(c.inputs.schedule),
  });
  const isEbitda = c.code === "m";
  const save = useMutation({
    mutationFn: () =>
      call("condition.update", {
        path: { id: c.id },
        body: {
          evidence,
          inputs: isEbitda
            ? { ...inputs, months: objectOf(ebitda.months), schedule: objectOf(ebitda.schedule) }
            : inputs,
          ...(c.computed ? {} : { status: status as BodyOf<"condition.update">["status"] }),
        },
      }),
    onSuccess: () => {
      setEditing(false);
      return invalidate(qc, ...RX_READS);
    },
  });
  return (
    <Card withBorder padding="sm" data-testid={`condition-${c.code}`}>
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm" fw={500}>
          11({c.code}) {c.title}
        </Text>
        <Group gap={4} wrap="nowrap">
          <Badge color={STATUS_COLOR[c.status]}>{c.status}</Badge>
          {canEdit ? (
            <Button size="xs" variant="subtle" onClick={() => setEditing(!editing)}>
              {editing ? "Close" : "Record"}
            </Button>
          ) : null}
        </Group>
      </Group>
      {c.computed || c.evidence ? (
        <Text size="xs" c="dimmed" mt={4}>
          {c.computed ? c.explanation : ""} {c.evidence}
        </Text>
      ) : null}
      {editing ? (
        <Stack gap="xs" mt="xs">
          {Object.keys(inputs).map((k) => (
            <TextInput
              key={k}
              size="xs"
              label={k}
              value={inputs[k]}
              onChange={(e) => setInputs({ ...inputs, [k]: e.currentTarget.value })}
            />
          ))}
          {isEbitda ? (
            <EbitdaEditor value={ebitda} onChange={setEbitda} errors={errorsByPath(save.error)} />
          ) : null}
          {!c.computed ? (
            <Select
              size="xs"
              label="Status"
              data={["pending", "satisfied", "failed"]}
              value={status}
              onChange={setStatus}
              w={160}
            />
          ) : null}
          <Textarea
            size="xs"
            label="Evidence"
            value={evidence}
            onChange={(e) => setEvidence(e.currentTarget.value)}
          />
          <Group>
            <Button size="xs" onClick={() => save.mutate()} loading={save.isPending}>
              Save
            </Button>
            {save.error ? (
              <Text size="xs" c="red">
                {errorMessage(save.error)}
              </Text>
            ) : null}
          </Group>
        </Stack>
      ) : null}
    </Card>
  );
}

const errorsByPath = (error: unknown): Record<string, string> =>
  isApiError(error) ? Object.fromEntries((error.problem.errors ?? []).map((e) => [e.path, e.message])) : {};
