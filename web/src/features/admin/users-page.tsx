import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Menu,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import {
  IconDots,
  IconPencil,
  IconPlus,
  IconSearch,
  IconShieldOff,
  IconUserShield,
} from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Empty } from "../../components/empty.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { ListFooter } from "../../components/list-footer.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { AnchorLink } from "../../components/router-links.tsx";
import { TableSkeleton } from "../../components/table-skeleton.tsx";
import { api, type Page } from "../../lib/api.ts";
import { formatDateTime } from "../../lib/format.ts";
import { RoleGrantsPanel } from "./role-grants-panel.tsx";
import { CreateUserModal, EditUserModal, ResetTotpModal } from "./user-modals.tsx";
import { rolesQuery, type User } from "./users-api.ts";

const PAGE_SIZE = 25;

type Dialog = { kind: "create" } | { kind: "edit"; user: User } | { kind: "reset"; user: User } | null;

export const UsersPage = () => {
  const [text, setText] = useState("");
  const [q] = useDebouncedValue(text.trim(), 300);
  const [role, setRole] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [dialog, setDialog] = useState<Dialog>(null);
  const roles = useQuery(rolesQuery);
  const users = useQuery({
    queryKey: ["users", { q, role, page }],
    queryFn: () => api.get<Page<User>>("/api/users", { q, role, page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const roleLabel = (name: string) => roles.data?.items.find((item) => item.name === name)?.label ?? name;
  const isPrivileged = (name: string) =>
    Boolean(roles.data?.items.find((item) => item.name === name)?.privileged);

  return (
    <Stack>
      <PageHeader
        title="Users & roles"
        description="Who can sign in and what they may do. Privileged roles can see or change sensitive records."
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setDialog({ kind: "create" })}>
            New user
          </Button>
        }
      />
      <RoleGrantsPanel mode="decide" />
      <Paper p="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label="Search users"
            placeholder="Email or name"
            type="search"
            leftSection={<IconSearch size={16} />}
            value={text}
            onChange={(event) => {
              setText(event.currentTarget.value);
              setPage(1);
            }}
          />
          <Select
            label="Role"
            placeholder="Any role"
            data={(roles.data?.items ?? []).map((item) => ({ value: item.name, label: item.label }))}
            value={role}
            onChange={(value) => {
              setRole(value);
              setPage(1);
            }}
            clearable
          />
        </SimpleGrid>
      </Paper>
      <Paper p="md">
        {users.isPending ? (
          <TableSkeleton />
        ) : users.isError ? (
          <ErrorAlert error={users.error} />
        ) : users.data.items.length === 0 ? (
          <Empty
            title={q || role ? "No users match" : "No users yet"}
            description={q || role ? "Try a different search or role." : "Create the first user account."}
            icon={<IconUserShield size={22} stroke={1.6} />}
          />
        ) : (
          <>
            <Table.ScrollContainer minWidth={820}>
              <Table
                aria-label="Users"
                highlightOnHover
                style={{ opacity: users.isPlaceholderData ? 0.6 : 1 }}
              >
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>User</Table.Th>
                    <Table.Th>Roles</Table.Th>
                    <Table.Th>Two-factor</Table.Th>
                    <Table.Th>Status</Table.Th>
                    <Table.Th>Last sign-in</Table.Th>
                    <Table.Th>
                      <span className="visually-hidden">Actions</span>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {users.data.items.map((user) => (
                    <Table.Tr key={user.id}>
                      <Table.Td>
                        <Text size="sm" fw={500}>
                          {user.displayName}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {user.email}
                          {user.personId ? (
                            <>
                              {" · "}
                              <AnchorLink
                                to="/people/$personId"
                                params={{ personId: user.personId }}
                                size="xs"
                              >
                                person record
                              </AnchorLink>
                            </>
                          ) : null}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          {user.roles.length === 0 && user.pendingRoles.length === 0 ? (
                            <Text size="xs" c="dimmed">
                              None
                            </Text>
                          ) : (
                            user.roles.map((name) => (
                              <Badge
                                key={name}
                                size="sm"
                                variant={isPrivileged(name) ? "light" : "outline"}
                                color={isPrivileged(name) ? "orange" : "gray"}
                              >
                                {roleLabel(name)}
                              </Badge>
                            ))
                          )}
                          {user.pendingRoles.map((name) => (
                            <Badge key={`pending-${name}`} size="sm" variant="dot" color="yellow">
                              {roleLabel(name)}: awaiting approval
                            </Badge>
                          ))}
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <Badge size="sm" variant="light" color={user.totpEnabled ? "green" : "gray"}>
                          {user.totpEnabled ? "Enrolled" : "Off"}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Badge size="sm" variant="light" color={user.disabled ? "red" : "green"}>
                          {user.disabled ? "Disabled" : "Active"}
                        </Badge>
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: "nowrap" }}>
                        {user.lastLoginAt ? formatDateTime(user.lastLoginAt) : "Never"}
                      </Table.Td>
                      <Table.Td ta="right">
                        <Menu position="bottom-end" withinPortal>
                          <Menu.Target>
                            <ActionIcon variant="subtle" aria-label={`Actions for ${user.email}`}>
                              <IconDots size={16} />
                            </ActionIcon>
                          </Menu.Target>
                          <Menu.Dropdown>
                            <Menu.Item
                              leftSection={<IconPencil size={16} />}
                              onClick={() => setDialog({ kind: "edit", user })}
                            >
                              Edit roles / disable
                            </Menu.Item>
                            <Menu.Item
                              leftSection={<IconShieldOff size={16} />}
                              disabled={!user.totpEnabled}
                              onClick={() => setDialog({ kind: "reset", user })}
                            >
                              Reset two-factor
                            </Menu.Item>
                          </Menu.Dropdown>
                        </Menu>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <ListFooter
              page={page}
              pageSize={PAGE_SIZE}
              total={users.data.total}
              onPageChange={setPage}
              noun="users"
            />
          </>
        )}
      </Paper>
      {dialog?.kind === "create" ? <CreateUserModal onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === "edit" ? <EditUserModal user={dialog.user} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === "reset" ? (
        <ResetTotpModal user={dialog.user} onClose={() => setDialog(null)} />
      ) : null}
    </Stack>
  );
};
