import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { call, invalidate, useOp } from "../../api/client.ts";
import { errorMessage, isApiError } from "../../lib/api.ts";
import { formatDateTime, formatNumber } from "../../lib/format.ts";
import { EbitdaEditor, type EbitdaTables, objectOf, rowsOf } from "./ebitda-editor.tsx";
import { FactsForm, TerminationForm } from "./manage-panels.tsx";
import { type BodyOf, type Condition, type Offering, pct, RX_READS, usd } from "./rx.ts";

const STATUS_COLOR: Record<string, string> = {
  open: "blue",
  passed: "green",
  refused: "red",
  pending: "gray",
  satisfied: "green",
  failed: "red",
  waived: "violet",
  upcoming: "blue",
  passed_date: "gray",
  waiting: "gray",
};

/** Waivers and amendments decided by the Requisite Investors (ECA-1(aa), ECA-20). */
export function Votes({ o }: { o: Offering }) {
  const qc = useQueryClient();
  const votes = useOp("vote.list", { path: { id: o.id } });
  const [kind, setKind] = useState<string | null>("waiver");
  const [subject, setSubject] = useState("11(i)");
  const [description, setDescription] = useState("");
  const propose = useMutation({
    mutationFn: () =>
      call("vote.propose", {
        path: { id: o.id },
        body: { kind: (kind ?? "waiver") as BodyOf<"vote.propose">["kind"], subject, description },
      }),
    onSuccess: () => {
      setDescription("");
      return invalidate(qc, ...RX_READS);
    },
  });
  const ballot = useMutation({
    mutationFn: (b: { id: string; inFavour: boolean }) =>
      call("vote.cast", { path: { id: b.id }, body: { inFavour: b.inFavour } }),
    onSuccess: () => invalidate(qc, ...RX_READS),
  });
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        A waiver passes when investors holding 50% or more of the backstop percentage vote in favour
        (Requisite Investors, ECA-1(aa)); an amendment also needs Oaktree, and changes to sections 25 and 26
        need Sankaty's and Apollo's consent (ECA-20). A vote is decided as soon as its outcome is certain.
      </Text>
      {o.can.manage ? (
        <Card withBorder>
          <Group align="flex-end">
            <Select label="Kind" data={["waiver", "amendment"]} value={kind} onChange={setKind} w={140} />
            <TextInput
              label="Section"
              value={subject}
              onChange={(e) => setSubject(e.currentTarget.value)}
              w={120}
            />
            <TextInput
              label="What is asked"
              value={description}
              onChange={(e) => setDescription(e.currentTarget.value)}
              style={{ flex: 1 }}
            />
            <Button
              onClick={() => propose.mutate()}
              loading={propose.isPending}
              disabled={!description.trim()}
            >
              Propose vote
            </Button>
          </Group>
          {propose.error ? (
            <Text c="red" size="sm">
              {errorMessage(propose.error)}
            </Text>
          ) : null}
        </Card>
      ) : null}
      {ballot.error ? <Alert color="red">{errorMessage(ballot.error)}</Alert> : null}
      {votes.data?.length === 0 ? <Text c="dimmed">No votes yet.</Text> : null}
      {votes.data?.map((v) => (
        <Card withBorder key={v.id} data-testid={`vote-${v.description}`}>
          <Group justify="space-between">
            <Text fw={600}>
              {v.kind === "waiver" ? "Waiver" : "Amendment"} of section {v.subject}: {v.description}
            </Text>
            <Badge color={STATUS_COLOR[v.status]} data-testid="vote-status">
              {v.status}
            </Badge>
          </Group>
          <Text size="sm" mt={4} data-testid="vote-explanation">
            {v.explanation}
          </Text>
          <Table mt="xs">
            <Table.Tbody>
              {v.ballots.map((b) => (
                <Table.Tr key={b.investorCode}>
                  <Table.Td>{b.investorName}</Table.Td>
                  <Table.Td>{pct(b.backstop)}</Table.Td>
                  <Table.Td>
                    {b.inFavour === null ? "not voted" : b.inFavour ? "in favour" : "against"}
                  </Table.Td>
                  <Table.Td>
                    {v.status === "open" && b.inFavour === null && v.myInvestorCode === b.investorCode ? (
                      <Group gap={4}>
                        <Button
                          size="xs"
                          color="green"
                          onClick={() => ballot.mutate({ id: v.id, inFavour: true })}
                        >
                          Vote in favour
                        </Button>
                        <Button
                          size="xs"
                          color="red"
                          variant="light"
                          onClick={() => ballot.mutate({ id: v.id, inFavour: false })}
                        >
                          Vote against
                        </Button>
                      </Group>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      ))}
    </Stack>
  );
}

/** Conditions precedent of section 11, computed where the agreement gives a formula. */
export function Conditions({ o }: { o: Offering }) {
  const conditions = useOp("condition.list", { path: { id: o.id } });
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        Each condition is satisfied, or waived by the Requisite Investors (ECA-11). Conditions (e), (f), (g)
        and (m) are computed from their figures.
      </Text>
      {conditions.data?.map((c) => (
        <ConditionCard key={c.id} c={c} canEdit={o.can.manage} />
      ))}
    </Stack>
  );
}

function ConditionCard({ c, canEdit }: { c: Condition; canEdit: boolean }) {
  const qc = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [inputs, setInputs] = useState<Record<string, string>>(
    Object.fromEntries(Object.entries(c.inputs).filter(([, v]) => typeof v === "string")) as Record<
      string,
      string
    >,
  );
  const [evidence, setEvidence] = useState(c.evidence);
  const [status, setStatus] = useState<string | null>(c.status === "waived" ? "pending" : c.status);
  const [ebitda, setEbitda] = useState<EbitdaTables>({
    months: rowsOf(c.inputs.months),
    schedule: rowsOf(c.inputs.schedule),
  });
  const isEbitda = c.code === "m";
  const save = useMutation({
    mutationFn: () =>
      call("condition.update", {
        path: { id: c.id },
        body: {
          evidence,
          inputs: isEbitda
            ? { ...inputs, months: objectOf(ebitda.months), schedule: objectOf(ebitda.schedule) }
            : inputs,
          ...(c.computed ? {} : { status: status as BodyOf<"condition.update">["status"] }),
        },
      }),
    onSuccess: () => {
      setEditing(false);
      return invalidate(qc, ...RX_READS);
    },
  });
  return (
    <Card withBorder padding="sm" data-testid={`condition-${c.code}`}>
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm" fw={500}>
          11({c.code}) {c.title}
        </Text>
        <Group gap={4} wrap="nowrap">
          <Badge color={STATUS_COLOR[c.status]}>{c.status}</Badge>
          {canEdit ? (
            <Button size="xs" variant="subtle" onClick={() => setEditing(!editing)}>
              {editing ? "Close" : "Record"}
            </Button>
          ) : null}
        </Group>
      </Group>
      {c.computed || c.evidence ? (
        <Text size="xs" c="dimmed" mt={4}>
          {c.computed ? c.explanation : ""} {c.evidence}
        </Text>
      ) : null}
      {editing ? (
        <Stack gap="xs" mt="xs">
          {Object.keys(inputs).map((k) => (
            <TextInput
              key={k}
              size="xs"
              label={k}
              value={inputs[k]}
              onChange={(e) => setInputs({ ...inputs, [k]: e.currentTarget.value })}
            />
          ))}
          {isEbitda ? (
            <EbitdaEditor value={ebitda} onChange={setEbitda} errors={errorsByPath(save.error)} />
          ) : null}
          {!c.computed ? (
            <Select
              size="xs"
              label="Status"
              data={["pending", "satisfied", "failed"]}
              value={status}
              onChange={setStatus}
              w={160}
            />
          ) : null}
          <Textarea
            size="xs"
            label="Evidence"
            value={evidence}
            onChange={(e) => setEvidence(e.currentTarget.value)}
          />
          <Group>
            <Button size="xs" onClick={() => save.mutate()} loading={save.isPending}>
              Save
            </Button>
            {save.error ? (
              <Text size="xs" c="red">
                {errorMessage(save.error)}
              </Text>
            ) : null}
          </Group>
        </Stack>
      ) : null}
    </Card>
  );
}

const errorsByPath = (error: unknown): Record<string, string> =>
  isApiError(error) ? Object.fromEntries((error.problem.errors ?? []).map((e) => [e.path, e.message])) : {};

/** Deadlines in business days on the US banking calendar (ECA-9, ECA-19, ECA-1(ff), ECA-26). */
export function Deadlines({ o }: { o: Offering }) {
  const deadlines = useOp("deadline.list", { path: { id: o.id } });
  const terminations = useOp("termination.list", { path: { id: o.id } });
  return (
    <Stack>
      {o.can.manage ? <FactsForm o={o} /> : null}
      <Table withTableBorder striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Rule</Table.Th>
            <Table.Th>Deadline</Table.Th>
            <Table.Th>Date</Table.Th>
            <Table.Th>Computed from</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {deadlines.data?.map((d) => (
            <Table.Tr key={d.key}>
              <Table.Td>{d.rule}</Table.Td>
              <Table.Td>{d.title}</Table.Td>
              <Table.Td>
                {d.date ?? "—"} {d.status === "upcoming" ? <Badge size="xs">upcoming</Badge> : null}
              </Table.Td>
              <Table.Td>
                <Text size="xs">{d.basis}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text fw={600}>Termination events (ECA-19) and the Termination Fee (ECA-2(d))</Text>
      <Table withTableBorder>
        <Table.Tbody>
          {terminations.data?.events.map((e) => (
            <Table.Tr key={e.code}>
              <Table.Td>{e.code}</Table.Td>
              <Table.Td>{e.label}</Table.Td>
              <Table.Td>
                {e.feeOwed === true
                  ? "Termination Fee owed"
                  : e.feeOwed === false
                    ? "no fee"
                    : "fee owed if 19(d) applies"}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {o.can.manage && terminations.data && !terminations.data.recorded.length ? (
        <TerminationForm o={o} events={terminations.data.events} />
      ) : null}
      {terminations.data?.recorded.map((t) => (
        <Alert key={t.id} color="red" title={`Terminated: ${t.event} on ${t.occurredOn}`}>
          {t.label}. {t.feeOwed ? `Termination Fee owed: ${usd(t.fee)}.` : "No Termination Fee."} {t.note}
        </Alert>
      ))}
    </Stack>
  );
}

/** Progress reports sent to the investors by the scheduler (ECA-9(g)). */
export function Progress({ o }: { o: Offering }) {
  const reports = useOp("progress.list", { path: { id: o.id } });
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        Sent automatically every Friday of the exercise period ({o.exerciseStart} – {o.exerciseEnd}) and on
        each of its last 5 business days (ECA-9(g)).
      </Text>
      {reports.data?.length === 0 ? <Text c="dimmed">No report sent yet.</Text> : null}
      <Table withTableBorder striped>
        <Table.Tbody>
          {reports.data?.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>{r.reportDate}</Table.Td>
              <Table.Td>
                {formatNumber(r.rightsExercised)} of {formatNumber(r.rightsTotal)} rights exercised
              </Table.Td>
              <Table.Td>
                <Text size="xs">{r.reason}</Text>
              </Table.Td>
              <Table.Td>{formatDateTime(r.sentAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

/** The use-of-proceeds waterfall with its caps (ECA-9(i)). */
export function Proceeds({ o }: { o: Offering }) {
  const [required, setRequired] = useState("0.00");
  const [clauseD, setClauseD] = useState("0.00");
  const [liquidity, setLiquidity] = useState(true);
  const w = useOp(
    "proceeds.read",
    {
      path: { id: o.id },
      query: {
        requiredPayments: required,
        clauseDPayments: clauseD,
        liquidityConditionHolds: liquidity ? "true" : "false",
      },
    },
    { retry: false },
  );
  return (
    <Stack>
      <Group align="flex-end">
        <TextInput
          label="Clauses (a) and (b) payments"
          value={required}
          onChange={(e) => setRequired(e.currentTarget.value)}
        />
        <TextInput
          label="Clause (d) payments"
          value={clauseD}
          onChange={(e) => setClauseD(e.currentTarget.value)}
        />
        <Switch
          label="Liquidity condition (ECA-11(g)) holds"
          checked={liquidity}
          onChange={(e) => setLiquidity(e.currentTarget.checked)}
        />
      </Group>
      {w.error ? <Alert color="red">{errorMessage(w.error)}</Alert> : null}
      {w.data ? (
        <>
          <Text size="sm">
            Proceeds {w.data.fromAllocation ? "from the current allocation" : "(no allocation yet)"}:{" "}
            {usd(w.data.proceeds)}; Rights Offering Reserve Amount {usd(w.data.reserve)}; not used{" "}
            {usd(w.data.unused)}.
          </Text>
          <Table withTableBorder striped>
            <Table.Tbody>
              {w.data.lines.map((l) => (
                <Table.Tr key={l.step}>
                  <Table.Td>{l.rule}</Table.Td>
                  <Table.Td>{l.note}</Table.Td>
                  <Table.Td>{l.cap ? `cap ${l.cap}` : "in full"}</Table.Td>
                  <Table.Td ta="right">{usd(l.amount)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      ) : null}
    </Stack>
  );
}
