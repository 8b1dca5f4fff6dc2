import { ActionIcon, Badge, Button, Group, Stack, Table, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconTrash } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { call, invalidate, type Schema } from "../../api/client.ts";
import { ConfirmModal } from "../../components/confirm-modal.tsx";
import { countryName } from "../../lib/format.ts";

type ExportControls = Schema<"ExportControlsView">;
type Jurisdiction = ExportControls["jurisdictions"][number];

/** The comprehensively sanctioned jurisdictions (COC-18.2): configuration, edited by compliance. */
export function JurisdictionsPanel({ data }: { data: ExportControls }) {
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
