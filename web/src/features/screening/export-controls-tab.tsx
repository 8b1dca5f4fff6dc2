import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconPackage, IconPlus, IconTrash } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { type Args, call, invalidate, type Schema, useOp } from "../../api/client.ts";
import { ConfirmModal } from "../../components/confirm-modal.tsx";
import { Empty } from "../../components/empty.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { TableSkeleton } from "../../components/table-skeleton.tsx";
import { fieldErrors } from "../../lib/api.ts";
import { countryName } from "../../lib/format.ts";

type ExportControls = Schema<"ExportControlsView">;
type LicenceBody = NonNullable<Args<"export.licence.create">["body"]>;

/** Reasons for control of the Commerce Country Chart (EAR Supplement 1 to Part 738). */
const REASONS = [
  "NS1",
  "NS2",
  "MT1",
  "NP1",
  "NP2",
  "CB1",
  "CB2",
  "CB3",
  "RS1",
  "RS2",
  "CC1",
  "CC2",
  "CC3",
  "AT1",
  "AT2",
];
const EMBARGO = "*";

const fieldTitle = (error: unknown) =>
  Object.keys(fieldErrors(error)).length ? "Please correct the highlighted fields" : undefined;

function NewItem() {
  const qc = useQueryClient();
  const [sku, setSku] = useState("");
  const [name, setName] = useState("");
  const [eccn, setEccn] = useState("");
  const [reasons, setReasons] = useState<string[]>([]);
  const create = useMutation({
    mutationFn: () =>
      call("export.item.create", {
        body: { sku, name, eccn, reasons: eccn.trim().toUpperCase() === "EAR99" ? [] : reasons },
      }),
    onSuccess: () => {
      setSku("");
      setName("");
      setEccn("");
      setReasons([]);
      invalidate(qc, "export.read");
    },
  });
  const errors = fieldErrors(create.error);
  const isEar99 = eccn.trim().toUpperCase() === "EAR99";
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <Card withBorder>
      <form onSubmit={submit} noValidate aria-labelledby="new-item-title">
        <Stack gap="sm">
          <Text fw={600} id="new-item-title">
            New export item
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
            <TextInput
              label="SKU"
              required
              value={sku}
              onChange={(e) => setSku(e.currentTarget.value)}
              error={errors.sku}
            />
            <TextInput
              label="Item name"
              required
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={errors.name}
            />
            <TextInput
              label="ECCN"
              required
              description="EAR99, or a classification such as 3A001"
              value={eccn}
              onChange={(e) => setEccn(e.currentTarget.value.toUpperCase())}
              error={errors.eccn}
            />
            <MultiSelect
              label="Control reasons"
              description={isEar99 ? "EAR99 items have no reasons for control" : "From the ECCN's entry"}
              data={REASONS}
              value={isEar99 ? [] : reasons}
              onChange={setReasons}
              disabled={isEar99}
              searchable
              clearable
              error={errors.reasons}
            />
          </SimpleGrid>
          {create.error ? <ErrorAlert error={create.error} title={fieldTitle(create.error)} /> : null}
          <Group justify="space-between">
            {create.data ? (
              <Text size="sm" role="status">
                Added {create.data.sku} ({create.data.eccn}).
              </Text>
            ) : (
              <span />
            )}
            <Button type="submit" loading={create.isPending} leftSection={<IconPlus size={16} />}>
              Add item
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function NewLicence() {
  const qc = useQueryClient();
  const [kind, setKind] = useState<string>("licence");
  const [reference, setReference] = useState("");
  const [eccn, setEccn] = useState("");
  const [country, setCountry] = useState("");
  const [validUntil, setValidUntil] = useState("");
  const create = useMutation({
    mutationFn: () =>
      call("export.licence.create", {
        body: { kind: kind as LicenceBody["kind"], reference, eccn, country, validUntil: validUntil || null },
      }),
    onSuccess: () => {
      setReference("");
      setEccn("");
      setCountry("");
      setValidUntil("");
      invalidate(qc, "export.read");
    },
  });
  const errors = fieldErrors(create.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <Card withBorder>
      <form onSubmit={submit} noValidate aria-labelledby="new-licence-title">
        <Stack gap="sm">
          <Text fw={600} id="new-licence-title">
            New licence or licence exception
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 3, lg: 5 }}>
            <Select
              label="Kind"
              data={[
                { value: "licence", label: "Licence" },
                { value: "exception", label: "Licence exception" },
              ]}
              value={kind}
              onChange={(v) => setKind(v ?? "licence")}
              allowDeselect={false}
              error={errors.kind}
            />
            <TextInput
              label="Reference"
              required
              description="Licence number or exception (e.g. D123456, GBS)"
              value={reference}
              onChange={(e) => setReference(e.currentTarget.value)}
              error={errors.reference}
            />
            <TextInput
              label="Licence ECCN"
              required
              description="The ECCN it covers"
              value={eccn}
              onChange={(e) => setEccn(e.currentTarget.value.toUpperCase())}
              error={errors.eccn}
            />
            <TextInput
              label="Licence country"
              required
              description="Destination, ISO code"
              maxLength={2}
              value={country}
              onChange={(e) => setCountry(e.currentTarget.value.toUpperCase())}
              error={errors.country}
            />
            <TextInput
              label="Valid until"
              type="date"
              description="Blank: no expiry"
              value={validUntil}
              onChange={(e) => setValidUntil(e.currentTarget.value)}
              error={errors.validUntil}
            />
          </SimpleGrid>
          {create.error ? <ErrorAlert error={create.error} title={fieldTitle(create.error)} /> : null}
          <Group justify="space-between">
            {create.data ? (
              <Text size="sm" role="status">
                Recorded {create.data.kind} {create.data.reference} for {create.data.eccn} to{" "}
                {create.data.country}.
              </Text>
            ) : (
              <span />
            )}
            <Button type="submit" loading={create.isPending} leftSection={<IconPlus size={16} />}>
              Add licence
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

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

function CountryChart({ data }: { data: ExportControls }) {
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

type Jurisdiction = ExportControls["jurisdictions"][number];

/** The comprehensively sanctioned jurisdictions (COC-18.2): configuration, edited by compliance. */
function Jurisdictions({ data }: { data: ExportControls }) {
  const qc = useQueryClient();
  const [list, setList] = useState<Jurisdiction[]>(data.jurisdictions);
  const [draft, setDraft] = useState({ country: "", region: "", label: "" });
  const [confirming, setConfirming] = useState(false);
  const changed = JSON.stringify(list) !== JSON.stringify(data.jurisdictions);
  const save = useMutation({
    mutationFn: () => call("export.jurisdictions.update", { body: list }),
    onSuccess: () => {
      setConfirming(false);
      notifications.show({
        color: "green",
        title: "Sanctioned jurisdictions saved",
        message: "Transactions are checked against them from now on (COC-18.2).",
      });
      invalidate(qc, "export.read");
    },
  });
  const code = draft.country.trim().toUpperCase();
  const draftError =
    code && !/^[A-Z]{2}$/.test(code)
      ? "A two-letter ISO code, e.g. VE"
      : list.some((j) => j.country === code && (j.region ?? "") === draft.region.trim())
        ? "Already on the list"
        : null;
  const add = (e: FormEvent) => {
    e.preventDefault();
    if (!code || draftError || !draft.label.trim()) return;
    setList([...list, { country: code, region: draft.region.trim() || null, label: draft.label.trim() }]);
    setDraft({ country: "", region: "", label: "" });
  };
  if (!data.can.canManageExport)
    return (
      <Stack gap="xs">
        <Text fw={600}>Comprehensively sanctioned jurisdictions (COC-18.2)</Text>
        <Group>
          {data.jurisdictions.map((j) => (
            <Badge key={`${j.country}/${j.region}`} color="red" variant="light">
              {j.label}
            </Badge>
          ))}
        </Group>
      </Stack>
    );
  return (
    <Stack gap="xs">
      <Text fw={600} id="jurisdictions-title">
        Comprehensively sanctioned jurisdictions (COC-18.2)
      </Text>
      <Text size="sm" c="dimmed">
        Transactions with a party or a destination in these places are refused. A region narrows a country to
        that region (Crimea in UA); the party's region field is matched against it.
      </Text>
      <Table withTableBorder fz="sm" aria-labelledby="jurisdictions-title" maw={760}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Country</Table.Th>
            <Table.Th>Region</Table.Th>
            <Table.Th>Shown as</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.map((j, i) => (
            <Table.Tr key={`${j.country}/${j.region}`}>
              <Table.Td>
                {countryName(j.country)}{" "}
                <Text span size="xs" c="dimmed">
                  {j.country}
                </Text>
              </Table.Td>
              <Table.Td>{j.region ?? "the whole country"}</Table.Td>
              <Table.Td>{j.label}</Table.Td>
              <Table.Td>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={`Remove ${j.label}`}
                  onClick={() => setList(list.filter((_, k) => k !== i))}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <form onSubmit={add}>
        <Group align="flex-start">
          <TextInput
            label="Country"
            placeholder="ISO code, e.g. VE"
            value={draft.country}
            onChange={(e) => setDraft({ ...draft, country: e.currentTarget.value })}
            error={draftError}
            w={150}
          />
          <TextInput
            label="Region (optional)"
            value={draft.region}
            onChange={(e) => setDraft({ ...draft, region: e.currentTarget.value })}
            w={180}
          />
          <TextInput
            label="Shown as"
            placeholder="e.g. Venezuela"
            value={draft.label}
            onChange={(e) => setDraft({ ...draft, label: e.currentTarget.value })}
            w={240}
          />
          <Button
            type="submit"
            variant="default"
            mt={25}
            disabled={!code || !!draftError || !draft.label.trim()}
          >
            Add jurisdiction
          </Button>
        </Group>
      </form>
      <Group>
        <Button variant="default" disabled={!changed} onClick={() => setList(data.jurisdictions)}>
          Discard changes
        </Button>
        <Button disabled={!changed} onClick={() => setConfirming(true)}>
          Save jurisdictions
        </Button>
      </Group>
      <ConfirmModal
        opened={confirming}
        title="Save the sanctioned jurisdictions?"
        confirmLabel="Save jurisdictions"
        loading={save.isPending}
        error={save.error}
        onConfirm={() => save.mutate()}
        onClose={() => setConfirming(false)}
      >
        <Text size="sm">
          Every transaction approved from now on is checked against {list.length} jurisdiction
          {list.length === 1 ? "" : "s"} (COC-18.2). The change is recorded in the audit log.
        </Text>
      </ConfirmModal>
    </Stack>
  );
}

export function ExportControlsTab() {
  const ec = useOp("export.read", {});
  if (ec.isPending) return <TableSkeleton />;
  if (ec.isError) return <ErrorAlert error={ec.error} />;
  const data = ec.data;
  const canEdit = data.can.canManageExport;
  return (
    <Stack gap="lg">
      <Jurisdictions key={JSON.stringify(data.jurisdictions)} data={data} />
      {/* Remount on every saved chart so the editor starts from what the server holds. */}
      <CountryChart key={JSON.stringify(data.chart)} data={data} />
      <Stack gap="sm">
        <Text fw={600} id="items-title">
          Export items
        </Text>
        {canEdit ? <NewItem /> : null}
        {data.items.length ? (
          <Table withTableBorder fz="sm" aria-labelledby="items-title">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>SKU</Table.Th>
                <Table.Th>Name</Table.Th>
                <Table.Th>ECCN</Table.Th>
                <Table.Th>Reasons for control</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Td>{i.sku}</Table.Td>
                  <Table.Td>{i.name}</Table.Td>
                  <Table.Td>{i.eccn}</Table.Td>
                  <Table.Td>{i.reasons.join(", ") || "—"}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : (
          <Empty
            isCompact
            title="No export items yet"
            description="Items with their ECCN let a transaction be checked against the country chart."
            icon={<IconPackage size={22} stroke={1.6} />}
          />
        )}
      </Stack>
      <Stack gap="sm">
        <Text fw={600} id="licences-title">
          Licences and exceptions on record
        </Text>
        {canEdit ? <NewLicence /> : null}
        {data.licences.length ? (
          <Table withTableBorder fz="sm" aria-labelledby="licences-title">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Kind</Table.Th>
                <Table.Th>Reference</Table.Th>
                <Table.Th>ECCN</Table.Th>
                <Table.Th>Country</Table.Th>
                <Table.Th>Valid until</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.licences.map((l) => (
                <Table.Tr key={l.id}>
                  <Table.Td>{l.kind === "exception" ? "Licence exception" : "Licence"}</Table.Td>
                  <Table.Td>{l.reference}</Table.Td>
                  <Table.Td>{l.eccn}</Table.Td>
                  <Table.Td>
                    {countryName(l.country)} ({l.country})
                  </Table.Td>
                  <Table.Td>{l.validUntil ?? "No expiry"}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : (
          <Empty
            isCompact
            title="No licences or exceptions on record"
            description="Without one, a controlled item to a destination that needs a licence is refused (COC-19.1)."
          />
        )}
      </Stack>
    </Stack>
  );
}
