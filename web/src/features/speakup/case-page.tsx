import {
  Alert,
  Badge,
  Breadcrumbs,
  Button,
  Grid,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Tabs,
  Text,
  Title,
} from "@mantine/core";
import { IconArrowMerge, IconCheck, IconUserPlus } from "@tabler/icons-react";
import { type ReactNode, useState } from "react";
import { useOp } from "../../api/client.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { Field } from "../../components/field.tsx";
import { AnchorLink } from "../../components/router-links.tsx";
import { StatusBadge } from "../../components/status-badge.tsx";
import { UrlTabs } from "../../components/url-tabs.tsx";
import { isApiError } from "../../lib/api.ts";
import { countryName, formatDate, formatDateTime } from "../../lib/format.ts";
import {
  AcknowledgeModal,
  AssignModal,
  nextSteps,
  TransitionModal,
  transitionLabel,
} from "./case-actions.tsx";
import { CASE_STATUS_STYLES } from "./case-badges.tsx";
import { CaseFiles } from "./case-files.tsx";
import { CaseLinks } from "./case-links.tsx";
import { CaseMessages } from "./case-messages.tsx";
import { CasePeople } from "./case-people.tsx";
import { CasePlan } from "./case-plan.tsx";
import { CaseWatch } from "./case-watch.tsx";
import {
  type CaseStatus,
  type CaseView,
  type ClockState,
  IDENTITY_LABEL,
  OUTCOME_LABEL,
  REMEDIATION_LABEL,
} from "./vocabulary.ts";

/** The case page's sections, one tab each; the one shown lives in the URL (`?tab=`), so Back returns to it. */
const caseSections = (
  c: CaseView,
): { value: string; label: ReactNode; Panel: (p: { kase: CaseView }) => ReactNode }[] => [
  { value: "messages", label: `Messages (${c.messages.length})`, Panel: CaseMessages },
  { value: "plan", label: `Investigation plan (${c.items.length})`, Panel: CasePlan },
  { value: "people", label: `People (${c.people.length})`, Panel: CasePeople },
  {
    value: "watch",
    label: (
      <>
        Retaliation watch
        {c.watch.some((w) => w.kind === "alert" && w.status === "open") ? (
          <Badge color="red" size="xs" ml={6}>
            Alert
          </Badge>
        ) : null}
      </>
    ),
    Panel: CaseWatch,
  },
  { value: "files", label: `Files (${c.attachments.length})`, Panel: CaseFiles },
  { value: "links", label: `Links (${c.links.length})`, Panel: CaseLinks },
];
const CASE_TABS = ["messages", "plan", "people", "watch", "files", "links"];

const Deadline = ({
  label,
  due,
  doneAt,
  state,
}: {
  label: string;
  due: string;
  doneAt: string | null;
  state: ClockState;
}) => (
  <Field label={label}>
    <Group gap={6}>
      {doneAt ? (
        <Text size="sm" c={state === "met" ? "green.8" : "red.8"} span>
          Done {formatDate(doneAt)}
          {state === "missed" ? ` (due ${formatDate(due)})` : ""}
        </Text>
      ) : (
        <span>{formatDate(due)}</span>
      )}
      {state === "overdue" || state === "missed" ? (
        <Badge color="red" size="sm" variant={state === "overdue" ? "filled" : "outline"}>
          {state === "overdue" ? "Overdue" : "Missed"}
        </Badge>
      ) : null}
    </Group>
  </Field>
);

const reporterText = (c: CaseView) => {
  if (c.identityMode === "anonymous")
    return "Anonymous: the reporter follows up through the mailbox with a receipt.";
  const who = [c.reporter?.name, c.reporter?.email, c.reporter?.phone].filter(Boolean).join(" · ");
  return who || "Identified, but gave no name or contact.";
};

