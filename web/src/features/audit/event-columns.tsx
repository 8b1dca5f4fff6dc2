import { Code, Stack, Text, Tooltip } from "@mantine/core";
import type { ReactNode } from "react";
import type { Schema } from "../../api/client.ts";
import type { Column, RowDetail } from "../../components/data-table.tsx";
import { formatDateTime } from "../../lib/format.ts";
import type { AuditFilters } from "./audit-filters.tsx";

type AuditEvent = Schema<"AuditEventView">;

/** A value in the row that, clicked, filters the list by it. */
const FilterButton = ({
  title,
  onClick,
  children,
}: {
  title: string;
  onClick: () => void;
  children: ReactNode;
}) => (
  <Text
    component="button"
    type="button"
    className="sort-button"
    size="sm"
    fw={400}
    onClick={onClick}
    title={title}
  >
    {children}
  </Text>
);

/** The columns of the event list; the actor and subject filter the list by a click. */
export const eventColumns = (onFilter: (patch: Partial<AuditFilters>) => void): Column<AuditEvent>[] => [
  {
    key: "seq",
    header: "Seq",
    width: 70,
    cellProps: { style: { fontVariantNumeric: "tabular-nums" } },
    cell: (event) => event.seq,
  },
  {
    key: "time",
    header: "Time",
    cellProps: { style: { whiteSpace: "nowrap" } },
    cell: (event) => formatDateTime(event.occurredAt),
  },
  {
    key: "actor",
    header: "Actor",
    cell: (event) =>
      event.actorId ? (
        <FilterButton
          onClick={() => onFilter({ actorId: event.actorId ?? "" })}
          title="Show only this actor's events"
        >
          {event.actorLabel ?? event.actorId}
        </FilterButton>
      ) : (
        <Text size="sm" c="dimmed">
          {event.actorLabel ?? "system"}
        </Text>
      ),
  },
  { key: "action", header: "Action", cell: (event) => <Code>{event.action}</Code> },
  {
    key: "subject",
    header: "Subject",
    cell: (event) =>
      event.subjectType ? (
        <FilterButton
          onClick={() => onFilter({ subjectType: event.subjectType ?? "", subjectId: event.subjectId ?? "" })}
          title={`Show only events about ${event.subjectType} ${event.subjectId ?? ""}`}
        >
          {event.subjectType}
          {event.subjectId ? (
            <Text span c="dimmed" size="xs" ff="monospace">
              {event.subjectId.length > 12 ? `…${event.subjectId.slice(-6)}` : event.subjectId}
            </Text>
          ) : null}
        </FilterButton>
      ) : (
        "—"
      ),
  },
  {
    key: "hash",
    header: "Hash",
    cell: (event) => (
      <Tooltip label={event.hash} withArrow>
        <Text size="xs" ff="monospace" c="dimmed" tabIndex={0} aria-label={`Hash ${event.hash}`}>
          {event.hash.slice(0, 10)}
        </Text>
      </Tooltip>
    ),
  },
];

/** Each event folds out its payload below it. */
export const eventPayload: RowDetail<AuditEvent> = {
  header: "Payload",
  toggleLabel: (event, isOpen) => `${isOpen ? "Hide" : "Show"} payload of event ${event.seq}`,
  id: (event) => `audit-payload-${event.seq}`,
  render: (event) => (
    <Stack gap={6} p="sm" bg="gray.0">
      <Code block className="json-payload" aria-label={`Payload of event ${event.seq}`}>
        {JSON.stringify(event.payload ?? {}, null, 2)}
      </Code>
      <Text size="xs" c="dimmed" ff="monospace" style={{ wordBreak: "break-all" }}>
        subject id: {event.subjectId ?? "—"} · prev: {event.prevHash} · hash: {event.hash}
      </Text>
    </Stack>
  ),
};
