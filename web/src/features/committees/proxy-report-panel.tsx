import { Anchor, Badge, Group, Stack, Text } from "@mantine/core";
import { opUrl, useOp } from "../../api/client.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";

export function ProxyReportPanel({ committeeId }: { committeeId: string }) {
  const q = useOp("proxy.report", { path: { id: committeeId } });
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data) return null;
  const r = q.data;
  return (
    <Stack maw={820}>
      <Group>
        <Badge color="orange">Draft for the {r.year} proxy statement (CC-22)</Badge>
        <Anchor href={opUrl("proxy.report.pdf", { path: { id: committeeId }, query: { year: r.year } })}>
          PDF
        </Anchor>
      </Group>
      <Text style={{ whiteSpace: "pre-wrap" }}>{r.text}</Text>
      <Text size="sm" c="dimmed">
        From the records of {r.year}: {r.meetingsHeld.regular} regular and {r.meetingsHeld.special} special
        meetings held, {r.writtenConsents} written consent(s); duties {r.duties.done} done, {r.duties.due}{" "}
        due, {r.duties.overdue} overdue.{" "}
        {r.cdaReviewOnRecord
          ? "The review of the CD&A is on record."
          : "The review of the CD&A is not yet on record."}
      </Text>
    </Stack>
  );
}
