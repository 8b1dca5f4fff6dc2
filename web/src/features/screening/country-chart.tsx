import { ActionIcon, Button, Checkbox, Group, Stack, Table, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconTrash } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { call, invalidate, type Schema } from "../../api/client.ts";
import { ConfirmModal } from "../../components/confirm-modal.tsx";
import { countryName } from "../../lib/format.ts";
import { EMBARGO, REASONS } from "./export-reasons.ts";

type ExportControls = Schema<"ExportControlsView">;

/** Rows of the chart as edited: "default" first, then countries in order. */
const sortedRows = (chart: Record<string, string[]>) =>
  Object.keys(chart).sort((a, b) => (a === "default" ? -1 : b === "default" ? 1 : a.localeCompare(b)));

function describeChanges(before: Record<string, string[]>, after: Record<string, string[]>): string[] {
  const lines: string[] = [];
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const label = key === "default" ? "All other countries" : `${countryName(key)} (${key})`;
    const was = before[key];
    const now = after[key];
    if (!was) lines.push(`${label}: added (${now?.join(", ") || "no licence needed"})`);
    else if (!now) lines.push(`${label}: removed (falls back to all other countries)`);
    else {
      const plus = now.filter((r) => !was.includes(r));
      const minus = was.filter((r) => !now.includes(r));
      if (plus.length || minus.length)
        lines.push(
          `${label}: ${[...plus.map((r) => `+${r === EMBARGO ? "embargo" : r}`), ...minus.map((r) => `−${r === EMBARGO ? "embargo" : r}`)].join(" ")}`,
        );
    }
  }
  return lines;
}

export function CountryChart({ data }: { data: ExportControls }) {
  const qc = useQueryClient();
  const canEdit = data.can.canManageExport;
  const [chart, setChart] = useState<Record<string, string[]>>(data.chart);
  const [newCountry, setNewCountry] = useState("");
  const [addError, setAddError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const save = useMutation({
    mutationFn: () => call("export.chart.update", { body: chart }),
    onSuccess: (saved) => {
      setChart(saved);
      setConfirming(false);
      notifications.show({
        color: "green",
        title: "Country chart saved",
        message: "Transactions are checked against it from now on (COC-19.1).",
      });
      invalidate(qc, "export.read");
    },
  });
  const reasons = [...new Set([...REASONS, ...Object.values(chart).flat()])].filter((r) => r !== EMBARGO);
  const changes = describeChanges(data.chart, chart);
  const toggle = (country: string, reason: string, on: boolean) =>
    setChart((c) => {
      const row = c[country] ?? [];
      return { ...c, [country]: on ? [...row, reason] : row.filter((r) => r !== reason) };
    });
  const add = () => {
    const code = newCountry.trim().toUpperCase();
    if (!/^[A-Z]{2}$/.test(code) || countryName(code) === code) {
      setAddError("Enter an ISO 3166 two-letter country code such as BR");
      return;
    }
    if (chart[code]) {
      setAddError(`${countryName(code)} is already in the chart`);
      return;
    }
    setChart((c) => ({ ...c, [code]: [...(c.default ?? [])] }));
    setNewCountry("");
    setAddError(null);
  };
  return (
    <Stack gap="sm">
      <Text fw={600} id="chart-title">
        Country chart: reasons for control that need a licence (COC-19.1)
      </Text>
      <Text size="sm" c="dimmed">
        A tick means an item controlled for that reason needs a licence or exception to that destination.
        "Embargo" needs one for every item, EAR99 included. Countries not listed use "All other countries".
      </Text>
      <Table.ScrollContainer minWidth={900}>
        <Table withTableBorder fz="sm" aria-labelledby="chart-title" striped horizontalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Destination</Table.Th>
              <Table.Th>Embargo</Table.Th>
              {reasons.map((r) => (
                <Table.Th key={r} ta="center">
                  {r}
                </Table.Th>
              ))}
              {canEdit ? <Table.Th /> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sortedRows(chart).map((country) => {
              const row = chart[country] ?? [];
              const isEmbargo = row.includes(EMBARGO);
              const label = country === "default" ? "All other countries" : countryName(country);
              return (
                <Table.Tr key={country}>
                  <Table.Td>
                    {label}
                    {country !== "default" ? (
                      <Text span c="dimmed" size="xs">
                        {" "}
                        {country}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Checkbox
                      aria-label={`Embargo: every item to ${label} needs a licence`}
                      size="xs"
                      checked={isEmbargo}
                      disabled={!canEdit}
                      color="red"
                      onChange={(e) => toggle(country, EMBARGO, e.currentTarget.checked)}
                    />
                  </Table.Td>
                  {reasons.map((r) => (
                    <Table.Td key={r} ta="center">
                      <Checkbox
                        aria-label={`${r} to ${label} needs a licence`}
                        size="xs"
                        checked={isEmbargo || row.includes(r)}
                        disabled={!canEdit || isEmbargo}
                        onChange={(e) => toggle(country, r, e.currentTarget.checked)}
                        styles={{ body: { justifyContent: "center" } }}
                      />
                    </Table.Td>
                  ))}
                  {canEdit ? (
                    <Table.Td>
                      {country !== "default" ? (
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          aria-label={`Remove ${label} from the chart`}
                          onClick={() =>
                            setChart(({ [country]: _gone, ...rest }) => rest as Record<string, string[]>)
                          }
                        >
                          <IconTrash size={16} />
                        </ActionIcon>
                      ) : null}
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {canEdit ? (
        <Group align="flex-start" justify="space-between">
          <Group align="flex-start">
            <TextInput
              label="Add a destination"
              placeholder="ISO code, e.g. BR"
              maxLength={2}
              value={newCountry}
              onChange={(e) => {
                setNewCountry(e.currentTarget.value.toUpperCase());
                setAddError(null);
              }}
              error={addError}
              w={200}
            />
            <Button variant="default" mt={25} onClick={add}>
              Add row
            </Button>
          </Group>
          <Group mt={25}>
            <Button variant="default" disabled={!changes.length} onClick={() => setChart(data.chart)}>
              Discard changes
            </Button>
            <Button disabled={!changes.length} onClick={() => setConfirming(true)}>
              Save chart
            </Button>
          </Group>
        </Group>
      ) : null}
      <ConfirmModal
        opened={confirming}
        title="Save the country chart?"
        confirmLabel="Save chart"
        loading={save.isPending}
        error={save.error}
        onConfirm={() => save.mutate()}
        onClose={() => setConfirming(false)}
      >
        <Text size="sm" mb="xs">
          Every transaction checked from now on uses the new chart (COC-19.1). The change is recorded in the
          audit log.
        </Text>
        <Stack gap={2} data-testid="chart-changes">
          {changes.map((line) => (
            <Text key={line} size="sm">
              {line}
            </Text>
          ))}
        </Stack>
      </ConfirmModal>
    </Stack>
  );
}
