import { ActionIcon, Button, Group, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import type { ApiForm } from "../../components/api-form.tsx";

// Condition 11(m) (ECA-11(m)): monthly Underlying EBITDA and Schedule 11(m)'s minimum for each
// three-month period, both keyed by month. The API computes the test; this only edits the tables.

export type Row = { month: string; amount: string };
export type EbitdaTables = { months: Row[]; schedule: Row[] };

export const rowsOf = (value: unknown): Row[] =>
  value && typeof value === "object"
    ? Object.entries(value as Record<string, unknown>)
        .map(([month, amount]) => ({ month, amount: String(amount) }))
        .sort((a, b) => a.month.localeCompare(b.month))
    : [];

export const objectOf = (rows: Row[]): Record<string, string> =>
  Object.fromEntries(rows.filter((r) => r.month.trim() !== "").map((r) => [r.month.trim(), r.amount.trim()]));

const TABLES: { key: keyof EbitdaTables; title: string; amountLabel: string }[] = [
  { key: "months", title: "Underlying EBITDA by month", amountLabel: "Underlying EBITDA ($)" },
  {
    key: "schedule",
    title: "Schedule 11(m): minimum for the three months ending",
    amountLabel: "Minimum for the three months ($)",
  },
];

/** The labels of the tables' cells, by form path ("ebitda.months.2.amount"). */
export const ebitdaLabels = (tables: EbitdaTables): Record<string, string> =>
  Object.fromEntries(
    TABLES.flatMap((t) =>
      tables[t.key].flatMap((_, n) => [
        [`ebitda.${t.key}.${n}.month`, `${t.title}: month ${n + 1}`],
        [`ebitda.${t.key}.${n}.amount`, `${t.title}: amount ${n + 1}`],
      ]),
    ),
  );

/** The API names a figure by its month ("inputs.months.2010-03"); the form by its row. */
export const ebitdaPath = (serverPath: string, tables: EbitdaTables): string | undefined => {
  const match = /inputs\.(months|schedule)\.(.+)$/.exec(serverPath);
  if (!match) return undefined;
  const key = match[1] as keyof EbitdaTables;
  const n = tables[key].findIndex((r) => r.month.trim() === match[2]);
  return n < 0 ? undefined : `ebitda.${key}.${n}.amount`;
};

export function EbitdaEditor<V extends { ebitda: EbitdaTables }, R>({ form }: { form: ApiForm<V, R> }) {
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      {TABLES.map((t) => {
        const rows = form.values.ebitda[t.key];
        const set = (next: Row[]) => form.setValue(`ebitda.${t.key}`, next);
        return (
          <Stack key={t.key} gap={4}>
            <Text size="sm" fw={500}>
              {t.title}
            </Text>
            {rows.map((_, n) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a row's month is being edited, so it is no key
              <Group key={n} gap={4} align="flex-start" wrap="nowrap">
                <TextInput
                  size="xs"
                  w={110}
                  label={n === 0 ? "Month" : undefined}
                  aria-label={`${t.title}: month ${n + 1}`}
                  placeholder="YYYY-MM"
                  {...form.getInputProps(`ebitda.${t.key}.${n}.month`)}
                />
                <TextInput
                  size="xs"
                  style={{ flex: 1 }}
                  label={n === 0 ? t.amountLabel : undefined}
                  aria-label={`${t.title}: amount ${n + 1}`}
                  {...form.getInputProps(`ebitda.${t.key}.${n}.amount`)}
                />
                <ActionIcon
                  size="sm"
                  mt={n === 0 ? 26 : 4}
                  variant="subtle"
                  color="red"
                  aria-label={`Remove ${t.key} row ${n + 1}`}
                  onClick={() => set(rows.filter((_, k) => k !== n))}
                >
                  ×
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button size="xs" variant="default" onClick={() => set([...rows, { month: "", amount: "" }])}>
                Add a month
              </Button>
            </Group>
          </Stack>
        );
      })}
    </SimpleGrid>
  );
}
