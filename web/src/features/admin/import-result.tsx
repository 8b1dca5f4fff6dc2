import { Badge, Group, Paper, Stack, Switch, Text, Title } from "@mantine/core";
import { useState } from "react";
import type { Schema } from "../../api/client.ts";
import { DataTable, loadedRows } from "../../components/data-table.tsx";
import { humanise } from "../../lib/format.ts";

export type ImportResult = Schema<"PeopleImportResultView">;
export type ImportChange = ImportResult["changes"][number];

const actionColor: Record<ImportChange["action"], string> = {
  create: "green",
  update: "blue",
  end: "orange",
  unchanged: "gray",
};

const show = (value: unknown) => {
  if (value === null || value === undefined || value === "")
    return (
      <Text span c="dimmed" size="xs">
        empty
      </Text>
    );
  if (Array.isArray(value))
    return value.length ? (
      value.join("; ")
    ) : (
      <Text span c="dimmed" size="xs">
        empty
      </Text>
    );
  return String(value);
};

export const ImportSummary = ({ result }: { result: ImportResult }) => {
  const done = result.applied;
  return (
    <Group gap="xs" aria-label="Import summary">
      <Badge size="lg" variant="light" color="green">
        {result.summary.created} {done ? "created" : "to create"}
      </Badge>
      <Badge size="lg" variant="light" color="blue">
        {result.summary.updated} {done ? "updated" : "to update"}
      </Badge>
      <Badge size="lg" variant="light" color="orange">
        {result.summary.ended} {done ? "ended" : "to end"}
      </Badge>
      <Badge size="lg" variant="light" color="gray">
        {result.summary.unchanged} unchanged
      </Badge>
      <Badge
        size="lg"
        variant={result.summary.errors ? "filled" : "light"}
        color={result.summary.errors ? "red" : "gray"}
      >
        {result.summary.errors} {result.summary.errors === 1 ? "error" : "errors"}
      </Badge>
    </Group>
  );
};

export const ImportErrors = ({ errors }: { errors: ImportResult["errors"] }) => (
  <Paper p="md" style={{ borderColor: "var(--mantine-color-red-4)" }}>
    <Title order={3} size="h5" mb="xs" c="red.8">
      Rows with errors — fix these in the file and run the dry run again
    </Title>
    <DataTable
      label="Import errors"
      inPaper={false}
      minWidth={520}
      query={loadedRows(errors)}
      rowKey={(error) => `${error.row}-${error.column}-${error.message}`}
      empty={{ title: "No errors" }}
      tableProps={{ highlightOnHover: false }}
      columns={[
        { key: "row", header: "Row", width: 80, cell: (error) => error.row },
        {
          key: "column",
          header: "Column",
          width: 180,
          cell: (error) => (
            <Text ff="monospace" size="sm">
              {error.column || "—"}
            </Text>
          ),
        },
        { key: "message", header: "Problem", cell: (error) => error.message },
      ]}
    />
  </Paper>
);

const ChangedFields = ({ change }: { change: ImportChange }) => {
  const fields = Object.entries(change.fields ?? {});
  if (fields.length === 0)
    return (
      <Text size="xs" c="dimmed">
        —
      </Text>
    );
  return (
    <Stack gap={2}>
      {fields.map(([field, diff]) => (
        <Text size="xs" key={field}>
          <Text span fw={600} size="xs">
            {field}
          </Text>
          {": "}
          {change.action === "create" ? null : (
            <>
              <Text span td="line-through" c="dimmed" size="xs">
                {show(diff.from)}
              </Text>
              {" → "}
            </>
          )}
          <Text span size="xs">
            {show(diff.to)}
          </Text>
        </Text>
      ))}
    </Stack>
  );
};

export const ImportChanges = ({ changes }: { changes: ImportChange[] }) => {
  const [showUnchanged, setShowUnchanged] = useState(false);
  const visible = showUnchanged ? changes : changes.filter((change) => change.action !== "unchanged");
  return (
    <Paper p="md">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5">
          Changes
        </Title>
        <Switch
          size="sm"
          label="Show unchanged rows"
          checked={showUnchanged}
          onChange={(event) => setShowUnchanged(event.currentTarget.checked)}
        />
      </Group>
      <DataTable
        label="Import changes"
        inPaper={false}
        minWidth={720}
        query={loadedRows(visible)}
        rowKey={(change) => `${change.row}-${change.externalId}`}
        empty={{ title: "No changes", description: "Every row matches the directory already." }}
        tableProps={{ highlightOnHover: false, verticalSpacing: "xs" }}
        columns={[
          { key: "row", header: "Row", width: 60, cell: (change) => change.row },
          {
            key: "action",
            header: "Action",
            width: 110,
            cell: (change) => (
              <Badge size="sm" variant="light" color={actionColor[change.action]}>
                {humanise(change.action)}
              </Badge>
            ),
          },
          {
            key: "employee",
            header: "Employee",
            cell: (change) => (
              <>
                <Text size="sm" fw={500}>
                  {change.name}
                </Text>
                <Text size="xs" c="dimmed" ff="monospace">
                  {change.externalId}
                </Text>
              </>
            ),
          },
          { key: "changes", header: "Changes", cell: (change) => <ChangedFields change={change} /> },
        ]}
      />
    </Paper>
  );
};
