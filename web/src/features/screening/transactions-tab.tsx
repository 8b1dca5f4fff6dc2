import { Alert, Badge, Button, Stack, Text } from "@mantine/core";
import { IconReceipt } from "@tabler/icons-react";
import { keepPreviousData, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { type Args, invalidate, type Schema, useOp, useOpMutation } from "../../api/client.ts";
import { type Column, DataTable } from "../../components/data-table.tsx";
import { FilterSelect, ListToolbar } from "../../components/list-toolbar.tsx";
import { errorMessage } from "../../lib/api.ts";
import { formatDateTime } from "../../lib/format.ts";
import { Findings } from "./findings.tsx";
import { SCREENING_READS, STATUS_COLOR } from "./screening-api.ts";
import { TransactionForm } from "./transaction-form.tsx";

type Transaction = Schema<"TransactionView">;
type TransactionQuery = NonNullable<Args<"transaction.list">["query"]>;

const PAGE_SIZE = 25;
const statusOptions = [
  { value: "pending", label: "Pending" },
  { value: "approved", label: "Approved" },
  { value: "refused", label: "Refused" },
];

const money = (t: Pick<Transaction, "amountCents" | "currency">) =>
  `${t.currency} ${(t.amountCents / 100).toLocaleString("en-US", { minimumFractionDigits: 2 })}`;

const COLUMNS: Column<Transaction>[] = [
  { key: "counterparty", header: "Counterparty", cell: (t) => t.counterpartyName },
  {
    key: "transaction",
    header: "Transaction",
    cell: (t) => (
      <>
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
      </>
    ),
  },
  {
    key: "status",
    header: "Status",
    cell: (t) => (
      <>
        <Badge color={STATUS_COLOR[t.status] ?? "gray"}>{t.status}</Badge>
        {t.decidedBy ? (
          <Text size="xs" c="dimmed">
            by {t.decidedBy}
          </Text>
        ) : null}
      </>
    ),
  },
  {
    key: "checks",
    header: "Checks",
    width: "42%",
    cell: (t) => (t.check ? <Findings findings={t.check.findings} /> : "—"),
  },
];

/** Transactions with foreign parties: recorded, checked, and approved only when every check passes. */
export function TransactionsTab() {
  const qc = useQueryClient();
  const [status, setStatus] = useState<string | undefined>();
  const [counterpartyId, setCounterpartyId] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const parties = useOp("counterparty.list", { query: { pageSize: 200 } });
  const txs = useOp(
    "transaction.list",
    {
      query: { page, pageSize: PAGE_SIZE, status: status as TransactionQuery["status"], counterpartyId },
    },
    { placeholderData: keepPreviousData },
  );
  const approve = useOpMutation("transaction.approve", {
    onSettled: () => invalidate(qc, ...SCREENING_READS),
  });
  const isFiltered = Boolean(status || counterpartyId);
  const columns: Column<Transaction>[] = [
    ...COLUMNS,
    {
      key: "approve",
      header: "Approve",
      isHeaderHidden: true,
      cell: (t) =>
        txs.data?.can.canApprove && t.status !== "approved" ? (
          <Button
            size="xs"
            onClick={() => approve.mutate({ path: { id: t.id } })}
            loading={approve.isPending && approve.variables?.path.id === t.id}
            aria-label={`Approve ${t.description}`}
          >
            Approve
          </Button>
        ) : null,
    },
  ];
  return (
    <Stack>
      {txs.data?.can.canCreateTransaction ? <TransactionForm /> : null}
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
      <ListToolbar columns={{ base: 1, md: 2, lg: 3 }}>
        <FilterSelect
          label="Status"
          placeholder="Any status"
          data={statusOptions}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
        />
        <FilterSelect
          label="Counterparty filter"
          placeholder="Any counterparty"
          data={(parties.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
          value={counterpartyId}
          searchable
          onChange={(v) => {
            setCounterpartyId(v);
            setPage(1);
          }}
        />
      </ListToolbar>
      <DataTable
        label="Transactions"
        columns={columns}
        rowKey={(t) => t.id}
        rowProps={(t) => ({ mod: { testid: `transaction-${t.description}` } })}
        query={txs}
        minWidth={900}
        onPageChange={setPage}
        noun="transactions"
        empty={{
          title: isFiltered ? "No transactions match these filters" : "No transactions yet",
          description: isFiltered
            ? "Try another status or counterparty."
            : "A transaction with a foreign party is recorded here and approved only when every check passes.",
          icon: <IconReceipt size={22} stroke={1.6} />,
        }}
      />
    </Stack>
  );
}
