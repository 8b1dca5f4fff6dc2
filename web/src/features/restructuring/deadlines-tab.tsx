import { Alert, Badge, Stack, Text } from "@mantine/core";
import { type Schema, useOp } from "../../api/client.ts";
import { type Column, DataTable } from "../../components/data-table.tsx";
import { FactsForm } from "./facts-form.tsx";
import { type Offering, type TerminationEvent, usd } from "./rx.ts";
import { TerminationForm } from "./termination-form.tsx";

type Deadline = Schema<"OfferingDeadlineView">;

const DEADLINE_COLUMNS: Column<Deadline>[] = [
  { key: "rule", header: "Rule", cell: (d) => d.rule },
  { key: "title", header: "Deadline", cell: (d) => d.title },
  {
    key: "date",
    header: "Date",
    cell: (d) => (
      <>
        {d.date ?? "—"} {d.status === "upcoming" ? <Badge size="xs">upcoming</Badge> : null}
      </>
    ),
  },
  { key: "basis", header: "Computed from", cell: (d) => <Text size="xs">{d.basis}</Text> },
];

const EVENT_COLUMNS: Column<TerminationEvent>[] = [
  { key: "code", header: "Section", cell: (e) => e.code },
  { key: "label", header: "Event", cell: (e) => e.label },
  {
    key: "fee",
    header: "Termination Fee",
    cell: (e) =>
      e.feeOwed === true
        ? "Termination Fee owed"
        : e.feeOwed === false
          ? "no fee"
          : "fee owed if 19(d) applies",
  },
];

const TABLE_PROPS = { withTableBorder: true, striped: true } as const;

/** Deadlines in business days on the US banking calendar (ECA-9, ECA-19, ECA-1(ff), ECA-26). */
export function Deadlines({ o }: { o: Offering }) {
  const deadlines = useOp("deadline.list", { path: { id: o.id } });
  const terminations = useOp("termination.list", { path: { id: o.id } });
  return (
    <Stack>
      {o.can.manage ? <FactsForm o={o} /> : null}
      <DataTable
        label="Deadlines"
        columns={DEADLINE_COLUMNS}
        rowKey={(d) => d.key}
        query={deadlines}
        inPaper={false}
        tableProps={TABLE_PROPS}
        empty={{ title: "No deadlines", description: "The deadlines follow the dated facts above." }}
      />
      <Text fw={600}>Termination events (ECA-19) and the Termination Fee (ECA-2(d))</Text>
      <DataTable
        label="Termination events"
        columns={EVENT_COLUMNS}
        rowKey={(e) => e.code}
        query={{ ...terminations, data: terminations.data?.events }}
        inPaper={false}
        tableProps={{ withTableBorder: true }}
        empty={{ title: "No termination events" }}
      />
      {o.can.manage && terminations.data && !terminations.data.recorded.length ? (
        <TerminationForm o={o} events={terminations.data.events} />
      ) : null}
      {terminations.data?.recorded.map((t) => (
        <Alert key={t.id} color="red" title={`Terminated: ${t.event} on ${t.occurredOn}`}>
          {t.label}. {t.feeOwed ? `Termination Fee owed: ${usd(t.fee)}.` : "No Termination Fee."} {t.note}
        </Alert>
      ))}
    </Stack>
  );
}
