import { Alert, Anchor, Button, FileInput, Group, Paper, Stack, Text, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconCheck, IconDownload, IconFileTypeCsv, IconPlayerPlay } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { call, invalidate, opUrl } from "../../api/client.ts";
import { ConfirmModal } from "../../components/confirm-modal.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { isApiError } from "../../lib/api.ts";
import { PEOPLE_READS } from "../people/people-api.ts";
import { ImportChanges, ImportErrors, type ImportResult, ImportSummary } from "./import-result.tsx";

const resultOf = (error: unknown): ImportResult | null =>
  isApiError(error) && error.problem.result ? (error.problem.result as ImportResult) : null;

export const ImportPage = () => {
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [csv, setCsv] = useState("");
  const [result, setResult] = useState<ImportResult | null>(null);
  const [checkedCsv, setCheckedCsv] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);

  const run = useMutation({
    mutationFn: (dryRun: boolean) => call("people.import", { body: { csv, dryRun } }),
    onSuccess: async (data, dryRun) => {
      setResult(data);
      if (dryRun) {
        setCheckedCsv(csv);
        return;
      }
      setConfirming(false);
      setCheckedCsv(null);
      await invalidate(queryClient, ...PEOPLE_READS);
      notifications.show({
        color: "green",
        title: "Import applied",
        message: `${data.summary.created} created, ${data.summary.updated} updated, ${data.summary.ended} ended.`,
      });
    },
    onError: (error) => {
      const failed = resultOf(error);
      if (failed) setResult(failed);
      setConfirming(false);
    },
  });

  const readFile = async (picked: File | null) => {
    setFile(picked);
    setResult(null);
    setCheckedCsv(null);
    run.reset();
    setCsv(picked ? await picked.text() : "");
  };

  const isStale = result !== null && checkedCsv !== csv;
  const hasErrors = (result?.summary.errors ?? 0) > 0 || (result?.errors.length ?? 0) > 0;
  const canApply = Boolean(result?.dryRun) && !hasErrors && !isStale && csv.trim() !== "";
  const pending = result ? result.summary.created + result.summary.updated + result.summary.ended : 0;
  const problemOnly = run.error && !resultOf(run.error);

  return (
    <Stack>
      <PageHeader
        title="HR import"
        description="Create, update and end people from your HR system's CSV export. Rows are matched on employee_id; a filled end_date ends employment. Run a dry run first to see exactly what will change."
        actions={
          <Button
            component="a"
            href={opUrl("people.import.template")}
            download
            variant="default"
            leftSection={<IconDownload size={16} />}
          >
            Download template CSV
          </Button>
        }
      />
      <Paper p="lg">
        <Stack>
          <FileInput
            label="CSV file"
            placeholder="Choose a .csv file"
            accept=".csv,text/csv"
            value={file}
            onChange={readFile}
            clearable
            leftSection={<IconFileTypeCsv size={16} />}
            maw={420}
          />
          <Textarea
            label="CSV content"
            description="Or paste the CSV here. The header row is required; column order does not matter."
            placeholder="employee_id,first_name,last_name,email,kind,title,department,country,legal_entity,supervisor_id,hire_date,end_date,categories"
            autosize
            minRows={6}
            maxRows={16}
            value={csv}
            onChange={(event) => setCsv(event.currentTarget.value)}
            styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)", fontSize: 12 } }}
          />
          <Group>
            <Button
              leftSection={<IconPlayerPlay size={16} />}
              onClick={() => run.mutate(true)}
              loading={run.isPending && run.variables === true}
              disabled={csv.trim() === ""}
              variant={canApply ? "default" : "filled"}
            >
              Dry run
            </Button>
            <Button
              leftSection={<IconCheck size={16} />}
              onClick={() => setConfirming(true)}
              disabled={!canApply}
              color="green"
            >
              Apply import
            </Button>
            <Text size="sm" c="dimmed">
              {result === null
                ? "Nothing is written until you apply."
                : result.applied
                  ? "Applied. Run another dry run to import more."
                  : isStale
                    ? "The CSV changed since the dry run — run it again."
                    : hasErrors
                      ? "Fix the errors below before applying."
                      : "Dry run complete. Review the changes, then apply."}
            </Text>
          </Group>
          {problemOnly ? <ErrorAlert error={run.error} showFieldErrors /> : null}
        </Stack>
      </Paper>
      {result ? (
        <Stack>
          {result.applied ? (
            <Alert color="green" variant="light" title="Import applied" icon={<IconCheck size={18} />}>
              The directory has been updated and the changes are in the audit log.
            </Alert>
          ) : !result.dryRun ? (
            <Alert color="red" variant="light" title="Import not applied">
              Nothing was written because some rows have errors.
            </Alert>
          ) : null}
          <ImportSummary result={result} />
          {result.errors.length ? <ImportErrors errors={result.errors} /> : null}
          <ImportChanges changes={result.changes} />
        </Stack>
      ) : null}
      <ConfirmModal
        opened={confirming}
        title="Apply import"
        confirmLabel="Apply import"
        color="green"
        loading={run.isPending}
        onClose={() => setConfirming(false)}
        onConfirm={() => run.mutate(false)}
      >
        <Text size="sm">
          Apply {pending} {pending === 1 ? "change" : "changes"} to the directory? Each change is recorded in
          the audit log.{" "}
          {result?.summary.ended ? (
            <strong>
              {result.summary.ended} {result.summary.ended === 1 ? "person's" : "people's"} employment will
              end.
            </strong>
          ) : null}
        </Text>
      </ConfirmModal>
      <Text size="xs" c="dimmed">
        Columns: employee_id, first_name, last_name, email, kind, title, department, country, legal_entity
        (code), supervisor_id (employee_id of the supervisor), hire_date, end_date, categories
        (semicolon-separated).{" "}
        <Anchor href={opUrl("people.import.template")} size="xs">
          Template
        </Anchor>
      </Text>
    </Stack>
  );
};
