import { Badge, Button, Card, Group, Select, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { call, invalidate, useOp } from "../../api/client.ts";
import { type ApiForm, FormErrorSummary, useApiForm } from "../../components/api-form.tsx";
import {
  EbitdaEditor,
  type EbitdaTables,
  ebitdaLabels,
  ebitdaPath,
  objectOf,
  rowsOf,
} from "./ebitda-editor.tsx";
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

type ConditionValues = {
  inputs: Record<string, string>;
  evidence: string;
  status: string | null;
  ebitda: EbitdaTables;
};

function ConditionCard({ c, canEdit }: { c: Condition; canEdit: boolean }) {
  const qc = useQueryClient();
  const [editing, setEditing] = useState(false);
  const isEbitda = c.code === "m";
  const form: ApiForm<ConditionValues> = useApiForm<ConditionValues>({
    initialValues: {
      inputs: Object.fromEntries(Object.entries(c.inputs).filter(([, v]) => typeof v === "string")) as Record<
        string,
        string
      >,
      evidence: c.evidence,
      status: c.status === "waived" ? "pending" : c.status,
      ebitda: { months: rowsOf(c.inputs.months), schedule: rowsOf(c.inputs.schedule) },
    },
    labels: (values) => ({
      ...Object.fromEntries(Object.keys(values.inputs).map((k) => [`inputs.${k}`, k])),
      status: "Status",
      evidence: "Evidence",
      ...(isEbitda ? ebitdaLabels(values.ebitda) : {}),
    }),
    mapPath: (path): string | undefined => ebitdaPath(path, form.values.ebitda),
    submit: ({ inputs, evidence, status, ebitda }) =>
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
        <form onSubmit={form.onSubmit} noValidate>
          <Stack gap="xs" mt="xs">
            <FormErrorSummary form={form} />
            {Object.keys(form.values.inputs).map((k) => (
              <TextInput key={k} size="xs" label={k} {...form.getInputProps(`inputs.${k}`)} />
            ))}
            {isEbitda ? <EbitdaEditor form={form} /> : null}
            {!c.computed ? (
              <Select
                size="xs"
                label="Status"
                data={["pending", "satisfied", "failed"]}
                {...form.getInputProps("status")}
                value={form.values.status}
                w={160}
              />
            ) : null}
            <Textarea size="xs" label="Evidence" {...form.getInputProps("evidence")} />
            <Group>
              <Button size="xs" type="submit" loading={form.mutation.isPending}>
                Save
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Card>
  );
}
