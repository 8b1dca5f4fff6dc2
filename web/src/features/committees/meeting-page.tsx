import { Anchor, Badge, Group, Stack } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { opUrl, useOp } from "../../api/client.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { fmtDateTime, STATUS_COLOR } from "./committee-ui.ts";
import { Agenda } from "./meeting-agenda.tsx";
import { Attendance } from "./meeting-attendance.tsx";
import { MinutesPanel } from "./minutes-panel.tsx";

export function MeetingPage({ meetingId }: { meetingId: string }) {
  const q = useOp("meeting.read", { path: { id: meetingId } });
  if (q.error) return <ErrorAlert error={q.error} />;
  const m = q.data;
  if (!m) return null;
  return (
    <Stack>
      <Anchor component={Link} to={`/committees/${m.committee.id}`} size="sm">
        ← {m.committee.name}
      </Anchor>
      <PageHeader
        title={m.title}
        description={`${m.kind === "special" ? "Special" : "Regular"} meeting of the ${m.committee.name} · ${fmtDateTime(m.startsAt)} · ${
          m.mode === "telephone"
            ? "by conference telephone call"
            : m.mode === "hybrid"
              ? "in person and by telephone"
              : `in person${m.location ? `, ${m.location}` : ""}`
        }${m.calledBy ? ` · called by ${m.calledBy.name} (${m.calledBy.capacity?.replace("_", " ")}, CC-7)` : ""}`}
        actions={
          <>
            <Anchor href={opUrl("meeting.invite", { path: { id: m.id } })}>Invitation (.ics)</Anchor>
            <Anchor href={opUrl("meeting.book", { path: { id: m.id } })}>Meeting book (PDF)</Anchor>
          </>
        }
      />
      <Group>
        <Badge color={STATUS_COLOR[m.status] ?? "gray"} size="lg" data-testid="meeting-status">
          {m.status.replace("_", " ")}
        </Badge>
        {m.status === "scheduled" || m.status === "in_session" ? (
          <Badge color={m.quorum.hasQuorum ? "green" : "red"} size="lg" data-testid="quorum">
            Quorum (CC-8): {m.quorum.present.length} of {m.quorum.required} members present
          </Badge>
        ) : null}
      </Group>
      <Attendance m={m} />
      <Agenda m={m} />
      <MinutesPanel m={m} />
    </Stack>
  );
}
