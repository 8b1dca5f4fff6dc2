import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { call, invalidate, opUrl, useOp } from "../../api/client.ts";
import { PageHeader } from "../../components/page-header.tsx";
import { errorMessage, isApiError } from "../../lib/api.ts";
import { formatDateTime, formatNumber } from "../../lib/format.ts";
import { hasPermission, useMe } from "../auth/me.ts";
import { CreateOfferingForm } from "./create-offering-form.tsx";
import { WithdrawalForm } from "./manage-panels.tsx";
import { Conditions, Deadlines, Proceeds, Progress, Votes } from "./oversight-panels.tsx";
import { type Holder, type HolderAllocation, type Offering, pct, RX_READS, usd } from "./rx.ts";

/** The rights offering: terms, register and elections, allocation, notices, votes and deadlines. */
export function RestructuringPage() {
  const offerings = useOp("offering.list", {});
  const portal = useOp("portal.read", {});
  const { data: me } = useMe();
  const canCreate = hasPermission(me, "restructuring.manage");
  const [chosen, setChosen] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const list = offerings.data ?? [];
  const current = list.find((o) => o.id === chosen) ?? list[0];
  return (
    <>
      <PageHeader
        title="Restructuring"
        description="The Chapter 11 rights offering under the Equity Commitment Agreement: claims register, elections, the allocation engine (ECA-2(b), ECA-3(a)), Purchase Notices (ECA-2(f)), Requisite Investor votes (ECA-1(aa)), conditions precedent (ECA-11) and deadlines in business days."
      />
      {portal.data?.length ? <Portal /> : null}
      {offerings.error && !(isApiError(offerings.error) && offerings.error.status === 403) ? (
        <Alert color="red">{errorMessage(offerings.error)}</Alert>
      ) : null}
      {list.length > 1 || canCreate ? (
        <Group mb="md" align="flex-end">
          {list.length > 1 ? (
            <Select
              label="Offering"
              w={420}
              data={list.map((o) => ({ value: o.id, label: o.name }))}
              value={current?.id ?? null}
              onChange={setChosen}
              allowDeselect={false}
            />
          ) : null}
          {canCreate && !creating ? (
            <Button variant="default" onClick={() => setCreating(true)}>
              New offering
            </Button>
          ) : null}
        </Group>
      ) : null}
      {creating ? (
        <CreateOfferingForm
          onCancel={() => setCreating(false)}
          onCreated={(o) => {
            setCreating(false);
            setChosen(o.id);
          }}
        />
      ) : current ? (
        <OfferingView key={current.id} id={current.id} />
      ) : offerings.isSuccess && !portal.data?.length ? (
        <Text c="dimmed">No offering yet.</Text>
      ) : null}
    </>
  );
}

