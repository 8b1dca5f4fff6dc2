import { Alert, Button, Card, Group, Select, Stack, Switch, Text, TextInput } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { call, invalidate } from "../../api/client.ts";
import { FormErrorSummary, type FormErrors, useApiForm } from "../../components/api-form.tsx";
import { ConfirmModal } from "../../components/confirm-modal.tsx";
import { useConfirmedSubmit } from "./confirmed-submit.ts";
import { type Offering, RX_READS, type TerminationEvent, usd } from "./rx.ts";

type TerminationValues = {
  event: string | null;
  occurredOn: string;
  note: string;
  minimumBackstopPartiesReady: boolean;
};

const BLANK: TerminationValues = {
  event: null,
  occurredOn: "",
  note: "",
  minimumBackstopPartiesReady: false,
};
const LABELS = {
  event: "Termination event",
  occurredOn: "Occurred on",
  note: "Note",
  minimumBackstopPartiesReady: "The Minimum Backstop Parties were ready to close (ECA-19(d))",
};
const validate = (v: TerminationValues): FormErrors => ({
  ...(v.event ? {} : { event: "Choose the termination event" }),
  ...(v.occurredOn ? {} : { occurredOn: "Enter the day it occurred" }),
});

/** Records a termination event of section 19 and whether it owes the Termination Fee (ECA-2(d)). */
export function TerminationForm({ o, events }: { o: Offering; events: TerminationEvent[] }) {
  const qc = useQueryClient();
  const form = useApiForm<TerminationValues>({
    initialValues: BLANK,
    labels: LABELS,
    submit: (v) => call("termination.record", { path: { id: o.id }, body: { ...v, event: v.event ?? "" } }),
    onSuccess: (_result, sent) => {
      confirm.close();
      form.setValues({ ...BLANK, minimumBackstopPartiesReady: sent.minimumBackstopPartiesReady });
      return invalidate(qc, ...RX_READS);
    },
  });
  const confirm = useConfirmedSubmit(form, validate);
  const { event, occurredOn, minimumBackstopPartiesReady: ready } = form.values;
  const chosen = events.find((e) => e.code === event);
  const feeText =
    chosen?.feeOwed === true
      ? `This event owes the Termination Fee: the Structuring and Arrangement Fee less ${usd(o.terminationFeeDeduction)} (ECA-2(d)).`
      : chosen?.feeOwed === false
        ? "This event owes no Termination Fee (ECA-2(d))."
        : `The Termination Fee is owed only if the Minimum Backstop Parties were ready and the Disclosure Statement Order was entered (ECA-19(d)): ${ready ? "they were ready" : "they were not ready, so no fee"}.`;
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Text fw={600}>Record a termination (ECA-19)</Text>
        {confirm.isConfirming ? null : <FormErrorSummary form={form} title="Not recorded" />}
        <Group align="flex-start">
          <Select
            label={LABELS.event}
            placeholder="Choose the event"
            w={460}
            data={events.map((e) => ({ value: e.code, label: `${e.code} ${e.label}` }))}
            {...form.getInputProps("event")}
            value={event}
          />
          <TextInput type="date" label={LABELS.occurredOn} {...form.getInputProps("occurredOn")} />
          <TextInput label={LABELS.note} style={{ flex: 1 }} {...form.getInputProps("note")} />
        </Group>
        {chosen?.feeOwed === "19(d)" ? (
          <Switch
            label={LABELS.minimumBackstopPartiesReady}
            {...form.getInputProps("minimumBackstopPartiesReady", { type: "checkbox" })}
          />
        ) : null}
        {chosen ? <Text size="sm">{feeText}</Text> : null}
        <Group>
          <Button color="red" onClick={confirm.ask}>
            Record termination…
          </Button>
        </Group>
      </Stack>
      <ConfirmModal
        {...confirm.modalProps}
        title={`Terminate the agreement: ${event ?? ""}`}
        confirmLabel="Record the termination"
        color="red"
      >
        <Stack gap="xs">
          <Text size="sm">
            {chosen?.label} on {occurredOn}. The termination is recorded in the audit trail and cannot be
            undone here.
          </Text>
          <Alert color="orange">{feeText}</Alert>
        </Stack>
      </ConfirmModal>
    </Card>
  );
}
