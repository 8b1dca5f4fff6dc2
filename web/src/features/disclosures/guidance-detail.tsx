import { Button, Card, Group, Stack, Textarea, Title } from "@mantine/core";
import { useOp } from "../../api/client.ts";
import { FormErrorSummary } from "../../components/api-form.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { RowField as Field } from "../../components/field.tsx";
import { SubmitGroup } from "../../components/form-actions.tsx";
import { formatDate } from "../../lib/format.ts";
import { DetailHeader, Loaded } from "./detail-header.tsx";
import { useAction, useDetailForm } from "./use-detail-action.ts";

export function GuidanceDetail({ id }: { id: string }) {
  const q = useOp("guidance.read", { path: { id } });
  const escalate = useAction("guidance.escalate", id);
  const answer = useDetailForm(id, {
    initialValues: { answer: "" },
    labels: { answer: "Answer" },
    send: (body) => ({ op: "guidance.answer", body }),
  });
  const publish = useDetailForm(id, {
    initialValues: { question: "", answer: "" },
    labels: { question: "Question, without names", answer: "Answer" },
    send: (body) => ({ op: "guidance.publish", body }),
  });
  return (
    <Loaded query={q}>
      {(g) => (
        <Stack>
          <DetailHeader
            title={`${g.number}: ${g.topic}`}
            description={`Routed to ${g.routedTo === "legal" ? "the Legal Department" : "the supervisor"} (COC-22.1).`}
            status={g.status}
          />
          <Card withBorder>
            <Stack gap="xs">
              <Field label="Question">{g.question}</Field>
              {g.answer ? (
                <Field label="Answer">{`${g.answer}\n— ${g.answeredBy}, ${formatDate(g.answeredAt)}`}</Field>
              ) : null}
              {g.faq ? <Field label="Published as FAQ">{g.faq.question}</Field> : null}
            </Stack>
          </Card>
          {g.can.answer ? (
            <Card withBorder component="form" onSubmit={answer.onSubmit} noValidate>
              <Stack>
                <Textarea label="Answer" autosize minRows={3} {...answer.getInputProps("answer")} />
                <FormErrorSummary form={answer} title="Not answered" />
                <ErrorAlert error={escalate.error} title="Not passed on" />
                <SubmitGroup submitting={answer.mutation.isPending} label="Answer">
                  {g.can.escalate ? (
                    <Button variant="default" onClick={() => escalate.mutate({})}>
                      Pass to the Legal Department
                    </Button>
                  ) : null}
                </SubmitGroup>
              </Stack>
            </Card>
          ) : null}
          {g.can.publish ? (
            <Card withBorder component="form" onSubmit={publish.onSubmit} noValidate>
              <Stack>
                <Title order={3} size="h4">
                  Publish as an anonymised FAQ (COC-22.2)
                </Title>
                <Textarea label="Question, without names" {...publish.getInputProps("question")} />
                <Textarea label="Answer" {...publish.getInputProps("answer")} />
                <FormErrorSummary form={publish} title="Not published" />
                <Group>
                  <Button type="submit">Publish</Button>
                </Group>
              </Stack>
            </Card>
          ) : null}
        </Stack>
      )}
    </Loaded>
  );
}
