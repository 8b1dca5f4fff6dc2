import { Alert, Stack, Text } from "@mantine/core";
import { useOp } from "../../api/client.ts";
import { errorMessage } from "../../lib/api.ts";
import { HitCard } from "./hit-card.tsx";

/** The open hits of every counterparty, waiting for a reviewer's decision (COC-18.1). */
export function ReviewQueueTab() {
  const hits = useOp("hit.list", { query: { status: "open", pageSize: 100 } });
  if (hits.error) return <Alert color="red">{errorMessage(hits.error)}</Alert>;
  if (hits.data && !hits.data.items.length) return <Text c="dimmed">No hits await review.</Text>;
  return (
    <Stack>
      {hits.data?.items.map((h) => (
        <HitCard key={h.id} hit={h} canDecide={hits.data.can.canDecide} />
      ))}
    </Stack>
  );
}
