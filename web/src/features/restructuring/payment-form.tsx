import { Button, Group, SegmentedControl, Stack, Text, TextInput } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { call, invalidate, type Schema, useOp } from "../../api/client.ts";
import { FormErrorSummary, useApiForm } from "../../components/api-form.tsx";
import { type Column, DataTable } from "../../components/data-table.tsx";
import { FormModal } from "../../components/form-modal.tsx";
import { type Holder, RX_READS, usd } from "./rx.ts";

type Payment = Schema<"OfferingPaymentView">;
type PaymentValues = {
  kind: "payment" | "refund";
  amount: string;
  receivedOn: string;
  reference: string;
  note: string;
};

const PAYMENT_COLUMNS: Column<Payment>[] = [
  { key: "receivedOn", header: "Date", cell: (p) => p.receivedOn },
  { key: "kind", header: "Kind", cell: (p) => p.kind },
  {
    key: "amount",
    header: "Amount",
    cell: (p) => (p.kind === "refund" ? `−${usd(p.amount)}` : usd(p.amount)),
  },
  { key: "reference", header: "Wire reference", cell: (p) => p.reference },
];

const today = () => new Date().toISOString().slice(0, 10);

/** What the holder owes and has paid, in words (ECA-3(a); a cut-back amount is refunded, ECA-2(b)). */
export const paymentStanding = (h: Holder) =>
  h.paymentStatus === "overpaid"
    ? `paid ${usd(h.paid)} of ${usd(h.paymentDue)}: refund ${usd(h.refund)}`
    : h.paymentStatus === "partial"
      ? `paid ${usd(h.paid)} of ${usd(h.paymentDue)}: ${usd(h.owed)} still owed`
      : h.paymentStatus === "paid"
        ? `paid ${usd(h.paid)} in full`
        : h.paymentStatus === "unpaid"
          ? `nothing paid of ${usd(h.paymentDue)}`
          : "nothing due";

/**
 * The subscription agent's payment dialog: each payment received (or refund sent) with its amount,
 * date and wire reference, matched against what the holder owes; the holder's ledger below.
 */
export function PaymentForm({ holder }: { holder: Holder }) {
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button
        size="xs"
        variant="default"
        onClick={() => setOpened(true)}
        aria-label={`Payments of ${holder.code} ${holder.name}`}
      >
        Payments…
      </Button>
      {opened ? <PaymentDialog holder={holder} onClose={() => setOpened(false)} /> : null}
    </>
  );
}

function PaymentDialog({ holder, onClose }: { holder: Holder; onClose: () => void }) {
  const qc = useQueryClient();
  const payments = useOp("payment.list", { path: { id: holder.id } });
  const refund = holder.paymentStatus === "overpaid";
  const form = useApiForm<PaymentValues>({
    initialValues: {
      kind: refund ? "refund" : "payment",
      amount: refund ? holder.refund : holder.owed === "0.00" ? "" : holder.owed,
      receivedOn: today(),
      reference: "",
      note: "",
    },
    labels: {
      kind: "Kind",
      amount: "Amount ($)",
      receivedOn: "Received (or sent) on",
      reference: "Wire reference",
      note: "Note",
    },
    validate: (v) => ({
      ...(v.amount.trim() ? {} : { amount: "is required" }),
      ...(v.reference.trim() ? {} : { reference: "is required: the wire reference" }),
    }),
    submit: (body) => call("payment.record", { path: { id: holder.id }, body }),
    onSuccess: () => {
      invalidate(qc, ...RX_READS);
      onClose();
    },
  });
  return (
    <FormModal
      opened
      onClose={onClose}
      isDirty={form.isDirty}
      title={`Payments of ${holder.code} · ${holder.name}`}
      size="lg"
    >
      <Stack gap="xs">
        <Text size="sm" data-testid="payment-standing">
          {holder.finalUnits === null
            ? `Owes ${usd(holder.paymentDue)} for ${holder.exercised.toLocaleString("en-US")} exercised units (ECA-3(a)); `
            : `Owes ${usd(holder.paymentDue)} for the ${holder.finalUnits.toLocaleString("en-US")} units allotted (ECA-2(b)); `}
          {paymentStanding(holder)}.
        </Text>
        <DataTable
          label={`Payments of ${holder.code}`}
          columns={PAYMENT_COLUMNS}
          rowKey={(p) => p.id}
          query={payments}
          inPaper={false}
          minWidth={0}
          tableProps={{ withTableBorder: true }}
          empty={{ title: "No payment recorded" }}
        />
        <form onSubmit={form.onSubmit} noValidate>
          <Stack gap="xs">
            <FormErrorSummary form={form} title="Not recorded" />
            <SegmentedControl
              data={[
                { value: "payment", label: "Payment received" },
                { value: "refund", label: "Refund sent" },
              ]}
              {...form.getInputProps("kind")}
            />
            <Group grow align="flex-start">
              <TextInput label="Amount ($)" required {...form.getInputProps("amount")} />
              <TextInput
                type="date"
                label="Received (or sent) on"
                required
                {...form.getInputProps("receivedOn")}
              />
            </Group>
            <TextInput label="Wire reference" required {...form.getInputProps("reference")} />
            <TextInput label="Note" {...form.getInputProps("note")} />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button type="submit" loading={form.mutation.isPending}>
                Record {form.values.kind === "refund" ? "refund" : "payment"}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </FormModal>
  );
}