/** A case's number as the page title, with its status and (once closed) its outcome beside it. */
const CaseHeading = ({ c }: { c: CaseView }) => (
  <Group gap="sm">
    <Title order={1} size="h2">
      {c.number}
    </Title>
    <StatusBadge status={c.status} styles={CASE_STATUS_STYLES} size="lg" />
    {c.outcome ? (
      <Badge size="lg" variant="outline" color={c.outcome === "unsubstantiated" ? "gray" : "red"}>
        {OUTCOME_LABEL[c.outcome]}
      </Badge>
    ) : null}
  </Group>
);

export const CasePage = ({ caseId }: { caseId: string }) => {
  const query = useOp(
    "case.view",
    { path: { id: caseId } },
    // A case the user may not see is a 404; asking again will not change that.
    { retry: (count, error) => !(isApiError(error) && error.status < 500) && count < 2 },
  );
  const [acknowledging, setAcknowledging] = useState(false);
  const [assigning, setAssigning] = useState(false);
  const [moving, setMoving] = useState<CaseStatus | null>(null);

  const crumbs = (
    <Breadcrumbs aria-label="Breadcrumb">
      <AnchorLink to="/speakup/cases" size="sm">
        Speak-up cases
      </AnchorLink>
      <Text size="sm">{query.data?.number ?? "…"}</Text>
    </Breadcrumbs>
  );
  if (query.isPending)
    return (
      <Stack>
        {crumbs}
        <Skeleton height={36} width={320} />
        <Skeleton height={240} />
      </Stack>
    );
  if (query.isError)
    return (
      <Stack>
        {crumbs}
        <ErrorAlert error={query.error} />
      </Stack>
    );
  const c = query.data;
  const sections = caseSections(c);
  const steps = nextSteps(c);
  const content = c.content;
  if (!content) return <PurgedCase c={c} crumbs={crumbs} />;
  const involved = content.involved.map((p) => p.name).join("; ");

  return (
    <Stack>
      {crumbs}
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={4}>
          <CaseHeading c={c} />
          <Text c="dimmed" size="sm">
            {c.categoryLabel} · {c.channelLabel} · received {formatDateTime(c.receivedAt)}
          </Text>
        </Stack>
        <Group gap="xs">
          {c.can.acknowledge ? (
            <Button leftSection={<IconCheck size={16} />} onClick={() => setAcknowledging(true)}>
              Acknowledge
            </Button>
          ) : null}
          {steps.map((to) => (
            <Button key={to} variant={to === "closed" ? "default" : "light"} onClick={() => setMoving(to)}>
              {transitionLabel(c.status, to)}
            </Button>
          ))}
        </Group>
      </Group>

      {c.mergedIntoId ? (
        <Alert color="gray" icon={<IconArrowMerge size={18} />} title="Merged">
          This case was merged into{" "}
          <AnchorLink to="/speakup/cases/$caseId" params={{ caseId: c.mergedIntoId }}>
            {c.links.find((l) => l.id === c.mergedIntoId)?.number ?? "another case"}
          </AnchorLink>
          ; work on that case instead.
        </Alert>
      ) : null}

      <Paper p="md">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
          <Field label="Team">
            {c.teamLabel}
            <Text size="xs" c="dimmed">
              Routed by: {c.routingReason}
            </Text>
          </Field>
          <Field label="Assignee">
            <Group gap={6}>
              <span>{c.assignee?.name ?? "Unassigned"}</span>
              {c.can.assign ? (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  leftSection={<IconUserPlus size={14} />}
                  onClick={() => setAssigning(true)}
                >
                  {c.assignee ? "Reassign" : "Assign"}
                </Button>
              ) : null}
            </Group>
          </Field>
          <Deadline
            label="Acknowledge by"
            due={c.ackDueAt}
            doneAt={c.acknowledgedAt}
            state={c.clocks.acknowledgement}
          />
          <Deadline
            label="Feedback by"
            due={c.feedbackDueAt}
            doneAt={c.feedbackGivenAt}
            state={c.clocks.feedback}
          />
        </SimpleGrid>
        {c.remediation.length ? (
          <Text size="sm" mt="sm">
            Remediation: {c.remediation.map((r) => REMEDIATION_LABEL[r]).join(", ")}
          </Text>
        ) : null}
      </Paper>

      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Paper p="md" h="100%">
            <Title order={2} size="h4" mb="xs">
              {content.summary}
            </Title>
            <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
              {content.details || (
                <Text span c="dimmed">
                  No details given.
                </Text>
              )}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" mt="md">
              <Field label="When">{formatDate(content.occurredOn)}</Field>
              <Field label="Where">
                {[content.site, content.country ? countryName(content.country) : null]
                  .filter(Boolean)
                  .join(", ") || "—"}
              </Field>
              <Field label="Legal entity">{c.legalEntity?.name ?? "—"}</Field>
              <Field label="Who is involved">
                {involved || "—"}
                {content.involvesSeniorManagement ? (
                  <Badge ml={6} size="xs" color="red" variant="light">
                    Senior management
                  </Badge>
                ) : null}
              </Field>
              <Field label="How the reporter knows">{content.howKnown || "—"}</Field>
            </SimpleGrid>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Paper p="md" h="100%">
            <Title order={2} size="h4" mb="xs">
              Reporter
            </Title>
            <Badge
              variant="light"
              color={
                c.identityMode === "anonymous"
                  ? "gray"
                  : c.identityMode === "confidential"
                    ? "violet"
                    : "blue"
              }
            >
              {IDENTITY_LABEL[c.identityMode]}
            </Badge>
            <Text size="sm" mt="xs" style={{ overflowWrap: "anywhere" }}>
              {reporterText(c)}
            </Text>
            {c.identityMode === "confidential" ? (
              <Text size="xs" c="dimmed" mt="xs">
                Only the people handling the case may know who reported it; never disclose the name (COC-22.2,
                SOC-6).
              </Text>
            ) : null}
            {c.identityMode === "anonymous" ? (
              <Text size="xs" c="dimmed" mt="xs">
                Do not try to find out who reported (COC-22.2, SOC-5).
              </Text>
            ) : null}
          </Paper>
        </Grid.Col>
      </Grid>

      <Paper p="md">
        <UrlTabs defaultTab="messages" tabs={CASE_TABS}>
          <Tabs.List mb="md">
            {sections.map((section) => (
              <Tabs.Tab key={section.value} value={section.value}>
                {section.label}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {sections.map(({ value, Panel }) => (
            <Tabs.Panel key={value} value={value}>
              <Panel kase={c} />
            </Tabs.Panel>
          ))}
        </UrlTabs>
      </Paper>

      <AcknowledgeModal kase={c} opened={acknowledging} onClose={() => setAcknowledging(false)} />
      {c.can.assign && assigning ? <AssignModal kase={c} onClose={() => setAssigning(false)} /> : null}
      <TransitionModal key={moving ?? "none"} kase={c} to={moving} onClose={() => setMoving(null)} />
    </Stack>
  );
};

/** A case whose content retention destroyed (COC-15.1): its record only, nothing to act on. */
const PurgedCase = ({ c, crumbs }: { c: CaseView; crumbs: ReactNode }) => (
  <Stack>
    {crumbs}
    <CaseHeading c={c} />
    <Alert color="gray" title="Content destroyed under the retention policy">
      This case was closed on {formatDate(c.closedAt)} and its content, files, messages, notes and the
      reporter's contact were destroyed on {formatDate(c.purgedAt)}, after the retention period (COC-15.1).
      Only the record below remains, for the statistics.
    </Alert>
    <Paper p="md">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
        <Field label="Category">{c.categoryLabel}</Field>
        <Field label="Channel">{c.channelLabel}</Field>
        <Field label="Team">{c.teamLabel}</Field>
        <Field label="Received">{formatDateTime(c.receivedAt)}</Field>
      </SimpleGrid>
      {c.remediation.length ? (
        <Text size="sm" mt="sm">
          Remediation: {c.remediation.map((r) => REMEDIATION_LABEL[r]).join(", ")}
        </Text>
      ) : null}
    </Paper>
  </Stack>
);
