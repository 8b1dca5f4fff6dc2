import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { type Args, opKey, type Schema, useOp, useOpMutation } from "../../api/client.ts";
import { Empty } from "../../components/empty.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { fieldErrors, isApiError } from "../../lib/api.ts";
import { STATUS_COLOR } from "./committee-ui.ts";

type AdviserList = Schema<"CommitteeAdviserListView">;
type Adviser = AdviserList["items"][number];
type AdviserKind = Adviser["kind"];
type Factor = { finding: string; concern: boolean };

const KINDS: { value: AdviserKind; label: string }[] = [
  { value: "compensation_consultant", label: "Compensation consultant" },
  { value: "legal", label: "Legal counsel" },
  { value: "accounting", label: "Accounting adviser" },
  { value: "other", label: "Other adviser" },
];
const kindLabel = (k: string) => KINDS.find((x) => x.value === k)?.label ?? k;

/** The committee's advisers (CC-9, CC-16): proposed, assessed on the six Rule 10C-1 factors, then retained. */
export function AdvisersPanel({ committeeId }: { committeeId: string }) {
  const qc = useQueryClient();
  const args = { path: { id: committeeId } };
  const q = useOp("adviser.list", args);
  const onSaved = (data: AdviserList) => qc.setQueryData(opKey("adviser.list", args), data);
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data) return null;
  const list = q.data;
  return (
    <Stack>
      <Text size="sm" c="dimmed" maw={820}>
        The committee alone retains, terminates and sets the fees of its advisers (CC-16), after assessing the
        six independence factors of Exchange Act Rule 10C-1, renewed yearly; consultants attend meetings as
        the committee deems necessary (CC-9).
      </Text>
      {list.canManage ? <ProposeAdviser committeeId={committeeId} onSaved={onSaved} /> : null}
      {list.items.length === 0 ? (
        <Empty
          title="No advisers"
          description="Consultants, counsel and other advisers will be listed here."
        />
      ) : null}
      {list.items.map((a) => (
        <AdviserCard key={a.id} committeeId={committeeId} a={a} list={list} onSaved={onSaved} />
      ))}
    </Stack>
  );
}

function ProposeAdviser({
  committeeId,
  onSaved,
}: {
  committeeId: string;
  onSaved: (d: AdviserList) => void;
}) {
  const [name, setName] = useState("");
  const [firm, setFirm] = useState("");
  const [kind, setKind] = useState<string | null>("compensation_consultant");
  const [terms, setTerms] = useState("");
  const propose = useOpMutation("adviser.propose", {
    onSuccess: (data) => {
      setName("");
      setFirm("");
      setTerms("");
      onSaved(data);
    },
  });
  const errors = fieldErrors(propose.error);
  return (
    <Stack gap="xs" maw={720}>
      <Title order={3} size="h4">
        Propose an adviser
      </Title>
      <Group align="flex-end">
        <TextInput
          label="Adviser name"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name}
        />
        <TextInput
          label="Firm"
          value={firm}
          onChange={(e) => setFirm(e.currentTarget.value)}
          error={errors.firm}
        />
        <Select label="Role" data={KINDS} value={kind} onChange={setKind} w={220} />
      </Group>
      <Textarea
        label="Proposed terms of engagement"
        value={terms}
        onChange={(e) => setTerms(e.currentTarget.value)}
        autosize
        minRows={2}
      />
      <Group>
        <Button
          onClick={() =>
            propose.mutate({
              path: { id: committeeId },
              body: { name, firm, kind: (kind ?? "other") as AdviserKind, terms: terms || null },
            })
          }
          loading={propose.isPending}
        >
          Propose adviser
        </Button>
      </Group>
      <ErrorAlert error={propose.error} />
    </Stack>
  );
}

function AdviserCard({
  committeeId,
  a,
  list,
  onSaved,
}: {
  committeeId: string;
  a: Adviser;
  list: AdviserList;
  onSaved: (d: AdviserList) => void;
}) {
  const [assessing, setAssessing] = useState(false);
  const latest = a.assessments[0];
  return (
    <Card withBorder data-testid={`adviser-${a.name}`}>
      <Stack gap="xs">
        <Group>
          <Text fw={600}>
            {a.name}, {a.firm}
          </Text>
          <Badge variant="light">{kindLabel(a.kind)}</Badge>
          <Badge color={STATUS_COLOR[a.status] ?? "gray"}>{a.status}</Badge>
          <Badge color={a.assessmentCurrent ? "green" : "red"} data-testid="assessment-status">
            {a.assessmentCurrent
              ? `independence assessed, current until ${a.assessmentDueBy}`
              : "independence assessment due (CC-16)"}
          </Badge>
          <Text size="sm">Fees approved: {a.feesTotal}</Text>
        </Group>
        {a.terms ? <Text size="sm">Terms: {a.terms}</Text> : null}
        {latest ? (
          <Table withTableBorder>
            <Table.Tbody>
              {Object.entries(latest.factors).map(([k, f]) => (
                <Table.Tr key={k}>
                  <Table.Td w="45%">{list.factors[k] ?? k}</Table.Td>
                  <Table.Td>
                    {f.finding} {f.concern ? <Badge color="red">concern</Badge> : null}
                  </Table.Td>
                </Table.Tr>
              ))}
              <Table.Tr>
                <Table.Td>Conclusion ({latest.assessedOn})</Table.Td>
                <Table.Td>{latest.conclusion}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        ) : null}
        {list.canManage ? (
          <>
            {a.status !== "retained" ? <Retain committeeId={committeeId} a={a} onSaved={onSaved} /> : null}
            {assessing ? (
              <AssessmentForm
                a={a}
                factors={list.factors}
                onSaved={(d) => {
                  setAssessing(false);
                  onSaved(d);
                }}
                onCancel={() => setAssessing(false)}
              />
            ) : (
              <Group>
                <Button size="xs" variant="light" onClick={() => setAssessing(true)}>
                  Record independence assessment (CC-16)
                </Button>
              </Group>
            )}
          </>
        ) : null}
      </Stack>
    </Card>
  );
}

