import {
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { call, type Result, type Schema } from "../../api/client.ts";
import { FormErrorSummary, useApiForm } from "../../components/api-form.tsx";

import { useRefresh } from "./use-meeting-refresh.ts";

type Meeting = Schema<"MeetingView">;
type Vote = "for" | "against" | "abstain";
type ResolutionValues = { title: string; text: string; votes: Record<string, Vote> };

type AgendaValues = { title: string; dutyKey: string | null; isPrivileged: boolean };
const NEW_ITEM: AgendaValues = { title: "", dutyKey: null, isPrivileged: false };

export function Agenda({ m }: { m: Meeting }) {
  const refresh = useRefresh();
  // The server names the item's fields `items.0.title`; the longest known suffix attaches them here.
  const add = useApiForm<AgendaValues>({
    initialValues: NEW_ITEM,
    labels: { title: "Item", dutyKey: "Yearly duty it serves", isPrivileged: "Privileged (counsel, CC-21)" },
    submit: (item) => call("meeting.agenda", { path: { id: m.id }, body: { items: [item] } }),
    onSuccess: () => {
      add.reset();
      refresh();
    },
  });
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="xs">
        Agenda
      </Title>
      <Stack>
        {m.agenda.length === 0 ? <Text c="dimmed">The Chair has not set the agenda yet (CC-23).</Text> : null}
        {m.agenda.map((item) => (
          <AgendaItem key={item.id} m={m} item={item} />
        ))}
        {m.can.agenda ? (
          <form onSubmit={add.onSubmit} noValidate>
            <Stack gap="xs">
              <Text size="sm" fw={600}>
                Add an item (the Chair prepares the agenda, CC-23)
              </Text>
              <FormErrorSummary form={add} />
              <Group align="flex-end">
                <TextInput label="Item" {...add.getInputProps("title")} w={320} />
                <Select
                  label="Yearly duty it serves"
                  clearable
                  data={m.duties.map((d) => ({ value: d.key, label: `${d.title} (${d.rule})` }))}
                  {...add.getInputProps("dutyKey")}
                  value={add.values.dutyKey}
                  w={320}
                />
                <Checkbox
                  label="Privileged (counsel, CC-21)"
                  {...add.getInputProps("isPrivileged", { type: "checkbox" })}
                />
                <Button type="submit" loading={add.mutation.isPending}>
                  Add to agenda
                </Button>
              </Group>
            </Stack>
          </form>
        ) : null}
      </Stack>
    </Card>
  );
}

