import {
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  Stack,
  Tabs,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { call, invalidate, useOp, useOpMutation } from "../../api/client.ts";
import { FormErrorSummary, useApiForm } from "../../components/api-form.tsx";
import { ColumnsTable } from "../../components/data-table.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { FormActions } from "../../components/form-actions.tsx";
import { FormModal } from "../../components/form-modal.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { AnchorLink } from "../../components/router-links.tsx";
import { TableSkeleton } from "../../components/table-skeleton.tsx";
import { UrlTabs } from "../../components/url-tabs.tsx";
import { formatDateTime } from "../../lib/format.ts";
import { keyed } from "../certifications/cert-api.ts";
import { AUDIENCE_LABELS, POLICY_READS } from "./policies-api.ts";
import { statusColor } from "./policies-page.tsx";
import { ReadingView } from "./reading-view.tsx";

function DiffView({ fromId, toId }: { fromId: string; toId: string }) {
  const diff = useOp("policy.diff", { path: { id: toId }, query: { from: fromId } });
  if (diff.error) return <ErrorAlert error={diff.error} />;
  if (!diff.data) return <TableSkeleton rows={4} />;
  const { summary, sections } = diff.data;
  return (
    <Stack>
      <Text size="sm">
        Version {diff.data.from.number} → {diff.data.to.number}: {summary.changed} changed, {summary.added}{" "}
        added, {summary.removed} removed, {summary.unchanged} unchanged.
      </Text>
      {sections
        .filter((s) => s.change !== "unchanged")
        .map((s) => (
          <Paper key={`${s.change}-${s.number}`} withBorder p="md">
            <Group gap="xs" mb="xs">
              <Badge color={s.change === "added" ? "green" : s.change === "removed" ? "red" : "blue"}>
                {s.change}
              </Badge>
              <Text fw={600}>
                § {s.number}. {s.title}
                {s.titleBefore ? ` (was “${s.titleBefore}”)` : ""}
              </Text>
            </Group>
            <Text style={{ whiteSpace: "pre-wrap", lineHeight: 1.6 }}>
              {keyed(s.number, s.parts ?? []).map(({ key, text: p }) =>
                p.op === "eq" ? (
                  <span key={key}>{p.text}</span>
                ) : p.op === "add" ? (
                  <ins
                    key={key}
                    style={{ background: "var(--mantine-color-green-1)", textDecoration: "none" }}
                  >
                    {p.text}
                  </ins>
                ) : (
                  <del key={key} style={{ background: "var(--mantine-color-red-1)" }}>
                    {p.text}
                  </del>
                ),
              )}
            </Text>
          </Paper>
        ))}
    </Stack>
  );
}

function PublishModal({ versionId, onClose }: { versionId: string; onClose: () => void }) {
  const qc = useQueryClient();
  const form = useApiForm<{ recertify: boolean; dueDate: string }>({
    initialValues: { recertify: true, dueDate: "" },
    labels: { recertify: "Launch a re-certification", dueDate: "Due date" },
    submit: ({ recertify, dueDate }) =>
      call("policy.publish", {
        path: { id: versionId },
        body: { recertify, ...(dueDate ? { dueDate } : {}) },
      }),
    onSuccess: async (_, { recertify }) => {
      await invalidate(qc, ...POLICY_READS);
      notifications.show({
        color: "green",
        message: recertify ? "Published; the re-certification is being launched." : "Published.",
      });
      onClose();
    },
  });
  const { recertify } = form.values;
  return (
    <FormModal opened onClose={onClose} isDirty={form.isDirty} title="Publish this version">
      <form onSubmit={form.onSubmit} noValidate>
        <Stack>
          <Text size="sm">The version in force becomes superseded. Readers see the new version at once.</Text>
          <Checkbox
            {...form.getInputProps("recertify", { type: "checkbox" })}
            label="Launch a re-certification of this version (every certificate template on this policy)"
          />
          {recertify ? (
            <TextInput type="date" label="Due date (30 days by default)" {...form.getInputProps("dueDate")} />
          ) : null}
          <FormErrorSummary form={form} title="Not published" />
          <FormActions onCancel={onClose} submitting={form.mutation.isPending}>
            Publish
          </FormActions>
        </Stack>
      </form>
    </FormModal>
  );
}

/** The policy page's tabs; the one shown lives in the URL (`?tab=`), so Back returns to it. */
const POLICY_TABS = ["read", "versions", "compare"];

export function PolicyPage({ policyId }: { policyId: string }) {
  const policy = useOp("policy.read", { path: { id: policyId } });
  const [publishing, setPublishing] = useState<string | null>(null);
  const [compare, setCompare] = useState<{ from: string | null; to: string | null }>({
    from: null,
    to: null,
  });
  const approve = useOpMutation("policy.approve", { invalidates: [...POLICY_READS] });
  const draft = useOpMutation("policy.draft", { invalidates: [...POLICY_READS] });
  if (policy.error) return <ErrorAlert error={policy.error} />;
  if (!policy.data) return <TableSkeleton />;
  const p = policy.data;
  const current = p.versions.find((v) => v.status === "published") ?? p.versions[0];
  const options = p.versions.map((v) => ({ value: v.id, label: `Version ${v.number} (${v.status})` }));
  return (
    <Stack>
      <PageHeader
        title={p.title}
        description={
          <>
            Applies to {p.audience.map((a) => AUDIENCE_LABELS[a] ?? a).join(", ")}. Owner: {p.owner}. Versions
            are approved by{" "}
            {p.approvalAuthority === "board"
              ? "the Board or a Board committee (SOC-8)"
              : "the Legal Department (COC-0.2)"}
            .
            {p.governsOver
              ? ` Where the ${p.governsOver.shortTitle} is silent or conflicts, this code controls (SOC-2).`
              : ""}
            {p.governedBy.length
              ? ` The ${p.governedBy.map((g) => g.shortTitle).join(", ")} controls where it conflicts with this code (SOC-2).`
              : ""}
          </>
        }
        actions={
          p.can.edit ? (
            <Button
              variant="default"
              loading={draft.isPending}
              onClick={() => draft.mutate({ path: { id: policyId }, body: {} })}
            >
              New draft version
            </Button>
          ) : null
        }
      />
      <ErrorAlert error={approve.error ?? draft.error} />
      <UrlTabs defaultTab="read" tabs={POLICY_TABS}>
        <Tabs.List>
          <Tabs.Tab value="read">Read</Tabs.Tab>
          <Tabs.Tab value="versions">Versions ({p.versions.length})</Tabs.Tab>
          <Tabs.Tab value="compare" disabled={p.versions.length < 2}>
            Compare versions
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="read" pt="md">
          {current ? <ReadingView versionId={current.id} showTitle={false} /> : null}
        </Tabs.Panel>
        <Tabs.Panel value="versions" pt="md">
          <ColumnsTable
            striped
            rows={p.versions}
            rowKey={(v) => v.id}
            columns={[
              {
                key: "version",
                header: "Version",
                cell: (v) => (
                  <AnchorLink to="/policies/versions/$versionId" params={{ versionId: v.id }}>
                    Version {v.number}
                  </AnchorLink>
                ),
              },
              {
                key: "status",
                header: "Status",
                cell: (v) => (
                  <Badge color={statusColor[v.status]} variant="light">
                    {v.status}
                  </Badge>
                ),
              },
              { key: "change", header: "Change", cell: (v) => v.changeNote ?? "—" },
              {
                key: "approved",
                header: "Approved",
                cell: (v) => (v.approvedBy ? `${v.approvedBy}, ${formatDateTime(v.approvedAt)}` : "—"),
              },
              { key: "published", header: "Published", cell: (v) => formatDateTime(v.publishedAt) },
              {
                key: "actions",
                header: "",
                cell: (v) => (
                  <>
                    {v.status === "draft" && p.can.approve ? (
                      <Button
                        size="xs"
                        loading={approve.isPending}
                        onClick={() => approve.mutate({ path: { id: v.id } })}
                      >
                        Approve
                      </Button>
                    ) : null}
                    {v.status === "approved" && p.can.publish ? (
                      <Button size="xs" onClick={() => setPublishing(v.id)}>
                        Publish
                      </Button>
                    ) : null}
                  </>
                ),
              },
            ]}
          />
        </Tabs.Panel>
        <Tabs.Panel value="compare" pt="md">
          <Group mb="md">
            <Select
              label="From"
              data={options}
              value={compare.from ?? p.versions[1]?.id ?? null}
              onChange={(v) => setCompare((c) => ({ ...c, from: v }))}
            />
            <Select
              label="To"
              data={options}
              value={compare.to ?? p.versions[0]?.id ?? null}
              onChange={(v) => setCompare((c) => ({ ...c, to: v }))}
            />
          </Group>
          {(compare.from ?? p.versions[1]?.id) && (compare.to ?? p.versions[0]?.id) ? (
            <DiffView
              fromId={(compare.from ?? p.versions[1]?.id)!}
              toId={(compare.to ?? p.versions[0]?.id)!}
            />
          ) : null}
        </Tabs.Panel>
      </UrlTabs>
      {publishing ? <PublishModal versionId={publishing} onClose={() => setPublishing(null)} /> : null}
    </Stack>
  );
}

export function VersionPage({ versionId }: { versionId: string }) {
  return (
    <Stack>
      <Title order={2} size="h6" c="dimmed">
        <AnchorLink to="/policies">Policies</AnchorLink>
      </Title>
      <ReadingView versionId={versionId} />
    </Stack>
  );
}
