import { Badge, Button, Group, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useOpMutation } from "../../api/client.ts";
import { DataTable, loadedRows } from "../../components/data-table.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { formatDateTime } from "../../lib/format.ts";
import { type RoleGrant, roleGrantsQuery, USER_READS } from "./users-api.ts";

const STATUS_COLOR = { pending: "yellow", approved: "green", rejected: "gray" } as const;

/**
 * Four-eyes role grants (roles that read speak-up cases, audit or investor data): administrators
 * approve or reject requests they did not make and are not the subject of; the Audit Committee
 * sees pending and recent grants and marks them seen. What each may do comes from the server.
 */
export const RoleGrantsPanel = ({ mode }: { mode: "decide" | "oversee" }) => {
  const grants = useQuery(roleGrantsQuery);
  const [note, setNote] = useState<Record<string, string>>({});
  const done = (verb: string) => ({
    invalidates: [...USER_READS, "task.list" as const],
    onSuccess: (grant: RoleGrant) =>
      notifications.show({
        color: "green",
        title: `Grant ${verb}`,
        message: `${grant.roleLabel} for ${grant.user.email}`,
      }),
  });
  const approve = useOpMutation("role_grant.approve", done("approved"));
  const reject = useOpMutation("role_grant.reject", done("rejected"));
  const acknowledge = useOpMutation("role_grant.acknowledge", done("marked seen"));
  const items = grants.data?.items ?? [];
  if (mode === "decide" && !items.some((g) => g.status === "pending")) return null;
  const shown = mode === "decide" ? items.filter((g) => g.status === "pending") : items;

  return (
    <Paper p="md">
      <Stack gap="sm">
        <div>
          <Title order={2} size="h4">
            {mode === "decide" ? "Role grants awaiting a second administrator" : "Role grants (four-eyes)"}
          </Title>
          <Text size="sm" c="dimmed">
            Roles that read speak-up cases, audit or investor data are granted only when an administrator
            other than the requester and the grantee approves.
            {mode === "oversee" ? " Pending requests and those decided in the last 90 days." : ""}
          </Text>
        </div>
        <ErrorAlert error={grants.error ?? approve.error ?? reject.error ?? acknowledge.error} />
        {shown.length === 0 ? (
          <Text size="sm" c="dimmed">
            No role grants in the last 90 days.
          </Text>
        ) : (
          <DataTable
            label="Role grants"
            inPaper={false}
            minWidth={760}
            query={loadedRows(shown)}
            rowKey={(g) => g.id}
            empty={{ title: "No role grants" }}
            tableProps={{ highlightOnHover: false }}
            columns={[
              { key: "role", header: "Role", cell: (g) => g.roleLabel },
              {
                key: "user",
                header: "For",
                cell: (g) => (
                  <>
                    <Text size="sm">{g.user.displayName}</Text>
                    <Text size="xs" c="dimmed">
                      {g.user.email}
                    </Text>
                  </>
                ),
              },
              {
                key: "requestedBy",
                header: "Requested by",
                cell: (g) => (
                  <>
                    <Text size="sm">{g.requestedBy.label}</Text>
                    <Text size="xs" c="dimmed">
                      {formatDateTime(g.requestedAt)}
                    </Text>
                  </>
                ),
              },
              {
                key: "status",
                header: "Status",
                cell: (g) => (
                  <>
                    <Badge size="sm" variant="light" color={STATUS_COLOR[g.status]}>
                      {g.status}
                    </Badge>
                    {g.decidedBy ? (
                      <Text size="xs" c="dimmed">
                        by {g.decidedBy.label}
                        {g.decidedAt ? `, ${formatDateTime(g.decidedAt)}` : ""}
                      </Text>
                    ) : null}
                    {g.note ? (
                      <Text size="xs" c="dimmed">
                        {g.note}
                      </Text>
                    ) : null}
                  </>
                ),
              },
              {
                key: "actions",
                header: "Actions",
                isHeaderHidden: true,
                cell: (g) =>
                  mode === "decide" && g.can.decide ? (
                    <Group gap="xs" wrap="nowrap">
                      <Button
                        size="xs"
                        onClick={() => approve.mutate({ path: { id: g.id } })}
                        loading={approve.isPending}
                      >
                        Approve
                      </Button>
                      <TextInput
                        size="xs"
                        aria-label={`Reason for rejecting ${g.roleLabel} for ${g.user.email}`}
                        placeholder="Reason (optional)"
                        value={note[g.id] ?? ""}
                        onChange={(event) => setNote({ ...note, [g.id]: event.currentTarget.value })}
                      />
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() =>
                          reject.mutate({
                            path: { id: g.id },
                            body: { note: note[g.id]?.trim() || undefined },
                          })
                        }
                        loading={reject.isPending}
                      >
                        Reject
                      </Button>
                    </Group>
                  ) : mode === "decide" ? (
                    <Text size="xs" c="dimmed">
                      Another administrator decides
                    </Text>
                  ) : (
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => acknowledge.mutate({ path: { id: g.id } })}
                    >
                      Mark seen
                    </Button>
                  ),
              },
            ]}
          />
        )}
      </Stack>
    </Paper>
  );
};
