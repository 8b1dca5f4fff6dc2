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
import { type Args, call, opKey, type Schema, useOp } from "../../api/client.ts";
import { FormErrorSummary, useApiForm } from "../../components/api-form.tsx";
import { Empty } from "../../components/empty.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { SubmitGroup } from "../../components/form-actions.tsx";
import { STATUS_COLOR } from "./committee-ui.ts";

type AdviserList = Schema<"CommitteeAdviserListView">;
type Adviser = AdviserList["items"][number];
type AdviserKind = Adviser["kind"];
type Factor = { finding: string; concern: boolean };
type ProposeValues = { name: string; firm: string; kind: string | null; terms: string };
type AssessValues = { assessedOn: string; factors: Record<string, Factor>; conclusion: string };

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
  const propose = useApiForm<ProposeValues, AdviserList>({
    initialValues: { name: "", firm: "", kind: "compensation_consultant", terms: "" },
    labels: { name: "Adviser name", firm: "Firm", kind: "Role", terms: "Proposed terms of engagement" },
    submit: ({ name, firm, kind, terms }) =>
      call("adviser.propose", {
        path: { id: committeeId },
        body: { name, firm, kind: (kind ?? "other") as AdviserKind, terms: terms || null },
      }),
    onSuccess: (data, sent) => {
      // The role stays as chosen; the rest is cleared for the next adviser.
      propose.reset({ name: "", firm: "", kind: sent.kind, terms: "" });
      onSaved(data);
    },
  });
  return (
    <form onSubmit={propose.onSubmit} noValidate>
      <Stack gap="xs" maw={720}>
        <Title order={3} size="h4">
          Propose an adviser
        </Title>
        <FormErrorSummary form={propose} />
        <Group align="flex-end">
          <TextInput label="Adviser name" {...propose.getInputProps("name")} />
          <TextInput label="Firm" {...propose.getInputProps("firm")} />
          <Select
            label="Role"
            data={KINDS}
            {...propose.getInputProps("kind")}
            value={propose.values.kind}
            w={220}
          />
        </Group>
        <Textarea
          label="Proposed terms of engagement"
          {...propose.getInputProps("terms")}
          autosize
          minRows={2}
        />
        <SubmitGroup submitting={propose.mutation.isPending} label="Propose adviser" />
      </Stack>
    </form>
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
  const retain = useApiForm<{ resolutionId: string | null }, AdviserList>({
    initialValues: { resolutionId: null },
    labels: { resolutionId: "Resolution retaining the adviser" },
    // Said when the button is pressed instead of a greyed-out button.
    validate: (v) =>
      v.resolutionId ? {} : { resolutionId: "pick the adopted resolution that retains the adviser (CC-16)" },
    submit: ({ resolutionId }) =>
      call("adviser.retain", { path: { id: a.id }, body: { resolutionId: resolutionId ?? "" } }),
    onSuccess: onSaved,
  });
  if (!a.assessmentCurrent)
    return (
      <Alert color="yellow" title="Selection blocked until the assessment is recorded">
        CC-16: before engaging {a.name} the committee records its assessment of the six Rule 10C-1
        independence factors.
      </Alert>
    );
  const adopted = (resolutions.data?.items ?? []).filter((r) => r.outcome === "adopted");
  return (
    <form onSubmit={retain.onSubmit} noValidate>
      <Stack gap="xs">
        <FormErrorSummary form={retain} title="Not retained" />
        <Group align="flex-end">
          <Select
            label="Resolution retaining the adviser (CC-16)"
            placeholder={adopted.length ? "Pick an adopted resolution" : "No adopted resolution yet"}
            data={adopted.map((r) => ({ value: r.id, label: `${r.title} (${r.adoptedAt.slice(0, 10)})` }))}
            {...retain.getInputProps("resolutionId")}
            value={retain.values.resolutionId}
            w={420}
          />
          <Button type="submit" loading={retain.mutation.isPending}>
            Retain
          </Button>
        </Group>
      </Stack>
    </form>
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
  // Each factor has a finding of its own, labelled with the factor's words (paths `factors.<key>.finding`).
  const assess = useApiForm<AssessValues, AdviserList>({
    initialValues: {
      assessedOn: new Date().toISOString().slice(0, 10),
      factors: Object.fromEntries(Object.keys(factors).map((k) => [k, { finding: "", concern: false }])),
      conclusion: "",
    },
    labels: {
      assessedOn: "Assessed on",
      conclusion: "Conclusion of the committee",
      ...Object.fromEntries(Object.entries(factors).map(([k, label]) => [`factors.${k}.finding`, label])),
      ...Object.fromEntries(
        Object.entries(factors).map(([k, label]) => [`factors.${k}.concern`, `Concern: ${label}`]),
      ),
    },
    submit: (values) =>
      call("adviser.assess", { path: { id: a.id }, body: values as Args<"adviser.assess">["body"] }),
    onSuccess: onSaved,
  });
  return (
    <form onSubmit={assess.onSubmit} noValidate>
      <Stack gap="xs" maw={820} data-testid="assessment-form">
        <FormErrorSummary form={assess} />
        <Title order={4} size="h5">
          Independence factors of {a.name} (Rule 10C-1, CC-16)
        </Title>
        <TextInput label="Assessed on" type="date" {...assess.getInputProps("assessedOn")} w={200} />
        {Object.entries(factors).map(([k, label]) => (
          <Group key={k} align="flex-end" wrap="nowrap">
            <Textarea
              label={label}
              {...assess.getInputProps(`factors.${k}.finding`)}
              autosize
              minRows={1}
              style={{ flex: 1 }}
            />
            <Checkbox
              label="Concern"
              aria-label={`Concern: ${label}`}
              {...assess.getInputProps(`factors.${k}.concern`, { type: "checkbox" })}
              mb={8}
            />
          </Group>
        ))}
        <Textarea
          label="Conclusion of the committee"
          {...assess.getInputProps("conclusion")}
          autosize
          minRows={2}
        />
        <SubmitGroup submitting={assess.mutation.isPending} label="Record assessment">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
        </SubmitGroup>
      </Stack>
    </form>
  );
}
