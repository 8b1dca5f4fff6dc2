import {
  Badge,
  Button,
  Group,
  MultiSelect,
  Progress,
  Select,
  Stack,
  Tabs,
  Text,
  TextInput,
} from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { type Args, call, invalidate, type Result, type Schema, useOp } from "../../api/client.ts";
import { useApiForm } from "../../components/api-form.tsx";
import { type Column, DataTable } from "../../components/data-table.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { FormDialog } from "../../components/form-dialog.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { AnchorLink } from "../../components/router-links.tsx";
import type { StatusStyle } from "../../components/status-badge.tsx";
import { StatusBadge } from "../../components/status-badge.tsx";
import { TableSkeleton } from "../../components/table-skeleton.tsx";
import { UrlTabs } from "../../components/url-tabs.tsx";
import { formatDate, formatDateTime, formatNumber } from "../../lib/format.ts";
import { useMe } from "../auth/me.ts";
import { pct } from "./cert-api.ts";

type CertificateSummary = Schema<"CertificateSummaryView">;
type LaunchBody = NonNullable<Args<"certification.campaign.launch">["body"]>;

const GROUPS = [
  { value: "everyone", label: "Everyone bound by the Code" },
  { value: "senior_officers", label: "Senior officers" },
  { value: "finance_accounting", label: "Finance & accounting staff" },
  { value: "directors", label: "Directors" },
];

export const CERTIFICATE_STATUS_STYLES: Record<string, StatusStyle> = {
  signed: { label: "Signed", color: "green" },
  overdue: { label: "Overdue", color: "red" },
  to_sign: { label: "To sign", color: "yellow" },
};

export const certificateStatus = (c: { status: string; isOverdue?: boolean }) =>
  c.status === "signed" ? "signed" : c.isOverdue ? "overdue" : "to_sign";

const certificateColumns = (showPerson: boolean): Column<CertificateSummary>[] => [
  { key: "person", header: "Person", hidden: !showPerson, cell: (c) => c.person.name },
  {
    key: "certificate",
    header: "Certificate",
    cell: (c) => (
      <>
        <AnchorLink to="/certifications/sign/$id" params={{ id: c.id }} fw={500}>
          {c.title}
        </AnchorLink>
        {c.addressedTo ? (
          <Text size="xs" c="dimmed">
            To the {c.addressedTo} (SOC-7)
          </Text>
        ) : null}
      </>
    ),
  },
  { key: "version", header: "Policy version", cell: (c) => `${c.policyTitle} v${c.versionNumber}` },
  { key: "due", header: "Due", cell: (c) => formatDate(c.dueDate) },
  {
    key: "status",
    header: "Status",
    cell: (c) => (
      <>
        <StatusBadge status={certificateStatus(c)} styles={CERTIFICATE_STATUS_STYLES} />{" "}
        {c.signedAt ? (
          <Text span size="xs" c="dimmed">
            {formatDateTime(c.signedAt)}
          </Text>
        ) : null}
      </>
    ),
  },
];

function ListOf({
  op,
  empty,
  showPerson = false,
}: {
  op: "certification.mine" | "certification.team";
  empty: string;
  showPerson?: boolean;
}) {
  const q = useOp(op, {});
  return (
    <DataTable
      label={op === "certification.mine" ? "My certificates" : "My team's certificates"}
      query={{ ...q, data: q.data?.items }}
      rowKey={(c) => c.id}
      columns={certificateColumns(showPerson)}
      empty={{ title: empty }}
      inPaper={false}
      tableProps={{ striped: true, highlightOnHover: false }}
    />
  );
}

type LaunchValues = { name: string; templateId: string | null; groups: string[]; dueDate: string };

