import { Badge, Group, Paper, Stack, Switch, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { Empty } from "../../components/empty.tsx";
import { humanise } from "../../lib/format.ts";

export type ImportChange = {
  row: number;
  action: "create" | "update" | "end" | "unchanged";
  externalId: string;
  name: string;
  fields: Record<string, { from: unknown; to: unknown }>;
};

export type ImportResult = {
  dryRun: boolean;
  applied: boolean;
  summary: { created: number; updated: number; ended: number; unchanged: number; errors: number };
  changes: ImportChange[];
  errors: { row: number; column: string | null; message: string }[];
};

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
    <Table.ScrollContainer minWidth={520}>
      <Table aria-label="Import errors">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={80}>Row</Table.Th>
            <Table.Th w={180}>Column</Table.Th>
            <Table.Th>Problem</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {errors.map((error) => (
            <Table.Tr key={`${error.row}-${error.column}-${error.message}`}>
              <Table.Td>{error.row}</Table.Td>
              <Table.Td>
                <Text ff="monospace" size="sm">
                  {error.column ?? "—"}
                </Text>
              </Table.Td>
              <Table.Td>{error.message}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  </Paper>
);

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
      {visible.length === 0 ? (
        <Empty title="No changes" description="Every row matches the directory already." />
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table aria-label="Import changes" verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={60}>Row</Table.Th>
                <Table.Th w={110}>Action</Table.Th>
                <Table.Th>Employee</Table.Th>
                <Table.Th>Changes</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {visible.map((change) => {
                const fields = Object.entries(change.fields ?? {});
                return (
                  <Table.Tr key={`${change.row}-${change.externalId}`}>
                    <Table.Td>{change.row}</Table.Td>
                    <Table.Td>
                      <Badge size="sm" variant="light" color={actionColor[change.action]}>
                        {humanise(change.action)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {change.name}
                      </Text>
                      <Text size="xs" c="dimmed" ff="monospace">
                        {change.externalId}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {fields.length === 0 ? (
                        <Text size="xs" c="dimmed">
                          —
                        </Text>
                      ) : (
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
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
};