function OfferingView({ id }: { id: string }) {
  const { data: o, error } = useOp("offering.read", { path: { id } });
  if (error) return <Alert color="red">{errorMessage(error)}</Alert>;
  if (!o) return null;
  return (
    <Stack>
      <Title order={2} size="h3">
        {o.name}
      </Title>
      <Tabs defaultValue="overview" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="overview">Overview</Tabs.Tab>
          {o.can.readRegister ? <Tabs.Tab value="register">Register & elections</Tabs.Tab> : null}
          <Tabs.Tab value="allocation">Allocation & notices</Tabs.Tab>
          <Tabs.Tab value="votes">Votes</Tabs.Tab>
          <Tabs.Tab value="conditions">Conditions</Tabs.Tab>
          <Tabs.Tab value="deadlines">Deadlines</Tabs.Tab>
          <Tabs.Tab value="progress">Progress reports</Tabs.Tab>
          {o.can.readAllocation ? <Tabs.Tab value="proceeds">Use of proceeds</Tabs.Tab> : null}
        </Tabs.List>
        <Tabs.Panel value="overview">
          <Overview o={o} />
        </Tabs.Panel>
        <Tabs.Panel value="register">
          <Register o={o} />
        </Tabs.Panel>
        <Tabs.Panel value="allocation">
          <AllocationPanel o={o} />
        </Tabs.Panel>
        <Tabs.Panel value="votes">
          <Votes o={o} />
        </Tabs.Panel>
        <Tabs.Panel value="conditions">
          <Conditions o={o} />
        </Tabs.Panel>
        <Tabs.Panel value="deadlines">
          <Deadlines o={o} />
        </Tabs.Panel>
        <Tabs.Panel value="progress">
          <Progress o={o} />
        </Tabs.Panel>
        <Tabs.Panel value="proceeds">
          <Proceeds o={o} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

const Fact = ({ label, value }: { label: string; value: React.ReactNode }) => (
  <div>
    <Text size="xs" c="dimmed">
      {label}
    </Text>
    <Text fw={500}>{value}</Text>
  </div>
);

function Overview({ o }: { o: Offering }) {
  return (
    <Stack>
      <Card withBorder>
        <SimpleGrid cols={{ base: 2, md: 4 }}>
          <Fact label="Units offered" value={formatNumber(o.unitsOffered)} />
          <Fact label="Price per unit" value={usd(o.pricePerUnit)} />
          <Fact label="Holdco shares per unit" value={formatNumber(o.sharesPerUnit)} />
          <Fact label="Maximum Rights Offering Amount" value={usd(o.maximumAmount)} />
          <Fact label="Exercise period" value={`${o.exerciseStart} – ${o.exerciseEnd}`} />
          <Fact label="Minimum Oaktree/Apollo Equity Threshold (ECA-2(b))" value={pct(o.threshold)} />
          <Fact label="Maximum cutback (ECA-2(b))" value={pct(o.maximumCutback, 0)} />
          <Fact
            label="Structuring and Arrangement Fee (ECA-2(d))"
            value={`${pct(o.structuringFeeRate, 1)} of the maximum amount`}
          />
          <Fact label="Termination Fee (ECA-2(d))" value={`that fee − ${usd(o.terminationFeeDeduction)}`} />
          <Fact
            label="IntermediateCo Preferred Stock (ECA-2(e))"
            value={`${formatNumber(o.preferredShares)} at ${usd(o.preferredPricePerShare)}`}
          />
          <Fact label="Certifying officer" value={o.certifyingOfficer} />
          <Fact
            label="Rights exercised"
            value={`${formatNumber(o.summary.exercised)} of ${formatNumber(o.summary.rights)} (${o.summary.elected} of ${o.summary.holders} holders)`}
          />
        </SimpleGrid>
        {o.unitComposition ? (
          <Text size="sm" c="dimmed" mt="sm">
            {o.unitComposition}
          </Text>
        ) : null}
      </Card>
      <Table withTableBorder striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Investor</Table.Th>
            <Table.Th>Backstop percentage (Schedule 1(f))</Table.Th>
            <Table.Th>In force</Table.Th>
            <Table.Th>Threshold group</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {o.investors.map((i) => (
            <Table.Tr key={i.id}>
              <Table.Td>
                {i.name} {i.id === o.myInvestorId ? <Badge size="xs">you</Badge> : null}
              </Table.Td>
              <Table.Td>{pct(i.backstopPercentage)}</Table.Td>
              <Table.Td>
                {pct(i.effectiveBackstopPercentage)}
                {i.withdrawnAt ? ` (withdrawn on ${i.withdrawnAt}, ECA-26)` : ""}
              </Table.Td>
              <Table.Td>{i.isThresholdGroup ? "yes" : "no"}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {o.can.withdraw
        ? o.investors
            .filter((i) => i.code === "apollo" && !i.withdrawnAt)
            .map((i) => <WithdrawalForm key={i.id} o={o} investor={i} />)
        : null}
    </Stack>
  );
}

function Register({ o }: { o: Offering }) {
  const qc = useQueryClient();
  const [q, setQ] = useState("");
  const [page, setPage] = useState(1);
  const holders = useOp("register.read", { path: { id: o.id }, query: { q, page, pageSize: 25 } });
  const [csv, setCsv] = useState("");
  const importer = useMutation({
    mutationFn: () => call("register.import", { path: { id: o.id }, body: { csv, dryRun: false } }),
    onSuccess: () => invalidate(qc, ...RX_READS),
  });
  const rowErrors =
    importer.error && isApiError(importer.error)
      ? ((
          importer.error.problem as {
            result?: { errors: { row: number; column: string; message: string }[] };
          }
        ).result?.errors ?? [])
      : [];
  return (
    <Stack>
      {o.can.manage ? (
        <Card withBorder>
          <Stack gap="xs">
            <Text fw={600}>Import the claims register (CSV)</Text>
            <Text size="sm" c="dimmed">
              Columns: holder_id, name, email, investor, class (us_rollup, eu_rollup, eu_term), amount,
              plan_shares, rights. One row per holder and class; rights are computed pro rata to Eligible
              Claims unless given. A file with any error writes nothing.{" "}
              <Anchor href={opUrl("register.template")}>Template</Anchor>
            </Text>
            <input
              type="file"
              accept=".csv,text/csv"
              aria-label="Register file"
              onChange={async (e) => setCsv((await e.target.files?.[0]?.text()) ?? "")}
            />
            <Textarea
              label="Register CSV"
              autosize
              minRows={3}
              maxRows={10}
              value={csv}
              onChange={(e) => setCsv(e.currentTarget.value)}
            />
            <Group>
              <Button onClick={() => importer.mutate()} loading={importer.isPending} disabled={!csv.trim()}>
                Import register
              </Button>
              {importer.data ? (
                <Text size="sm" data-testid="import-result">
                  Imported {importer.data.summary.holders} holders ({importer.data.summary.created} new,{" "}
                  {importer.data.summary.updated} updated).
                </Text>
              ) : null}
            </Group>
            {importer.error ? (
              <Alert color="red" title={errorMessage(importer.error)}>
                {rowErrors.slice(0, 20).map((e) => (
                  <Text size="sm" key={`${e.row}-${e.column}`}>
                    Row {e.row}, {e.column}: {e.message}
                  </Text>
                ))}
              </Alert>
            ) : null}
          </Stack>
        </Card>
      ) : null}
      <TextInput
        placeholder="Search holder id or name"
        value={q}
        onChange={(e) => {
          setQ(e.currentTarget.value);
          setPage(1);
        }}
        maw={320}
      />
      <Table withTableBorder striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Holder</Table.Th>
            <Table.Th>Investor</Table.Th>
            <Table.Th>Eligible Claims</Table.Th>
            <Table.Th ta="right">Rights</Table.Th>
            <Table.Th ta="right">Exercised</Table.Th>
            <Table.Th ta="right">Due / paid</Table.Th>
            {o.can.elect ? <Table.Th>Election</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {holders.data?.items.map((h) => (
            <Table.Tr key={h.id} data-testid={`holder-${h.code}`}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {h.code}
                </Text>
                <Text size="xs" c="dimmed">
                  {h.name}
                </Text>
              </Table.Td>
              <Table.Td>{h.investor ?? "—"}</Table.Td>
              <Table.Td>
                {Object.entries(h.claims).map(([k, v]) => (
                  <Text size="xs" key={k}>
                    {k}: {usd(v)}
                  </Text>
                ))}
              </Table.Td>
              <Table.Td ta="right">{formatNumber(h.rights)}</Table.Td>
              <Table.Td ta="right">
                {h.electedAt ? (
                  formatNumber(h.exercised)
                ) : (
                  <Text c="dimmed" size="sm">
                    not elected
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right">
                <Text size="xs">{usd(h.paymentDue)}</Text>
                <Text size="xs" c={h.paid === h.paymentDue ? "green" : "orange"}>
                  {usd(h.paid)}
                </Text>
              </Table.Td>
              {o.can.elect ? (
                <Table.Td>
                  <ElectionForm holder={h} price={o.pricePerUnit} />
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {holders.data ? (
        <Group>
          <Text size="sm" c="dimmed">
            {formatNumber(holders.data.total)} holders
          </Text>
          <Button size="xs" variant="default" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            Previous
          </Button>
          <Button
            size="xs"
            variant="default"
            disabled={page * 25 >= holders.data.total}
            onClick={() => setPage(page + 1)}
          >
            Next
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}

const times = (price: string, units: number) => {
  const cents = BigInt(price.replace(".", "")) * BigInt(units);
  return `${cents / 100n}.${(cents % 100n).toString().padStart(2, "0")}`;
};

function ElectionForm({ holder, price }: { holder: Holder; price: string }) {
  const qc = useQueryClient();
  const [exercised, setExercised] = useState<number | string>(holder.exercised);
  const [paid, setPaid] = useState(true);
  const save = useMutation({
    mutationFn: () => {
      const n = Number(exercised);
      return call("election.record", {
        path: { id: holder.id },
        body: { exercised: n, payment: paid ? times(price, n) : "0.00" },
      });
    },
    onSuccess: () => invalidate(qc, ...RX_READS),
  });
  return (
    <Stack gap={4}>
      <Group gap={4} wrap="nowrap">
        <NumberInput
          size="xs"
          w={100}
          aria-label={`Exercised by ${holder.code}`}
          min={0}
          value={exercised}
          onChange={setExercised}
        />
        <Switch size="xs" label="paid" checked={paid} onChange={(e) => setPaid(e.currentTarget.checked)} />
        <Button size="xs" onClick={() => save.mutate()} loading={save.isPending}>
          Record
        </Button>
      </Group>
      {save.error ? (
        <Text size="xs" c="red">
          {errorMessage(save.error)}
        </Text>
      ) : null}
    </Stack>
  );
}

function AllocationPanel({ o }: { o: Offering }) {
  const qc = useQueryClient();
  const run = useOp("allocation.read", { path: { id: o.id } });
  const start = useMutation({
    mutationFn: () => call("allocation.run", { path: { id: o.id } }),
    onSuccess: () => invalidate(qc, ...RX_READS),
  });
  const r = run.data?.run;
  return (
    <Stack>
      {o.can.runAllocation ? (
        <Group>
          <Button onClick={() => start.mutate()} loading={start.isPending}>
            Run the allocation
          </Button>
          <Text size="sm" c="dimmed">
            Uses the register and elections as they stand; each investor's Purchase Notice is produced at once
            (due within 2 business days, ECA-2(f)).
          </Text>
        </Group>
      ) : null}
      {start.error ? <Alert color="red">{errorMessage(start.error)}</Alert> : null}
      {!r ? (
        <Text c="dimmed">The allocation has not been run yet.</Text>
      ) : (
        <>
          <Text size="sm" c="dimmed">
            Run {formatDateTime(r.runAt)}. Units offered {formatNumber(r.allocation.totals.unitsOffered)},
            subscribed {formatNumber(r.allocation.totals.subscribedUnits)}, residual{" "}
            {formatNumber(r.allocation.totals.residualUnits)}, cut back{" "}
            {formatNumber(r.allocation.totals.cutbackUnits)}; threshold group owns{" "}
            {pct(r.allocation.totals.thresholdGroupOwnershipPercent)}{" "}
            {r.allocation.totals.thresholdMet ? (
              <Badge color="green">threshold met</Badge>
            ) : (
              <Badge color="red">{r.allocation.totals.thresholdShortfallUnits} units short</Badge>
            )}
          </Text>
          <Table withTableBorder striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Investor</Table.Th>
                <Table.Th ta="right">Subscription</Table.Th>
                <Table.Th ta="right">Residual</Table.Th>
                <Table.Th ta="right">Total</Table.Th>
                <Table.Th ta="right">Price</Table.Th>
                <Table.Th ta="right">Holdco %</Table.Th>
                <Table.Th ta="right">Structuring fee</Table.Th>
                <Table.Th ta="right">Termination fee</Table.Th>
                <Table.Th ta="right">Preferred</Table.Th>
                <Table.Th>Purchase Notice</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {r.allocation.investors.map((i) => {
                const notice = r.notices.find((n) => n.investorCode === i.id);
                return (
                  <Table.Tr key={i.id}>
                    <Table.Td>{i.id}</Table.Td>
                    <Table.Td ta="right">{formatNumber(i.subscriptionUnits)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(i.residualUnits)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(i.totalUnits)}</Table.Td>
                    <Table.Td ta="right">{usd(i.purchasePrice)}</Table.Td>
                    <Table.Td ta="right">{pct(i.ownershipPercent)}</Table.Td>
                    <Table.Td ta="right">{usd(i.structuringFee)}</Table.Td>
                    <Table.Td ta="right">{usd(i.terminationFee)}</Table.Td>
                    <Table.Td ta="right">
                      {formatNumber(i.preferredShares)} ({usd(i.preferredPrice)})
                    </Table.Td>
                    <Table.Td>
                      {notice ? (
                        <Anchor href={opUrl("notice.pdf", { path: { id: notice.id } })} target="_blank">
                          PDF (due {notice.dueDate}
                          {notice.onTime ? ", on time" : ", LATE"})
                        </Anchor>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
          {r.allocation.explanation.length ? (
            <Card withBorder data-testid="explanation">
              <Text fw={600} mb="xs">
                Explanation
              </Text>
              <Stack gap={6}>
                {r.allocation.explanation.map((line) => (
                  <Text size="sm" key={line.slice(0, 40)}>
                    {line}
                  </Text>
                ))}
              </Stack>
            </Card>
          ) : null}
          {r.allocation.holders.length ? <HolderResults run={r.allocation.holders} /> : null}
        </>
      )}
    </Stack>
  );
}

function HolderResults({ run }: { run: HolderAllocation[] }) {
  const [page, setPage] = useState(0);
  const rows = run.slice(page * 25, page * 25 + 25);
  return (
    <Stack gap="xs">
      <Text fw={600}>Holders</Text>
      <Table withTableBorder striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Holder</Table.Th>
            <Table.Th ta="right">Rights</Table.Th>
            <Table.Th ta="right">Exercised</Table.Th>
            <Table.Th ta="right">Cut back</Table.Th>
            <Table.Th ta="right">Final units</Table.Th>
            <Table.Th ta="right">Price</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((h) => (
            <Table.Tr key={h.id}>
              <Table.Td>{h.id}</Table.Td>
              <Table.Td ta="right">{formatNumber(h.rights)}</Table.Td>
              <Table.Td ta="right">{formatNumber(h.exercised)}</Table.Td>
              <Table.Td ta="right">{formatNumber(h.cutbackUnits)}</Table.Td>
              <Table.Td ta="right">{formatNumber(h.finalUnits)}</Table.Td>
              <Table.Td ta="right">{usd(h.purchasePrice)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group>
        <Button size="xs" variant="default" disabled={page === 0} onClick={() => setPage(page - 1)}>
          Previous
        </Button>
        <Button
          size="xs"
          variant="default"
          disabled={(page + 1) * 25 >= run.length}
          onClick={() => setPage(page + 1)}
        >
          Next
        </Button>
      </Group>
    </Stack>
  );
}

/** The holder portal: a holder's (or an investor's affiliates') rights and its election. */
function Portal() {
  const qc = useQueryClient();
  const { data } = useOp("portal.read", {});
  const [values, setValues] = useState<Record<string, number | string>>({});
  const elect = useMutation({
    mutationFn: (h: { id: string; exercised: number }) =>
      call("election.record", { path: { id: h.id }, body: { exercised: h.exercised } }),
    onSuccess: () => invalidate(qc, ...RX_READS),
  });
  return (
    <Card withBorder mb="lg">
      <Text fw={600} mb="xs">
        My rights
      </Text>
      <Table>
        <Table.Tbody>
          {data?.map((h) => (
            <Table.Tr key={h.id}>
              <Table.Td>
                {h.code} · {h.name}
                <Text size="xs" c="dimmed">
                  {h.offeringName}: exercise {h.exerciseStart} – {h.exerciseEnd} at {usd(h.pricePerUnit)} per
                  unit
                  {h.mustExerciseAll ? " · as an investor's affiliate, all rights (ECA-3(a))" : ""}
                </Text>
              </Table.Td>
              <Table.Td>{formatNumber(h.rights)} rights</Table.Td>
              <Table.Td>{h.electedAt ? `${formatNumber(h.exercised)} exercised` : "not elected"}</Table.Td>
              <Table.Td>
                {h.isOpen ? (
                  <Group gap={4}>
                    <NumberInput
                      size="xs"
                      w={110}
                      min={0}
                      max={h.rights}
                      aria-label={`Exercise for ${h.code}`}
                      value={values[h.id] ?? h.exercised}
                      onChange={(v) => setValues({ ...values, [h.id]: v })}
                    />
                    <Button
                      size="xs"
                      onClick={() =>
                        elect.mutate({ id: h.id, exercised: Number(values[h.id] ?? h.exercised) })
                      }
                    >
                      Elect
                    </Button>
                  </Group>
                ) : (
                  <Badge color="gray">exercise period closed</Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {elect.error ? (
        <Text size="sm" c="red">
          {errorMessage(elect.error)}
        </Text>
      ) : null}
    </Card>
  );
}
