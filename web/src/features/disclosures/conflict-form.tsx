import { Button, Checkbox, Group, Modal, Select, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { type Args, call, invalidate, type Schema } from "../../api/client.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { CONFLICT_TYPES, DISCLOSURE_READS } from "./disclosures-api.ts";

type Conflict = Schema<"ConflictView">;

const RELATIONSHIP = [
  { value: "competitor", label: "A competitor" },
  { value: "customer", label: "A customer" },
  { value: "supplier", label: "A supplier" },
  { value: "none", label: "None of these" },
];

type Answers = Record<string, unknown>;

/** The conditional questions of each disclosure type (the server validates them again). */
function TypeQuestions({
  type,
  answers,
  set,
}: {
  type: string;
  answers: Answers;
  set: (a: Answers) => void;
}) {
  const text = (key: string, label: string, multiline = false) => {
    const Input = multiline ? Textarea : TextInput;
    return (
      <Input
        label={label}
        value={String(answers[key] ?? "")}
        onChange={(e) => set({ ...answers, [key]: e.currentTarget.value })}
      />
    );
  };
  const choose = (key: string, label: string, data: { value: string; label: string }[]) => (
    <Select
      label={label}
      data={data}
      value={(answers[key] as string) ?? null}
      onChange={(v) => set({ ...answers, [key]: v })}
    />
  );
  const check = (key: string, label: string) => (
    <Checkbox
      label={label}
      checked={answers[key] === true}
      onChange={(e) => set({ ...answers, [key]: e.currentTarget.checked })}
    />
  );
  switch (type) {
    case "outside_employment":
      return (
        <>
          {choose("role", "Your role", [
            { value: "employee", label: "Employee" },
            { value: "consultant", label: "Consultant" },
            { value: "board_member", label: "Board member" },
            { value: "owner", label: "Owner" },
            { value: "other", label: "Other" },
          ])}
          {text("organisation", "Organisation")}
          {choose(
            "relationship",
            "Is the organisation a competitor, customer or supplier of the company?",
            RELATIONSHIP,
          )}
          {check("paid", "I am paid for it")}
          {answers.relationship === "competitor" &&
          ["employee", "consultant", "board_member"].includes(String(answers.role)) ? (
            <Text size="sm" c="red">
              Working for a competitor as an employee, consultant or board member is not allowed (COC-6.4,
              Code section 6). Disclose it all the same: it will be decided as prohibited.
            </Text>
          ) : null}
        </>
      );
    case "financial_interest":
      return (
        <>
          {text("organisation", "Organisation")}
          {choose("relationship", "The organisation is", RELATIONSHIP)}
          {text("ownershipPercent", "Ownership (%)")}
        </>
      );
    case "family_relationship":
      return (
        <>
          {text("relative", "Family member (e.g. spouse, brother)")}
          {text("organisation", "Their organisation")}
          {choose("relationship", "The organisation is", RELATIONSHIP)}
          {check("influencesDecisions", "I take part in decisions about this organisation")}
        </>
      );
    case "related_party":
      return (
        <>
          {text("counterparty", "Related party")}
          {text("transaction", "Transaction", true)}
          {text("amount", "Amount (USD)")}
        </>
      );
    case "corporate_opportunity":
      return (
        <>
          {text("opportunity", "The opportunity", true)}
          {text("howDiscovered", "How you came across it")}
          {check("wouldCompete", "Taking it would compete with the company (COC-11.1)")}
        </>
      );
    default:
      return null;
  }
}

export function ConflictModal({ existing, onClose }: { existing?: Conflict; onClose: () => void }) {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [type, setType] = useState<string | null>(existing?.type ?? null);
  const [title, setTitle] = useState(existing?.title ?? "");
  const [description, setDescription] = useState(existing?.description ?? "");
  const [answers, setAnswers] = useState<Answers>(existing?.answers ?? {});
  const save = useMutation({
    mutationFn: () => {
      // An unchosen type is sent as it is; the server names what is missing.
      const body = { type, title, description, answers, submit: true } as Args<"conflict.file">["body"];
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
  return (
    <Modal
      opened
      onClose={onClose}
      title={existing ? `Change ${existing.number}` : "Disclose a conflict of interest"}
      size="lg"
    >
      <Stack>
        <Text size="sm" c="dimmed">
          Each employee, officer and director discloses his or her own conflict of interest, or the appearance
          of one (COC-6.1). It is discussed with your supervisor and Legal, reviewed by the CEO and reported
          to the Audit Committee (COC-6.2).
          {existing && existing.status !== "draft"
            ? " A change sends it back for re-approval (COC-6.3)."
            : ""}
        </Text>
        <Select
          label="Kind of conflict"
          data={CONFLICT_TYPES}
          value={type}
          onChange={(v) => {
            setType(v);
            setAnswers({});
          }}
        />
        <TextInput label="Title" value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
        <Textarea
          label="Describe the situation"
          autosize
          minRows={3}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
        />
        {type ? <TypeQuestions type={type} answers={answers} set={setAnswers} /> : null}
        <ErrorAlert error={save.error} showFieldErrors />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={() => save.mutate()} loading={save.isPending} disabled={!type}>
            {existing && existing.status !== "draft"
              ? "Save and send for re-approval"
              : "Submit the disclosure"}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
