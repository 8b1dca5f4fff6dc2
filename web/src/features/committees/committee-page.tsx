import { Anchor, Stack, Tabs, Text } from "@mantine/core";
import { Link, useRouterState } from "@tanstack/react-router";
import { useOp } from "../../api/client.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { UrlTabs } from "../../components/url-tabs.tsx";
import { AdvisersPanel } from "./advisers-panel.tsx";
import { Duties } from "./committee-duties.tsx";
import { Meetings } from "./committee-meetings.tsx";
import { Overview } from "./committee-overview.tsx";
import { ConsentsPanel } from "./consents-panel.tsx";
import { ProxyReportPanel } from "./proxy-report-panel.tsx";

/** The committee page's tabs; the one shown lives in the URL (`?tab=`), so Back returns to it. */
const COMMITTEE_TABS = ["overview", "meetings", "consents", "duties", "advisers", "charter", "report"];

export function CommitteePage({ committeeId }: { committeeId: string }) {
  const q = useOp("committee.read", { path: { id: committeeId } });
  // A "My tasks" entry links to a written consent as /committees/:id#consent-:consentId.
  const hash = useRouterState({ select: (s) => s.location.hash });
  if (q.error) return <ErrorAlert error={q.error} />;
  const c = q.data;
  if (!c) return null;
  return (
    <Stack>
      <Anchor component={Link} to="/committees" size="sm">
        ← Committees
      </Anchor>
      <PageHeader
        title={c.name}
        description={`At least ${c.minMembers} members (CC-1), quorum of ${c.quorum} (CC-8), at least ${c.minRegularMeetings} regular meetings a year (CC-4). Charter version ${c.charter.number}.`}
      />
      <UrlTabs defaultTab={hash.startsWith("consent-") ? "consents" : "overview"} tabs={COMMITTEE_TABS}>
        <Tabs.List>
          <Tabs.Tab value="overview">Members and compliance</Tabs.Tab>
          <Tabs.Tab value="meetings">Meetings</Tabs.Tab>
          <Tabs.Tab value="consents">Written consents</Tabs.Tab>
          <Tabs.Tab value="duties">Yearly duties</Tabs.Tab>
          <Tabs.Tab value="advisers">Advisers</Tabs.Tab>
          <Tabs.Tab value="charter">Charter</Tabs.Tab>
          {c.kind === "compensation" ? <Tabs.Tab value="report">Proxy report</Tabs.Tab> : null}
        </Tabs.List>
        <Tabs.Panel value="overview" pt="md">
          <Overview c={c} />
        </Tabs.Panel>
        <Tabs.Panel value="meetings" pt="md">
          <Meetings c={c} />
        </Tabs.Panel>
        <Tabs.Panel value="consents" pt="md">
          <ConsentsPanel c={c} />
        </Tabs.Panel>
        <Tabs.Panel value="duties" pt="md">
          <Duties committeeId={c.id} />
        </Tabs.Panel>
        <Tabs.Panel value="advisers" pt="md">
          <AdvisersPanel committeeId={c.id} />
        </Tabs.Panel>
        <Tabs.Panel value="charter" pt="md">
          <Text size="sm" c="dimmed" mb="xs">
            Version {c.charter.number}, approved by {c.charter.approvedBy} on{" "}
            {c.charter.approvedAt?.slice(0, 10)} · {c.charterVersions.length} version(s) kept · SHA-256{" "}
            {c.charter.contentHash.slice(0, 16)}…
          </Text>
          <Text style={{ whiteSpace: "pre-wrap" }} size="sm" maw={820}>
            {c.charter.body}
          </Text>
        </Tabs.Panel>
        <Tabs.Panel value="report" pt="md">
          <ProxyReportPanel committeeId={c.id} />
        </Tabs.Panel>
      </UrlTabs>
    </Stack>
  );
}
