import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { call, invalidate, useOp } from "../../api/client.ts";
import { FormErrorSummary, type FormLabels, useApiForm } from "../../components/api-form.tsx";
import { Empty } from "../../components/empty.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { SubmitRow } from "../../components/form-actions.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { Section } from "../../components/section.tsx";
import {
  type RoutingRule,
  type SpeakupSettings as Settings,
  VOCABULARY_STALE_MS,
  vocabularyOptions,
} from "./vocabulary.ts";

type SettingsValues = {
  routing: RoutingRule[];
  acknowledgeWithinDays: number | string;
  feedbackWithinDays: number | string;
  checkInDays: string[];
  retentionYearsAfterClosure: number | string;
};

/** The fields in words; each rule's fields are named after the rule ("Rule 2: label"). */
const labelsOf = (values: SettingsValues): FormLabels => {
  const labels: Record<string, string> = {
    acknowledgeWithinDays: "Acknowledge within (days)",
    feedbackWithinDays: "Give feedback within (days)",
    checkInDays: "Retaliation check-ins",
    retentionYearsAfterClosure: "Keep closed cases for (years after closure)",
  };
  values.routing.forEach((_, index) => {
    const rule = `Rule ${index + 1}`;
    labels[`routing.${index}.label`] = `${rule}: label`;
    labels[`routing.${index}.team`] = `${rule}: send to`;
    labels[`routing.${index}.categories`] = `${rule}: categories`;
    labels[`routing.${index}.rule`] = `${rule}: rule it applies`;
  });
  return labels;
};

/** A list item's error ("checkInDays.0", "routing.1.categories.2") belongs to the list's field. */
const listField = (serverPath: string) => {
  const top = serverPath.replace(/^body\./, "").replace(/\.\d+$/, "");
  return /^(checkInDays|routing\.\d+\.categories)$/.test(top) ? top : undefined;
};

const blankRule = (): RoutingRule => ({
  label: "",
  categories: [],
  namesSeniorPeople: false,
  team: "audit_committee",
  rule: "",
});

/** Routing rules (SOC-4) and the deadlines of the speak-up process. */
export const SettingsPage = () => {
  const settings = useOp("speakup.settings.read", {});
  return (
    <Stack maw={1000}>
      <PageHeader
        title="Speak-up settings"
        description="Where new reports go and the deadlines the handlers work to. Each change is recorded in the audit log."
      />
      {settings.isPending ? (
        <Skeleton height={400} />
      ) : settings.isError ? (
        <ErrorAlert error={settings.error} />
      ) : (
        <SettingsForm initial={settings.data} />
      )}
    </Stack>
  );
};

