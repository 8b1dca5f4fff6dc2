import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Fieldset,
  Group,
  Select,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { type Args, call, invalidate, opKey, type Schema } from "../../api/client.ts";
import {
  type ApiForm,
  FormErrorSummary,
  type FormErrors,
  type FormLabels,
  useApiForm,
} from "../../components/api-form.tsx";
import { ConfirmModal } from "../../components/confirm-modal.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { FormModal } from "../../components/form-modal.tsx";
import { isApiError } from "../../lib/api.ts";
import { COMMITTEE_READS } from "./committee-ui.ts";

type Questionnaire = Schema<"DnoQuestionnaireView">;

type Value = string | boolean;
type Row = Record<string, Value>;
type Field = {
  key: string;
  label: string;
  kind: "text" | "date" | "money" | "select" | "bool";
  options?: [string, string][];
  /** Left empty it is sent as null: optional text, or an end date meaning "current". */
  blankIsNull?: boolean;
  hint?: string;
};
type Section = { key: SectionKey; title: string; help: string; fields: Field[] };
type SectionKey =
  | "employment"
  | "compensation"
  | "auditor"
  | "interlocks"
  | "business"
  | "relatedTransactions";

const WHO: Field = {
  key: "who",
  label: "Who",
  kind: "select",
  options: [
    ["self", "Myself"],
    ["family", "A family member"],
  ],
};
const TO: Field = { key: "to", label: "Until", kind: "date", blankIsNull: true, hint: "empty = current" };

const SECTIONS: Section[] = [
  {
    key: "employment",
    title: "Employment by the company",
    help: "Employment by the company, a parent or a subsidiary in the last three years (NYSE 303A.02(b)(i)).",
    fields: [
      WHO,
      { key: "relationship", label: "Relationship", kind: "text", blankIsNull: true },
      {
        key: "role",
        label: "Role",
        kind: "select",
        options: [
          ["employee", "Employee"],
          ["executive_officer", "Executive officer"],
        ],
      },
      { key: "from", label: "From", kind: "date", blankIsNull: true },
      TO,
    ],
  },
  {
    key: "compensation",
    title: "Direct compensation from the company",
    help: "Each payment dated when received; director and committee fees included (NYSE 303A.02(b)(ii)).",
    fields: [
      WHO,
      {
        key: "kind",
        label: "Kind",
        kind: "select",
        options: [
          ["consulting", "Consulting"],
          ["employment", "Employment"],
          ["director_fees", "Director fees"],
          ["pension", "Pension"],
          ["prior_services", "Prior services"],
          ["other", "Other"],
        ],
      },
      { key: "amount", label: "Amount (US$)", kind: "money" },
      { key: "receivedOn", label: "Received on", kind: "date" },
      { key: "description", label: "Description", kind: "text", blankIsNull: true },
    ],
  },
  {
    key: "auditor",
    title: "The company's auditor",
    help: "Partner or employee of the internal or external auditor (NYSE 303A.02(b)(iii)).",
    fields: [
      WHO,
      { key: "firm", label: "Firm", kind: "text" },
      {
        key: "role",
        label: "Role",
        kind: "select",
        options: [
          ["partner", "Partner"],
          ["employee", "Employee"],
        ],
      },
      { key: "workedOnAudit", label: "Worked on our audit", kind: "bool" },
      TO,
    ],
  },
  {
    key: "interlocks",
    title: "Compensation committee interlocks",
    help: "Executive officer of another company whose compensation committee one of our executives sat on (NYSE 303A.02(b)(iv)).",
    fields: [
      WHO,
      { key: "company", label: "Company", kind: "text" },
      { key: "ourExecutive", label: "Our executive", kind: "text" },
      { key: "from", label: "From", kind: "date", blankIsNull: true },
      TO,
    ],
  },
  {
    key: "business",
    title: "Business with the company",
    help: "Payments between the company and a company where you work or a family member is an executive officer (NYSE 303A.02(b)(v)).",
    fields: [
      WHO,
      { key: "company", label: "Company", kind: "text" },
      { key: "relationshipCurrent", label: "Relationship current", kind: "bool" },
      { key: "fiscalYearEnd", label: "Fiscal year end", kind: "date" },
      { key: "payments", label: "Payments (US$)", kind: "money" },
      { key: "otherCompanyRevenue", label: "That company's revenue (US$)", kind: "money" },
    ],
  },
  {
    key: "relatedTransactions",
    title: "Related-person transactions",
    help: "Transactions with the company in which you have an interest (Item 404(a)).",
    fields: [
      { key: "description", label: "Description", kind: "text" },
      { key: "amount", label: "Amount (US$)", kind: "money" },
      { key: "date", label: "Date", kind: "date" },
    ],
  },
];