function AgendaItem({ m, item }: { m: Meeting; item: Meeting["agenda"][number] }) {
  const refresh = useRefresh();
  const resolutions = m.resolutions.filter((r) => r.agendaItemId === item.id);
  const resolve = useApiForm<ResolutionValues>({
    initialValues: { title: item.title, text: "", votes: {} },
    labels: {
      title: "Resolution",
      text: "Resolved that",
      ...Object.fromEntries(item.quorum.eligible.map((e) => [`votes.${e.personId}`, `Vote of ${e.name}`])),
    },
    submit: ({ title, text, votes }) =>
      call("resolution.record", {
        path: { id: m.id },
        body: {
          agendaItemId: item.id,
          title,
          text,
          votes: Object.fromEntries(
            item.quorum.eligible.map((e) => [e.personId, votes[e.personId] ?? "for"]),
          ),
        },
      }),
    onSuccess: () => {
      resolve.setValue("text", "");
      refresh();
    },
  });
  const materials = m.materials.filter((x) => x.agendaItemId === item.id);
  return (
    <Stack gap={6} data-testid={`item-${item.position}`}>
      <Group gap="xs">
        <Text fw={600}>
          {item.position}. {item.title}
        </Text>
        {item.isPrivileged ? <Badge color="red">Privileged (CC-21)</Badge> : null}
        {item.dutyKey ? (
          <Badge variant="light">{m.duties.find((d) => d.key === item.dutyKey)?.rule ?? item.dutyKey}</Badge>
        ) : null}
        <Badge color={item.quorum.hasQuorum ? "green" : "gray"} variant="light">
          {item.quorum.eligible.length} eligible of {item.quorum.required} needed
        </Badge>
        {item.quorum.recused.map((r) => (
          <Badge key={r.personId} color="orange" variant="light">
            {r.name} recused
          </Badge>
        ))}
      </Group>
      {item.description ? <Text size="sm">{item.description}</Text> : null}
      {materials.map((x) => (
        <Text key={x.id} size="sm" c={x.isWithheld ? "dimmed" : undefined}>
          📄 {x.title}: {x.body}
        </Text>
      ))}
      {resolutions.map((r) => (
        <Text key={r.id} size="sm" data-testid="resolution">
          <Badge color={r.outcome === "adopted" ? "green" : "red"}>{r.outcome}</Badge> {r.title}: {r.text} (
          {r.votesFor} for, {r.votesAgainst} against, {r.abstentions} abstaining)
        </Text>
      ))}
      {m.can.record ? (
        <form onSubmit={resolve.onSubmit} noValidate>
          <Stack gap={4} pl="md">
            <FormErrorSummary form={resolve} title="Refused" />
            <Group align="flex-end">
              <TextInput label="Resolution" {...resolve.getInputProps("title")} w={280} />
              <Textarea
                label="Resolved that"
                {...resolve.getInputProps("text")}
                w={360}
                autosize
                minRows={1}
              />
              {item.quorum.eligible.map((e) => (
                <Select
                  key={e.personId}
                  label={e.name}
                  data={["for", "against", "abstain"]}
                  {...resolve.getInputProps(`votes.${e.personId}`)}
                  value={resolve.values.votes[e.personId] ?? "for"}
                  onChange={(v) => resolve.setValue(`votes.${e.personId}`, (v ?? "for") as Vote)}
                  w={120}
                />
              ))}
              <Button type="submit" loading={resolve.mutation.isPending}>
                Record resolution
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
      {m.can.record && (m.status === "scheduled" || m.status === "in_session") ? (
        <RecusalForm m={m} item={item} />
      ) : null}
    </Stack>
  );
}

/** A member steps out of one item: they neither vote nor count toward its quorum (CC-8). */
function RecusalForm({ m, item }: { m: Meeting; item: Meeting["agenda"][number] }) {
  const refresh = useRefresh();
  const recused = new Set(item.quorum.recused.map((r) => r.personId));
  const candidates = m.members.filter((x) => !recused.has(x.personId));
  const recuse = useApiForm<{ personId: string | null; reason: string }, Result<"meeting.recuse">>({
    initialValues: { personId: null, reason: "" },
    labels: { personId: "Member recusing", reason: "Reason for recusal" },
    // Said before sending instead of a greyed-out button.
    validate: (v) => ({
      ...(v.personId ? {} : { personId: "choose the member who steps out" }),
      ...(v.reason.trim() ? {} : { reason: "say why the member recuses" }),
    }),
    submit: ({ personId, reason }) =>
      call("meeting.recuse", {
        path: { id: m.id, itemId: item.id },
        body: { personId: personId ?? "", reason },
      }),
    onSuccess: () => {
      recuse.reset();
      refresh();
    },
  });
  if (candidates.length === 0) return null;
  return (
    <Stack gap={4} pl="md" data-testid="recusal-form">
      <FormErrorSummary form={recuse} title="Recusal not recorded" />
      <Group align="flex-end">
        <Select
          label="Member recusing"
          placeholder="Choose a member"
          data={candidates.map((x) => ({ value: x.personId, label: x.name }))}
          {...recuse.getInputProps("personId")}
          value={recuse.values.personId}
          w={220}
        />
        <TextInput
          label="Reason for recusal"
          placeholder="e.g. interest in the consulting agreement"
          {...recuse.getInputProps("reason")}
          w={320}
        />
        <Button
          variant="light"
          color="orange"
          loading={recuse.mutation.isPending}
          onClick={() => recuse.onSubmit()}
        >
          Record recusal
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        A recused member does not vote on this item and does not count toward its quorum (CC-8).
      </Text>
    </Stack>
  );
}
