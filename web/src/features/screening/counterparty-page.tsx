import { Alert, Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text } from "@mantine/core";
import { IconPencil } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { invalidate, opKey, type Schema, useOp } from "../../api/client.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { PlainField as Field } from "../../components/field.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { TableSkeleton } from "../../components/table-skeleton.tsx";
import { countryName, humanise } from "../../lib/format.ts";
import { CounterpartyForm } from "./counterparty-form.tsx";
import { HitCard } from "./hit-card.tsx";
import { OwnersPanel } from "./owners-panel.tsx";
import { listName, SCREENING_READS, STATUS_COLOR } from "./screening-api.ts";

type CounterpartyDetail = Schema<"CounterpartyDetailView">;

function Details({ c }: { c: CounterpartyDetail }) {
  return (
    <Paper p="md" withBorder>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
        <Field label="Kind">{humanise(c.kind)}</Field>
        <Field label="Party type">{humanise(c.partyType)}</Field>
        <Field label="Country">
          {c.country ? `${countryName(c.country)} (${c.country})` : "—"}
          {c.region ? `, ${c.region}` : ""}
        </Field>
        <Field label="Foreign party">{c.isForeign ? "Yes" : "No (domestic)"}</Field>
        <Field label="Aliases">{c.aliases.join("; ") || "—"}</Field>
        <Field label="Address">{c.address ?? "—"}</Field>
        <Field label="Date of birth">{c.dateOfBirth ?? "—"}</Field>
        <Field label="Identifiers">
          {c.identifiers.map((i) => `${i.type} ${i.number}`).join("; ") || "—"}
        </Field>
      </SimpleGrid>
    </Paper>
  );
}

export function CounterpartyPage({ counterpartyId }: { counterpartyId: string }) {
  const qc = useQueryClient();
  const args = { path: { id: counterpartyId } };
  const cp = useOp("counterparty.read", args);
  const [isEditing, setEditing] = useState(false);
  const [isRescreened, setRescreened] = useState(false);
  const [saved, setSaved] = useState<CounterpartyDetail | null>(null);
  const onSaved = (next: CounterpartyDetail) => {
    setRescreened(next.screening?.id !== cp.data?.screening?.id);
    qc.setQueryData(opKey("counterparty.read", args), next);
    invalidate(qc, ...SCREENING_READS);
    setSaved(next);
    setEditing(false);
  };
  if (cp.isError) return <ErrorAlert error={cp.error} />;
  const c = cp.data;
  if (!c) return <TableSkeleton />;
  const openHits = c.hits.filter((h) => h.status === "open").length;
  return (
    <Stack>
      <Anchor component={Link} to="/screening" size="sm">
        ← Screening
      </Anchor>
      <PageHeader
        title={c.name}
        description={`${c.partyType} · ${c.kind} · ${c.country ?? "no country"}${c.region ? ` (${c.region})` : ""}${c.aliases.length ? ` · a.k.a. ${c.aliases.join(", ")}` : ""}`}
        actions={
          c.can.canManageCounterparties && !isEditing ? (
            <Button
              variant="default"
              leftSection={<IconPencil size={16} />}
              onClick={() => {
                setSaved(null);
                setEditing(true);
              }}
            >
              Edit
            </Button>
          ) : null
        }
      />
      {saved && !isEditing ? (
        <Alert
          color={STATUS_COLOR[saved.status] ?? "gray"}
          title="Saved"
          role="status"
          data-testid="saved"
          withCloseButton
          onClose={() => setSaved(null)}
        >
          {isRescreened
            ? `Re-screened after the change (COC-18.1): now ${c.status}, ${openHits} open hit(s).`
            : `No screened field changed, so the latest screening stands: ${c.status}, ${openHits} open hit(s).`}
        </Alert>
      ) : null}
      {isEditing ? (
        <Paper p="md" withBorder>
          <CounterpartyForm counterparty={c} onSaved={onSaved} onCancel={() => setEditing(false)} />
        </Paper>
      ) : (
        <Details c={c} />
      )}
      <Group>
        <Badge size="lg" color={STATUS_COLOR[c.status] ?? "gray"} data-testid="status">
          {c.status}
        </Badge>
        {c.screening ? (
          <Text size="sm">
            Screened {c.screening.screenedAt.slice(0, 16).replace("T", " ")} on {c.screening.listVersion} (
            {c.screening.trigger}); {c.screening.openHits} open hit(s)
          </Text>
        ) : (
          <Text size="sm">Not screened yet: no list imported.</Text>
        )}
      </Group>
      <Text size="sm" c="dimmed" data-testid="screened-lists">
        Screened against: {c.lists.map(listName).join(", ")}
      </Text>
      {c.requiresEdd ? (
        <Alert color="yellow" title="Enhanced due diligence" data-testid="edd">
          {c.name} is a politically exposed person: enhanced due diligence is required. This is not a block
          (COC-18.1).
        </Alert>
      ) : null}
      <OwnersPanel c={c} onChanged={(next) => qc.setQueryData(opKey("counterparty.read", args), next)} />
      {c.hits.length ? (
        c.hits.map((h) => <HitCard key={h.id} hit={h} canDecide={c.can.canDecide} />)
      ) : (
        <Text c="dimmed">No hits.</Text>
      )}
    </Stack>
  );
}
