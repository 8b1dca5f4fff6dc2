import { ActionIcon, Badge, Button, Group, Menu, Stack, Text } from "@mantine/core";
import { IconDots, IconPencil, IconPlus, IconShieldOff, IconUserShield } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { type Args, useOp } from "../../api/client.ts";
import { type Column, DataTable } from "../../components/data-table.tsx";
import { FilterSelect, ListToolbar, SearchBox } from "../../components/list-toolbar.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { AnchorLink } from "../../components/router-links.tsx";
import { StatusBadge } from "../../components/status-badge.tsx";
import { formatDateTime } from "../../lib/format.ts";
import { useListState } from "./list-state.tsx";
import { RoleGrantsPanel } from "./role-grants-panel.tsx";
import { CreateUserModal, EditUserModal, ResetTotpModal } from "./user-modals.tsx";
import { type Role, rolesQuery, type User } from "./users-api.ts";

const PAGE_SIZE = 25;

const TOTP_STYLES = { on: { label: "Enrolled", color: "green" }, off: { label: "Off", color: "gray" } };
const ACCOUNT_STYLES = {
  active: { label: "Active", color: "green" },
  disabled: { label: "Disabled", color: "red" },
};

type Dialog = { kind: "create" } | { kind: "edit"; user: User } | { kind: "reset"; user: User } | null;

type RoleName = NonNullable<Args<"user.list">["query"]>["role"];

const columns = (roles: Role[], onDialog: (dialog: Dialog) => void): Column<User>[] => {
  const roleOf = (name: string) => roles.find((item) => item.name === name);
  const roleLabel = (name: string) => roleOf(name)?.label ?? name;
  const isPrivileged = (name: string) => Boolean(roleOf(name)?.privileged);
  return [
    {
      key: "user",
      header: "User",
      cell: (user) => (
        <>
          <Text size="sm" fw={500}>
            {user.displayName}
          </Text>
          <Text size="xs" c="dimmed">
            {user.email}
            {user.personId ? (
              <>
                {" · "}
                <AnchorLink to="/people/$personId" params={{ personId: user.personId }} size="xs">
                  person record
                </AnchorLink>
              </>
            ) : null}
          </Text>
        </>
      ),
    },
    {
      key: "roles",
      header: "Roles",
      cell: (user) => (
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
      ),
    },
    {
      key: "totp",
      header: "Two-factor",
      cell: (user) => <StatusBadge status={user.totpEnabled ? "on" : "off"} styles={TOTP_STYLES} />,
    },
    {
      key: "status",
      header: "Status",
      cell: (user) => <StatusBadge status={user.disabled ? "disabled" : "active"} styles={ACCOUNT_STYLES} />,
    },
    {
      key: "lastLoginAt",
      header: "Last sign-in",
      cell: (user) => (
        <span style={{ whiteSpace: "nowrap" }}>
          {user.lastLoginAt ? formatDateTime(user.lastLoginAt) : "Never"}
        </span>
      ),
    },
    {
      key: "actions",
      header: "Actions",
      isHeaderHidden: true,
      cell: (user) => (
        <Group justify="flex-end">
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon variant="subtle" aria-label={`Actions for ${user.email}`}>
                <IconDots size={16} />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item
                leftSection={<IconPencil size={16} />}
                onClick={() => onDialog({ kind: "edit", user })}
              >
                Edit roles / disable
              </Menu.Item>
              <Menu.Item
                leftSection={<IconShieldOff size={16} />}
                disabled={!user.totpEnabled}
                onClick={() => onDialog({ kind: "reset", user })}
              >
                Reset two-factor
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      ),
    },
  ];
};

export const UsersPage = () => {
  const { filters, page, setPage, setFilter } = useListState<{ q: string; role: RoleName }>();
  const { q, role } = filters;
  const [dialog, setDialog] = useState<Dialog>(null);
  const roles = useQuery(rolesQuery);
  const users = useOp(
    "user.list",
    { query: { q, role, page, pageSize: PAGE_SIZE } },
    { placeholderData: keepPreviousData },
  );

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
      <ListToolbar
        columns={{ base: 1, md: 2 }}
        search={
          <SearchBox label="Search users" placeholder="Email or name" value={q} onSearch={setFilter("q")} />
        }
      >
        <FilterSelect
          label="Role"
          placeholder="Any role"
          data={(roles.data?.items ?? []).map((item) => ({ value: item.name, label: item.label }))}
          value={role}
          onChange={setFilter("role")}
        />
      </ListToolbar>
      <DataTable
        label="Users"
        columns={columns(roles.data?.items ?? [], setDialog)}
        rowKey={(user) => user.id}
        query={users}
        minWidth={820}
        onPageChange={setPage}
        noun="users"
        empty={{
          title: q || role ? "No users match" : "No users yet",
          description: q || role ? "Try a different search or role." : "Create the first user account.",
          icon: <IconUserShield size={22} stroke={1.6} />,
        }}
      />
      {dialog?.kind === "create" ? <CreateUserModal onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === "edit" ? <EditUserModal user={dialog.user} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === "reset" ? (
        <ResetTotpModal user={dialog.user} onClose={() => setDialog(null)} />
      ) : null}
    </Stack>
  );
};
