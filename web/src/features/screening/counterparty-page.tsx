import { Alert, Anchor, Badge, Group, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { PageHeader } from "../../components/page-header.tsx";
import { errorMessage } from "../../lib/api.ts";
import { HitCard } from "./hit-card.tsx";
import { STATUS_COLOR, screeningApi } from "./screening-api.ts";

export function CounterpartyPage({ counterpartyId }: { counterpartyId: string }) {
  const cp = useQuery({
    queryKey: ["screening", "counterparty", counterpartyId],
    queryFn: () => screeningApi.counterparty(counterpartyId),
  });
  if (cp.error) return <Alert color="red">{errorMessage(cp.error)}</Alert>;
  const c = cp.data;
  if (!c) return null;
  return (
    <Stack>
      <Anchor component={Link} to="/screening" size="sm">
        ← Screening
      </Anchor>
      <PageHeader
        title={c.name}
        description={`${c.partyType} · ${c.kind} · ${c.country ?? "no country"}${c.region ? ` (${c.region})` : ""}${c.aliases.length ? ` · a.k.a. ${c.aliases.join(", ")}` : ""}`}
      />
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
      {c.hits.length ? (
        c.hits.map((h) => <HitCard key={h.id} hit={h} canDecide={c.can.canDecide} />)
      ) : (
        <Text c="dimmed">No hits.</Text>
      )}
    </Stack>
  );
}
