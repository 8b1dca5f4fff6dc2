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
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { call, invalidate } from "../../api/client.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { isApiError } from "../../lib/api.ts";
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
  const [terms, setTerms] = useState<Record<string, string>>(
    Object.fromEntries(TERMS.map((t) => [t.key, t.initial])),
  );
  const [investors, setInvestors] = useState<InvestorRow[]>([
    { code: "oaktree", name: "", backstopPercentage: "", isThresholdGroup: true },
    { code: "apollo", name: "", backstopPercentage: "", isThresholdGroup: true },
  ]);
  const create = useMutation({
    mutationFn: () => {
      const body: Record<string, unknown> = { investors };
      for (const t of TERMS) {
        const v = terms[t.key]?.trim() ?? "";
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
  // Paths as the API gives them: "pricePerUnit", "investors", "investors.1.code".
  const errors: Record<string, string> = {};
  if (isApiError(create.error))
    for (const e of create.error.problem.errors ?? []) errors[e.path.replace(/^body\.?/, "")] ??= e.message;
  const known = (path: string) =>
    TERMS.some((t) => t.key === path) ||
    path === "investors" ||
    /^investors\.\d+\.(code|name|backstopPercentage)$/.test(path);
  const unplaced = Object.keys(errors).some((path) => !known(path));
  const setInvestor = (n: number, patch: Partial<InvestorRow>) =>
    setInvestors(investors.map((i, k) => (k === n ? { ...i, ...patch } : i)));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <Card withBorder component="form" onSubmit={submit}>
      <Stack gap="sm">
        <Text fw={600}>New rights offering</Text>
        <Text size="sm" c="dimmed">
          Fractions are written like 0.6650. The dated facts (signing, orders, Effective Date) are recorded
          afterwards on the Deadlines tab.
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
          {TERMS.map((t) =>
            t.kind === "number" ? (
              <NumberInput
                key={t.key}
                label={t.label}
                min={0}
                allowDecimal={false}
                value={terms[t.key] ?? ""}
                error={errors[t.key]}
                onChange={(v) => setTerms({ ...terms, [t.key]: String(v) })}
              />
            ) : (
              <TextInput
                key={t.key}
                type={t.kind === "date" ? "date" : "text"}
                label={t.label}
                value={terms[t.key] ?? ""}
                error={errors[t.key]}
                onChange={(e) => setTerms({ ...terms, [t.key]: e.currentTarget.value })}
              />
            ),
          )}
        </SimpleGrid>
        <Text fw={500} size="sm">
          Investors and backstop percentages (Schedule 1(f); they add up to 100%, ECA-3(a))
        </Text>
        {investors.map((inv, n) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity until they are saved
          <Group key={n} align="flex-start" wrap="nowrap">
            <TextInput
              label={`Investor ${n + 1} code`}
              w={140}
              value={inv.code}
              error={errors[`investors.${n}.code`]}
              onChange={(e) => setInvestor(n, { code: e.currentTarget.value })}
            />
            <TextInput
              label={`Investor ${n + 1} name`}
              style={{ flex: 1 }}
              value={inv.name}
              error={errors[`investors.${n}.name`]}
              onChange={(e) => setInvestor(n, { name: e.currentTarget.value })}
            />
            <TextInput
              label={`Investor ${n + 1} backstop percentage`}
              w={220}
              placeholder="0.45"
              value={inv.backstopPercentage}
              error={errors[`investors.${n}.backstopPercentage`]}
              onChange={(e) => setInvestor(n, { backstopPercentage: e.currentTarget.value })}
            />
            <Checkbox
              mt={30}
              label="Threshold group"
              checked={inv.isThresholdGroup}
              onChange={(e) => setInvestor(n, { isThresholdGroup: e.currentTarget.checked })}
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
        {errors.investors ? (
          <Text size="sm" c="red" data-testid="investors-error">
            {errors.investors}
          </Text>
        ) : null}
        <Group>
          <Button variant="default" onClick={() => setInvestors([...investors, { ...NEW_INVESTOR }])}>
            Add investor
          </Button>
          <Button type="submit" loading={create.isPending}>
            Create offering
          </Button>
          <Button variant="subtle" onClick={onCancel}>
            Cancel
          </Button>
        </Group>
        {create.error && (unplaced || !Object.keys(errors).length) ? (
          <ErrorAlert error={create.error} />
        ) : null}
      </Stack>
    </Card>
  );
}
