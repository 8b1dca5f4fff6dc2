import { Button, Card, Group, Select, Stack, Textarea } from "@mantine/core";
import { useState } from "react";
import { useOp } from "../../api/client.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { RowField as Field } from "../../components/field.tsx";
import { formatDate } from "../../lib/format.ts";
import { DetailHeader, Loaded } from "./detail-header.tsx";
import { useAction } from "./use-detail-action.ts";

export function InquiryDetail({ id }: { id: string }) {
  const q = useOp("inquiry.read", { path: { id } });
  const responders = useOp("inquiry.list", {});
  const assign = useAction("inquiry.assign", id);
  const respond = useAction("inquiry.respond", id);
  const [who, setWho] = useState<string | null>(null);
  const [text, setText] = useState("");
  return (
    <Loaded query={q}>
      {(i) => (
        <Stack>
          <DetailHeader
            title={`${i.number}: ${i.kind === "media" ? "Media" : "Government"} inquiry from ${i.organisation}`}
            description={`Logged by ${i.reportedBy} (COC-9.1).`}
            status={i.status}
          />
          <Card withBorder>
            <Stack gap="xs">
              <Field label="Representative">{`${i.representative}${i.contact ? ` (${i.contact})` : ""}`}</Field>
              <Field label="When">{formatDate(i.receivedAt)}</Field>
              <Field label="Subject">{i.subject}</Field>
              {i.responder ? <Field label="Responder">{i.responder}</Field> : null}
              {i.response ? <Field label="Response">{i.response}</Field> : null}
            </Stack>
          </Card>
          {i.can.assign ? (
            <Group align="flex-end">
              <Select
                label="Designated responder"
                data={(responders.data?.responders ?? []).map((r) => ({ value: r.userId, label: r.name }))}
                value={who}
                onChange={setWho}
              />
              <Button disabled={!who} onClick={() => assign.mutate({ responderUserId: who })}>
                Assign
              </Button>
            </Group>
          ) : null}
          {i.can.respond ? (
            <Stack>
              <Textarea
                label="The response given"
                value={text}
                onChange={(e) => setText(e.currentTarget.value)}
              />
              <Group>
                <Button onClick={() => respond.mutate({ response: text })}>Record the response</Button>
              </Group>
            </Stack>
          ) : null}
          <ErrorAlert error={assign.error ?? respond.error} showFieldErrors />
        </Stack>
      )}
    </Loaded>
  );
}
