import { Button, Card, Group, Stack, Textarea, Title } from "@mantine/core";
import { useState } from "react";
import { useOp } from "../../api/client.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { RowField as Field } from "../../components/field.tsx";
import { formatDate } from "../../lib/format.ts";
import { DetailHeader, Loaded } from "./detail-header.tsx";
import { useAction } from "./use-detail-action.ts";

export function GuidanceDetail({ id }: { id: string }) {
  const q = useOp("guidance.read", { path: { id } });
  const answer = useAction("guidance.answer", id);
  const escalate = useAction("guidance.escalate", id);
  const publish = useAction("guidance.publish", id);
  const [text, setText] = useState("");
  const [faqQ, setFaqQ] = useState("");
  const [faqA, setFaqA] = useState("");
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
            <Card withBorder>
              <Stack>
                <Textarea
                  label="Answer"
                  autosize
                  minRows={3}
                  value={text}
                  onChange={(e) => setText(e.currentTarget.value)}
                />
                <ErrorAlert error={answer.error ?? escalate.error} showFieldErrors />
                <Group>
                  <Button onClick={() => answer.mutate({ answer: text })} loading={answer.isPending}>
                    Answer
                  </Button>
                  {g.can.escalate ? (
                    <Button variant="default" onClick={() => escalate.mutate({})}>
                      Pass to the Legal Department
                    </Button>
                  ) : null}
                </Group>
              </Stack>
            </Card>
          ) : null}
          {g.can.publish ? (
            <Card withBorder>
              <Stack>
                <Title order={3} size="h4">
                  Publish as an anonymised FAQ (COC-22.2)
                </Title>
                <Textarea
                  label="Question, without names"
                  value={faqQ}
                  onChange={(e) => setFaqQ(e.currentTarget.value)}
                />
                <Textarea label="Answer" value={faqA} onChange={(e) => setFaqA(e.currentTarget.value)} />
                <ErrorAlert error={publish.error} showFieldErrors />
                <Group>
                  <Button onClick={() => publish.mutate({ question: faqQ, answer: faqA })}>Publish</Button>
                </Group>
              </Stack>
            </Card>
          ) : null}
        </Stack>
      )}
    </Loaded>
  );
}
