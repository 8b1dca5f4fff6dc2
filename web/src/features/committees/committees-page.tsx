import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { useOp } from "../../api/client.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { RoleGrantsPanel } from "../admin/role-grants-panel.tsx";
import { usePermission } from "../auth/me.ts";

export function CommitteesPage() {
  const list = useOp("committee.list", {});
  // The Audit Committee oversees grants of roles that read speak-up, audit or investor data.
  const canOverseeGrants = usePermission("role_grant.read");
  return (
    <Stack>
      <PageHeader
        title="Board committees"
        description="Each committee run by its charter: composition and independence, meetings, quorum, minutes and the yearly duties."
      />
      <ErrorAlert error={list.error} />
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        {list.data?.items.map((c) => (
          <Card key={c.id} withBorder padding="lg">
            <Stack gap="xs">
              <Anchor component={Link} to={`/committees/${c.id}`} fw={600} size="lg">
                {c.name}
              </Anchor>
              <Text size="sm" c="dimmed">
                Chair: {c.chair ?? "not designated"} · {c.members} members
              </Text>
              <Group gap="xs">
                {c.isCompliant ? (
                  <Badge color="green">Compliant with its charter</Badge>
                ) : (
                  <Badge color="red">Out of compliance</Badge>
                )}
                {c.alerts ? (
                  <Badge color="orange" variant="light">
                    {c.alerts} alert(s)
                  </Badge>
                ) : null}
              </Group>
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
      {canOverseeGrants ? <RoleGrantsPanel mode="oversee" /> : null}
    </Stack>
  );
}