function Retain({
  committeeId,
  a,
  onSaved,
}: {
  committeeId: string;
  a: Adviser;
  onSaved: (d: AdviserList) => void;
}) {
  const resolutions = useOp("resolution.list", { path: { id: committeeId } });
  const [resolutionId, setResolutionId] = useState<string | null>(null);
  const retain = useOpMutation("adviser.retain", { onSuccess: onSaved });
  if (!a.assessmentCurrent)
    return (
      <Alert color="yellow" title="Selection blocked until the assessment is recorded">
        CC-16: before engaging {a.name} the committee records its assessment of the six Rule 10C-1
        independence factors.
      </Alert>
    );
  const adopted = (resolutions.data?.items ?? []).filter((r) => r.outcome === "adopted");
  return (
    <Stack gap="xs">
      <Group align="flex-end">
        <Select
          label="Resolution retaining the adviser (CC-16)"
          placeholder={adopted.length ? "Pick an adopted resolution" : "No adopted resolution yet"}
          data={adopted.map((r) => ({ value: r.id, label: `${r.title} (${r.adoptedAt.slice(0, 10)})` }))}
          value={resolutionId}
          onChange={setResolutionId}
          w={420}
        />
        <Button
          onClick={() => retain.mutate({ path: { id: a.id }, body: { resolutionId: resolutionId ?? "" } })}
          loading={retain.isPending}
          disabled={!resolutionId}
        >
          Retain
        </Button>
      </Group>
      <ErrorAlert error={retain.error} showFieldErrors />
    </Stack>
  );
}

function AssessmentForm({
  a,
  factors,
  onSaved,
  onCancel,
}: {
  a: Adviser;
  factors: Record<string, string>;
  onSaved: (d: AdviserList) => void;
  onCancel: () => void;
}) {
  const [assessedOn, setAssessedOn] = useState(new Date().toISOString().slice(0, 10));
  const [values, setValues] = useState<Record<string, Factor>>(() =>
    Object.fromEntries(Object.keys(factors).map((k) => [k, { finding: "", concern: false }])),
  );
  const [conclusion, setConclusion] = useState("");
  const set = (k: string, patch: Partial<Factor>) =>
    setValues((v) => ({ ...v, [k]: { finding: "", concern: false, ...v[k], ...patch } }));
  const assess = useOpMutation("adviser.assess", { onSuccess: onSaved });
  // Each factor has a finding of its own, so errors are matched on the full path, not the last segment.
  const problems = isApiError(assess.error) ? (assess.error.problem.errors ?? []) : [];
  const errorAt = (path: string) =>
    problems.find((p) => String(p.path ?? "").replace(/^body\./, "") === path)?.message;
  return (
    <Stack gap="xs" maw={820} data-testid="assessment-form">
      <Title order={4} size="h5">
        Independence factors of {a.name} (Rule 10C-1, CC-16)
      </Title>
      <TextInput
        label="Assessed on"
        type="date"
        value={assessedOn}
        onChange={(e) => setAssessedOn(e.currentTarget.value)}
        error={errorAt("assessedOn")}
        w={200}
      />
      {Object.entries(factors).map(([k, label]) => (
        <Group key={k} align="flex-end" wrap="nowrap">
          <Textarea
            label={label}
            value={values[k]?.finding ?? ""}
            onChange={(e) => set(k, { finding: e.currentTarget.value })}
            error={errorAt(`factors.${k}.finding`)}
            autosize
            minRows={1}
            style={{ flex: 1 }}
          />
          <Checkbox
            label="Concern"
            aria-label={`Concern: ${label}`}
            checked={values[k]?.concern ?? false}
            onChange={(e) => set(k, { concern: e.currentTarget.checked })}
            mb={8}
          />
        </Group>
      ))}
      <Textarea
        label="Conclusion of the committee"
        value={conclusion}
        onChange={(e) => setConclusion(e.currentTarget.value)}
        error={errorAt("conclusion")}
        autosize
        minRows={2}
      />
      <Group>
        <Button
          onClick={() =>
            assess.mutate({
              path: { id: a.id },
              body: { assessedOn, factors: values, conclusion } as Args<"adviser.assess">["body"],
            })
          }
          loading={assess.isPending}
        >
          Record assessment
        </Button>
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
      </Group>
      <ErrorAlert error={assess.error} />
    </Stack>
  );
}
