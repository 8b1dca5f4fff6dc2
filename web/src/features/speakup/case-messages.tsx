import { Alert, Anchor, Button, Group, Paper, Stack, Text, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconInfoCircle, IconSend } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Empty } from "../../components/empty.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { fieldErrors } from "../../lib/api.ts";
import { formatDateTime } from "../../lib/format.ts";
import { useCaseRefresh } from "./case-actions.tsx";
import { attachmentUrl, type CaseDetail, formatBytes, speakupApi } from "./speakup-api.ts";

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

export const CaseMessages = ({ kase }: { kase: CaseDetail }) => {
  const refresh = useCaseRefresh();
  const [body, setBody] = useState("");
  const send = useMutation({
    mutationFn: () => speakupApi.message(kase.id, body),
    onSuccess: async () => {
      notifications.show({
        color: "green",
        title: "Message sent",
        message: "It waits in the reporter's mailbox.",
      });
      setBody("");
      await refresh();
    },
  });
  const bodyError = fieldErrors(send.error).body;
  return (
    <Stack>
      <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} />}>
        Messages reach the reporter's mailbox, {MAILBOX_ACCESS[kase.channel] ?? MAILBOX_ACCESS.default} They
        are not told by e-mail: ask them to check back. Do not write anything that would reveal who else is
        involved.
      </Alert>
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
                  <Text size="xs" fw={700}>
                    {t.who || m.authorName}
                  </Text>
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
        <form
          onSubmit={(event) => {
            event.preventDefault();
            send.mutate();
          }}
        >
          <Stack gap="xs">
            <Textarea
              label="Message to the reporter"
              description="Your first message after the acknowledgement counts as the feedback the EU Directive asks for within 3 months."
              autosize
              minRows={3}
              maxLength={20000}
              value={body}
              onChange={(event) => setBody(event.currentTarget.value)}
              error={bodyError}
            />
            <ErrorAlert error={bodyError ? null : send.error} />
            <Group justify="flex-end">
              <Button
                type="submit"
                leftSection={<IconSend size={16} />}
                loading={send.isPending}
                disabled={!body.trim()}
              >
                Send to the mailbox
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Stack>
  );
};