const SettingsForm = ({ initial }: { initial: Settings }) => {
  const queryClient = useQueryClient();
  const vocabulary = useOp("speakup.vocabulary", {}, { staleTime: VOCABULARY_STALE_MS });
  const form = useApiForm<SettingsValues>({
    initialValues: {
      routing: initial.routing,
      acknowledgeWithinDays: initial.acknowledgeWithinDays,
      feedbackWithinDays: initial.feedbackWithinDays,
      checkInDays: initial.checkInDays.map(String),
      retentionYearsAfterClosure: initial.retentionYearsAfterClosure,
    },
    labels: labelsOf,
    mapPath: listField,
    submit: (values) =>
      call("speakup.configure", {
        body: {
          routing: values.routing,
          acknowledgeWithinDays: Number(values.acknowledgeWithinDays),
          feedbackWithinDays: Number(values.feedbackWithinDays),
          checkInDays: values.checkInDays.map(Number),
          retentionYearsAfterClosure: Number(values.retentionYearsAfterClosure),
        },
      }),
    onSuccess: async () => {
      notifications.show({
        color: "green",
        title: "Settings saved",
        message: "New reports follow them from now on.",
      });
      await invalidate(queryClient, "speakup.settings.read");
    },
  });
  const routing = form.values.routing;
  const setRouting = (next: RoutingRule[]) => form.setValue("routing", next);
  /** Edits one field of a rule; its error goes as the field changes. */
  const setRule = (index: number, patch: Partial<RoutingRule>) => {
    for (const [key, value] of Object.entries(patch)) form.setValue(`routing.${index}.${key}`, value);
  };
  const move = (index: number, by: -1 | 1) => {
    const next = [...routing];
    const [rule] = next.splice(index, 1);
    if (rule) next.splice(index + by, 0, rule);
    setRouting(next);
  };
  const categories = vocabularyOptions(vocabulary.data?.categories);
  const teams = vocabularyOptions(vocabulary.data?.teams);

  return (
    <form onSubmit={form.onSubmit}>
      <Stack>
        <FormErrorSummary form={form} />
        <Paper p="md">
          <Group justify="space-between" mb="xs">
            <Title order={2} size="h4">
              Routing rules
            </Title>
            <Button
              variant="light"
              size="xs"
              leftSection={<IconPlus size={14} />}
              onClick={() => setRouting([...routing, blankRule()])}
            >
              Add a rule
            </Button>
          </Group>
          <Text size="sm" c="dimmed" mb="md">
            Checked in order; the first rule that matches sends the report to its team. Reports that match no
            rule go to the Compliance Office. The Senior Officers Code sends accounting concerns and reports
            about senior people to the Audit Committee (SOC-4, SOC-5). The Audit Committee's reports are
            assigned to its chair.
          </Text>
          {routing.length === 0 ? (
            <Empty title="No rules" description="Every report goes to the Compliance Office." isCompact />
          ) : null}
          <Stack gap="sm">
            {routing.map((rule, index) => (
              <Paper
                // biome-ignore lint/suspicious/noArrayIndexKey: rules have no id; order is their identity
                key={index}
                withBorder
                p="sm"
                role="group"
                aria-label={`Rule ${index + 1}`}
              >
                <Group justify="space-between" mb="xs">
                  <Text fw={600} size="sm">
                    Rule {index + 1}
                  </Text>
                  <Group gap={4}>
                    <ActionIcon
                      variant="subtle"
                      aria-label={`Move rule ${index + 1} up`}
                      disabled={index === 0}
                      onClick={() => move(index, -1)}
                    >
                      <IconArrowUp size={16} />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      aria-label={`Move rule ${index + 1} down`}
                      disabled={index === routing.length - 1}
                      onClick={() => move(index, 1)}
                    >
                      <IconArrowDown size={16} />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`Remove rule ${index + 1}`}
                      onClick={() => setRouting(routing.filter((_, i) => i !== index))}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Group>
                </Group>
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                  <TextInput
                    label="Label"
                    withAsterisk
                    value={rule.label}
                    onChange={(e) => setRule(index, { label: e.currentTarget.value })}
                    id={form.fieldId(`routing.${index}.label`)}
                    error={form.errors[`routing.${index}.label`]}
                  />
                  <Select
                    label="Send to"
                    data={teams}
                    value={rule.team}
                    onChange={(v) => v && setRule(index, { team: v as RoutingRule["team"] })}
                    allowDeselect={false}
                    id={form.fieldId(`routing.${index}.team`)}
                    error={form.errors[`routing.${index}.team`]}
                  />
                  <MultiSelect
                    label="Categories"
                    placeholder={
                      rule.categories.length ? undefined : "Any category only if the box below is ticked"
                    }
                    data={categories}
                    value={rule.categories}
                    onChange={(v) => setRule(index, { categories: v as RoutingRule["categories"] })}
                    searchable
                    id={form.fieldId(`routing.${index}.categories`)}
                    error={form.errors[`routing.${index}.categories`]}
                  />
                  <TextInput
                    label="Rule it applies"
                    description="Shown on the case as the routing reason."
                    placeholder="SOC-4"
                    value={rule.rule}
                    onChange={(e) => setRule(index, { rule: e.currentTarget.value })}
                    id={form.fieldId(`routing.${index}.rule`)}
                    error={form.errors[`routing.${index}.rule`]}
                  />
                </SimpleGrid>
                <Checkbox
                  mt="sm"
                  label="Matches when the report names the CEO, a senior officer, the General Counsel or a director"
                  checked={rule.namesSeniorPeople}
                  onChange={(e) => setRule(index, { namesSeniorPeople: e.currentTarget.checked })}
                />
              </Paper>
            ))}
          </Stack>
        </Paper>

        <Section title="Deadlines">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <NumberInput
              label="Acknowledge within (days)"
              description="EU Directive 2019/1937, art. 9: 7 days."
              min={1}
              max={90}
              {...form.getInputProps("acknowledgeWithinDays")}
            />
            <NumberInput
              label="Give feedback within (days)"
              description="EU Directive 2019/1937: 3 months (91 days)."
              min={7}
              max={365}
              {...form.getInputProps("feedbackWithinDays")}
            />
            <TagsInput
              label="Retaliation check-ins (days after the report)"
              description="For identified reporters (COC-21.2). Press Enter after each."
              {...form.getInputProps("checkInDays")}
              onChange={(v) =>
                form.setValue(
                  "checkInDays",
                  v.filter((d) => /^\d+$/.test(d.trim())).map((d) => d.trim()),
                )
              }
              maxTags={10}
            />
          </SimpleGrid>
        </Section>

        <Section title="Retention">
          {/* One field: the explanation goes above it, not squeezed into a third of the width. */}
          <Text size="sm" c="dimmed" mb="sm" maw={720}>
            COC-15.1: when the period has passed, a closed case's content, files, messages and the reporter's
            contact are destroyed; the case number, category, dates and outcome stay for the statistics. A
            case under a legal hold is kept until the hold is released.
          </Text>
          <NumberInput
            label="Keep closed cases for (years after closure)"
            min={1}
            max={100}
            maw={420}
            {...form.getInputProps("retentionYearsAfterClosure")}
          />
        </Section>

        <SubmitRow submitting={form.mutation.isPending}>Save settings</SubmitRow>
      </Stack>
    </form>
  );
};
