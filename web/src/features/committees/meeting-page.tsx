import {
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { type Args, call, invalidate, opUrl, type Schema, useOp } from "../../api/client.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { COMMITTEE_READS, fmtDateTime, STATUS_COLOR } from "./committee-ui.ts";

type Meeting = Schema<"MeetingView">;
type Vote = "for" | "against" | "abstain";

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

/** After a write: the meeting and every read of its committee. */
const useRefresh = () => {
  const qc = useQueryClient();
  return () => {
    invalidate(qc, "meeting.read", ...COMMITTEE_READS);
  };
};

function Attendance({ m }: { m: Meeting }) {
  const refresh = useRefresh();
  const [personId, setPersonId] = useState<string | null>(null);
  const [mode, setMode] = useState<string | null>("in_person");
  const present = new Set(m.attendance.filter((a) => !a.leftAt).map((a) => a.personId));
  const arrive = useMutation({
    mutationFn: () =>
      call("meeting.attend", {
        path: { id: m.id },
        // An empty select is sent as it is: the server names the field it refuses.
        body: { personId, capacity: "member", mode } as Args<"meeting.attend">["body"],
      }),
    onSuccess: () => {
      setPersonId(null);
      refresh();
    },
  });
  const leave = useMutation({
    mutationFn: (id: string) => call("meeting.leave", { path: { id: m.id, attendanceId: id } }),
    onSuccess: refresh,
  });
  const adjourn = useMutation({
    mutationFn: () => call("meeting.adjourn", { path: { id: m.id } }),
    onSuccess: refresh,
  });
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="xs">
        Attendance
      </Title>
      <Table>
        <Table.Tbody>
          {m.attendance.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>{a.name}</Table.Td>
              <Table.Td>{a.capacity}</Table.Td>
              <Table.Td>{a.mode === "telephone" ? "by telephone" : "in person"}</Table.Td>
              <Table.Td>{a.leftAt ? `left ${a.leftAt.slice(11, 16)}` : "present"}</Table.Td>
              <Table.Td>
                {m.can.record && !a.leftAt ? (
                  <Button size="xs" variant="subtle" onClick={() => leave.mutate(a.id)}>
                    Record departure
                  </Button>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {m.can.record ? (
        <Stack gap="xs" mt="sm">
          <Group align="flex-end">
            <Select
              label="Member"
              placeholder="Choose a member"
              data={m.members
                .filter((x) => !present.has(x.personId))
                .map((x) => ({ value: x.personId, label: x.name }))}
              value={personId}
              onChange={setPersonId}
            />
            <Select
              label="Attends (CC-5)"
              data={[
                { value: "in_person", label: "In person" },
                { value: "telephone", label: "By telephone" },
              ]}
              value={mode}
              onChange={setMode}
            />
            <Button onClick={() => arrive.mutate()} disabled={!personId} loading={arrive.isPending}>
              Record arrival
            </Button>
            <Button
              variant="default"
              onClick={() => adjourn.mutate()}
              loading={adjourn.isPending}
              disabled={m.status !== "in_session"}
            >
              Adjourn the meeting
            </Button>
          </Group>
          <ErrorAlert error={arrive.error ?? leave.error ?? adjourn.error} />
        </Stack>
      ) : null}
    </Card>
  );
}

function Agenda({ m }: { m: Meeting }) {
  const refresh = useRefresh();
  const [title, setTitle] = useState("");
  const [dutyKey, setDutyKey] = useState<string | null>(null);
  const [privileged, setPrivileged] = useState(false);
  const add = useMutation({
    mutationFn: () =>
      call("meeting.agenda", {
        path: { id: m.id },
        body: { items: [{ title, dutyKey, isPrivileged: privileged }] },
      }),
    onSuccess: () => {
      setTitle("");
      setDutyKey(null);
      setPrivileged(false);
      refresh();
    },
  });
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="xs">
        Agenda
      </Title>
      <Stack>
        {m.agenda.length === 0 ? <Text c="dimmed">The Chair has not set the agenda yet (CC-23).</Text> : null}
        {m.agenda.map((item) => (
          <AgendaItem key={item.id} m={m} item={item} />
        ))}
        {m.can.agenda ? (
          <Stack gap="xs">
            <Text size="sm" fw={600}>
              Add an item (the Chair prepares the agenda, CC-23)
            </Text>
            <Group align="flex-end">
              <TextInput
                label="Item"
                value={title}
                onChange={(e) => setTitle(e.currentTarget.value)}
                w={320}
              />
              <Select
                label="Yearly duty it serves"
                clearable
                data={m.duties.map((d) => ({ value: d.key, label: `${d.title} (${d.rule})` }))}
                value={dutyKey}
                onChange={setDutyKey}
                w={320}
              />
              <Checkbox
                label="Privileged (counsel, CC-21)"
                checked={privileged}
                onChange={(e) => setPrivileged(e.currentTarget.checked)}
              />
              <Button onClick={() => add.mutate()} loading={add.isPending}>
                Add to agenda
              </Button>
            </Group>
            <ErrorAlert error={add.error} showFieldErrors />
          </Stack>
        ) : null}
      </Stack>
    </Card>
  );
}

function AgendaItem({ m, item }: { m: Meeting; item: Meeting["agenda"][number] }) {
  const refresh = useRefresh();
  const [title, setTitle] = useState(item.title);
  const [text, setText] = useState("");
  const [votes, setVotes] = useState<Record<string, Vote>>({});
  const resolutions = m.resolutions.filter((r) => r.agendaItemId === item.id);
  const resolve = useMutation({
    mutationFn: () =>
      call("resolution.record", {
        path: { id: m.id },
        body: {
          agendaItemId: item.id,
          title,
          text,
          votes: Object.fromEntries(
            item.quorum.eligible.map((e) => [e.personId, votes[e.personId] ?? "for"]),
          ),
        },
      }),
    onSuccess: () => {
      setText("");
      refresh();
    },
  });
  const materials = m.materials.filter((x) => x.agendaItemId === item.id);
  return (
    <Stack gap={6} data-testid={`item-${item.position}`}>
      <Group gap="xs">
        <Text fw={600}>
          {item.position}. {item.title}
        </Text>
        {item.isPrivileged ? <Badge color="red">Privileged (CC-21)</Badge> : null}
        {item.dutyKey ? (
          <Badge variant="light">{m.duties.find((d) => d.key === item.dutyKey)?.rule ?? item.dutyKey}</Badge>
        ) : null}
        <Badge color={item.quorum.hasQuorum ? "green" : "gray"} variant="light">
          {item.quorum.eligible.length} eligible of {item.quorum.required} needed
        </Badge>
        {item.quorum.recused.map((r) => (
          <Badge key={r.personId} color="orange" variant="light">
            {r.name} recused
          </Badge>
        ))}
      </Group>
      {item.description ? <Text size="sm">{item.description}</Text> : null}
      {materials.map((x) => (
        <Text key={x.id} size="sm" c={x.isWithheld ? "dimmed" : undefined}>
          📄 {x.title}: {x.body}
        </Text>
      ))}
      {resolutions.map((r) => (
        <Text key={r.id} size="sm" data-testid="resolution">
          <Badge color={r.outcome === "adopted" ? "green" : "red"}>{r.outcome}</Badge> {r.title}: {r.text} (
          {r.votesFor} for, {r.votesAgainst} against, {r.abstentions} abstaining)
        </Text>
      ))}
      {m.can.record ? (
        <Stack gap={4} pl="md">
          <Group align="flex-end">
            <TextInput
              label="Resolution"
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              w={280}
            />
            <Textarea
              label="Resolved that"
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              w={360}
              autosize
              minRows={1}
            />
            {item.quorum.eligible.map((e) => (
              <Select
                key={e.personId}
                label={e.name}
                data={["for", "against", "abstain"]}
                value={votes[e.personId] ?? "for"}
                onChange={(v) => setVotes({ ...votes, [e.personId]: (v ?? "for") as Vote })}
                w={120}
              />
            ))}
            <Button onClick={() => resolve.mutate()} loading={resolve.isPending}>
              Record resolution
            </Button>
          </Group>
          <ErrorAlert error={resolve.error} title="Refused" />
        </Stack>
      ) : null}
      {m.can.record && (m.status === "scheduled" || m.status === "in_session") ? (
        <RecusalForm m={m} item={item} />
      ) : null}
    </Stack>
  );
}

/** A member steps out of one item: they neither vote nor count toward its quorum (CC-8). */
function RecusalForm({ m, item }: { m: Meeting; item: Meeting["agenda"][number] }) {
  const refresh = useRefresh();
  const recused = new Set(item.quorum.recused.map((r) => r.personId));
  const candidates = m.members.filter((x) => !recused.has(x.personId));
  const [personId, setPersonId] = useState<string | null>(null);
  const [reason, setReason] = useState("");
  const recuse = useMutation({
    mutationFn: () =>
      call("meeting.recuse", {
        path: { id: m.id, itemId: item.id },
        body: { personId: personId ?? "", reason },
      }),
    onSuccess: () => {
      setPersonId(null);
      setReason("");
      refresh();
    },
  });
  if (candidates.length === 0) return null;
  return (
    <Stack gap={4} pl="md" data-testid="recusal-form">
      <Group align="flex-end">
        <Select
          label="Member recusing"
          placeholder="Choose a member"
          data={candidates.map((x) => ({ value: x.personId, label: x.name }))}
          value={personId}
          onChange={setPersonId}
          w={220}
        />
        <TextInput
          label="Reason for recusal"
          placeholder="e.g. interest in the consulting agreement"
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          w={320}
        />
        <Button
          variant="light"
          color="orange"
          disabled={!personId || reason.trim() === ""}
          loading={recuse.isPending}
          onClick={() => recuse.mutate()}
        >
          Record recusal
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        A recused member does not vote on this item and does not count toward its quorum (CC-8).
      </Text>
      <ErrorAlert error={recuse.error} title="Recusal not recorded" showFieldErrors />
    </Stack>
  );
}

function MinutesPanel({ m }: { m: Meeting }) {
  const refresh = useRefresh();
  const n = m.minutes;
  const [body, setBody] = useState<string | null>(null);
  const [atMeetingId, setAt] = useState<string | null>(null);
  const meetings = useOp(
    "meeting.list",
    { path: { id: m.committee.id } },
    { enabled: n?.status === "circulated" },
  );
  const act = useMutation({
    mutationFn: async (action: "draft" | "save" | "circulate" | "approve" | "sign" | "file") => {
      const path = { id: m.id };
      if (action === "draft") return call("minutes.draft", { path });
      if (action === "save") return call("minutes.edit", { path, body: { body: body ?? n?.body ?? "" } });
      if (action === "circulate") return call("minutes.circulate", { path });
      if (action === "sign") return call("minutes.sign", { path });
      if (action === "file") return call("minutes.file", { path });
      const at = await call("meeting.read", { path: { id: atMeetingId ?? "" } });
      const votes = Object.fromEntries(at.quorum.present.map((p) => [p.personId, "for" as Vote]));
      return call("minutes.approve", { path, body: { atMeetingId: atMeetingId ?? "", votes } });
    },
    onSuccess: () => {
      setBody(null);
      refresh();
    },
  });
  const later = (meetings.data?.items ?? []).filter(
    (x) => x.startsAt > m.startsAt && (x.status === "scheduled" || x.status === "in_session"),
  );
  return (
    <Card withBorder>
      <Group mb="xs">
        <Title order={3} size="h4">
          Minutes (CC-6)
        </Title>
        {n ? (
          <Badge color={STATUS_COLOR[n.status] ?? "gray"} data-testid="minutes-status">
            {n.status}
          </Badge>
        ) : null}
        {n && n.status !== "draft" && n.status !== "circulated" ? (
          <Anchor href={opUrl("minutes.pdf", { path: { id: m.id } })}>Approved minutes (PDF)</Anchor>
        ) : null}
      </Group>
      {!n ? (
        m.can.minutes.edit && m.status === "adjourned" ? (
          <Button onClick={() => act.mutate("draft")} w="fit-content">
            Draft minutes from the agenda
          </Button>
        ) : (
          <Text c="dimmed">Minutes are drafted once the meeting is adjourned.</Text>
        )
      ) : (
        <Stack gap="xs">
          <Text size="xs" c="dimmed">
            Version {n.version} · {n.versions.length} version(s) kept
            {n.approvedAt ? ` · approved ${n.approvedAt.slice(0, 10)}` : ""}
            {n.lockedAt
              ? ` · signed by ${n.signedBy} and locked ${n.lockedAt.slice(0, 10)}, SHA-256 ${n.contentHash?.slice(0, 16)}…`
              : ""}
            {n.filedAt ? ` · filed with the Corporate Secretary ${n.filedAt.slice(0, 10)}` : ""}
          </Text>
          {n.status === "draft" && m.can.minutes.edit ? (
            <>
              <Textarea
                autosize
                minRows={8}
                value={body ?? n.body}
                onChange={(e) => setBody(e.currentTarget.value)}
              />
              <Group>
                <Button variant="default" onClick={() => act.mutate("save")} disabled={body === null}>
                  Save a new version
                </Button>
                <Button onClick={() => act.mutate("circulate")}>Circulate to the members</Button>
              </Group>
            </>
          ) : (
            <Text style={{ whiteSpace: "pre-wrap" }} size="sm">
              {n.body}
            </Text>
          )}
          {n.status === "circulated" && m.can.approveMinutesElsewhere ? (
            <Group align="flex-end">
              <Select
                label="Approve at a later meeting (in session, with a quorum)"
                data={later.map((x) => ({ value: x.id, label: `${x.title} (${fmtDateTime(x.startsAt)})` }))}
                value={atMeetingId}
                onChange={setAt}
                w={420}
              />
              <Button onClick={() => act.mutate("approve")} disabled={!atMeetingId}>
                Approve the minutes
              </Button>
            </Group>
          ) : null}
          {n.status === "approved" && m.can.minutes.sign ? (
            <Button onClick={() => act.mutate("sign")} w="fit-content">
              Sign and lock (Chair)
            </Button>
          ) : null}
          {n.status === "locked" && m.can.minutes.file ? (
            <Button onClick={() => act.mutate("file")} w="fit-content">
              File with the Corporate Secretary
            </Button>
          ) : null}
        </Stack>
      )}
      <ErrorAlert error={act.error} />
    </Card>
  );
}
