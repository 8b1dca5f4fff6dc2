import { Button, Card, Group, Select, Stack, Textarea } from "@mantine/core";
import { useOp } from "../../api/client.ts";
import { FormErrorSummary } from "../../components/api-form.tsx";
import { RowField as Field } from "../../components/field.tsx";
import { formatDate } from "../../lib/format.ts";
import { DetailHeader, Loaded } from "./detail-header.tsx";
import { useDetailForm } from "./use-detail-action.ts";

export function InquiryDetail({ id }: { id: string }) {
  const q = useOp("inquiry.read", { path: { id } });
  const responders = useOp("inquiry.list", {});
  const assign = useDetailForm<{ responderUserId: string | null }>(id, {
    initialValues: { responderUserId: null },
    labels: { responderUserId: "Designated responder" },
    // Said when the button is pressed instead of a greyed-out button.
    validate: (v) => (v.responderUserId ? {} : { responderUserId: "choose the designated responder" }),
    send: (body) => ({ op: "inquiry.assign", body }),
  });
  const respond = useDetailForm(id, {
    initialValues: { response: "" },
    labels: { response: "The response given" },
    send: (body) => ({ op: "inquiry.respond", body }),
  });
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
            <form onSubmit={assign.onSubmit} noValidate>
              <Stack>
                <FormErrorSummary form={assign} title="Not assigned" />
                <Group align="flex-end">
                  <Select
                    label="Designated responder"
                    data={(responders.data?.responders ?? []).map((r) => ({
                      value: r.userId,
                      label: r.name,
                    }))}
                    {...assign.getInputProps("responderUserId")}
                    value={assign.values.responderUserId}
                  />
                  <Button type="submit" loading={assign.mutation.isPending}>
                    Assign
                  </Button>
                </Group>
              </Stack>
            </form>
          ) : null}
          {i.can.respond ? (
            <form onSubmit={respond.onSubmit} noValidate>
              <Stack>
                <Textarea label="The response given" {...respond.getInputProps("response")} />
                <FormErrorSummary form={respond} title="Response not recorded" />
                <Group>
                  <Button type="submit">Record the response</Button>
                </Group>
              </Stack>
            </form>
          ) : null}
        </Stack>
      )}
    </Loaded>
  );
}
