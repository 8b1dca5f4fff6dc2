import { Button, Card, Group, Select, Stack, TextInput } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { call, invalidate } from "../../api/client.ts";
import { FormErrorSummary, useApiForm } from "../../components/api-form.tsx";
import { type BodyOf, type Offering, RX_READS } from "./rx.ts";

type VoteValues = { kind: string | null; subject: string; description: string };

const LABELS = { kind: "Kind", subject: "Section", description: "What is asked" };

/** A waiver or an amendment put to the Requisite Investors (ECA-1(aa), ECA-20). */
export function ProposeVoteForm({ o }: { o: Offering }) {
  const qc = useQueryClient();
  const form = useApiForm<VoteValues>({
    initialValues: { kind: "waiver", subject: "11(i)", description: "" },
    labels: LABELS,
    validate: (v) => (v.description.trim() ? {} : { description: "Say what the investors are asked" }),
    submit: (v) =>
      call("vote.propose", {
        path: { id: o.id },
        body: { ...v, kind: (v.kind ?? "waiver") as BodyOf<"vote.propose">["kind"] },
      }),
    onSuccess: (_vote, sent) => {
      form.setValues({ ...sent, description: "" });
      return invalidate(qc, ...RX_READS);
    },
  });
  return (
    <Card withBorder component="form" onSubmit={form.onSubmit} noValidate>
      <Stack gap="xs">
        <FormErrorSummary form={form} title="Not proposed" />
        <Group align="flex-start">
          <Select
            label={LABELS.kind}
            data={["waiver", "amendment"]}
            {...form.getInputProps("kind")}
            value={form.values.kind}
            w={140}
          />
          <TextInput label={LABELS.subject} {...form.getInputProps("subject")} w={120} />
          <TextInput label={LABELS.description} {...form.getInputProps("description")} style={{ flex: 1 }} />
          <Button type="submit" mt={25} loading={form.mutation.isPending}>
            Propose vote
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
