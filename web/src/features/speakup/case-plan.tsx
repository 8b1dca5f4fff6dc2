import {
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation } from "@tanstack/react-query";
import { call, type Result } from "../../api/client.ts";
import { FormErrorSummary, useApiForm } from "../../components/api-form.tsx";
import { Empty } from "../../components/empty.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { formatDate } from "../../lib/format.ts";
import { useCaseRefresh } from "./case-actions.tsx";
import { type CaseView, ITEM_LABEL, type ItemKind } from "./vocabulary.ts";

const itemKinds = (Object.keys(ITEM_LABEL) as ItemKind[]).map((k) => ({ value: k, label: ITEM_LABEL[k] }));

/** The investigation plan: tasks, interviews, evidence, notes and the final report (COC-21.3). */
export const CasePlan = ({ kase }: { kase: CaseView }) => {
  const refresh = useCaseRefresh();
  const add = useApiForm<{ kind: ItemKind; title: string; text: string; dueOn: string }, Result<"case.item">>(
    {
      initialValues: { kind: "task", title: "", text: "", dueOn: "" },
      labels: { kind: "Kind", title: "Title", dueOn: "Due on", text: "Details" },
      validate: (v) => (v.title.trim() ? {} : { title: "is required" }),
      submit: ({ kind, title, text, dueOn }) =>
        call("case.item", { path: { id: kase.id }, body: { kind, title, text, dueOn: dueOn || null } }),
      onSuccess: async (_item, { kind, title }) => {
        notifications.show({ color: "green", title: `${ITEM_LABEL[kind]} added`, message: title });
        // The kind stays as chosen for the next item.
        add.reset({ kind, title: "", text: "", dueOn: "" });
        await refresh();
      },
    },
  );
  const toggle = useMutation({
    mutationFn: (v: { itemId: string; done: boolean }) =>
      call("case.item.update", { path: { id: kase.id, itemId: v.itemId }, body: { done: v.done } }),
    onSuccess: refresh,
  });
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
        <Paper withBorder p="md" component="form" onSubmit={add.onSubmit} noValidate>
          <Text fw={600} mb="xs">
            Add to the plan
          </Text>
          <FormErrorSummary form={add} />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <Select label="Kind" data={itemKinds} {...add.getInputProps("kind")} allowDeselect={false} />
            <TextInput label="Title" required {...add.getInputProps("title")} maxLength={200} />
            <TextInput label="Due on" type="date" {...add.getInputProps("dueOn")} />
          </SimpleGrid>
          <Textarea label="Details" mt="sm" autosize minRows={2} {...add.getInputProps("text")} />
          <Group justify="flex-end" mt="sm">
            <Button type="submit" loading={add.mutation.isPending}>
              Add
            </Button>
          </Group>
        </Paper>
      ) : null}
    </Stack>
  );
};
