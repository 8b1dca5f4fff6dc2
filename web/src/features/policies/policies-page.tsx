import { Badge, Card, Group, SimpleGrid, Stack, Text, TextInput, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconSearch } from "@tabler/icons-react";
import { useState } from "react";
import { useOp } from "../../api/client.ts";
import { Empty } from "../../components/empty.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { AnchorLink, ButtonLink } from "../../components/router-links.tsx";
import { formatDate } from "../../lib/format.ts";
import { useMe } from "../auth/me.ts";
import { AUDIENCE_LABELS } from "./policies-api.ts";

export const statusColor: Record<string, string> = {
  draft: "gray",
  approved: "blue",
  published: "green",
  superseded: "orange",
};

function SearchResults({ q }: { q: string }) {
  const search = useOp("policy.search", { query: { q } }, { enabled: q.length >= 2 });
  if (q.length < 2) return null;
  if (search.error) return <ErrorAlert error={search.error} />;
  const items = search.data?.items ?? [];
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="sm">
        {items.length} section{items.length === 1 ? "" : "s"} match “{q}”
      </Title>
      <Stack gap="sm">
        {items.map((hit) => (
          <div key={`${hit.versionId}-${hit.number}`}>
            <AnchorLink
              to="/policies/versions/$versionId"
              params={{ versionId: hit.versionId }}
              hash={hit.anchor}
              fw={600}
            >
              {hit.policyTitle} § {hit.number}. {hit.title}
            </AnchorLink>
            <Text size="sm" c="dimmed">
              {hit.snippet}
            </Text>
          </div>
        ))}
      </Stack>
    </Card>
  );
}

export function PoliciesPage() {
  const policies = useOp("policy.list", {});
  const me = useMe();
  const [q, setQ] = useState("");
  const [debounced] = useDebouncedValue(q.trim(), 250);
  const canWaivers = me.data?.permissions.includes("waiver.read");
  return (
    <Stack>
      <PageHeader
        title="Policies"
        description="The codes the company is bound by, as published. Read them section by section and search across them."
        actions={
          canWaivers ? (
            <ButtonLink to="/policies/waivers" variant="default">
              Waivers
            </ButtonLink>
          ) : null
        }
      />
      <TextInput
        leftSection={<IconSearch size={16} />}
        placeholder="Search the published policies, e.g. gifts, sanctions, hotline"
        aria-label="Search the published policies"
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        maw={560}
      />
      <SearchResults q={debounced} />
      {policies.error ? <ErrorAlert error={policies.error} /> : null}
      {policies.data && policies.data.items.length === 0 ? (
        <Empty title="No policy is published yet" />
      ) : null}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {policies.data?.items.map((p) => (
          <Card key={p.id} withBorder padding="lg">
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <AnchorLink to="/policies/$policyId" params={{ policyId: p.id }} fw={700} size="lg">
                {p.title}
              </AnchorLink>
              {p.published ? (
                <Badge color="green" variant="light" style={{ flexShrink: 0 }}>
                  v{p.published.number}
                </Badge>
              ) : (
                <Badge color="gray">not published</Badge>
              )}
            </Group>
            <Text size="sm" c="dimmed" mt="xs">
              Applies to: {p.audience.map((a) => AUDIENCE_LABELS[a] ?? a).join(", ")} · Owner: {p.owner}
            </Text>
            {p.governsOver ? (
              <Text size="sm" mt="xs">
                Governs where the {p.governsOver} is silent or conflicts (SOC-2).
              </Text>
            ) : null}
            <Text size="sm" mt="xs">
              {p.published
                ? `Published ${formatDate(p.published.publishedAt)}, approved by ${p.published.approvedBy}`
                : ""}
            </Text>
            {p.pending ? (
              <Badge mt="xs" color={statusColor[p.pending.status]} variant="outline">
                Version {p.pending.number} {p.pending.status}
              </Badge>
            ) : null}
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
