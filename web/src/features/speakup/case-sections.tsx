import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconShieldCheck, IconUsers } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { call, useOp } from "../../api/client.ts";
import { ConfirmModal } from "../../components/confirm-modal.tsx";
import { Empty } from "../../components/empty.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { AnchorLink } from "../../components/router-links.tsx";
import { StatusBadge } from "../../components/status-badge.tsx";
import { fieldErrors } from "../../lib/api.ts";
import { formatDate } from "../../lib/format.ts";
import { usePermission } from "../auth/me.ts";
import { PersonPicker } from "../people/person-picker.tsx";
import { useCaseRefresh } from "./case-actions.tsx";
import { CASE_STATUS_STYLES } from "./case-badges.tsx";
import {
  attachmentPreviewUrl,
  attachmentUrl,
  type CaseView,
  formatBytes,
  ITEM_LABEL,
  type ItemKind,
  isPreviewable,
  ROLE_LABEL,
} from "./vocabulary.ts";

const itemKinds = (Object.keys(ITEM_LABEL) as ItemKind[]).map((k) => ({ value: k, label: ITEM_LABEL[k] }));

/** The investigation plan: tasks, interviews, evidence, notes and the final report (COC-21.3). */
export const CasePlan = ({ kase }: { kase: CaseView }) => {
  const refresh = useCaseRefresh();
  const [kind, setKind] = useState<ItemKind>("task");
  const [title, setTitle] = useState("");
  const [text, setText] = useState("");
  const [dueOn, setDueOn] = useState("");
  const add = useMutation({
    mutationFn: () =>
      call("case.item", { path: { id: kase.id }, body: { kind, title, text, dueOn: dueOn || null } }),
    onSuccess: async () => {
      notifications.show({ color: "green", title: `${ITEM_LABEL[kind]} added`, message: title });
      setTitle("");
      setText("");
      setDueOn("");
      await refresh();
    },
  });
  const toggle = useMutation({
    mutationFn: (v: { itemId: string; done: boolean }) =>
      call("case.item.update", { path: { id: kase.id, itemId: v.itemId }, body: { done: v.done } }),
    onSuccess: refresh,
  });
  const errors = fieldErrors(add.error);
  return (
    <Stack>
      {kase.items.length === 0 ? (
        <Empty
          title="No plan yet"
          description="Add the tasks, interviews and evidence the investigation needs."
          isCompact
        />
      ) : (
        <Table.ScrollContainer minWidth={600}>
          <Table aria-label="Investigation plan">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={60}>Done</Table.Th>
                <Table.Th>Item</Table.Th>
                <Table.Th>Kind</Table.Th>
                <Table.Th>Due</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {kase.items.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td>
                    <Checkbox
                      aria-label={`Mark "${item.title}" done`}
                      checked={item.status === "done"}
                      disabled={!kase.can.addItem || toggle.isPending}
                      onChange={(event) =>
                        toggle.mutate({ itemId: item.id, done: event.currentTarget.checked })
                      }
                    />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={500} td={item.status === "done" ? "line-through" : undefined}>
                      {item.title}
                    </Text>
                    {item.text ? (
                      <Text size="sm" c="dimmed" style={{ whiteSpace: "pre-wrap" }}>
                        {item.text}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={item.kind === "final_report" ? "grape" : "gray"}>
                      {ITEM_LABEL[item.kind]}
                    </Badge>
                  </Table.Td>
                  <Table.Td className="nowrap">{formatDate(item.dueOn)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ErrorAlert error={toggle.error} />
      {kase.can.addItem ? (
        <Paper
          withBorder
          p="md"
          component="form"
          onSubmit={(event) => {
            event.preventDefault();
            add.mutate();
          }}
        >
          <Text fw={600} mb="xs">
            Add to the plan
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <Select
              label="Kind"
              data={itemKinds}
              value={kind}
              onChange={(v) => setKind((v as ItemKind) ?? "task")}
              allowDeselect={false}
            />
            <TextInput
              label="Title"
              required
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              error={errors.title}
              maxLength={200}
            />
            <TextInput
              label="Due on"
              type="date"
              value={dueOn}
              onChange={(e) => setDueOn(e.currentTarget.value)}
              error={errors.dueOn}
            />
          </SimpleGrid>
          <Textarea
            label="Details"
            mt="sm"
            autosize
            minRows={2}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            error={errors.text}
          />
          <ErrorAlert error={errors.title || errors.dueOn || errors.text ? null : add.error} />
          <Group justify="flex-end" mt="sm">
            <Button type="submit" loading={add.isPending} disabled={!title.trim()}>
              Add
            </Button>
          </Group>
        </Paper>
      ) : null}
    </Stack>
  );
};

/** Who is named, a witness or conflicted; the named and the conflicted never see the case (COC-22.2). */
export const CasePeople = ({ kase }: { kase: CaseView }) => {
  const refresh = useCaseRefresh();
  const canReadPeople = usePermission("people.read");
  const canAssign = usePermission("speakup.assign");
  const [source, setSource] = useState<string>(canReadPeople ? "person" : "handler");
  const [personId, setPersonId] = useState<string | null>(null);
  const [userId, setUserId] = useState<string | null>(null);
  const [role, setRole] = useState<"named" | "witness" | "conflicted">("named");
  const handlers = useOp(
    "case.assignees",
    { path: { id: kase.id } },
    { enabled: canAssign && kase.can.people },
  );
  const add = useMutation({
    mutationFn: () =>
      call("case.people", {
        path: { id: kase.id },
        body:
          source === "person"
            ? { personId: personId ?? undefined, role }
            : { userId: userId ?? undefined, role },
      }),
    onSuccess: async () => {
      notifications.show({ color: "green", title: "Person added", message: ROLE_LABEL[role] });
      setPersonId(null);
      setUserId(null);
      await refresh();
    },
  });
  const clear = useMutation({
    mutationFn: (p: { personId: string | null; userId: string | null }) =>
      call("case.clear-exclusion", {
        path: { id: kase.id },
        body: { ...(p.personId ? { personId: p.personId } : {}), ...(p.userId ? { userId: p.userId } : {}) },
      }),
    onSuccess: async () => {
      notifications.show({ color: "green", title: "Exclusion cleared", message: "Not the person meant" });
      await refresh();
    },
  });
  const errors = fieldErrors(add.error);
  const sources = [
    ...(canReadPeople ? [{ value: "person", label: "From the directory" }] : []),
    ...(canAssign ? [{ value: "handler", label: "A case handler" }] : []),
  ];
  return (
    <Stack>
      <Alert variant="light" color="violet" icon={<IconShieldCheck size={18} />}>
        People named in the case and anyone marked conflicted can never open it, find it or see it in counts,
        and cannot be assigned to it, whatever their role (COC-22.2). Mark a colleague conflicted when they
        are too close to the matter. Someone the report only probably names (a surname alone, an initial, a
        similar spelling, an office several people hold) is kept away the same way until you clear them.
      </Alert>
      {clear.isError ? <ErrorAlert error={clear.error} /> : null}
      {kase.people.length === 0 ? (
        <Empty title="Nobody linked to the case" icon={<IconUsers size={22} stroke={1.6} />} isCompact />
      ) : (
        <Table aria-label="People in the case">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Role</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {kase.people.map((p, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a person can appear twice with different roles
              <Table.Tr key={`${p.personId ?? p.userId ?? p.name}-${index}`}>
                <Table.Td>{p.name}</Table.Td>
                <Table.Td>
                  <Badge
                    variant="light"
                    color={p.role === "witness" ? "blue" : p.role === "reporter" ? "green" : "red"}
                  >
                    {ROLE_LABEL[p.role]}
                  </Badge>
                  {p.how ? (
                    <Text size="xs" c="dimmed">
                      {p.how}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  {p.role === "probable" && kase.can.people ? (
                    <Button
                      size="xs"
                      variant="default"
                      loading={clear.isPending}
                      onClick={() => clear.mutate({ personId: p.personId, userId: p.userId })}
                    >
                      Not this person: clear
                    </Button>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {kase.can.people && sources.length ? (
        <Paper
          withBorder
          p="md"
          component="form"
          onSubmit={(event) => {
            event.preventDefault();
            add.mutate();
          }}
        >
          <Text fw={600} mb="xs">
            Add a person
          </Text>
          <Stack gap="sm">
            {sources.length > 1 ? (
              <SegmentedControl
                aria-label="Where the person comes from"
                data={sources}
                value={source}
                onChange={setSource}
                w="fit-content"
              />
            ) : null}
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              {source === "person" ? (
                <PersonPicker
                  label="Person"
                  value={personId}
                  onChange={setPersonId}
                  error={errors.personId}
                />
              ) : (
                <Select
                  label="Case handler"
                  data={(handlers.data?.items ?? []).map((h) => ({
                    value: h.userId,
                    label: `${h.name} (${h.teamLabel})`,
                  }))}
                  value={userId}
                  onChange={setUserId}
                  searchable
                  clearable
                  error={errors.userId}
                />
              )}
              <Select
                label="Role in the case"
                data={[
                  { value: "named", label: "Named (involved in the matter)" },
                  { value: "witness", label: "Witness" },
                  { value: "conflicted", label: "Conflicted (may not see the case)" },
                ]}
                value={role}
                onChange={(v) => setRole((v as typeof role) ?? "named")}
                allowDeselect={false}
              />
            </SimpleGrid>
            {role !== "witness" ? (
              <Text size="sm" c="red.8">
                They lose access to this case at once, and are unassigned if it was theirs.
              </Text>
            ) : null}
            <ErrorAlert error={errors.personId || errors.userId ? null : add.error} />
            <Group justify="flex-end">
              <Button
                type="submit"
                loading={add.isPending}
                disabled={source === "person" ? !personId : !userId}
              >
                Add person
              </Button>
            </Group>
          </Stack>
        </Paper>
      ) : null}
    </Stack>
  );
};

/** Retaliation watch (COC-21.2): check-ins with an identified reporter, and HR alerts. */
export const CaseWatch = ({ kase }: { kase: CaseView }) => {
  const refresh = useCaseRefresh();
  const resolve = useMutation({
    mutationFn: (watchId: string) => call("case.watch.resolve", { path: { id: kase.id, watchId } }),
    onSuccess: async () => {
      notifications.show({ color: "green", title: "Resolved", message: "The check-in is recorded as done." });
      await refresh();
    },
  });
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        Nobody may be retaliated against for reporting in good faith (COC-21.2). For an identified reporter
        the case schedules check-ins; an HR import that ends, demotes or transfers an identified reporter or
        witness raises an alert here.
      </Text>
      {kase.watch.length === 0 ? (
        <Empty
          title="Nothing to watch"
          description={
            kase.identityMode === "anonymous"
              ? "The reporter is anonymous, so there is no one to check in with."
              : "No check-ins or alerts for this case."
          }
          isCompact
        />
      ) : (
        <Table aria-label="Retaliation watch">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Due</Table.Th>
              <Table.Th>What</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {kase.watch.map((w) => (
              <Table.Tr key={w.id}>
                <Table.Td className="nowrap">{formatDate(w.dueOn)}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={w.kind === "alert" ? "red" : "blue"} mr="xs">
                    {w.kind === "alert" ? "Alert" : "Check-in"}
                  </Badge>
                  {w.detail ??
                    (w.kind === "checkin"
                      ? "Ask the reporter whether they have suffered any retaliation."
                      : "")}
                </Table.Td>
                <Table.Td>{w.status === "done" ? "Resolved" : "Open"}</Table.Td>
                <Table.Td ta="right">
                  {w.status === "open" && kase.can.addItem ? (
                    <Button
                      size="xs"
                      variant="light"
                      loading={resolve.isPending && resolve.variables === w.id}
                      onClick={() => resolve.mutate(w.id)}
                    >
                      Resolve
                    </Button>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <ErrorAlert error={resolve.error} />
    </Stack>
  );
};

export const CaseFiles = ({ kase }: { kase: CaseView }) =>
  kase.attachments.length === 0 ? (
    <Empty
      title="No files"
      description="Files the reporter sends with the report or in the mailbox appear here."
      isCompact
    />
  ) : (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        Files are stored encrypted and may carry hidden details (author, device, location); treat them as
        confidential.
      </Text>
      <Table aria-label="Files">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>File</Table.Th>
            <Table.Th>Size</Table.Th>
            <Table.Th>Received</Table.Th>
            <Table.Th>With</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {kase.attachments.map((f) => (
            <Table.Tr key={f.id}>
              <Table.Td>
                <Anchor href={attachmentUrl(kase.id, f.id)} download={f.filename} size="sm">
                  {f.filename}
                </Anchor>
                {isPreviewable(f.filename) && (
                  <Anchor
                    href={attachmentPreviewUrl(kase.id, f.id)}
                    target="_blank"
                    rel="noopener noreferrer"
                    size="sm"
                    ml="xs"
                  >
                    (preview)
                  </Anchor>
                )}
              </Table.Td>
              <Table.Td>{formatBytes(f.size)}</Table.Td>
              <Table.Td className="nowrap">{formatDate(f.createdAt)}</Table.Td>
              <Table.Td>{f.messageId ? "A mailbox message" : "The report"}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );

/** Related cases: link two reports of the same matter, or merge a duplicate into another case. */
export const CaseLinks = ({ kase }: { kase: CaseView }) => {
  const refresh = useCaseRefresh();
  const [number, setNumber] = useState("");
  const [otherId, setOtherId] = useState<string | null>(null);
  const found = useOp(
    "case.list",
    { query: { q: number.trim(), pageSize: 10 } },
    { enabled: number.trim().length >= 3 },
  );
  const options = (found.data?.items ?? [])
    .filter((c) => c.id !== kase.id)
    .map((c) => ({ value: c.id, label: `${c.number} · ${c.categoryLabel}` }));
  const chosen = found.data?.items.find((c) => c.id === otherId);
  const done = async (title: string) => {
    notifications.show({ color: "green", title, message: chosen?.number ?? "" });
    setNumber("");
    setOtherId(null);
    await refresh();
  };
  const link = useMutation({
    mutationFn: () => call("case.link", { path: { id: kase.id }, body: { otherId: otherId ?? "" } }),
    onSuccess: () => done("Cases linked"),
  });
  const merge = useMutation({
    mutationFn: () => call("case.merge", { path: { id: kase.id }, body: { intoId: otherId ?? "" } }),
    onSuccess: () => done("Case merged"),
  });
  const [confirmMerge, setConfirmMerge] = useState(false);
  return (
    <Stack>
      {kase.links.length === 0 ? (
        <Empty title="No linked cases" isCompact />
      ) : (
        <Stack gap={6} role="list" aria-label="Linked cases">
          {kase.links.map((l) => (
            <Group key={l.id} gap="xs" role="listitem">
              <AnchorLink to="/speakup/cases/$caseId" params={{ caseId: l.id }} fw={600} size="sm">
                {l.number}
              </AnchorLink>
              <StatusBadge status={l.status} styles={CASE_STATUS_STYLES} />
              {kase.mergedIntoId === l.id ? <Text size="sm">(this case was merged into it)</Text> : null}
            </Group>
          ))}
        </Stack>
      )}
      {kase.can.addItem ? (
        <Paper withBorder p="md">
          <Text fw={600} mb="xs">
            Link or merge
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label="Case number"
              description="Type at least 3 characters of the other case's number."
              placeholder="SU-2026-00012"
              value={number}
              onChange={(e) => {
                setNumber(e.currentTarget.value);
                setOtherId(null);
              }}
            />
            <Select
              label="Case"
              placeholder={
                number.trim().length < 3 ? "Type a number first" : found.isFetching ? "Searching…" : "Choose"
              }
              data={options}
              value={otherId}
              onChange={setOtherId}
              nothingFoundMessage="No case you may see has that number"
            />
          </SimpleGrid>
          <ErrorAlert error={link.error ?? merge.error} />
          <Group justify="flex-end" mt="sm">
            <Button
              variant="default"
              disabled={!otherId}
              loading={link.isPending}
              onClick={() => link.mutate()}
            >
              Link
            </Button>
            {kase.can.merge ? (
              <Button color="orange" disabled={!otherId} onClick={() => setConfirmMerge(true)}>
                Merge into it
              </Button>
            ) : null}
          </Group>
        </Paper>
      ) : null}
      <ConfirmMerge
        opened={confirmMerge}
        from={kase.number}
        into={chosen?.number ?? ""}
        loading={merge.isPending}
        error={merge.error}
        onClose={() => setConfirmMerge(false)}
        onConfirm={() => merge.mutate(undefined, { onSuccess: () => setConfirmMerge(false) })}
      />
    </Stack>
  );
};

const ConfirmMerge = (props: {
  opened: boolean;
  from: string;
  into: string;
  loading: boolean;
  error: unknown;
  onClose: () => void;
  onConfirm: () => void;
}) => (
  <ConfirmModal
    opened={props.opened}
    title={`Merge ${props.from} into ${props.into}`}
    confirmLabel="Merge"
    color="orange"
    loading={props.loading}
    error={props.error}
    onClose={props.onClose}
    onConfirm={props.onConfirm}
  >
    <Text size="sm">
      {props.from} closes as a duplicate. Its reporter's mailbox opens {props.into} from now on, and everyone
      barred from either case stays barred from {props.into}. This cannot be undone.
    </Text>
  </ConfirmModal>
);