type Draft = Record<SectionKey, Row[]>;

const emptyRow = (s: Section): Row =>
  Object.fromEntries(
    s.fields.map((f) => [f.key, f.kind === "bool" ? false : f.kind === "select" ? f.options![0]![0] : ""]),
  );

const toDraft = (answers: Questionnaire["answers"] | undefined): Draft =>
  Object.fromEntries(
    SECTIONS.map((s) => [
      s.key,
      ((answers?.[s.key] ?? []) as Record<string, unknown>[]).map((r) =>
        Object.fromEntries(
          s.fields.map((f) => {
            const v = r[f.key];
            return [f.key, typeof v === "boolean" ? v : v == null ? "" : String(v)];
          }),
        ),
      ),
    ]),
  ) as Draft;

const toAnswers = (draft: Draft) =>
  Object.fromEntries(
    SECTIONS.map((s) => [
      s.key,
      draft[s.key].map((r) =>
        Object.fromEntries(
          s.fields.map((f) => {
            const v = r[f.key];
            return [f.key, f.blankIsNull && typeof v === "string" && v.trim() === "" ? null : v];
          }),
        ),
      ),
    ]),
  );

/** Each answer's words on screen, by the path the server names it (`compensation.0.receivedOn`). */
const labelsOf = (draft: Draft): FormLabels =>
  Object.fromEntries(
    SECTIONS.flatMap((s) =>
      draft[s.key].flatMap((_, i) =>
        s.fields.map((f) => [`${s.key}.${i}.${f.key}`, `${s.title}, row ${i + 1}: ${f.label}`]),
      ),
    ),
  );

/**
 * The yearly D&O questionnaire (CC-20): the director answers and certifies it; the Corporate
 * Secretary may prepare it. The independence tests (CC-2) run on the saved answers server-side.
 */
export function QuestionnaireModal({
  personId,
  personName,
  year,
  isSelf,
  opened,
  onClose,
}: {
  personId: string;
  personName: string;
  year: number;
  isSelf: boolean;
  opened: boolean;
  onClose: () => void;
}) {
  const qc = useQueryClient();
  const key = opKey("questionnaire.read", { path: { personId, year } });
  const q = useQuery({
    queryKey: key,
    queryFn: () =>
      call("questionnaire.read", { path: { personId, year } }).catch((e: unknown) => {
        if (isApiError(e) && e.status === 404) return null;
        throw e;
      }),
    enabled: opened,
  });
  const [confirming, setConfirming] = useState(false);
  const done = (data: Questionnaire) => {
    qc.setQueryData(key, data);
    invalidate(qc, ...COMMITTEE_READS, "questionnaire.read", "questionnaire.list");
  };
  const form = useApiForm<Draft, Questionnaire>({
    initialValues: toDraft(undefined),
    labels: (draft) => ({ answers: "Your answers", ...labelsOf(draft) }),
    // Saving unchanged answers would only withdraw a certification: say so instead of greying the button.
    validate: (): FormErrors =>
      !form.isDirty && q.data ? { answers: "nothing has changed since they were last saved" } : {},
    submit: (draft) =>
      call("questionnaire.save", {
        path: { personId },
        body: { year, answers: toAnswers(draft) } as Args<"questionnaire.save">["body"],
      }),
    onSuccess: done,
  });
  // The saved answers become the form's starting point: what is saved is not "unsaved input".
  const { reset } = form;
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset is a new function each render; q.data is what matters
  useEffect(() => {
    if (q.data !== undefined) reset(toDraft(q.data?.answers));
  }, [q.data]);
  const dirty = form.isDirty;
  const certify = useMutation({
    mutationFn: () => call("questionnaire.certify", { path: { personId, year } }),
    onSuccess: (data) => {
      done(data);
      setConfirming(false);
    },
  });
  const current = q.data;
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      isDirty={dirty}
      size="xl"
      title={
        <Group gap="xs">
          <Text fw={600}>
            {year} D&O questionnaire — {personName}
          </Text>
          {current ? (
            <Badge color={current.status === "certified" ? "green" : "gray"}>{current.status}</Badge>
          ) : (
            <Badge color="gray">not started</Badge>
          )}
        </Group>
      }
    >
      <Stack>
        <Text size="sm" c="dimmed">
          CC-20: members certify their independence yearly. CC-2: the answers are tested against the NYSE,
          Rule 16b-3 and Section 162(m) standards. Leave a section empty when nothing applies.
          {current?.status === "certified"
            ? " Saving changes withdraws the certification until you certify again."
            : ""}
        </Text>
        <ErrorAlert error={q.error} />
        <FormErrorSummary form={form} />
        {SECTIONS.map((s) => (
          <SectionEditor key={s.key} section={s} form={form} />
        ))}
        {current && !dirty ? <Evaluation q={current} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Close
          </Button>
          <Button loading={form.mutation.isPending} onClick={() => form.onSubmit()}>
            Save answers
          </Button>
          {isSelf ? (
            <Button
              color="green"
              disabled={dirty || !current || current.status === "certified"}
              onClick={() => setConfirming(true)}
            >
              Certify (CC-20)
            </Button>
          ) : null}
        </Group>
        {isSelf && current?.status !== "certified" && (dirty || !current) ? (
          <Text size="xs" c="dimmed" ta="right">
            Save your answers before you certify them (CC-20).
          </Text>
        ) : null}
        {!isSelf && current?.status !== "certified" ? (
          <Text size="xs" c="dimmed">
            Only {personName} may certify this questionnaire (CC-20).
          </Text>
        ) : null}
      </Stack>
      <ConfirmModal
        opened={confirming}
        title={`Certify the ${year} D&O questionnaire`}
        confirmLabel="I certify"
        color="green"
        loading={certify.isPending}
        error={certify.error}
        onConfirm={() => certify.mutate()}
        onClose={() => setConfirming(false)}
      >
        I certify that these answers are true and complete. The committee relies on them to confirm my
        independence (CC-2, CC-20); I will amend them if anything changes.
      </ConfirmModal>
    </FormModal>
  );
}

