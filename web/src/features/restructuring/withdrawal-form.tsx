import { Button, Card, Group, Select, Stack, Text, TextInput } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { call, invalidate } from "../../api/client.ts";
import { FormErrorSummary, type FormErrors, useApiForm } from "../../components/api-form.tsx";
import { ConfirmModal } from "../../components/confirm-modal.tsx";
import { useConfirmedSubmit } from "./confirmed-submit.ts";
import { type BodyOf, type Investor, type Offering, pct, RX_READS } from "./rx.ts";

type WithdrawalValues = { basis: string | null; withdrawnOn: string; note: string };

const LABELS = { basis: "Basis", withdrawnOn: "Withdrawn on", note: "Note (letter, notice)" };
const validate = (v: WithdrawalValues): FormErrors =>
  v.withdrawnOn ? {} : { withdrawnOn: "Enter the day the commitment was withdrawn" };

/** Records that Apollo's commitment is withdrawn (ECA-26); Oaktree assumes its backstop percentage. */
export function WithdrawalForm({ o, investor }: { o: Offering; investor: Investor }) {
  const qc = useQueryClient();
  const oaktree = o.investors.find((i) => i.code === "oaktree");
  const form = useApiForm<WithdrawalValues>({
    initialValues: { basis: "election", withdrawnOn: "", note: "" },
    labels: LABELS,
    submit: (v) =>
      call("investor.withdraw", {
        path: { id: investor.id },
        body: { ...v, basis: (v.basis ?? "election") as BodyOf<"investor.withdraw">["basis"] },
      }),
    onSuccess: () => {
      confirm.close();
      return invalidate(qc, ...RX_READS);
    },
  });
  const confirm = useConfirmedSubmit(form, validate);
  const { withdrawnOn } = form.values;
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Text fw={600}>Withdrawal of {investor.name}'s commitment (ECA-26)</Text>
        <Text size="sm" c="dimmed">
          Apollo may withdraw its commitment up to 10 days before the Effective Date, and it is deemed
          withdrawn if it has no regulatory clearance 70 days after its HSR filing. Oaktree then assumes it.
        </Text>
        {confirm.isConfirming ? null : <FormErrorSummary form={form} title="Not recorded" />}
        <Group align="flex-start">
          <Select
            label={LABELS.basis}
            w={320}
            data={[
              { value: "election", label: "Apollo elects to withdraw" },
              { value: "no-clearance", label: "Deemed: no clearance within 70 days" },
            ]}
            {...form.getInputProps("basis")}
            value={form.values.basis}
          />
          <TextInput type="date" label={LABELS.withdrawnOn} {...form.getInputProps("withdrawnOn")} />
          <TextInput label={LABELS.note} style={{ flex: 1 }} {...form.getInputProps("note")} />
        </Group>
        <Group>
          <Button color="red" variant="light" onClick={confirm.ask}>
            Record withdrawal…
          </Button>
        </Group>
      </Stack>
      <ConfirmModal
        {...confirm.modalProps}
        title={`Withdraw ${investor.name}'s commitment`}
        confirmLabel="Record the withdrawal"
        color="red"
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
