import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconInfoCircle, IconSend } from "@tabler/icons-react";
import { useState } from "react";
import { call, type Result } from "../../api/client.ts";
import { FormErrorSummary, useApiForm } from "../../components/api-form.tsx";
import { Empty } from "../../components/empty.tsx";
import { formatDateTime } from "../../lib/format.ts";
import { useCaseRefresh } from "./case-actions.tsx";
import { DeadlineBadges } from "./case-badges.tsx";
import { attachmentUrl, type CaseView, formatBytes } from "./vocabulary.ts";

const tone = {
  reporter: { bg: "var(--mantine-color-green-0)", border: "var(--mantine-color-green-6)", who: "Reporter" },
  handler: { bg: "var(--mantine-color-blue-0)", border: "var(--mantine-color-blue-6)", who: "" },
  system: { bg: "var(--mantine-color-gray-0)", border: "var(--mantine-color-gray-5)", who: "Probity" },
};

/** The conversation with the reporter through the anonymous mailbox (COC-22.2). */
// How the reporter gets to the mailbox: a certificate's report never had a receipt (COC-23.2).
const MAILBOX_ACCESS: Record<string, string> = {
  certificate:
    "which they open signed in, under My reports on the speak-up page: a report filed from a certificate has no receipt.",
  internal: "which they open signed in under My reports, or with their receipt and password.",
  default: "which they open with their receipt and password.",
};

export const CaseMessages = ({ kase }: { kase: CaseView }) => {
  const refresh = useCaseRefresh();
  // On a case other reports were merged into, each reporter has their own mailbox: the handler
  // chooses who gets the message, and nobody else can read it (COC-22.2).
  const recipients = kase.reporters.filter((r) => r.hasMailbox);
  const hasMerged = kase.reporters.length > 1;
  const [toCaseId, setToCaseId] = useState<string>(kase.id);
  // The field is `message`, not `body`: a leading `body.` in a path is the request's, not a field.
  const send = useApiForm<{ message: string; isFeedback: boolean }, Result<"case.message">>({
    initialValues: { message: "", isFeedback: false },
    labels: { message: "Message to the reporter", isFeedback: "Feedback" },
    mapPath: (path) => (path.replace(/^body\./, "") === "body" ? "message" : undefined),
    validate: (v) => (v.message.trim() ? {} : { message: "write a message" }),
    submit: ({ message: body, isFeedback }) =>
      call("case.message", {
        path: { id: kase.id },
        body: { body, isFeedback, ...(toCaseId !== kase.id ? { toCaseId } : {}) },
      }),
    onSuccess: async () => {
      notifications.show({
        color: "green",
        title: "Message sent",
        message: "It waits in the reporter's mailbox.",
      });
      send.reset();
      await refresh();
    },
  });
  return (
    <Stack>
      <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} />}>
        Messages reach the reporter's mailbox, {MAILBOX_ACCESS[kase.channel] ?? MAILBOX_ACCESS.default} They
        are not told by e-mail: ask them to check back. Do not write anything that would reveal who else is
        involved.
      </Alert>
      {hasMerged ? (
        <Stack gap={4} aria-label="Reporters">
          {kase.reporters.map((r) => (
            <Group key={r.caseId} gap={6} id={`reporter-${r.caseId}`}>
              <Text size="sm">
                Reporter of {r.number}
                {r.isThisCase ? " (this case)" : " (merged into this case)"}
                {r.hasMailbox ? "" : ": no mailbox"}
              </Text>
              <DeadlineBadges clocks={r.clocks} />
            </Group>
          ))}
        </Stack>
      ) : null}
      {kase.messages.length === 0 ? (
        <Empty
          title="No messages yet"
          description="Acknowledge the report, then ask the reporter what you need to know."
          isCompact
        />
      ) : (
        <Stack gap="sm" aria-label="Messages" role="list">
          {kase.messages.map((m) => {
            const t = tone[m.author];
            const files = kase.attachments.filter((a) => a.messageId === m.id);
            return (
              <Paper
                key={m.id}
                role="listitem"
                p="sm"
                ml={m.author === "reporter" ? 0 : { base: 0, sm: 48 }}
                mr={m.author === "reporter" ? { base: 0, sm: 48 } : 0}
                style={{ background: t.bg, borderLeft: `4px solid ${t.border}` }}
                data-testid={`message-${m.author}`}
              >
                <Group justify="space-between" gap="xs">
                  <Group gap={6}>
                    <Text size="xs" fw={700}>
                      {t.who || m.authorName}
                    </Text>
                    {hasMerged ? (
                      <Badge size="xs" variant="outline" color="gray">
                        {m.caseId === kase.id ? `${m.caseNumber} (this case)` : `${m.caseNumber} (merged)`}
                      </Badge>
                    ) : null}
                    {m.isFeedback ? (
                      <Badge size="xs" variant="light" color="teal">
                        Feedback
                      </Badge>
                    ) : null}
                  </Group>
                  <Text size="xs" c="dimmed">
                    {formatDateTime(m.createdAt)}
                    {m.author !== "reporter"
                      ? m.readByReporterAt
                        ? ` · read by the reporter ${formatDateTime(m.readByReporterAt)}`
                        : " · not read yet"
                      : ""}
                  </Text>
                </Group>
                <Text size="sm" mt={4} style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
                  {m.body}
                </Text>
                {files.length ? (
                  <Group gap="sm" mt={6}>
                    {files.map((f) => (
                      <Anchor key={f.id} href={attachmentUrl(kase.id, f.id)} size="sm" download>
                        {f.filename} ({formatBytes(f.size)})
                      </Anchor>
                    ))}
                  </Group>
                ) : null}
              </Paper>
            );
          })}
        </Stack>
      )}
      {kase.can.message ? (
        <form onSubmit={send.onSubmit} noValidate>
          <Stack gap="xs">
            <FormErrorSummary form={send} />
            {hasMerged ? (
              <Select
                label="To the reporter of"
                description="Each reporter sees only their own report and the messages sent to them."
                data={recipients.map((r) => ({
                  value: r.caseId,
                  label: r.isThisCase ? `${r.number} (this case)` : `${r.number} (merged into this case)`,
                }))}
                value={toCaseId}
                onChange={(value) => setToCaseId(value ?? kase.id)}
                allowDeselect={false}
              />
            ) : null}
            <Textarea
              label="Message to the reporter"
              description="Only a message marked as feedback counts as the feedback the EU Directive asks for within 3 months (art. 9(1)(f))."
              autosize
              minRows={3}
              maxLength={20000}
              {...send.getInputProps("message")}
            />
            <Checkbox
              label="This message tells the reporter what action was taken or is planned and why"
              description="Feedback under EU Directive 2019/1937, art. 9(1)(f). A question is not feedback."
              {...send.getInputProps("isFeedback", { type: "checkbox" })}
            />
            <Group justify="flex-end">
              <Button type="submit" leftSection={<IconSend size={16} />} loading={send.mutation.isPending}>
                Send to the mailbox
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Stack>
  );
};
