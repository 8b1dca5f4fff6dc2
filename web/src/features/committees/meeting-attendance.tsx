import { Button, Card, Group, Select, Stack, Table, Title } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { type Args, call, type Schema } from "../../api/client.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";

import { useRefresh } from "./use-meeting-refresh.ts";

type Meeting = Schema<"MeetingView">;

export function Attendance({ m }: { m: Meeting }) {
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
