import { Alert, Anchor, Button, Card, Group, Stack, Table, Text, Textarea, TextInput } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useRef } from "react";
import { call, invalidate, opUrl, type Result } from "../../api/client.ts";
import { FormErrorSummary, useApiForm } from "../../components/api-form.tsx";
import { isApiError } from "../../lib/api.ts";
import { type Offering, RX_READS } from "./rx.ts";

type RowError = { row: number; column: string; message: string };

type ImportResult = Result<"register.import">;

/** The file's own errors, row by row (a file with any error writes nothing). */
const rowErrorsOf = (error: unknown): RowError[] =>
  isApiError(error) ? ((error.problem as { result?: { errors: RowError[] } }).result?.errors ?? []) : [];
/** The diff a refused import still carries (a re-basing needed, or rows in error). */
const resultOf = (error: unknown): ImportResult | undefined =>
  isApiError(error) ? (error.problem as { result?: ImportResult }).result : undefined;

/** The dry run's diff: new holders and each holder's rights before and after (ECA-3(a)). */
function RegisterDiff({ result }: { result: ImportResult }) {
  if (!result.changes.length)
    return (
      <Text size="sm" data-testid="import-diff">
        No holder's rights change.
      </Text>
    );
  return (
    <Stack gap={4} data-testid="import-diff">
      <Text size="sm">
        {result.summary.created} new holder(s); the rights of {result.rightsChanged} holder(s) already on the
        register change
        {result.needsRebase
          ? `, after the record date ${result.recordDate}: only an explicit re-basing with a reason may do that (ECA-3(a)).`
          : "."}
      </Text>
      <Table.ScrollContainer minWidth={420} mah={260}>
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Holder</Table.Th>
              <Table.Th>Rights before</Table.Th>
              <Table.Th>Rights after</Table.Th>
              <Table.Th>Exercised</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.changes.map((c) => (
              <Table.Tr key={c.code}>
                <Table.Td>
                  {c.code} {c.name}
                </Table.Td>
                <Table.Td>
                  {c.rightsBefore === null ? "new" : c.rightsBefore.toLocaleString("en-US")}
                </Table.Td>
                <Table.Td>{c.rightsAfter.toLocaleString("en-US")}</Table.Td>
                <Table.Td>{c.exercised.toLocaleString("en-US")}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

/** The claims register as a CSV file: one row per holder and class (ECA-3(a)). */
export function RegisterImportForm({ o }: { o: Offering }) {
  const qc = useQueryClient();
  // Which of the two submit buttons was pressed: read when the form submits, so never stale.
  const dryRun = useRef(true);
  const form = useApiForm<{ csv: string; rebaseReason: string }, ImportResult>({
    initialValues: { csv: "", rebaseReason: "" },
    labels: { csv: "Register CSV", rebaseReason: "Reason for re-basing the rights" },
    validate: (v) => (v.csv.trim() ? {} : { csv: "Choose a file or paste the register" }),
    submit: ({ csv, rebaseReason }) =>
      call("register.import", {
        path: { id: o.id },
        body: { csv, dryRun: dryRun.current, ...(rebaseReason.trim() ? { rebaseReason } : {}) },
      }),
    onSuccess: (result) => {
      if (!result.dryRun) invalidate(qc, ...RX_READS);
    },
  });
  const rowErrors = rowErrorsOf(form.mutation.error);
  const result = form.mutation.data ?? resultOf(form.mutation.error);
  const imported = form.mutation.data && !form.mutation.data.dryRun ? form.mutation.data : undefined;
  return (
    <Card withBorder component="form" onSubmit={form.onSubmit} noValidate>
      <Stack gap="xs">
        <Text fw={600}>Import the claims register (CSV)</Text>
        <Text size="sm" c="dimmed">
          Columns: holder_id, name, email, investor, class (us_rollup, eu_rollup, eu_term), amount,
          plan_shares, rights. One row per holder and class; rights are computed pro rata to Eligible Claims
          unless given. A file with any error writes nothing. Check it first: the dry run shows each holder's
          rights before and after. After the record date ({o.recordDate}) rights change only by a re-basing
          with a reason, which the audit log keeps.{" "}
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
        {result ? <RegisterDiff result={result} /> : null}
        {result?.needsRebase ? (
          <TextInput label="Reason for re-basing the rights" {...form.getInputProps("rebaseReason")} />
        ) : null}
        <Group>
          <Button
            type="submit"
            variant="default"
            loading={form.mutation.isPending && dryRun.current}
            onClick={() => {
              dryRun.current = true;
            }}
          >
            Check (dry run)
          </Button>
          <Button
            type="submit"
            loading={form.mutation.isPending && !dryRun.current}
            onClick={() => {
              dryRun.current = false;
            }}
          >
            {result?.needsRebase ? "Import and re-base the rights" : "Import register"}
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