function SectionEditor({ section, form }: { section: Section; form: ApiForm<Draft, Questionnaire> }) {
  const rows = form.values[section.key];
  const onChange = (next: Row[]) => form.setValue(section.key, next);
  const input = (i: number, key: string) => form.getInputProps(`${section.key}.${i}.${key}`);
  return (
    <Fieldset legend={section.title} data-testid={`section-${section.key}`}>
      <Text size="xs" c="dimmed" mb="xs">
        {section.help}
      </Text>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing to report.
        </Text>
      ) : null}
      <Stack gap="sm">
        {rows.map((r, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity until saved
          <Group key={i} align="flex-end" gap="xs" wrap="wrap" data-testid={`row-${section.key}-${i}`}>
            {section.fields.map((f) => {
              const label = `${f.label}${f.hint ? ` (${f.hint})` : ""}`;
              const v = r[f.key];
              if (f.kind === "bool")
                return (
                  <Checkbox
                    key={f.key}
                    label={f.label}
                    {...input(i, f.key)}
                    checked={v === true}
                    onChange={(e) => input(i, f.key).onChange(e.currentTarget.checked)}
                    mb={8}
                  />
                );
              if (f.kind === "select")
                return (
                  <Select
                    key={f.key}
                    label={label}
                    w={170}
                    allowDeselect={false}
                    data={f.options!.map(([value, l]) => ({ value, label: l }))}
                    {...input(i, f.key)}
                    value={String(v)}
                    onChange={(value) => input(i, f.key).onChange(value ?? "")}
                  />
                );
              return (
                <TextInput
                  key={f.key}
                  label={label}
                  w={f.kind === "text" ? 220 : 150}
                  placeholder={f.kind === "date" ? "YYYY-MM-DD" : f.kind === "money" ? "130,000" : undefined}
                  {...input(i, f.key)}
                  value={String(v)}
                />
              );
            })}
            <Button
              variant="subtle"
              color="red"
              size="xs"
              onClick={() => onChange(rows.filter((_, j) => j !== i))}
              mb={4}
            >
              Remove
            </Button>
          </Group>
        ))}
      </Stack>
      <Button variant="light" size="xs" mt="xs" onClick={() => onChange([...rows, emptyRow(section)])}>
        Add: {section.title.toLowerCase()}
      </Button>
    </Fieldset>
  );
}

function Evaluation({ q }: { q: Questionnaire }) {
  const e = q.evaluation;
  const yes = (ok: boolean, text: string) => (
    <Badge color={ok ? "green" : "red"} variant="light">
      {text}: {ok ? "yes" : "no"}
    </Badge>
  );
  return (
    <Alert color={e.findings.length ? "red" : "green"} title="On the saved answers, today (CC-2)">
      <Group gap="xs" mb={e.findings.length ? "xs" : 0}>
        {yes(e.independent, "Independent (NYSE)")}
        {yes(e.nonEmployeeDirector, "Non-employee director (Rule 16b-3)")}
        {yes(e.outsideDirector, "Outside director (162(m))")}
      </Group>
      {e.findings.map((f) => (
        <Text size="sm" key={f.test + f.message}>
          {f.test}: {f.message}
        </Text>
      ))}
    </Alert>
  );
}
