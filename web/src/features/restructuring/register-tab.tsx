import { Stack, Text } from "@mantine/core";
import { IconUsers } from "@tabler/icons-react";
import { keepPreviousData } from "@tanstack/react-query";
import { useState } from "react";
import { useOp } from "../../api/client.ts";
import { type Column, DataTable } from "../../components/data-table.tsx";
import { SearchBox } from "../../components/list-toolbar.tsx";
import { formatNumber } from "../../lib/format.ts";
import { ElectionForm } from "./election-form.tsx";
import { paymentStanding } from "./payment-form.tsx";
import { RegisterImportForm } from "./register-import-form.tsx";
import { type Holder, type Offering, usd } from "./rx.ts";

// The claims register and the subscription agent's elections (ECA-3(a)).

const PAGE_SIZE = 25;
const PAYMENT_COLOR: Record<Holder["paymentStatus"], string> = {
  "not due": "dimmed",
  unpaid: "orange",
  partial: "orange",
  paid: "green",
  overpaid: "red",
};

const COLUMNS: Column<Holder>[] = [
  {
    key: "holder",
    header: "Holder",
    cell: (h) => (
      <>
        <Text size="sm" fw={500}>
          {h.code}
        </Text>
        <Text size="xs" c="dimmed">
          {h.name}
        </Text>
      </>
    ),
  },
  { key: "investor", header: "Investor", cell: (h) => h.investor ?? "—" },
  {
    key: "claims",
    header: "Eligible Claims",
    cell: (h) =>
      Object.entries(h.claims).map(([k, v]) => (
        <Text size="xs" key={k}>
          {k}: {usd(v)}
        </Text>
      )),
  },
  {
    key: "rights",
    header: "Rights",
    cell: (h) => (
      <>
        {formatNumber(h.rights)}
        <Text size="xs" c="dimmed">
          {h.rightsExplicit ? "entered" : "computed"}
        </Text>
      </>
    ),
  },
  {
    key: "exercised",
    header: "Exercised",
    cell: (h) =>
      h.electedAt ? (
        formatNumber(h.exercised)
      ) : (
        <Text c="dimmed" size="sm">
          not elected
        </Text>
      ),
  },
  {
    key: "payment",
    header: "Due / paid",
    cell: (h) => (
      <>
        <Text size="xs">{usd(h.paymentDue)}</Text>
        <Text size="xs" c={PAYMENT_COLOR[h.paymentStatus]} data-testid={`payment-${h.code}`}>
          {paymentStanding(h)}
        </Text>
      </>
    ),
  },
];

export function Register({ o }: { o: Offering }) {
  const [q, setQ] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const holders = useOp(
    "register.read",
    { path: { id: o.id }, query: { q: q ?? "", page, pageSize: PAGE_SIZE } },
    { placeholderData: keepPreviousData },
  );
  const columns: Column<Holder>[] = [
    ...COLUMNS,
    {
      key: "election",
      header: "Election",
      hidden: !o.can.elect,
      cell: (h) => <ElectionForm holder={h} />,
    },
  ];
  return (
    <Stack>
      {o.can.manage ? <RegisterImportForm o={o} /> : null}
      <SearchBox
        label="Search the register"
        placeholder="Search holder id or name"
        value={q}
        onSearch={(next) => {
          setQ(next);
          setPage(1);
        }}
      />
      <DataTable
        label="Claims register"
        columns={columns}
        rowKey={(h) => h.id}
        rowProps={(h) => ({ mod: { testid: `holder-${h.code}` } })}
        query={holders}
        onPageChange={setPage}
        noun="holders"
        minWidth={900}
        empty={{
          title: q ? `No holder matches "${q}"` : "No holders on the register yet",
          description: q ? "Try another holder id or name." : undefined,
          icon: <IconUsers size={22} stroke={1.6} />,
        }}
      />
    </Stack>
  );
}