function LaunchModal({ onClose }: { onClose: () => void }) {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const templates = useOp("certification.template.list", {});
  const year = new Date().getFullYear();
  const form = useApiForm<LaunchValues, Result<"certification.campaign.launch">>({
    initialValues: {
      name: `Annual Certificate of Compliance ${year}`,
      templateId: null,
      groups: [],
      dueDate: "",
    },
    labels: { name: "Name", templateId: "Certificate", "audience.groups": "Audience", dueDate: "Due date" },
    // Said before sending instead of a greyed-out Launch button.
    validate: (v) => ({
      ...(v.templateId ? {} : { templateId: "choose the certificate to sign" }),
      ...(v.dueDate ? {} : { dueDate: "choose the date it is due" }),
    }),
    mapPath: (path) => (path.endsWith("groups") ? "audience.groups" : undefined),
    submit: ({ name, templateId, groups, dueDate }) =>
      call("certification.campaign.launch", {
        body: {
          name,
          templateId: templateId as string,
          dueDate,
          ...(groups.length
            ? { audience: { groups: groups as NonNullable<LaunchBody["audience"]>["groups"] } }
            : {}),
        },
      }),
    onSuccess: (c) => {
      void invalidate(qc, "certification.campaign.list");
      onClose();
      void navigate({ to: "/certifications/campaigns/$id", params: { id: c.id } });
    },
  });
  const template = templates.data?.items.find((t) => t.id === form.values.templateId);
  return (
    <FormDialog
      form={form}
      title="Launch a certification campaign"
      submitLabel="Launch"
      onClose={onClose}
      size="lg"
      lockCancel={false}
    >
      <TextInput label="Name" {...form.getInputProps("name")} />
      <Select
        label="Certificate"
        placeholder="Choose a certificate template"
        data={(templates.data?.items ?? []).map((t) => ({ value: t.id, label: t.name }))}
        {...form.getInputProps("templateId")}
        value={form.values.templateId}
        onChange={(v) => {
          form.setValue("templateId", v);
          form.setValue("groups", templates.data?.items.find((t) => t.id === v)?.audience ?? []);
        }}
      />
      {template ? (
        <Text size="sm" c="dimmed">
          Certifies the published version of the {template.policyTitle}
          {template.addressedTo ? `, addressed to the ${template.addressedTo} (SOC-7)` : ""}. Statements:{" "}
          {template.statements.map((s) => s.text).join(" ")}
        </Text>
      ) : null}
      <MultiSelect
        label="Audience"
        data={GROUPS}
        {...form.getInputProps("groups")}
        error={form.errors["audience.groups"]}
      />
      <TextInput type="date" label="Due date" {...form.getInputProps("dueDate")} />
      <Text size="xs" c="dimmed">
        Everyone in the audience gets an e-mail and a task at launch, reminders 7 days and 1 day before, on
        the due date and weekly after it; overdue people are escalated to their supervisor (COC-23.2).
      </Text>
    </FormDialog>
  );
}

type CampaignRow = Result<"certification.campaign.list">["items"][number];
type CommitteeRow = Result<"certification.audit_committee">["items"][number];

const campaignColumns: Column<CampaignRow>[] = [
  {
    key: "campaign",
    header: "Campaign",
    cell: (c) => (
      <>
        <AnchorLink to="/certifications/campaigns/$id" params={{ id: c.id }} fw={500}>
          {c.name}
        </AnchorLink>
        <Text size="xs" c="dimmed">
          {c.kind} · launched {formatDate(c.launchedAt)} {c.status === "closed" ? "· closed" : ""}
        </Text>
      </>
    ),
  },
  { key: "certifies", header: "Certifies", cell: (c) => `${c.policyTitle} v${c.versionNumber}` },
  { key: "due", header: "Due", cell: (c) => (c.dueDate ? formatDate(c.dueDate) : "per joiner") },
  {
    key: "completion",
    header: "Completion",
    cell: (c) => (
      <div style={{ minWidth: 180 }}>
        <Progress value={c.totals.completion * 100} size="sm" />
        <Text size="xs">
          {formatNumber(c.totals.signed)} / {formatNumber(c.totals.assigned)} ({pct(c.totals.completion)})
        </Text>
      </div>
    ),
  },
  {
    key: "overdue",
    header: "Overdue",
    cell: (c) => (c.totals.overdue ? <Badge color="red">{formatNumber(c.totals.overdue)}</Badge> : "0"),
  },
];

