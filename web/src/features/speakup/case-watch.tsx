import { Badge, Button, Stack, Table, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation } from "@tanstack/react-query";
import { call } from "../../api/client.ts";
import { Empty } from "../../components/empty.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { formatDate } from "../../lib/format.ts";
import { useCaseRefresh } from "./case-actions.tsx";
import type { CaseView } from "./vocabulary.ts";

/** Retaliation watch (COC-21.2): check-ins with an identified reporter, and HR alerts. */
export const CaseWatch = ({ kase }: { kase: CaseView }) => {
  const refresh = useCaseRefresh();
  const resolve = useMutation({
    mutationFn: (watchId: string) => call("case.watch.resolve", { path: { id: kase.id, watchId } }),
    onSuccess: async () => {
      notifications.show({ color: "green", title: "Resolved", message: "The check-in is recorded as done." });
      await refresh();
    },
  });
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        Nobody may be retaliated against for reporting in good faith (COC-21.2). For an identified reporter
        the case schedules check-ins; an HR import that ends, demotes or transfers an identified reporter or
        witness raises an alert here.
      </Text>
      {kase.watch.length === 0 ? (
        <Empty
          title="Nothing to watch"
          description={
            kase.identityMode === "anonymous"
              ? "The reporter is anonymous, so there is no one to check in with."
              : "No check-ins or alerts for this case."
          }
          isCompact
        />
      ) : (
        <Table aria-label="Retaliation watch">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Due</Table.Th>
              <Table.Th>What</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {kase.watch.map((w) => (
              <Table.Tr key={w.id}>
                <Table.Td className="nowrap">{formatDate(w.dueOn)}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={w.kind === "alert" ? "red" : "blue"} mr="xs">
                    {w.kind === "alert" ? "Alert" : "Check-in"}
                  </Badge>
                  {w.detail ??
                    (w.kind === "checkin"
                      ? "Ask the reporter whether they have suffered any retaliation."
                      : "")}
                </Table.Td>
                <Table.Td>{w.status === "done" ? "Resolved" : "Open"}</Table.Td>
                <Table.Td ta="right">
                  {w.status === "open" && kase.can.addItem ? (
                    <Button
                      size="xs"
                      variant="light"
                      loading={resolve.isPending && resolve.variables === w.id}
                      onClick={() => resolve.mutate(w.id)}
                    >
                      Resolve
                    </Button>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <ErrorAlert error={resolve.error} />
    </Stack>
  );
};
