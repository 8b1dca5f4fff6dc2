import { Alert, Badge, Button, Card, Group, Stack, Table, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { call, invalidate, useOp } from "../../api/client.ts";
import { errorMessage } from "../../lib/api.ts";
import { ProposeVoteForm } from "./propose-vote-form.tsx";
import { type Offering, pct, RX_READS, STATUS_COLOR } from "./rx.ts";

/** Waivers and amendments decided by the Requisite Investors (ECA-1(aa), ECA-20). */
export function Votes({ o }: { o: Offering }) {
  const qc = useQueryClient();
  const votes = useOp("vote.list", { path: { id: o.id } });
  const ballot = useMutation({
    mutationFn: (b: { id: string; inFavour: boolean }) =>
      call("vote.cast", { path: { id: b.id }, body: { inFavour: b.inFavour } }),
    onSuccess: () => invalidate(qc, ...RX_READS),
  });
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        A waiver passes when investors holding 50% or more of the backstop percentage vote in favour
        (Requisite Investors, ECA-1(aa)); an amendment also needs Oaktree, and changes to sections 25 and 26
        need Sankaty's and Apollo's consent (ECA-20). A vote is decided as soon as its outcome is certain.
      </Text>
      {o.can.manage ? <ProposeVoteForm o={o} /> : null}
      {ballot.error ? <Alert color="red">{errorMessage(ballot.error)}</Alert> : null}
      {votes.data?.length === 0 ? <Text c="dimmed">No votes yet.</Text> : null}
      {votes.data?.map((v) => (
        <Card withBorder key={v.id} data-testid={`vote-${v.description}`}>
          <Group justify="space-between">
            <Text fw={600}>
              {v.kind === "waiver" ? "Waiver" : "Amendment"} of section {v.subject}: {v.description}
            </Text>
            <Badge color={STATUS_COLOR[v.status]} data-testid="vote-status">
              {v.status}
            </Badge>
          </Group>
          <Text size="sm" mt={4} data-testid="vote-explanation">
            {v.explanation}
          </Text>
          <Table mt="xs">
            <Table.Tbody>
              {v.ballots.map((b) => (
                <Table.Tr key={b.investorCode}>
                  <Table.Td>{b.investorName}</Table.Td>
                  <Table.Td>{pct(b.backstop)}</Table.Td>
                  <Table.Td>
                    {b.inFavour === null ? "not voted" : b.inFavour ? "in favour" : "against"}
                  </Table.Td>
                  <Table.Td>
                    {v.status === "open" && b.inFavour === null && v.myInvestorCode === b.investorCode ? (
                      <Group gap={4}>
                        <Button
                          size="xs"
                          color="green"
                          onClick={() => ballot.mutate({ id: v.id, inFavour: true })}
                        >
                          Vote in favour
                        </Button>
                        <Button
                          size="xs"
                          color="red"
                          variant="light"
                          onClick={() => ballot.mutate({ id: v.id, inFavour: false })}
                        >
                          Vote against
                        </Button>
                      </Group>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      ))}
    </Stack>
  );
}
