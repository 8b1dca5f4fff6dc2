import { Alert, Anchor, Button, Card, Group, Stack, Text, Textarea } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { call, invalidate, opUrl, type Result } from "../../api/client.ts";
import { FormErrorSummary, useApiForm } from "../../components/api-form.tsx";
import { isApiError } from "../../lib/api.ts";
import { type Offering, RX_READS } from "./rx.ts";

type RowError = { row: number; column: string; message: string };

/** The file's own errors, row by row (a file with any error writes nothing). */
const rowErrorsOf = (error: unknown): RowError[] =>
  isApiError(error) ? ((error.problem as { result?: { errors: RowError[] } }).result?.errors ?? []) : [];

/** The claims register as a CSV file: one row per holder and class (ECA-3(a)). */
export function RegisterImportForm({ o }: { o: Offering }) {
  const qc = useQueryClient();
  const form = useApiForm<{ csv: string }, Result<"register.import">>({
    initialValues: { csv: "" },
    labels: { csv: "Register CSV" },
    validate: (v) => (v.csv.trim() ? {} : { csv: "Choose a file or paste the register" }),
    submit: ({ csv }) => call("register.import", { path: { id: o.id }, body: { csv, dryRun: false } }),
    onSuccess: () => invalidate(qc, ...RX_READS),
  });
  const rowErrors = rowErrorsOf(form.mutation.error);
  const imported = form.mutation.data;
  return (
    <Card withBorder component="form" onSubmit={form.onSubmit} noValidate>
      <Stack gap="xs">
        <Text fw={600}>Import the claims register (CSV)</Text>
        <Text size="sm" c="dimmed">
          Columns: holder_id, name, email, investor, class (us_rollup, eu_rollup, eu_term), amount,
          plan_shares, rights. One row per holder and class; rights are computed pro rata to Eligible Claims
          unless given. A file with any error writes nothing.{" "}
          <Anchor href={opUrl("register.template")}>Template</Anchor>
        </Text>
        <FormErrorSummary form={form} title="Not imported">
          {rowErrors.length ? (
            <Alert color="red" variant="outline" mt="xs">
              {rowErrors.slice(0, 20).map((e) => (
                <Text size="sm" key={`${e.row}-${e.column}`}>
                  Row {e.row}, {e.column}: {e.message}
                </Text>
              ))}
            </Alert>
          ) : null}
        </FormErrorSummary>
        <input
          type="file"
          accept=".csv,text/csv"
          aria-label="Register file"
          onChange={async (e) => form.setValue("csv", (await e.target.files?.[0]?.text()) ?? "")}
        />
        <Textarea label="Register CSV" autosize minRows={3} maxRows={10} {...form.getInputProps("csv")} />
        <Group>
          <Button type="submit" loading={form.mutation.isPending}>
            Import register
          </Button>
          {imported ? (
            <Text size="sm" data-testid="import-result">
              Imported {imported.summary.holders} holders ({imported.summary.created} new,{" "}
              {imported.summary.updated} updated).
            </Text>
          ) : null}
        </Group>
      </Stack>
    </Card>
  );
}
