import {
  ActionIcon,
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { call, invalidate } from "../../api/client.ts";
import { FormErrorSummary, useApiForm } from "../../components/api-form.tsx";
import { type BodyOf, type Offering, RX_READS } from "./rx.ts";

type InvestorRow = { code: string; name: string; backstopPercentage: string; isThresholdGroup: boolean };

const TERMS: { key: string; label: string; kind: "text" | "number" | "date"; initial: string }[] = [
  { key: "name", label: "Name of the offering", kind: "text", initial: "" },
  { key: "unitsOffered", label: "Units offered", kind: "number", initial: "" },
  { key: "pricePerUnit", label: "Price per unit ($)", kind: "text", initial: "" },
  { key: "sharesPerUnit", label: "Holdco shares per unit", kind: "number", initial: "" },
  { key: "exerciseStart", label: "Exercise period starts", kind: "date", initial: "" },
  { key: "exerciseEnd", label: "Exercise period ends (subscription deadline)", kind: "date", initial: "" },
  {
    key: "threshold",
    label: "Minimum Oaktree/Apollo Equity Threshold (ECA-2(b))",
    kind: "text",
    initial: "",
  },
  { key: "maximumCutback", label: "Maximum cutback (ECA-2(b))", kind: "text", initial: "0.90" },
  {
    key: "structuringFeeRate",
    label: "Structuring and Arrangement Fee rate (ECA-2(d))",
    kind: "text",
    initial: "0.035",
  },
  {
    key: "terminationFeeDeduction",
    label: "Termination Fee deduction ($, ECA-2(d))",
    kind: "text",
    initial: "5000000.00",
  },
  {
    key: "preferredShares",
    label: "IntermediateCo Preferred shares (ECA-2(e))",
    kind: "number",
    initial: "5000",
  },
  { key: "preferredPricePerShare", label: "Preferred price per share ($)", kind: "text", initial: "1000.00" },
  { key: "certifyingOfficer", label: "Certifying officer", kind: "text", initial: "" },
  { key: "unitComposition", label: "Composition of a unit", kind: "text", initial: "" },
];

const NEW_INVESTOR: InvestorRow = { code: "", name: "", backstopPercentage: "", isThresholdGroup: false };

type OfferingValues = Record<string, unknown> & { investors: InvestorRow[] };

/** The labels of the terms and of each investor row ("investors.1.code" → "Investor 2 code"). */
const labelsOf = (values: OfferingValues) => ({
  ...Object.fromEntries(TERMS.map((t) => [t.key, t.label])),
  investors: "Investors",
  ...Object.fromEntries(
    values.investors.flatMap((_, n) => [
      [`investors.${n}.code`, `Investor ${n + 1} code`],
      [`investors.${n}.name`, `Investor ${n + 1} name`],
      [`investors.${n}.backstopPercentage`, `Investor ${n + 1} backstop percentage`],
    ]),
  ),
});

/**
 * A new rights offering: its terms and the investors' backstop percentages (Schedule 1(f)). The
 * API checks them (they add up to 100%, ECA-3(a)) and answers by field.
 */
export function CreateOfferingForm({
  onCreated,
  onCancel,
}: {
  onCreated: (o: Offering) => void;
  onCancel: () => void;
}) {
  const qc = useQueryClient();
  const form = useApiForm<OfferingValues, Offering>({
    initialValues: {
      ...Object.fromEntries(TERMS.map((t) => [t.key, t.initial])),
      investors: [
        { code: "oaktree", name: "", backstopPercentage: "", isThresholdGroup: true },
        { code: "apollo", name: "", backstopPercentage: "", isThresholdGroup: true },
      ],
    },
    labels: labelsOf,
    submit: (values) => {
      const body: Record<string, unknown> = { investors: values.investors };
      for (const t of TERMS) {
        const v = String(values[t.key] ?? "").trim();
        if (v === "" && t.key === "unitComposition") continue;
        body[t.key] = t.kind === "number" && v !== "" ? Number(v) : v;
      }
      // Built from the form as typed; the API checks every field and answers by path.
      return call("offering.create", { body: body as BodyOf<"offering.create"> });
    },
    onSuccess: async (o) => {
      await invalidate(qc, ...RX_READS);
      onCreated(o);
    },
  });
  const { investors } = form.values;
  const setInvestors = (next: InvestorRow[]) => form.setValue("investors", next);
  return (
    <Card withBorder component="form" onSubmit={form.onSubmit} noValidate>
      <Stack gap="sm">
        <Text fw={600}>New rights offering</Text>
        <Text size="sm" c="dimmed">
          Fractions are written like 0.6650. The dated facts (signing, orders, Effective Date) are recorded
          afterwards on the Deadlines tab.
        </Text>
        <FormErrorSummary form={form} title="Not created" />
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
          {TERMS.map((t) =>
            t.kind === "number" ? (
              <NumberInput
                key={t.key}
                label={t.label}
                min={0}
                allowDecimal={false}
                {...form.getInputProps(t.key)}
                onChange={(v) => form.setValue(t.key, String(v))}
              />
            ) : (
              <TextInput
                key={t.key}
                type={t.kind === "date" ? "date" : "text"}
                label={t.label}
                {...form.getInputProps(t.key)}
              />
            ),
          )}
        </SimpleGrid>
        <Text fw={500} size="sm">
          Investors and backstop percentages (Schedule 1(f); they add up to 100%, ECA-3(a))
        </Text>
        {investors.map((_, n) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity until they are saved
          <Group key={n} align="flex-start" wrap="nowrap">
            <TextInput
              label={`Investor ${n + 1} code`}
              w={140}
              {...form.getInputProps(`investors.${n}.code`)}
            />
            <TextInput
              label={`Investor ${n + 1} name`}
              style={{ flex: 1 }}
              {...form.getInputProps(`investors.${n}.name`)}
            />
            <TextInput
              label={`Investor ${n + 1} backstop percentage`}
              w={220}
              placeholder="0.45"
              {...form.getInputProps(`investors.${n}.backstopPercentage`)}
            />
            <Checkbox
              mt={30}
              label="Threshold group"
              {...form.getInputProps(`investors.${n}.isThresholdGroup`, { type: "checkbox" })}
            />
            <ActionIcon
              mt={28}
              variant="subtle"
              color="red"
              aria-label={`Remove investor ${n + 1}`}
              disabled={investors.length === 1}
              onClick={() => setInvestors(investors.filter((_, k) => k !== n))}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        {form.errors.investors ? (
          <Text size="sm" c="red" data-testid="investors-error">
            {form.errors.investors}
          </Text>
        ) : null}
        <Group>
          <Button variant="default" onClick={() => setInvestors([...investors, { ...NEW_INVESTOR }])}>
            Add investor
          </Button>
          <Button type="submit" loading={form.mutation.isPending}>
            Create offering
          </Button>
          <Button variant="subtle" onClick={onCancel}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
