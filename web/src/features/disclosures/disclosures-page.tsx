import {
  Badge,
  Button,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { type ReactNode, useState } from "react";
import { type Args, call, invalidate, useOp } from "../../api/client.ts";
import { useApiForm } from "../../components/api-form.tsx";
import { Empty } from "../../components/empty.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { FormDialog } from "../../components/form-dialog.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { StatusBadge } from "../../components/status-badge.tsx";
import { TableSkeleton } from "../../components/table-skeleton.tsx";
import { UrlTabs } from "../../components/url-tabs.tsx";
import { formatDate } from "../../lib/format.ts";
import { useMe } from "../auth/me.ts";
import { ConflictModal } from "./conflict-form.tsx";
import { DISCLOSURE_READS, STATUS_LABELS } from "./disclosures-api.ts";
import { HoldsTab } from "./holds-tab.tsx";
import { DetailLink } from "./links.tsx";
import { BoycottsTab, GuidanceTab, InquiriesTab } from "./requests-tabs.tsx";

/** A register's list: the error if the read failed, a skeleton while it loads, the empty state, or the table. */
function RegisterTable<T extends { id: string }>({
  query,
  empty,
  columns,
  row,
}: {
  query: { error: unknown; data: { items: T[] } | undefined };
  empty: string;
  columns: string[];
  row: (item: T) => ReactNode;
}) {
  return (
    <>
      <ErrorAlert error={query.error} />
      {!query.data ? (
        <TableSkeleton />
      ) : query.data.items.length === 0 ? (
        <Empty title={empty} />
      ) : (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              {columns.map((column) => (
                <Table.Th key={column}>{column}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {query.data.items.map((item) => (
              <Table.Tr key={item.id}>{row(item)}</Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}

function ConflictsTab() {
  const me = useMe().data;
  const perms = new Set(me?.permissions ?? []);
  const scopes = [
    { value: "mine", label: "My disclosures" },
    ...(perms.has("disclosure.register") || perms.has("disclosure.review")
      ? [{ value: "register", label: "Register" }]
      : []),
    ...(perms.has("disclosure.ceo_review") ? [{ value: "ceo", label: "CEO review" }] : []),
    ...(perms.has("disclosure.audit_committee")
      ? [{ value: "audit_committee", label: "Audit Committee" }]
      : []),
    { value: "supervised", label: "My team" },
  ];
  const [scope, setScope] = useState(
    perms.has("disclosure.audit_committee")
      ? "audit_committee"
      : perms.has("disclosure.ceo_review")
        ? "ceo"
        : "mine",
  );
  const [q, setQ] = useState("");
  const [status, setStatus] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const list = useOp("conflict.list", {
    query: { scope, q, status } as Args<"conflict.list">["query"],
  });
  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <Group wrap="wrap">
          <SegmentedControl data={scopes} value={scope} onChange={setScope} aria-label="Which disclosures" />
          <TextInput
            placeholder="Search title, person, organisation"
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            aria-label="Search conflicts"
          />
          <Select
            placeholder="Any status"
            clearable
            aria-label="Status"
            data={[
              { value: "open", label: "Open" },
              { value: "decided", label: "Decided" },
              ...Object.keys(STATUS_LABELS)
                .slice(0, 9)
                .map((s) => ({ value: s, label: STATUS_LABELS[s]!.label })),
            ]}
            value={status}
            onChange={setStatus}
          />
        </Group>
        <Group>
          {scope !== "mine" && scope !== "supervised" ? (
            <Button
              component="a"
              variant="default"
              href={`/api/disclosures/conflicts.csv?scope=${scope}${q ? `&q=${encodeURIComponent(q)}` : ""}`}
            >
              Export CSV
            </Button>
          ) : null}
          <Button onClick={() => setCreating(true)}>Disclose a conflict</Button>
        </Group>
      </Group>
      {scope === "audit_committee" ? (
        <Text size="sm" c="dimmed">
          Conflicts of interest the CEO reported to the Audit Committee, and the CEO's own disclosures
          (COC-6.2).
        </Text>
      ) : null}
      <RegisterTable
        query={list}
        empty="No disclosures here"
        columns={["Disclosure", "Discloser", "Kind", "Status", "Review date"]}
        row={(c) => (
          <>
            <Table.Td>
              <DetailLink section="conflicts" id={c.id}>
                {c.number}: {c.title}
              </DetailLink>
              {c.prohibitedByCode ? (
                <Badge color="red" ml="xs" size="sm">
                  {c.prohibitedByCode.rule}
                </Badge>
              ) : null}
              {c.isCeoDisclosure ? (
                <Badge color="grape" ml="xs" size="sm">
                  CEO's own
                </Badge>
              ) : null}
            </Table.Td>
            <Table.Td>{c.discloser.name}</Table.Td>
            <Table.Td>{c.typeLabel}</Table.Td>
            <Table.Td>
              <StatusBadge status={c.status} styles={STATUS_LABELS} />
            </Table.Td>
            <Table.Td>{formatDate(c.reviewDate)}</Table.Td>
          </>
        )}
      />
      {creating ? <ConflictModal onClose={() => setCreating(false)} /> : null}
    </Stack>
  );
}

const GIFT_LABELS = {
  direction: "Given or received",
  counterpartyName: "Person",
  organisation: "Organisation",
  official: "Is the person a government official?",
  kind: "What",
  description: "Description",
  value: "Value",
  currency: "Currency",
  usdValue: "Value in USD",
  eventDate: "Date of the event",
  businessPurpose: "Business purpose",
  alreadyHappened: "Has it already happened?",
};

function GiftModal({ onClose }: { onClose: () => void }) {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const form = useApiForm({
    initialValues: {
      direction: "given",
      counterpartyName: "",
      organisation: "",
      official: "none",
      kind: "gift",
      description: "",
      value: "",
      currency: "USD",
      usdValue: "",
      eventDate: "",
      businessPurpose: "",
      alreadyHappened: false,
    },
    labels: GIFT_LABELS,
    // The form as it stands; the server names what is missing or wrong.
    submit: (f) =>
      call("gift.file", {
        body: { ...f, usdValue: f.currency === "USD" ? null : f.usdValue } as Args<"gift.file">["body"],
      }),
    onSuccess: (g) => {
      void invalidate(qc, ...DISCLOSURE_READS);
      onClose();
      void navigate({ to: "/disclosures/$section/$id", params: { section: "gifts", id: g.id } });
    },
  });
  const f = form.values;
  const government = f.direction === "given" && f.official !== "none";
  return (
    <FormDialog
      form={form}
      title="Gift, meal, entertainment or hospitality"
      submitLabel={government ? "Request Legal's approval" : "File"}
      onClose={onClose}
      size="lg"
      lockCancel={false}
    >
      <SegmentedControl
        data={[
          { value: "given", label: "Given or offered" },
          { value: "received", label: "Received" },
        ]}
        aria-label="Given or received"
        value={f.direction}
        onChange={(v) => form.setValue("direction", v)}
      />
      <TextInput label="Person" {...form.getInputProps("counterpartyName")} />
      <TextInput label="Organisation" {...form.getInputProps("organisation")} />
      <Select
        label="Is the person a government official?"
        data={[
          { value: "none", label: "No" },
          { value: "us_government", label: "Yes, US government" },
          { value: "non_us_government", label: "Yes, a non-US government" },
        ]}
        {...form.getInputProps("official")}
      />
      {government ? (
        <Text size="sm" c="orange.8">
          Anything for a government representative needs the Legal Department's prior written approval
          (COC-12.1, Code section 12; COC-2.1): this files a request before the event, and it can be recorded
          as given only once Legal has approved it.
        </Text>
      ) : null}
      <Select
        label="What"
        data={["gift", "meal", "entertainment", "hospitality", "travel", "favour", "discount"].map((k) => ({
          value: k,
          label: k[0]!.toUpperCase() + k.slice(1),
        }))}
        {...form.getInputProps("kind")}
      />
      <Textarea label="Description" {...form.getInputProps("description")} />
      <Group grow>
        <TextInput label="Value" placeholder="150.00" {...form.getInputProps("value")} />
        <TextInput
          label="Currency"
          {...form.getInputProps("currency")}
          onChange={(e) => form.setValue("currency", e.currentTarget.value.toUpperCase())}
          maxLength={3}
        />
        {f.currency !== "USD" ? <TextInput label="Value in USD" {...form.getInputProps("usdValue")} /> : null}
      </Group>
      <TextInput type="date" label="Date of the event" {...form.getInputProps("eventDate")} />
      <Textarea label="Business purpose" {...form.getInputProps("businessPurpose")} />
      {!government ? (
        <Select
          label="Has it already happened?"
          data={[
            { value: "no", label: "Not yet" },
            { value: "yes", label: "Yes, record it in the register" },
          ]}
          value={f.alreadyHappened ? "yes" : "no"}
          onChange={(v) => form.setValue("alreadyHappened", v === "yes")}
          error={form.errors.alreadyHappened}
        />
      ) : null}
    </FormDialog>
  );
}

function GiftsTab() {
  const me = useMe().data;
  const perms = new Set(me?.permissions ?? []);
  const scopes = [
    { value: "mine", label: "Mine" },
    ...(perms.has("gift.approve") ? [{ value: "approvals", label: "To approve" }] : []),
    ...(perms.has("gift.approve") || perms.has("disclosure.register")
      ? [{ value: "register", label: "Register" }]
      : []),
  ];
  const [scope, setScope] = useState(perms.has("gift.approve") ? "approvals" : "mine");
  const [q, setQ] = useState("");
  const [creating, setCreating] = useState(false);
  const list = useOp("gift.list", { query: { scope, q } as Args<"gift.list">["query"] });
  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <Group>
          <SegmentedControl data={scopes} value={scope} onChange={setScope} aria-label="Which gifts" />
          <TextInput
            placeholder="Search person, organisation"
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            aria-label="Search gifts"
          />
        </Group>
        <Button onClick={() => setCreating(true)}>Log a gift or request approval</Button>
      </Group>
      {list.data ? (
        <Text size="sm" c="dimmed">
          Approval is needed for anything for a government official (COC-12.1), above{" "}
          {list.data.settings.perItem} an item, or above {list.data.settings.perRecipientYear} a recipient a
          year (COC-6.5).
        </Text>
      ) : null}
      <RegisterTable
        query={list}
        empty="Nothing in the register here"
        columns={["Entry", "Recipient or giver", "Date", "Value", "Recipient's year total", "Status"]}
        row={(g) => (
          <>
            <Table.Td>
              <DetailLink section="gifts" id={g.id}>
                {g.number}: {g.kind} {g.direction}
              </DetailLink>
              {g.isGovernmentOfficial ? (
                <Badge color="orange" ml="xs" size="sm">
                  Government official
                </Badge>
              ) : null}
            </Table.Td>
            <Table.Td>
              {g.counterpartyName}
              <Text size="xs" c="dimmed">
                {g.organisation}
              </Text>
            </Table.Td>
            <Table.Td>{formatDate(g.eventDate)}</Table.Td>
            <Table.Td>{g.value}</Table.Td>
            <Table.Td>{g.recipientYearTotal}</Table.Td>
            <Table.Td>
              <StatusBadge status={g.status} styles={STATUS_LABELS} />
            </Table.Td>
          </>
        )}
      />
      {creating ? <GiftModal onClose={() => setCreating(false)} /> : null}
    </Stack>
  );
}

/** The registers, one tab each; the one shown lives in the URL (`?tab=`), so Back returns to it. */
const REGISTERS = [
  { value: "conflicts", label: "Conflicts of interest", Tab: ConflictsTab },
  { value: "gifts", label: "Gifts & hospitality", Tab: GiftsTab },
  { value: "guidance", label: "Ask first", Tab: GuidanceTab },
  { value: "inquiries", label: "Government & media", Tab: InquiriesTab },
  { value: "boycotts", label: "Boycott requests", Tab: BoycottsTab },
  { value: "holds", label: "Legal holds", Tab: HoldsTab },
];
const DISCLOSURE_TABS = REGISTERS.map((register) => register.value);

export function DisclosuresPage() {
  const holds = useOp("legal_hold.list", {});
  return (
    <>
      <PageHeader
        title="Disclosures"
        description="Conflicts of interest, gifts and hospitality, questions to ask first, government and media inquiries, boycott requests and legal holds: the Legal Department's work under the Code."
      />
      <UrlTabs defaultTab="conflicts" tabs={DISCLOSURE_TABS}>
        <Tabs.List mb="md">
          {REGISTERS.map((register) =>
            register.value !== "holds" ||
            (holds.data && (holds.data.can.issue || holds.data.items.length > 0)) ? (
              <Tabs.Tab key={register.value} value={register.value}>
                {register.label}
              </Tabs.Tab>
            ) : null,
          )}
        </Tabs.List>
        {REGISTERS.map(({ value, Tab }) => (
          <Tabs.Panel key={value} value={value}>
            <Tab />
          </Tabs.Panel>
        ))}
      </UrlTabs>
    </>
  );
}
