import {
  Alert,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { call, invalidate } from "../../api/client.ts";
import { FormErrorSummary, useApiForm } from "../../components/api-form.tsx";
import { ConfirmModal } from "../../components/confirm-modal.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { fieldErrors, isApiError } from "../../lib/api.ts";
import {
  type BodyOf,
  type Investor,
  type Offering,
  pct,
  RX_READS,
  type TerminationEvent,
  usd,
} from "./rx.ts";

// The administrator's forms around the agreement's dated facts: the facts the deadlines follow,
// Apollo's withdrawal (ECA-26) and termination events (ECA-19). Rules stay in the API; these
// forms show its answers by field.

const DATES: { key: string; label: string }[] = [
  { key: "signingDate", label: "Agreement signed (ECA-9(a), 9(b))" },
  { key: "plansupportReceivedDate", label: "Signed Plan Support Agreements received (ECA-9(c))" },
  { key: "disclosureStatementOrderDate", label: "Disclosure Statement Order entered (ECA-19(a)(ii))" },
  { key: "equityCommitmentOrderDate", label: "Equity Commitment Order entered (ECA-9(h))" },
  { key: "confirmationOrderDate", label: "Confirmation Order entered (ECA-1(ff))" },
  { key: "dipMaturityDate", label: "DIP loans' maturity (ECA-1(ff))" },
  { key: "expectedEffectiveDate", label: "Expected Effective Date (ECA-9(g), ECA-26)" },
  { key: "apolloHsrFilingDate", label: "HSR filing for Apollo (ECA-26)" },
];
const FLAGS: { key: string; label: string }[] = [
  { key: "confirmationOrderFinal", label: "The Confirmation Order is a Final Order (ECA-1(ff))" },
  { key: "apolloCleared", label: "Apollo has its regulatory clearance (ECA-26)" },
];

/** The dated facts the deadlines are computed from; a fact once recorded can be corrected, not removed. */
export function FactsForm({ o }: { o: Offering }) {
  const qc = useQueryClient();
  const facts: Record<string, string | boolean | undefined> = o.facts;
  const form = useApiForm<Record<string, string | boolean>>({
    initialValues: {
      ...Object.fromEntries(DATES.map((d) => [d.key, String(facts[d.key] ?? "")])),
      ...Object.fromEntries(FLAGS.map((f) => [f.key, facts[f.key] === true])),
    },
    labels: Object.fromEntries([...DATES, ...FLAGS].map((x) => [x.key, x.label])),
    // An empty date is left out: it has not happened yet.
    submit: (values) =>
      call("offering.facts", {
        path: { id: o.id },
        body: Object.fromEntries(
          Object.entries(values).filter(([, v]) => typeof v === "boolean" || v.trim() !== ""),
        ) as BodyOf<"offering.facts">,
      }),
    onSuccess: () => invalidate(qc, ...RX_READS),
  });
  return (
    <Card withBorder component="form" onSubmit={form.onSubmit} noValidate>
      <Stack gap="xs">
        <Text fw={600}>Dated facts</Text>
        <Text size="sm" c="dimmed">
          The deadlines below follow these dates, in business days on the US banking calendar where the
          agreement says so. Leave a date empty until it happens.
        </Text>
        <FormErrorSummary form={form} title="Not saved" />
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
          {DATES.map((d) => (
            <TextInput key={d.key} type="date" label={d.label} {...form.getInputProps(d.key)} />
          ))}
        </SimpleGrid>
        <Group>
          {FLAGS.map((f) => (
            <Switch key={f.key} label={f.label} {...form.getInputProps(f.key, { type: "checkbox" })} />
          ))}
        </Group>
        <Group>
          <Button type="submit" loading={form.mutation.isPending}>
            Save dated facts
          </Button>
          {form.mutation.isSuccess ? (
            <Text size="sm" c="green" data-testid="facts-saved">
              Saved; the deadlines are recomputed.
            </Text>
          ) : null}
        </Group>
      </Stack>
    </Card>
  );
}

/** Records that Apollo's commitment is withdrawn (ECA-26); Oaktree assumes its backstop percentage. */
export function WithdrawalForm({ o, investor }: { o: Offering; investor: Investor }) {
  const qc = useQueryClient();
  const [basis, setBasis] = useState<string | null>("election");
  const [withdrawnOn, setWithdrawnOn] = useState("");
  const [note, setNote] = useState("");
  const [confirming, setConfirming] = useState(false);
  const oaktree = o.investors.find((i) => i.code === "oaktree");
  const withdraw = useMutation({
    mutationFn: () =>
      call("investor.withdraw", {
        path: { id: investor.id },
        body: { basis: (basis ?? "election") as BodyOf<"investor.withdraw">["basis"], withdrawnOn, note },
      }),
    onSuccess: () => {
      setConfirming(false);
      return invalidate(qc, ...RX_READS);
    },
    // Field errors belong beside their fields, not in the confirmation.
    onError: (e) => {
      if (isApiError(e) && e.problem.errors?.length) setConfirming(false);
    },
  });
  const errors = fieldErrors(withdraw.error);
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Text fw={600}>Withdrawal of {investor.name}'s commitment (ECA-26)</Text>
        <Text size="sm" c="dimmed">
          Apollo may withdraw its commitment up to 10 days before the Effective Date, and it is deemed
          withdrawn if it has no regulatory clearance 70 days after its HSR filing. Oaktree then assumes it.
        </Text>
        <Group align="flex-start">
          <Select
            label="Basis"
            w={320}
            data={[
              { value: "election", label: "Apollo elects to withdraw" },
              { value: "no-clearance", label: "Deemed: no clearance within 70 days" },
            ]}
            value={basis}
            error={errors.basis}
            onChange={setBasis}
          />
          <TextInput
            type="date"
            label="Withdrawn on"
            value={withdrawnOn}
            error={errors.withdrawnOn}
            onChange={(e) => setWithdrawnOn(e.currentTarget.value)}
          />
          <TextInput
            label="Note (letter, notice)"
            style={{ flex: 1 }}
            value={note}
            error={errors.note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
        </Group>
        <Group>
          <Button color="red" variant="light" disabled={!withdrawnOn} onClick={() => setConfirming(true)}>
            Record withdrawal…
          </Button>
        </Group>
        {withdraw.error && !Object.keys(errors).length && !confirming ? (
          <ErrorAlert error={withdraw.error} />
        ) : null}
      </Stack>
      <ConfirmModal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={`Withdraw ${investor.name}'s commitment`}
        confirmLabel="Record the withdrawal"
        color="red"
        loading={withdraw.isPending}
        error={withdraw.error}
        onConfirm={() => withdraw.mutate()}
      >
        <Text size="sm">
          From {withdrawnOn || "that day"}, {investor.name} holds no backstop percentage: it no longer votes
          as a Requisite Investor and buys no Residual Units.{" "}
          {oaktree
            ? `${oaktree.name} assumes its ${pct(investor.effectiveBackstopPercentage)} (ECA-26), for ${pct(
                String(
                  Number(oaktree.effectiveBackstopPercentage) + Number(investor.effectiveBackstopPercentage),
                ),
              )} in all.`
            : ""}{" "}
          The withdrawal cannot be undone here; run the allocation again afterwards.
        </Text>
      </ConfirmModal>
    </Card>
  );
}

/** Records a termination event of section 19 and whether it owes the Termination Fee (ECA-2(d)). */
export function TerminationForm({ o, events }: { o: Offering; events: TerminationEvent[] }) {
  const qc = useQueryClient();
  const [event, setEvent] = useState<string | null>(null);
  const [occurredOn, setOccurredOn] = useState("");
  const [note, setNote] = useState("");
  const [ready, setReady] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const chosen = events.find((e) => e.code === event);
  const record = useMutation({
    mutationFn: () =>
      call("termination.record", {
        path: { id: o.id },
        body: { event: event ?? "", occurredOn, note, minimumBackstopPartiesReady: ready },
      }),
    onSuccess: () => {
      setConfirming(false);
      setEvent(null);
      setOccurredOn("");
      setNote("");
      return invalidate(qc, ...RX_READS);
    },
    onError: (e) => {
      if (isApiError(e) && e.problem.errors?.length) setConfirming(false);
    },
  });
  const errors = fieldErrors(record.error);
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
        <Group align="flex-start">
          <Select
            label="Termination event"
            placeholder="Choose the event"
            w={460}
            data={events.map((e) => ({ value: e.code, label: `${e.code} ${e.label}` }))}
            value={event}
            error={errors.event}
            onChange={setEvent}
          />
          <TextInput
            type="date"
            label="Occurred on"
            value={occurredOn}
            error={errors.occurredOn}
            onChange={(e) => setOccurredOn(e.currentTarget.value)}
          />
          <TextInput
            label="Note"
            style={{ flex: 1 }}
            value={note}
            error={errors.note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
        </Group>
        {chosen?.feeOwed === "19(d)" ? (
          <Switch
            label="The Minimum Backstop Parties were ready to close (ECA-19(d))"
            checked={ready}
            onChange={(e) => setReady(e.currentTarget.checked)}
          />
        ) : null}
        {chosen ? <Text size="sm">{feeText}</Text> : null}
        <Group>
          <Button color="red" disabled={!event || !occurredOn} onClick={() => setConfirming(true)}>
            Record termination…
          </Button>
        </Group>
        {record.error && !Object.keys(errors).length && !confirming ? (
          <ErrorAlert error={record.error} />
        ) : null}
      </Stack>
      <ConfirmModal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={`Terminate the agreement: ${event ?? ""}`}
        confirmLabel="Record the termination"
        color="red"
        loading={record.isPending}
        error={record.error}
        onConfirm={() => record.mutate()}
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
