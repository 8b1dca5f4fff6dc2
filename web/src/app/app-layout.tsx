import {
  AppShell,
  Avatar,
  Badge,
  Burger,
  Group,
  Menu,
  ScrollArea,
  Text,
  UnstyledButton,
  VisuallyHidden,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconChevronDown, IconKey, IconLogout, IconShieldLock } from "@tabler/icons-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Outlet, useLocation, useNavigate } from "@tanstack/react-router";
import { useEffect } from "react";
import { call } from "../api/client.ts";
import { NavLinkLink } from "../components/router-links.tsx";
import { hasPermission, loginInfoQuery, type Me, requiredAccountStep, useMe } from "../features/auth/me.ts";
import { setCsrfToken } from "../lib/api.ts";
import { adminNav, auditNav, mainNav, type NavItem } from "./nav.ts";

const isActive = (pathname: string, to: string) => (to === "/" ? pathname === "/" : pathname.startsWith(to));

const NavSection = ({
  items,
  pathname,
  onNavigate,
}: {
  items: NavItem[];
  pathname: string;
  onNavigate: () => void;
}) => (
  <>
    {items.map((item) => (
      <NavLinkLink
        key={item.to}
        to={item.to}
        label={item.label}
        leftSection={<item.icon size={18} stroke={1.6} />}
        rightSection={
          item.planned ? (
            <Badge size="xs" variant="light" color="gray">
              Soon
            </Badge>
          ) : null
        }
        active={isActive(pathname, item.to)}
        aria-current={isActive(pathname, item.to) ? "page" : undefined}
        onClick={onNavigate}
        py={6}
        style={{ borderRadius: "var(--mantine-radius-sm)" }}
      />
    ))}
  </>
);

const SectionLabel = ({ children }: { children: string }) => (
  <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" mt="sm" mb={2}>
    {children}
  </Text>
);

const UserMenu = ({ me }: { me: Me }) => {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const logOut = async () => {
    try {
      await call("auth.logout");
    } catch {
      // Signing out locally is still right when the session had already expired.
    }
    setCsrfToken(null);
    queryClient.clear();
    await navigate({ to: "/login" });
  };
  const initials = me.user.displayName
    .split(/\s+/)
    .map((part) => part[0] ?? "")
    .join("")
    .slice(0, 2)
    .toUpperCase();
  return (
    <Menu position="bottom-end" width={240} withinPortal>
      <Menu.Target>
        <UnstyledButton
          aria-label={`Account menu for ${me.user.displayName}`}
          p={4}
          style={{ borderRadius: 6 }}
        >
          <Group gap="xs" wrap="nowrap">
            <Avatar size={30} radius="xl" color="probity">
              {initials}
            </Avatar>
            <Text size="sm" fw={500} visibleFrom="sm">
              {me.user.displayName}
            </Text>
            <IconChevronDown size={14} aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="var(--mantine-color-text)">
            {me.user.displayName}
          </Text>
          <Text size="xs" c="dimmed">
            {me.user.email}
          </Text>
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item leftSection={<IconKey size={16} />} onClick={() => navigate({ to: "/account/password" })}>
          Change password
        </Menu.Item>
        <Menu.Item
          leftSection={<IconShieldLock size={16} />}
          onClick={() => navigate({ to: "/account/totp" })}
        >
          {me.totpEnabled ? "Re-enrol authenticator" : "Enrol authenticator (TOTP)"}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item leftSection={<IconLogout size={16} />} onClick={logOut}>
          Log out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
};

export const AppLayout = () => {
  const [opened, { toggle, close }] = useDisclosure(false);
  const { data: me } = useMe();
  const { data: info } = useQuery(loginInfoQuery);
  const { pathname } = useLocation();
  const navigate = useNavigate();

  const step = requiredAccountStep(me);
  useEffect(() => {
    if (step && pathname !== step) void navigate({ to: step });
  }, [step, pathname, navigate]);

  if (!me) return null;
  const enrolling = step !== null;
  const allowed = (item: NavItem) =>
    !item.permission || [item.permission].flat().some((permission) => hasPermission(me, permission));
  const admin = adminNav.filter(allowed);

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={enrolling ? undefined : { width: 248, breakpoint: "sm", collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <a href="#main-content" className="skip-link">
        Skip to content
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            {enrolling ? null : (
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={opened ? "Close navigation" : "Open navigation"}
              />
            )}
            <Group gap={8} wrap="nowrap">
              <Text fw={800} size="lg" c="probity.8" style={{ letterSpacing: "-0.02em" }}>
                Probity
              </Text>
              {info?.organisationName ? (
                <>
                  <Text c="dimmed" aria-hidden>
                    |
                  </Text>
                  <Text fw={500} size="sm" truncate maw={{ base: 140, sm: 360 }}>
                    <VisuallyHidden>Organisation: </VisuallyHidden>
                    {info.organisationName}
                  </Text>
                </>
              ) : null}
            </Group>
          </Group>
          <UserMenu me={me} />
        </Group>
      </AppShell.Header>
      {enrolling ? null : (
        <AppShell.Navbar p="xs" aria-label="Main navigation">
          <AppShell.Section grow component={ScrollArea}>
            <NavSection items={mainNav.filter(allowed)} pathname={pathname} onNavigate={close} />
            {admin.length ? (
              <>
                <SectionLabel>Admin</SectionLabel>
                <NavSection items={admin} pathname={pathname} onNavigate={close} />
              </>
            ) : null}
            {allowed(auditNav) ? (
              <>
                <SectionLabel>Assurance</SectionLabel>
                <NavSection items={[auditNav]} pathname={pathname} onNavigate={close} />
              </>
            ) : null}
          </AppShell.Section>
        </AppShell.Navbar>
      )}
      <AppShell.Main id="main-content" tabIndex={-1} bg="var(--probity-page-bg)">
        <div style={{ maxWidth: 1280, margin: "0 auto" }}>
          <Outlet />
        </div>
      </AppShell.Main>
    </AppShell>
  );
};
