import { Alert, Badge, Button, Group, Stack, Table, Text, Title, Tooltip } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { opKey, type Schema, useOpMutation } from "../../api/client.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { useMe } from "../auth/me.ts";
import { COMMITTEE_READS } from "./committee-ui.ts";
import { QuestionnaireModal } from "./questionnaire-form.tsx";

type Committee = Schema<"CommitteeView">;
type Member = Schema<"CommitteeMemberView">;

export function Overview({ c }: { c: Committee }) {
  const qc = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const { data: me } = useMe();
  const myPersonId = me?.user.personId ?? null;
  const mine = c.compliance.members.find((m) => m.personId === myPersonId);
  const [answering, setAnswering] = useState<Member | null>(null);
  const year = Number(c.compliance.asOf.slice(0, 4));
  const mayPrepare = c.can["committee.appoint"] === true;
  const end = useOpMutation("committee.member.end", {
    invalidates: COMMITTEE_READS,
    onSuccess: (data) => {
      setError(null);
      qc.setQueryData(opKey("committee.read", { path: { id: c.id } }), data);
    },
    onError: setError,
  });
  return (
    <Stack>
      {c.compliance.alerts.length === 0 ? (
        <Alert color="green" title="Compliant with the charter">
          {c.compliance.members.length} members, each independent on a certified D&O questionnaire, with a
          Chair designated by the Board.
        </Alert>
      ) : (
        <Stack gap="xs" data-testid="alerts">
          {c.compliance.alerts.map((a) => (
            <Alert
              key={a.message}
              color={a.severity === "breach" ? "red" : "yellow"}
              title={a.message}
              data-testid={`alert-${a.rule}`}
            >
              <Text size="sm" fs="italic">
                Charter: “{a.sentence}”
              </Text>
            </Alert>
          ))}
        </Stack>
      )}
      {mine && !mine.certification ? (
        <Alert color="blue" title="Your independence questionnaire (CC-20)">
          <Group justify="space-between">
            <Text size="sm">
              Members certify their independence each year. Answer and certify your {year} D&O questionnaire.
            </Text>
            <Button size="xs" onClick={() => setAnswering(mine)}>
              Answer my questionnaire
            </Button>
          </Group>
        </Alert>
      ) : null}
      {answering ? (
        <QuestionnaireModal
          opened
          personId={answering.personId}
          personName={answering.name}
          year={year}
          isSelf={answering.personId === myPersonId}
          onClose={() => setAnswering(null)}
        />
      ) : null}
      <ErrorAlert error={error} />
      <Title order={3} size="h4">
        Members serving on {c.compliance.asOf}
      </Title>
      <Table striped withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Member</Table.Th>
            <Table.Th>Appointment (CC-3)</Table.Th>
            <Table.Th>Independence (CC-2)</Table.Th>
            <Table.Th>Questionnaire (CC-20)</Table.Th>
            {c.can["committee.appoint"] ? <Table.Th /> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {c.compliance.members.map((m) => (
            <Table.Tr key={m.id} data-testid={`member-${m.name}`}>
              <Table.Td>
                {m.name} {m.isChair ? <Badge size="sm">Chair</Badge> : null}
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  From {m.startDate} · {m.appointmentKind}, Board meeting of {m.boardMeetingDate}
                </Text>
                <Text size="xs" c="dimmed">
                  Recommended by the {m.recommendedBy}
                </Text>
              </Table.Td>
              <Table.Td>
                {!m.independence ? (
                  <Badge color="gray">unknown</Badge>
                ) : m.independence.findings.length === 0 ? (
                  <Badge color="green">independent</Badge>
                ) : (
                  <Stack gap={2}>
                    {m.independence.findings.map((f) => (
                      <Tooltip key={f.test + f.message} label={f.message} multiline w={360}>
                        <Badge color="red">{f.test}</Badge>
                      </Tooltip>
                    ))}
                  </Stack>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {m.certification
                    ? `${m.certification.year}, certified ${m.certification.certifiedAt.slice(0, 10)}`
                    : "none"}
                </Text>
                {m.personId === myPersonId || mayPrepare ? (
                  <Button size="compact-xs" variant="subtle" onClick={() => setAnswering(m)}>
                    {m.personId === myPersonId ? "Open my questionnaire" : `Prepare ${year} questionnaire`}
                  </Button>
                ) : null}
              </Table.Td>
              {c.can["committee.appoint"] ? (
                <Table.Td>
                  <Button
                    size="xs"
                    variant="light"
                    color="red"
                    loading={end.isPending && end.variables?.path.memberId === m.id}
                    onClick={() =>
                      end.mutate({
                        path: { id: c.id, memberId: m.id },
                        // Effective today: the end date is the last day served, so yesterday.
                        body: {
                          endDate: new Date(Date.parse(c.compliance.asOf) - 86_400_000)
                            .toISOString()
                            .slice(0, 10),
                          reason: "removed_by_board",
                        },
                      })
                    }
                  >
                    Remove (Board action, effective today)
                  </Button>
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
