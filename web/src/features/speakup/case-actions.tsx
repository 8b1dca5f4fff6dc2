import { Checkbox, Radio, Select, Stack, Text, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { call, invalidate, type Result, readsOfTag, useOp } from "../../api/client.ts";
import { FormErrorSummary, useApiForm } from "../../components/api-form.tsx";
import { ConfirmModal } from "../../components/confirm-modal.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { FormActions } from "../../components/form-actions.tsx";
import { FormModal } from "../../components/form-modal.tsx";
import { errorMessage, isApiError } from "../../lib/api.ts";
import {
  type CaseStatus,
  type CaseView,
  OUTCOME_LABEL,
  type Outcome,
  REMEDIATION_LABEL,
  type Remediation,
  STATUS_LABEL,
} from "./vocabulary.ts";

/** Every speak-up read (derived from the API document by tag): the case, the lists, what counts cases. */
const SPEAKUP_READS = readsOfTag("speakup");

/** Refreshes the case, the lists and what counts cases after any change. */
export const useCaseRefresh = () => {
  const queryClient = useQueryClient();
  return () => invalidate(queryClient, ...SPEAKUP_READS);
};

/** The label of the button that moves a case from `from` to `to`. */
export const transitionLabel = (from: CaseStatus, to: CaseStatus) => {
  if (from === "closed") return "Reopen";
  if (to === "triage") return "Start triage";
  if (to === "investigation") return "Open an investigation";
  if (to === "findings") return "Record findings";
  if (to === "remediation") return "Start remediation";
  if (to === "closed") return from === "triage" ? "Close without investigation" : "Close the case";
  return STATUS_LABEL[to];
};

/**
 * The next steps offered as buttons. Acknowledging has its own action (it writes to the reporter);
 * a substantiated finding is remediated before closing and an unsubstantiated one is not remediated
 * (transition-case.ts refuses both, so the buttons are not offered).
 */
export const nextSteps = (c: CaseView): CaseStatus[] =>
  c.can.transitionTo.filter((to) => {
    if (to === "acknowledged") return false;
    if (c.status === "findings" && to === "closed") return c.outcome === "unsubstantiated";
    if (c.status === "findings" && to === "remediation") return c.outcome !== "unsubstantiated";
    return true;
  });

export const AcknowledgeModal = ({
  kase,
  opened,
  onClose,
}: {
  kase: CaseView;
  opened: boolean;
  onClose: () => void;
}) => {
  const refresh = useCaseRefresh();
  const acknowledge = useMutation({
    mutationFn: () => call("case.acknowledge", { path: { id: kase.id } }),
    onSuccess: async () => {
      notifications.show({ color: "green", title: "Report acknowledged", message: kase.number });
      await refresh();
      onClose();
    },
  });
  return (
    <ConfirmModal
      opened={opened}
      onClose={onClose}
      title={`Acknowledge ${kase.number}`}
      confirmLabel="Acknowledge"
      loading={acknowledge.isPending}
      error={acknowledge.error}
      onConfirm={() => acknowledge.mutate()}
    >
      <Text size="sm">
        The reporter finds a message in their mailbox saying the report was received and will be looked into,
        and that retaliation is not tolerated (COC-21.2). The EU Directive 2019/1937 asks for this within 7
        days.
      </Text>
    </ConfirmModal>
  );
};

type TransitionValues = {
  outcome: Outcome | null;
  remediation: Remediation[];
  note: string;
  closingMessage: string;
};

/** The problem's own sentence when it also names fields (a refused close says whose feedback is missing). */
const conflictDetail = (error: unknown) =>
  isApiError(error) && error.status === 409 && error.problem.errors?.length ? errorMessage(error) : null;

export const TransitionModal = ({
  kase,
  to,
  onClose,
}: {
  kase: CaseView;
  to: CaseStatus | null;
  onClose: () => void;
}) => {
  const refresh = useCaseRefresh();
  const needsReason = kase.status === "triage" && to === "closed";
  const isClosing = to === "closed" && kase.status !== "closed";
  const ownReporter = kase.reporters.find((r) => r.isThisCase);
  const mergedReporters = kase.reporters.filter((r) => !r.isThisCase && r.hasMailbox);
  const asksClosingMessage = isClosing && Boolean(ownReporter?.hasMailbox);
  const noteLabel = needsReason ? "Why is the case closed without an investigation?" : "Note (optional)";
  const form = useApiForm<TransitionValues, Result<"case.transition">>({
    initialValues: { outcome: null, remediation: [], note: "", closingMessage: "" },
    labels: {
      outcome: "Outcome of the investigation",
      remediation: "Remediation",
      note: noteLabel,
      ...(asksClosingMessage ? { closingMessage: "Closing message to the reporter" } : {}),
    },
    // The same rules as transition-case.ts, said before sending instead of a greyed-out button.
    validate: (v) => ({
      ...(to === "findings" && !v.outcome ? { outcome: "Record the outcome of the investigation." } : {}),
      ...(to === "remediation" && v.remediation.length === 0
        ? { remediation: "Choose the remediation: discipline, training or a control change." }
        : {}),
      ...(needsReason && !v.note.trim()
        ? { note: "Say why the case is closed without an investigation." }
        : {}),
    }),
    submit: (v) =>
      call("case.transition", {
        path: { id: kase.id },
        body: {
          to: to as CaseStatus,
          ...(to === "findings" && v.outcome ? { outcome: v.outcome } : {}),
          ...(to === "remediation" ? { remediation: v.remediation } : {}),
          ...(v.note.trim() ? { note: v.note.trim() } : {}),
          ...(isClosing && v.closingMessage.trim() ? { closingMessage: v.closingMessage.trim() } : {}),
        },
      }),
    onSuccess: async () => {
      notifications.show({
        color: "green",
        title: to ? `${kase.number}: ${STATUS_LABEL[to]}` : kase.number,
        message: "The case moved on.",
      });
      await refresh();
      onClose();
    },
  });
  if (!to) return null;
  const detail = conflictDetail(form.mutation.error);
  return (
    <FormModal
      opened
      onClose={onClose}
      isDirty={form.isDirty}
      title={<Text fw={600}>{transitionLabel(kase.status, to)}</Text>}
      centered
    >
      <form onSubmit={form.onSubmit} noValidate>
        <Stack>
          <Text size="sm">
            {kase.number} goes from <strong>{STATUS_LABEL[kase.status]}</strong> to{" "}
            <strong>{STATUS_LABEL[to]}</strong>.
          </Text>
          <FormErrorSummary form={form}>{detail ? <Text size="sm">{detail}</Text> : null}</FormErrorSummary>
          {to === "findings" ? (
            <Radio.Group label="Outcome of the investigation" withAsterisk {...form.getInputProps("outcome")}>
              <Stack gap="xs" mt="xs">
                {(Object.keys(OUTCOME_LABEL) as Outcome[]).map((o) => (
                  <Radio key={o} value={o} label={OUTCOME_LABEL[o]} />
                ))}
              </Stack>
            </Radio.Group>
          ) : null}
          {to === "remediation" ? (
            <Checkbox.Group
              label="Remediation"
              description="Discipline is case-specific, up to termination (COC-0.2)."
              withAsterisk
              {...form.getInputProps("remediation")}
            >
              <Stack gap="xs" mt="xs">
                {(Object.keys(REMEDIATION_LABEL) as Remediation[]).map((r) => (
                  <Checkbox key={r} value={r} label={REMEDIATION_LABEL[r]} />
                ))}
              </Stack>
            </Checkbox.Group>
          ) : null}
          <Textarea
            label={noteLabel}
            description="Kept in the investigation plan; the reporter does not see it."
            withAsterisk={needsReason}
            autosize
            minRows={2}
            {...form.getInputProps("note")}
          />
          {asksClosingMessage ? (
            <Textarea
              label="Closing message to the reporter"
              description={`Tell the reporter what action was taken or is planned and why: it is sent to their mailbox as feedback (EU Directive 2019/1937, art. 9(1)(f)). Leave it empty only if your last message to them already did.${mergedReporters.length ? ` The reporters of ${mergedReporters.map((r) => r.number).join(", ")} need their own feedback message first (Messages tab).` : ""}`}
              autosize
              minRows={3}
              maxLength={20000}
              {...form.getInputProps("closingMessage")}
              data-testid="closing-message"
            />
          ) : null}
          <FormActions onCancel={onClose} submitting={form.mutation.isPending} lockCancel>
            {transitionLabel(kase.status, to)}
          </FormActions>
        </Stack>
      </form>
    </FormModal>
  );
};

/** Mounted only while open, so each opening starts from the current assignee. */
export const AssignModal = ({ kase, onClose }: { kase: CaseView; onClose: () => void }) => {
  const refresh = useCaseRefresh();
  const assignees = useOp("case.assignees", { path: { id: kase.id } });
  const items = assignees.data?.items ?? [];
  const form = useApiForm<{ userId: string | null }, Result<"case.assign">>({
    initialValues: { userId: kase.assignee?.id ?? null },
    labels: { userId: "Handler" },
    submit: ({ userId }) => {
      const chosen = items.find((a) => a.userId === userId);
      return call("case.assign", {
        path: { id: kase.id },
        body: { userId, ...(chosen ? { team: chosen.team } : {}) },
      });
    },
    onSuccess: async (_result, { userId }) => {
      const chosen = items.find((a) => a.userId === userId);
      notifications.show({
        color: "green",
        title: userId ? `Assigned to ${chosen?.name ?? "the handler"}` : "Unassigned",
        message: kase.number,
      });
      await refresh();
      onClose();
    },
  });
  const userId = form.values.userId;
  const chosen = items.find((a) => a.userId === userId);
  const groups = [...new Set(items.map((a) => a.teamLabel))].map((group) => ({
    group,
    items: items.filter((a) => a.teamLabel === group).map((a) => ({ value: a.userId, label: a.name })),
  }));
  return (
    <FormModal
      opened
      onClose={onClose}
      isDirty={form.isDirty}
      title={<Text fw={600}>Assign {kase.number}</Text>}
      centered
    >
      <form onSubmit={form.onSubmit} noValidate>
        <Stack>
          <FormErrorSummary form={form} />
          <Select
            label="Handler"
            description="People named in the case or marked conflicted are not offered (COC-22.2). Choosing someone of the other team moves the case to that team."
            placeholder={assignees.isPending ? "Loading…" : "Unassigned (the team's queue)"}
            data={groups}
            clearable
            searchable
            {...form.getInputProps("userId")}
            value={userId}
          />
          {chosen && chosen.team !== kase.team ? (
            <Text size="sm" c="orange.8">
              The case moves from the {kase.teamLabel} to the {chosen.teamLabel}.
            </Text>
          ) : null}
          <ErrorAlert error={assignees.error} />
          <FormActions onCancel={onClose} submitting={form.mutation.isPending} lockCancel>
            {userId ? "Assign" : "Leave unassigned"}
          </FormActions>
        </Stack>
      </form>
    </FormModal>
  );
};
