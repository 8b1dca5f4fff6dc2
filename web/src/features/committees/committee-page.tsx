import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
  Tooltip,
} from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate, useRouterState } from "@tanstack/react-router";
import { useState } from "react";
import {
  type Args,
  call,
  invalidate,
  opKey,
  opUrl,
  type Schema,
  useOp,
  useOpMutation,
} from "../../api/client.ts";
import { FormErrorSummary, useApiForm } from "../../components/api-form.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { UrlTabs } from "../../components/url-tabs.tsx";
import { useMe } from "../auth/me.ts";
import { AdvisersPanel } from "./advisers-panel.tsx";
import { COMMITTEE_READS, fmtDateTime, STATUS_COLOR } from "./committee-ui.ts";
import { ConsentsPanel } from "./consents-panel.tsx";
import { QuestionnaireModal } from "./questionnaire-form.tsx";

type Committee = Schema<"CommitteeView">;
type Member = Schema<"CommitteeMemberView">;

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

function Overview({ c }: { c: Committee }) {
  const qc = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const { data: me } = useMe();
  const myPersonId = me?.user.personId ?? null;
  const mine = c.compliance.members.find((m) => m.personId === myPersonId);
  const [answering, setAnswering] = useState<Member | null>(null);
  const year = Number(c.compliance.asOf.slice(0, 4));
  const mayPrepare = c.can["committee.appoint"] === true;
  const end = useOpMutation("committee.member.end", {
    invalidates: COMMITTEE_READS,
    onSuccess: (data) => {
      setError(null);
      qc.setQueryData(opKey("committee.read", { path: { id: c.id } }), data);
    },
    onError: setError,
  });
  return (
    <Stack>
      {c.compliance.alerts.length === 0 ? (
        <Alert color="green" title="Compliant with the charter">
          {c.compliance.members.length} members, each independent on a certified D&O questionnaire, with a
          Chair designated by the Board.
        </Alert>
      ) : (
        <Stack gap="xs" data-testid="alerts">
          {c.compliance.alerts.map((a) => (
            <Alert
              key={a.message}
              color={a.severity === "breach" ? "red" : "yellow"}
              title={a.message}
              data-testid={`alert-${a.rule}`}
            >
              <Text size="sm" fs="italic">
                Charter: “{a.sentence}”
              </Text>
            </Alert>
          ))}
        </Stack>
      )}
      {mine && !mine.certification ? (
        <Alert color="blue" title="Your independence questionnaire (CC-20)">
          <Group justify="space-between">
            <Text size="sm">
              Members certify their independence each year. Answer and certify your {year} D&O questionnaire.
            </Text>
            <Button size="xs" onClick={() => setAnswering(mine)}>
              Answer my questionnaire
            </Button>
          </Group>
        </Alert>
      ) : null}
      {answering ? (
        <QuestionnaireModal
          opened
          personId={answering.personId}
          personName={answering.name}
          year={year}
          isSelf={answering.personId === myPersonId}
          onClose={() => setAnswering(null)}
        />
      ) : null}
      <ErrorAlert error={error} />
      <Title order={3} size="h4">
        Members serving on {c.compliance.asOf}
      </Title>
      <Table striped withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Member</Table.Th>
            <Table.Th>Appointment (CC-3)</Table.Th>
            <Table.Th>Independence (CC-2)</Table.Th>
            <Table.Th>Questionnaire (CC-20)</Table.Th>
            {c.can["committee.appoint"] ? <Table.Th /> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {c.compliance.members.map((m) => (
            <Table.Tr key={m.id} data-testid={`member-${m.name}`}>
              <Table.Td>
                {m.name} {m.isChair ? <Badge size="sm">Chair</Badge> : null}
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  From {m.startDate} · {m.appointmentKind}, Board meeting of {m.boardMeetingDate}
                </Text>
                <Text size="xs" c="dimmed">
                  Recommended by the {m.recommendedBy}
                </Text>
              </Table.Td>
              <Table.Td>
                {!m.independence ? (
                  <Badge color="gray">unknown</Badge>
                ) : m.independence.findings.length === 0 ? (
                  <Badge color="green">independent</Badge>
                ) : (
                  <Stack gap={2}>
                    {m.independence.findings.map((f) => (
                      <Tooltip key={f.test + f.message} label={f.message} multiline w={360}>
                        <Badge color="red">{f.test}</Badge>
                      </Tooltip>
                    ))}
                  </Stack>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {m.certification
                    ? `${m.certification.year}, certified ${m.certification.certifiedAt.slice(0, 10)}`
                    : "none"}
                </Text>
                {m.personId === myPersonId || mayPrepare ? (
                  <Button size="compact-xs" variant="subtle" onClick={() => setAnswering(m)}>
                    {m.personId === myPersonId ? "Open my questionnaire" : `Prepare ${year} questionnaire`}
                  </Button>
                ) : null}
              </Table.Td>
              {c.can["committee.appoint"] ? (
                <Table.Td>
                  <Button
                    size="xs"
                    variant="light"
                    color="red"
                    loading={end.isPending && end.variables?.path.memberId === m.id}
                    onClick={() =>
                      end.mutate({
                        path: { id: c.id, memberId: m.id },
                        // Effective today: the end date is the last day served, so yesterday.
                        body: {
                          endDate: new Date(Date.parse(c.compliance.asOf) - 86_400_000)
                            .toISOString()
                            .slice(0, 10),
                          reason: "removed_by_board",
                        },
                      })
                    }
                  >
                    Remove (Board action, effective today)
                  </Button>
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function Meetings({ c }: { c: Committee }) {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const list = useOp("meeting.list", { path: { id: c.id } });
  const form = useApiForm({
    initialValues: { kind: "regular", title: "", startsAt: "", mode: "in_person", location: "" },
    labels: {
      kind: "Kind",
      title: "Title",
      startsAt: "Starts at",
      durationMinutes: "Duration",
      mode: "Held (CC-5)",
      location: "Location",
    },
    submit: (v) =>
      call("meeting.schedule", {
        path: { id: c.id },
        body: {
          kind: v.kind,
          title: v.title,
          startsAt: v.startsAt ? new Date(v.startsAt).toISOString() : "",
          durationMinutes: 90,
          mode: v.mode,
          location: v.location || null,
        } as Args<"meeting.schedule">["body"],
      }),
    onSuccess: ({ id }) => {
      invalidate(qc, ...COMMITTEE_READS);
      navigate({ to: `/committees/meetings/${id}` });
    },
  });
  return (
    <Stack>
      {c.can["meeting.schedule"] ? (
        <Stack gap="xs" maw={720} component="form" onSubmit={form.onSubmit}>
          <Title order={3} size="h4">
            Schedule a meeting
          </Title>
          <FormErrorSummary form={form} />
          <Group align="flex-end">
            <Select
              label="Kind"
              data={[
                { value: "regular", label: "Regular" },
                { value: "special", label: "Special" },
              ]}
              {...form.getInputProps("kind")}
              allowDeselect={false}
              w={130}
            />
            <TextInput label="Title" {...form.getInputProps("title")} w={240} />
            <TextInput label="Starts at" type="datetime-local" {...form.getInputProps("startsAt")} />
          </Group>
          <Group align="flex-end">
            <Select
              label="Held (CC-5)"
              data={[
                { value: "in_person", label: "In person" },
                { value: "telephone", label: "Conference telephone call" },
                { value: "hybrid", label: "Both" },
              ]}
              {...form.getInputProps("mode")}
              allowDeselect={false}
            />
            <TextInput label="Location" {...form.getInputProps("location")} />
            <Button type="submit" loading={form.mutation.isPending}>
              Schedule
            </Button>
          </Group>
          {form.values.kind === "special" ? (
            <Text size="sm" c="dimmed">
              A special meeting is called by the Committee Chairman, the Chairman of the Board or a member
              (CC-7); schedule it through the API with the caller named.
            </Text>
          ) : null}
        </Stack>
      ) : null}
      <Table striped withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>When</Table.Th>
            <Table.Th>Meeting</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Minutes (CC-6)</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.data?.items.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td>{fmtDateTime(m.startsAt)}</Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/committees/meetings/${m.id}`}>
                  {m.title}
                </Anchor>{" "}
                <Text span size="xs" c="dimmed">
                  {m.kind}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge color={STATUS_COLOR[m.status] ?? "gray"}>{m.status.replace("_", " ")}</Badge>
              </Table.Td>
              <Table.Td>
                {m.minutesStatus ? (
                  <Badge color={STATUS_COLOR[m.minutesStatus] ?? "gray"}>{m.minutesStatus}</Badge>
                ) : (
                  "—"
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function Duties({ committeeId }: { committeeId: string }) {
  const q = useOp("duty.list", { path: { id: committeeId } });
  if (q.error) return <ErrorAlert error={q.error} />;
  const cal = q.data;
  if (!cal) return null;
  return (
    <Stack>
      <Group>
        <Badge color="green" size="lg">
          {cal.totals.done} done
        </Badge>
        <Badge color="blue" size="lg">
          {cal.totals.due} due
        </Badge>
        <Badge color="red" size="lg">
          {cal.totals.overdue} overdue
        </Badge>
        <Text size="sm" c="dimmed">
          {cal.year}, as of {cal.asOf}. Approved minutes satisfy the duties their agenda items name.
        </Text>
      </Group>
      <Table withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Duty</Table.Th>
            <Table.Th>Rule</Table.Th>
            <Table.Th>Due</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Evidence</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {cal.duties.map((d) => (
            <Table.Tr key={d.id} data-testid={`duty-${d.key}`}>
              <Table.Td>{d.title}</Table.Td>
              <Table.Td>{d.rule}</Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>{d.dueDate}</Table.Td>
              <Table.Td miw={100}>
                <Badge color={STATUS_COLOR[d.status]} data-testid="duty-status">
                  {d.status}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  {d.evidence.map((e) =>
                    e.url?.startsWith("/") ? (
                      <Anchor key={e.label} component={Link} to={e.url} size="sm">
                        {e.label}
                      </Anchor>
                    ) : (
                      <Text key={e.label} size="sm">
                        {e.label}
                      </Text>
                    ),
                  )}
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function ProxyReportPanel({ committeeId }: { committeeId: string }) {
  const q = useOp("proxy.report", { path: { id: committeeId } });
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data) return null;
  const r = q.data;
  return (
    <Stack maw={820}>
      <Group>
        <Badge color="orange">Draft for the {r.year} proxy statement (CC-22)</Badge>
        <Anchor href={opUrl("proxy.report.pdf", { path: { id: committeeId }, query: { year: r.year } })}>
          PDF
        </Anchor>
      </Group>
      <Text style={{ whiteSpace: "pre-wrap" }}>{r.text}</Text>
      <Text size="sm" c="dimmed">
        From the records of {r.year}: {r.meetingsHeld.regular} regular and {r.meetingsHeld.special} special
        meetings held, {r.writtenConsents} written consent(s); duties {r.duties.done} done, {r.duties.due}{" "}
        due, {r.duties.overdue} overdue.{" "}
        {r.cdaReviewOnRecord
          ? "The review of the CD&A is on record."
          : "The review of the CD&A is not yet on record."}
      </Text>
    </Stack>
  );
}