function Campaigns() {
  const q = useOp("certification.campaign.list", {});
  const [launching, setLaunching] = useState(false);
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data) return <TableSkeleton />;
  return (
    <Stack>
      {q.data.can.launch ? (
        <Group>
          <Button onClick={() => setLaunching(true)}>Launch a campaign</Button>
        </Group>
      ) : null}
      <DataTable
        label="Campaigns"
        query={{ ...q, data: q.data.items }}
        rowKey={(c) => c.id}
        columns={campaignColumns}
        empty={{ title: "No campaign yet" }}
        inPaper={false}
        tableProps={{ striped: true, highlightOnHover: false }}
      />
      {launching ? <LaunchModal onClose={() => setLaunching(false)} /> : null}
    </Stack>
  );
}

const committeeColumns: Column<CommitteeRow>[] = [
  {
    key: "person",
    header: "Person",
    cell: (r) => (
      <>
        <AnchorLink to="/certifications/sign/$id" params={{ id: r.id }}>
          {r.name}
        </AnchorLink>
        <Text size="xs" c="dimmed">
          {r.title} {r.isSeniorOfficer ? "· Senior Officer" : ""}
        </Text>
      </>
    ),
  },
  { key: "campaign", header: "Campaign", cell: (r) => r.campaignName },
  { key: "due", header: "Due", cell: (r) => formatDate(r.dueDate) },
  {
    key: "status",
    header: "Status",
    cell: (r) => (
      <>
        <StatusBadge status={certificateStatus(r)} styles={CERTIFICATE_STATUS_STYLES} />{" "}
        {r.signedAt ? formatDateTime(r.signedAt) : ""}
      </>
    ),
  },
  {
    key: "disclosed",
    header: "Disclosed something",
    cell: (r) => (r.hasYesAnswer ? <Badge color="orange">Yes</Badge> : r.status === "signed" ? "No" : "—"),
  },
];

function AuditCommittee() {
  const q = useOp("certification.audit_committee", {});
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        Senior Officers and finance & accounting staff sign a Certificate of Compliance to the Audit Committee
        when hired and at least yearly (SOC-7).
      </Text>
      <DataTable
        label="Certificates to the Audit Committee"
        query={{ ...q, data: q.data?.items }}
        rowKey={(r) => r.id}
        columns={committeeColumns}
        empty={{ title: "No certificate addressed to the Audit Committee yet" }}
        inPaper={false}
        tableProps={{ striped: true, highlightOnHover: false }}
      />
    </Stack>
  );
}

/** The tabs of the certifications page; the one shown lives in the URL (`?tab=`), so Back returns to it. */
const CERTIFICATION_TABS = ["mine", "team", "campaigns", "committee"];

function CertificationsTabs({ tab }: { tab: string }) {
  const me = useMe();
  const perms = me.data?.permissions ?? [];
  return (
    <Stack>
      <PageHeader
        title="Certifications"
        description="Certificates of Compliance: everyone bound by the Code signs one when they join and at least yearly (COC-23.1, COC-23.2)."
      />
      <UrlTabs defaultTab={tab} tabs={CERTIFICATION_TABS}>
        <Tabs.List>
          <Tabs.Tab value="mine">My certificates</Tabs.Tab>
          <Tabs.Tab value="team">My team</Tabs.Tab>
          {perms.includes("certification.report") ? <Tabs.Tab value="campaigns">Campaigns</Tabs.Tab> : null}
          {perms.includes("certification.audit_committee") ? (
            <Tabs.Tab value="committee">Audit Committee</Tabs.Tab>
          ) : null}
        </Tabs.List>
        <Tabs.Panel value="mine" pt="md">
          <ListOf op="certification.mine" empty="You have no certificate to sign" />
        </Tabs.Panel>
        <Tabs.Panel value="team" pt="md">
          <ListOf
            op="certification.team"
            empty="Nobody reporting to you has a certificate in an open campaign"
            showPerson
          />
        </Tabs.Panel>
        <Tabs.Panel value="campaigns" pt="md">
          <Campaigns />
        </Tabs.Panel>
        <Tabs.Panel value="committee" pt="md">
          <AuditCommittee />
        </Tabs.Panel>
      </UrlTabs>
    </Stack>
  );
}

export const CertificationsPage = () => <CertificationsTabs tab="mine" />;
export const TeamCertificationsPage = () => <CertificationsTabs tab="team" />;
