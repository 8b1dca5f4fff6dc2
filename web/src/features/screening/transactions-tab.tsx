import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  List,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  ThemeIcon,
} from "@mantine/core";
import { IconCheck, IconReceipt, IconX } from "@tabler/icons-react";
import { keepPreviousData, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { type Args, invalidate, type Schema, useOp, useOpMutation } from "../../api/client.ts";
import { Empty } from "../../components/empty.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { ListFooter } from "../../components/list-footer.tsx";
import { TableSkeleton } from "../../components/table-skeleton.tsx";
import { errorMessage, fieldErrors } from "../../lib/api.ts";
import { formatDateTime } from "../../lib/format.ts";
import { SCREENING_READS, STATUS_COLOR } from "./screening-api.ts";

type Transaction = Schema<"TransactionView">;
type Finding = Schema<"TransactionCheckView">["findings"][number];
type TransactionQuery = NonNullable<Args<"transaction.list">["query"]>;
type TransactionBody = NonNullable<Args<"transaction.create">["body"]>;

const PAGE_SIZE = 25;
const statusOptions = [
  { value: "pending", label: "Pending" },
  { value: "approved", label: "Approved" },
  { value: "refused", label: "Refused" },
];

/** "1,234.5" → 123450 without passing money through a float. */
export function toCents(value: string | number): number | null {
  const text = String(value).replace(/,/g, "").trim();
  const m = /^(\d+)(?:\.(\d{0,2}))?$/.exec(text);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
}

const money = (t: Pick<Transaction, "amountCents" | "currency">) =>
  `${t.currency} ${(t.amountCents / 100).toLocaleString("en-US", { minimumFractionDigits: 2 })}`;

/** The checks of COC-18.1, 18.2, 19.1 and 20.1, one line each, the failed ones first. */
export function Findings({ findings }: { findings: Finding[] }) {
  const sorted = [...findings].sort((a, b) => Number(a.ok) - Number(b.ok));
  return (
    <List spacing={4} size="sm" aria-label="Check findings">
      {sorted.map((f) => (
        <List.Item
          key={f.rule + f.message}
          icon={
            <ThemeIcon color={f.ok ? "green" : "red"} size={18} radius="xl" aria-hidden>
              {f.ok ? <IconCheck size={12} /> : <IconX size={12} />}
            </ThemeIcon>
          }
        >
          <Badge size="xs" variant="light" color={f.ok ? "green" : "red"} mr={6}>
            {f.rule}
          </Badge>
          <Text span size="sm" c={f.ok ? undefined : "red.8"}>
            {f.ok ? "Passes: " : "Fails: "}
            {f.message.replace(/^Refused \(COC-[\d.]+\): /, "")}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}

type FormValues = {
  counterpartyId: string | null;
  description: string;
  amount: string | number;
  currency: string;
  destinationCountry: string;
  itemId: string | null;
  payeeName: string;
  payeeAccountCountry: string;
  payeeAddressCountry: string;
};
const blank: FormValues = {
  counterpartyId: null,
  description: "",
  amount: "",
  currency: "USD",
  destinationCountry: "",
  itemId: null,
  payeeName: "",
  payeeAccountCountry: "",
  payeeAddressCountry: "",
};
const orNull = (v: string) => (v.trim() ? v.trim().toUpperCase() : null);

function RecordTransaction() {
  const parties = useOp("counterparty.list", { query: { pageSize: 200 } });
  const controls = useOp("export.read", {});
  const [values, setValues] = useState<FormValues>(blank);
  const [local, setLocal] = useState<Record<string, string>>({});
  const create = useOpMutation("transaction.create", {
    invalidates: ["transaction.list"],
    onSuccess: () => setValues(blank),
  });
  const errors = { ...fieldErrors(create.error), ...local };
  const set = <K extends keyof FormValues>(key: K, value: FormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setLocal(({ [key]: _gone, ...rest }) => rest);
  };
  const text = (key: "description" | "currency" | "destinationCountry" | "payeeName") => ({
    value: values[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => set(key, e.currentTarget.value),
    error: errors[key],
  });
  const country = (key: "destinationCountry" | "payeeAccountCountry" | "payeeAddressCountry") => ({
    value: values[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => set(key, e.currentTarget.value.toUpperCase()),
    error: errors[key],
    maxLength: 2,
    placeholder: "ISO code, e.g. DE",
  });
  const party = parties.data?.items.find((c) => c.id === values.counterpartyId);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!values.counterpartyId) missing.counterpartyId = "Choose the counterparty";
    if (!values.description.trim()) missing.description = "Description is required";
    const amountCents = toCents(values.amount);
    if (amountCents === null) missing.amountCents = "Enter an amount such as 1250.00";
    setLocal(missing);
    if (Object.keys(missing).length) return;
    const body = {
      counterpartyId: values.counterpartyId,
      description: values.description.trim(),
      amountCents,
      currency: values.currency.trim().toUpperCase(),
      destinationCountry: orNull(values.destinationCountry),
      itemId: values.itemId,
      payeeName: values.payeeName.trim() || null,
      payeeAccountCountry: orNull(values.payeeAccountCountry),
      payeeAddressCountry: orNull(values.payeeAddressCountry),
    };
    create.mutate({ body: body as TransactionBody });
  };

  return (
    <Card withBorder>
      <form onSubmit={submit} noValidate aria-labelledby="record-transaction-title">
        <Stack>
          <Text fw={600} id="record-transaction-title">
            Record a transaction (checked at once, approved separately)
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
            <Select
              label="Counterparty"
              required
              searchable
              data={(parties.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
              value={values.counterpartyId}
              onChange={(v) => set("counterpartyId", v)}
              error={errors.counterpartyId}
              nothingFoundMessage="No counterparty by that name"
              description={
                party ? `Domicile: ${party.country ?? "no country on record"}` : "The contracting party"
              }
            />
            <TextInput label="Description" required {...text("description")} />
            <NumberInput
              label="Amount"
              required
              min={0}
              decimalScale={2}
              thousandSeparator=","
              value={values.amount}
              onChange={(v) => set("amount", v)}
              error={errors.amountCents}
            />
            <TextInput
              label="Currency"
              maxLength={3}
              description="Three-letter code"
              {...text("currency")}
              onChange={(e) => set("currency", e.currentTarget.value.toUpperCase())}
            />
          </SimpleGrid>
          <Text size="sm" fw={600}>
            Export (COC-19.1)
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
            <Select
              label="Export item"
              placeholder={controls.data?.items.length ? "No item exported" : "No items on record"}
              clearable
              searchable
              data={(controls.data?.items ?? []).map((i) => ({
                value: i.id,
                label: `${i.sku} · ${i.name} (${i.eccn})`,
              }))}
              value={values.itemId}
              onChange={(v) => set("itemId", v)}
              error={errors.itemId}
              description="A controlled item needs a licence or exception for the destination"
            />
            <TextInput
              label="Destination country"
              description="Where the goods go; the party's country when blank"
              {...country("destinationCountry")}
            />
          </SimpleGrid>
          <Text size="sm" fw={600}>
            Payment (COC-20.1)
          </Text>
          <Text size="sm" c="dimmed" id="payee-help">
            A payment to a foreign party goes only to the contracting party, in its own name, to an account
            and address in its country of domicile. A payee that is not the contracting party, or an account
            or address outside that country, is refused (COC-20.1).
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
            <TextInput
              label="Payee name"
              placeholder={party?.name ?? "The contracting party's name"}
              aria-describedby="payee-help"
              {...text("payeeName")}
            />
            <TextInput
              label="Payee account country"
              aria-describedby="payee-help"
              {...country("payeeAccountCountry")}
            />
            <TextInput
              label="Payee address country"
              aria-describedby="payee-help"
              {...country("payeeAddressCountry")}
            />
          </SimpleGrid>
          {create.error ? (
            <ErrorAlert
              error={create.error}
              title={
                Object.keys(fieldErrors(create.error)).length
                  ? "Please correct the highlighted fields"
                  : undefined
              }
            />
          ) : null}
          <Group justify="space-between">
            {create.data ? (
              <Text size="sm" data-testid="recorded">
                Recorded {create.data.description}:{" "}
                {create.data.check?.ok
                  ? "every check passes; it can be approved."
                  : "it would be refused as it stands (see its checks below)."}
              </Text>
            ) : (
              <span />
            )}
            <Button type="submit" loading={create.isPending}>
              Record transaction
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

export function TransactionsTab() {
  const qc = useQueryClient();
  const [status, setStatus] = useState<string | null>(null);
  const [counterpartyId, setCounterpartyId] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const parties = useOp("counterparty.list", { query: { pageSize: 200 } });
  const txs = useOp(
    "transaction.list",
    {
      query: {
        page,
        pageSize: PAGE_SIZE,
        status: (status ?? undefined) as TransactionQuery["status"],
        counterpartyId: counterpartyId ?? undefined,
      },
    },
    { placeholderData: keepPreviousData },
  );
  const approve = useOpMutation("transaction.approve", {
    onSettled: () => invalidate(qc, ...SCREENING_READS),
  });
  return (
    <Stack>
      {txs.data?.can.canCreateTransaction ? <RecordTransaction /> : null}
      {approve.error ? (
        <Alert color="red" title="Approval refused" data-testid="refusal" role="alert">
          {errorMessage(approve.error)}
        </Alert>
      ) : null}
      {approve.data ? (
        <Alert color="green" title="Approved" role="status">
          {approve.data.description}: every check passes.
        </Alert>
      ) : null}
      <Paper p="md" withBorder>
        <Group align="flex-end" mb="sm">
          <Select
            label="Status"
            placeholder="Any status"
            data={statusOptions}
            value={status}
            clearable
            onChange={(v) => {
              setStatus(v);
              setPage(1);
            }}
            w={180}
          />
          <Select
            label="Counterparty filter"
            placeholder="Any counterparty"
            data={(parties.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
            value={counterpartyId}
            clearable
            searchable
            onChange={(v) => {
              setCounterpartyId(v);
              setPage(1);
            }}
            w={280}
          />
        </Group>
        {txs.isPending ? (
          <TableSkeleton />
        ) : txs.isError ? (
          <ErrorAlert error={txs.error} />
        ) : txs.data.items.length === 0 ? (
          <Empty
            title={status || counterpartyId ? "No transactions match these filters" : "No transactions yet"}
            description={
              status || counterpartyId
                ? "Try another status or counterparty."
                : "A transaction with a foreign party is recorded here and approved only when every check passes."
            }
            icon={<IconReceipt size={22} stroke={1.6} />}
          />
        ) : (
          <>
            <Table.ScrollContainer minWidth={900}>
              <Table aria-label="Transactions" style={{ opacity: txs.isPlaceholderData ? 0.6 : 1 }}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Counterparty</Table.Th>
                    <Table.Th>Transaction</Table.Th>
                    <Table.Th>Status</Table.Th>
                    <Table.Th w="42%">Checks</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {txs.data.items.map((t) => (
                    <Table.Tr key={t.id} data-testid={`transaction-${t.description}`}>
                      <Table.Td>{t.counterpartyName}</Table.Td>
                      <Table.Td>
                        <Text size="sm" fw={500}>
                          {t.description}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {money(t)} · {formatDateTime(t.createdAt)}
                          {t.destinationCountry ? ` · to ${t.destinationCountry}` : ""}
                          {t.payeeName ? ` · payee ${t.payeeName}` : ""}
                          {t.payeeAccountCountry ? ` · account ${t.payeeAccountCountry}` : ""}
                          {t.payeeAddressCountry ? ` · address ${t.payeeAddressCountry}` : ""}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Badge color={STATUS_COLOR[t.status] ?? "gray"}>{t.status}</Badge>
                        {t.decidedBy ? (
                          <Text size="xs" c="dimmed">
                            by {t.decidedBy}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td maw={520}>
                        {t.check ? <Findings findings={t.check.findings} /> : "—"}
                      </Table.Td>
                      <Table.Td>
                        {txs.data.can.canApprove && t.status !== "approved" ? (
                          <Button
                            size="xs"
                            onClick={() => approve.mutate({ path: { id: t.id } })}
                            loading={approve.isPending && approve.variables?.path.id === t.id}
                            aria-label={`Approve ${t.description}`}
                          >
                            Approve
                          </Button>
                        ) : null}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <ListFooter
              page={page}
              pageSize={PAGE_SIZE}
              total={txs.data.total}
              onPageChange={setPage}
              noun="transactions"
            />
          </>
        )}
      </Paper>
    </Stack>
  );
}
