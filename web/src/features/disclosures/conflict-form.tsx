import { Checkbox, Select, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { type Args, call, invalidate, type Schema } from "../../api/client.ts";
import { type ApiForm, FormErrorSummary, useApiForm } from "../../components/api-form.tsx";
import { FormActions } from "../../components/form-actions.tsx";
import { FormModal } from "../../components/form-modal.tsx";
import { CONFLICT_TYPES, DISCLOSURE_READS } from "./disclosures-api.ts";

type Conflict = Schema<"ConflictView">;

const RELATIONSHIP = [
  { value: "competitor", label: "A competitor" },
  { value: "customer", label: "A customer" },
  { value: "supplier", label: "A supplier" },
  { value: "none", label: "None of these" },
];

type Answers = Record<string, unknown>;

type Question = {
  key: string;
  label: string;
  kind: "text" | "long" | "choose" | "check";
  data?: { value: string; label: string }[];
};

/** The conditional questions of each disclosure type (the server validates them again). */
const QUESTIONS: Record<string, Question[]> = {
  outside_employment: [
    {
      key: "role",
      label: "Your role",
      kind: "choose",
      data: [
        { value: "employee", label: "Employee" },
        { value: "consultant", label: "Consultant" },
        { value: "board_member", label: "Board member" },
        { value: "owner", label: "Owner" },
        { value: "other", label: "Other" },
      ],
    },
    { key: "organisation", label: "Organisation", kind: "text" },
    {
      key: "relationship",
      label: "Is the organisation a competitor, customer or supplier of the company?",
      kind: "choose",
      data: RELATIONSHIP,
    },
    { key: "paid", label: "I am paid for it", kind: "check" },
  ],
  financial_interest: [
    { key: "organisation", label: "Organisation", kind: "text" },
    { key: "relationship", label: "The organisation is", kind: "choose", data: RELATIONSHIP },
    { key: "ownershipPercent", label: "Ownership (%)", kind: "text" },
  ],
  family_relationship: [
    { key: "relative", label: "Family member (e.g. spouse, brother)", kind: "text" },
    { key: "organisation", label: "Their organisation", kind: "text" },
    { key: "relationship", label: "The organisation is", kind: "choose", data: RELATIONSHIP },
    { key: "influencesDecisions", label: "I take part in decisions about this organisation", kind: "check" },
  ],
  related_party: [
    { key: "counterparty", label: "Related party", kind: "text" },
    { key: "transaction", label: "Transaction", kind: "long" },
    { key: "amount", label: "Amount (USD)", kind: "text" },
  ],
  corporate_opportunity: [
    { key: "opportunity", label: "The opportunity", kind: "long" },
    { key: "howDiscovered", label: "How you came across it", kind: "text" },
    { key: "wouldCompete", label: "Taking it would compete with the company (COC-11.1)", kind: "check" },
  ],
};

const BASE_LABELS = { type: "Kind of conflict", title: "Title", description: "Describe the situation" };

type ConflictValues = { type: string | null; title: string; description: string; answers: Answers };

function TypeQuestions({ type, form }: { type: string; form: ApiForm<ConflictValues, Conflict> }) {
  const answers = form.values.answers;
  return (
    <>
      {(QUESTIONS[type] ?? []).map((q) => {
        const path = `answers.${q.key}`;
        if (q.kind === "check")
          return <Checkbox key={q.key} label={q.label} {...form.getInputProps(path, { type: "checkbox" })} />;
        if (q.kind === "choose")
          return (
            <Select
              key={q.key}
              label={q.label}
              data={q.data ?? []}
              {...form.getInputProps(path)}
              value={(answers[q.key] as string | undefined) ?? null}
            />
          );
        const Input = q.kind === "long" ? Textarea : TextInput;
        return (
          <Input
            key={q.key}
            label={q.label}
            {...form.getInputProps(path)}
            value={String(answers[q.key] ?? "")}
          />
        );
      })}
      {type === "outside_employment" &&
      answers.relationship === "competitor" &&
      ["employee", "consultant", "board_member"].includes(String(answers.role)) ? (
        <Text size="sm" c="red">
          Working for a competitor as an employee, consultant or board member is not allowed (COC-6.4, Code
          section 6). Disclose it all the same: it will be decided as prohibited.
        </Text>
      ) : null}
    </>
  );
}

export function ConflictModal({ existing, onClose }: { existing?: Conflict; onClose: () => void }) {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const form = useApiForm<ConflictValues, Conflict>({
    initialValues: {
      type: existing?.type ?? null,
      title: existing?.title ?? "",
      description: existing?.description ?? "",
      answers: existing?.answers ?? {},
    },
    labels: (values) => ({
      ...BASE_LABELS,
      ...Object.fromEntries((QUESTIONS[values.type ?? ""] ?? []).map((q) => [`answers.${q.key}`, q.label])),
    }),
    validate: (values) => (values.type ? {} : { type: "Choose the kind of conflict" }),
    submit: (values) => {
      // The form as it stands (validate() has checked the type); the server names what is wrong.
      const body = { ...values, submit: true } as Args<"conflict.file">["body"];
      return existing
        ? call("conflict.update", { path: { id: existing.id }, body })
        : call("conflict.file", { body });
    },
    onSuccess: (c) => {
      void invalidate(qc, ...DISCLOSURE_READS, "task.list");
      onClose();
      void navigate({ to: "/disclosures/$section/$id", params: { section: "conflicts", id: c.id } });
    },
  });
  const type = form.values.type;
  return (
    <FormModal
      opened
      onClose={onClose}
      isDirty={form.isDirty}
      title={existing ? `Change ${existing.number}` : "Disclose a conflict of interest"}
      size="lg"
    >
      <form onSubmit={form.onSubmit} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            Each employee, officer and director discloses his or her own conflict of interest, or the
            appearance of one (COC-6.1). It is discussed with your supervisor and Legal, reviewed by the CEO
            and reported to the Audit Committee (COC-6.2).
            {existing && existing.status !== "draft"
              ? " A change sends it back for re-approval (COC-6.3)."
              : ""}
          </Text>
          <FormErrorSummary form={form} />
          <Select
            label="Kind of conflict"
            data={CONFLICT_TYPES}
            {...form.getInputProps("type")}
            value={type}
            onChange={(v) => {
              form.setValue("type", v);
              form.setValue("answers", {});
            }}
          />
          <TextInput label="Title" {...form.getInputProps("title")} />
          <Textarea
            label="Describe the situation"
            autosize
            minRows={3}
            {...form.getInputProps("description")}
          />
          {type ? <TypeQuestions type={type} form={form} /> : null}
          <FormActions onCancel={onClose} submitting={form.mutation.isPending}>
            {existing && existing.status !== "draft"
              ? "Save and send for re-approval"
              : "Submit the disclosure"}
          </FormActions>
        </Stack>
      </form>
    </FormModal>
  );
}
