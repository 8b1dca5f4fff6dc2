import { ActionIcon, Code, Collapse, Stack, Table, Text, Tooltip } from "@mantine/core";
import { IconChevronDown, IconChevronRight } from "@tabler/icons-react";
import { Fragment, type ReactNode, useState } from "react";
import type { Schema } from "../../api/client.ts";
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

/** One event, with its payload folded below it; the actor and subject filter the list by a click. */
export const EventRow = ({
  event,
  onFilter,
}: {
  event: AuditEvent;
  onFilter: (patch: Partial<AuditFilters>) => void;
}) => {
  const [open, setOpen] = useState(false);
  const payloadId = `audit-payload-${event.seq}`;
  return (
    <Fragment>
      <Table.Tr>
        <Table.Td>
          <ActionIcon
            variant="subtle"
            size="sm"
            onClick={() => setOpen((value) => !value)}
            aria-expanded={open}
            aria-controls={payloadId}
            aria-label={`${open ? "Hide" : "Show"} payload of event ${event.seq}`}
          >
            {open ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
          </ActionIcon>
        </Table.Td>
        <Table.Td style={{ fontVariantNumeric: "tabular-nums" }}>{event.seq}</Table.Td>
        <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDateTime(event.occurredAt)}</Table.Td>
        <Table.Td>
          {event.actorId ? (
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
          )}
        </Table.Td>
        <Table.Td>
          <Code>{event.action}</Code>
        </Table.Td>
        <Table.Td>
          {event.subjectType ? (
            <FilterButton
              onClick={() =>
                onFilter({ subjectType: event.subjectType ?? "", subjectId: event.subjectId ?? "" })
              }
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
          )}
        </Table.Td>
        <Table.Td>
          <Tooltip label={event.hash} withArrow>
            <Text size="xs" ff="monospace" c="dimmed" tabIndex={0} aria-label={`Hash ${event.hash}`}>
              {event.hash.slice(0, 10)}
            </Text>
          </Tooltip>
        </Table.Td>
      </Table.Tr>
      <Table.Tr style={open ? undefined : { display: "none" }}>
        <Table.Td colSpan={7} p={0}>
          <Collapse expanded={open} id={payloadId}>
            <Stack gap={6} p="sm" bg="gray.0">
              <Code block className="json-payload" aria-label={`Payload of event ${event.seq}`}>
                {JSON.stringify(event.payload ?? {}, null, 2)}
              </Code>
              <Text size="xs" c="dimmed" ff="monospace" style={{ wordBreak: "break-all" }}>
                subject id: {event.subjectId ?? "—"} · prev: {event.prevHash} · hash: {event.hash}
              </Text>
            </Stack>
          </Collapse>
        </Table.Td>
      </Table.Tr>
    </Fragment>
  );
};
