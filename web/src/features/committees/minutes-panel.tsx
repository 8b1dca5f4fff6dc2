import { Anchor, Badge, Button, Card, Group, Select, Stack, Text, Textarea, Title } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { call, opUrl, type Schema, useOp } from "../../api/client.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { fmtDateTime, STATUS_COLOR } from "./committee-ui.ts";

import { useRefresh } from "./use-meeting-refresh.ts";

type Meeting = Schema<"MeetingView">;
type Vote = "for" | "against" | "abstain";

export function MinutesPanel({ m }: { m: Meeting }) {
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
