import {
  Badge,
  Button,
  Group,
  Pagination,
  Paper,
  Progress,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
} from "@mantine/core";
import { IconDownload } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { type Args, call, invalidate, opUrl, useOp } from "../../api/client.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { TableSkeleton } from "../../components/table-skeleton.tsx";
import { countryName, formatDate, formatDateTime, formatNumber } from "../../lib/format.ts";
import { CERTIFICATION_READS, pct } from "./cert-api.ts";

type Dimension = NonNullable<Args<"certification.campaign.breakdown">["query"]>["by"];
type AssignmentStatus = NonNullable<Args<"certification.campaign.assignments">["query"]>["status"];

const Stat = ({ label, value, color }: { label: string; value: string; color?: string }) => (
  <Paper withBorder p="md">
    <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
      {label}
    </Text>
    <Text fz={26} fw={700} c={color}>
      {value}
    </Text>
  </Paper>
);

function BreakdownTable({ id }: { id: string }) {
  const [by, setBy] = useState("entity");
  const q = useOp("certification.campaign.breakdown", { path: { id }, query: { by: by as Dimension } });
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Text fw={600}>Completion by</Text>
        <SegmentedControl
          value={by}
          onChange={setBy}
          data={[
            { value: "entity", label: "Legal entity" },
            { value: "department", label: "Department" },
            { value: "country", label: "Country" },
            { value: "supervisor", label: "Supervisor" },
          ]}
        />
      </Group>
      {q.error ? <ErrorAlert error={q.error} /> : null}
      {!q.data ? (
        <TableSkeleton rows={4} />
      ) : (
        <>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{by === "entity" ? "Legal entity" : by[0]!.toUpperCase() + by.slice(1)}</Table.Th>
                <Table.Th>Signed</Table.Th>
                <Table.Th>Overdue</Table.Th>
                <Table.Th w={220}>Completion</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {q.data.items.map((r) => (
                <Table.Tr key={r.key ?? "none"}>
                  <Table.Td>{by === "country" && r.key ? countryName(r.key) : r.label}</Table.Td>
                  <Table.Td>
                    {formatNumber(r.signed)} / {formatNumber(r.assigned)}
                  </Table.Td>
                  <Table.Td>
                    {r.overdue ? <Badge color="red">{formatNumber(r.overdue)}</Badge> : "0"}
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Progress
                        value={r.completion * 100}
                        size="sm"
                        w={120}
                        color={r.completion === 1 ? "green" : undefined}
                      />
                      <Text size="xs">{pct(r.completion)}</Text>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {q.data.groups > q.data.items.length ? (
            <Text size="xs" c="dimmed" mt="xs">
              Showing the {q.data.items.length} lowest of {formatNumber(q.data.groups)} groups.
            </Text>
          ) : null}
        </>
      )}
    </Paper>
  );
}

function People({ id }: { id: string }) {
  const [status, setStatus] = useState("overdue");
  const [page, setPage] = useState(1);
  const q = useOp("certification.campaign.assignments", {
    path: { id },
    query: { status: status as AssignmentStatus, page },
  });
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <SegmentedControl
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          data={[
            { value: "overdue", label: "Overdue" },
            { value: "pending", label: "Not signed" },
            { value: "signed", label: "Signed" },
            { value: "all", label: "Everyone" },
          ]}
        />
        <Button
          component="a"
          variant="default"
          leftSection={<IconDownload size={16} />}
          href={opUrl("certification.campaign.export", {
            path: { id },
            query: { status: status as AssignmentStatus },
          })}
        >
          Export CSV
        </Button>
      </Group>
      {q.error ? <ErrorAlert error={q.error} /> : null}
      {!q.data ? (
        <TableSkeleton rows={5} />
      ) : (
        <>
          <Text size="sm" c="dimmed" mb="xs">
            {formatNumber(q.data.total)} {status === "all" ? "people" : status}
          </Text>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Person</Table.Th>
                <Table.Th>Entity · department · country</Table.Th>
                <Table.Th>Supervisor</Table.Th>
                <Table.Th>Due</Table.Th>
                <Table.Th>Status</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {q.data.items.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    {r.name}
                    <Text size="xs" c="dimmed">
                      {r.externalId} {r.email}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {[r.entity, r.department, r.country ? countryName(r.country) : null]
                      .filter(Boolean)
                      .join(" · ")}
                  </Table.Td>
                  <Table.Td>
                    {r.supervisor ?? "—"}
                    {r.escalatedAt ? (
                      <Text size="xs" c="red">
                        escalated {formatDate(r.escalatedAt)}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{formatDate(r.dueDate)}</Table.Td>
                  <Table.Td>
                    {r.status === "signed" ? (
                      <Badge color="green">Signed {formatDate(r.signedAt)}</Badge>
                    ) : (
                      <Text size="sm">
                        Not signed · {r.remindersSent} reminder{r.remindersSent === 1 ? "" : "s"}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {q.data.total > q.data.pageSize ? (
            <Pagination
              mt="sm"
              value={page}
              onChange={setPage}
              total={Math.ceil(q.data.total / q.data.pageSize)}
            />
          ) : null}
        </>
      )}
    </Paper>
  );
}

export function CampaignPage({ id }: { id: string }) {
  const qc = useQueryClient();
  const q = useOp("certification.campaign.read", { path: { id } });
  const close = useMutation({
    mutationFn: () => call("certification.campaign.close", { path: { id } }),
    onSuccess: () => invalidate(qc, ...CERTIFICATION_READS),
  });
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data) return <TableSkeleton />;
  const c = q.data;
  return (
    <Stack>
      <PageHeader
        title={c.name}
        description={`${c.title}: ${c.policyTitle} version ${c.versionNumber}${c.addressedTo ? `, to the ${c.addressedTo}` : ""}. Launched ${formatDateTime(c.launchedAt)} by ${c.launchedBy}${c.dueDate ? `, due ${formatDate(c.dueDate)}` : ""}.${c.status === "closed" ? " Closed." : ""}`}
        actions={
          c.can.close ? (
            <Button variant="default" loading={close.isPending} onClick={() => close.mutate()}>
              Close campaign
            </Button>
          ) : null
        }
      />
      <ErrorAlert error={close.error} />
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <Stat label="Assigned" value={formatNumber(c.totals.assigned)} />
        <Stat
          label="Signed"
          value={`${formatNumber(c.totals.signed)} (${pct(c.totals.completion)})`}
          color="green"
        />
        <Stat label="Not signed" value={formatNumber(c.totals.pending)} />
        <Stat
          label="Overdue"
          value={formatNumber(c.totals.overdue)}
          color={c.totals.overdue ? "red" : undefined}
        />
      </SimpleGrid>
      <BreakdownTable id={id} />
      <People id={id} />
    </Stack>
  );
}
