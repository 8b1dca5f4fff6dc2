import { Badge, Button, Card, Group, List, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { call, invalidate, type Schema, useOp, useOpMutation } from "../../api/client.ts";
import { FormErrorSummary, useApiForm } from "../../components/api-form.tsx";
import { ConfirmModal } from "../../components/confirm-modal.tsx";
import { Empty } from "../../components/empty.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { SubmitGroup } from "../../components/form-actions.tsx";
import { COMMITTEE_READS, fmtDateTime, STATUS_COLOR } from "./committee-ui.ts";

type Committee = Schema<"CommitteeView">;
type Consent = Schema<"WrittenConsentView">;

/**
 * Unanimous written consents in lieu of a meeting: the Secretary (or whoever may record the
 * committee's acts) circulates one to every serving member; it is adopted when the last one signs.
 */
export function ConsentsPanel({ c }: { c: Committee }) {
  const q = useOp("consent.list", { path: { id: c.id } });
  const [signing, setSigning] = useState<Consent | null>(null);
  const sign = useOpMutation("consent.sign", {
    invalidates: COMMITTEE_READS,
    onSuccess: () => setSigning(null),
  });
  const isLoaded = !!q.data;
  useEffect(() => {
    if (isLoaded && window.location.hash.startsWith("#consent-"))
      document.getElementById(window.location.hash.slice(1))?.scrollIntoView();
  }, [isLoaded]);
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data) return null;
  return (
    <Stack>
      <Text size="sm" c="dimmed" maw={820}>
        A written consent is an act of the committee without a meeting: it is circulated to every serving
        member and is adopted, as a resolution of the committee, only when all of them have signed it.
      </Text>
      {c.can["consent.create"] ? <ProposeConsent committeeId={c.id} /> : null}
      {q.data.items.length === 0 ? (
        <Empty
          title="No written consents"
          description="Consents circulated to the members for signature will be listed here."
        />
      ) : null}
      {q.data.items.map((k) => {
        const signed = k.signers.filter((s) => s.signedAt).length;
        return (
          <Card key={k.id} id={`consent-${k.id}`} withBorder data-testid={`consent-${k.title}`}>
            <Stack gap="xs">
              <Group justify="space-between">
                <Group gap="xs">
                  <Text fw={600}>{k.title}</Text>
                  <Badge color={STATUS_COLOR[k.status] ?? "gray"} data-testid="consent-status">
                    {k.status === "effective" ? "adopted" : k.status}
                  </Badge>
                  <Text size="sm" c="dimmed" data-testid="consent-count">
                    {signed} of {k.signers.length} signed
                  </Text>
                </Group>
                {k.canSign ? (
                  <Button size="xs" onClick={() => setSigning(k)}>
                    Sign this consent
                  </Button>
                ) : null}
              </Group>
              <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                {k.text}
              </Text>
              <List size="sm">
                {k.signers.map((s) => (
                  <List.Item key={s.personId}>
                    {s.name}: {s.signedAt ? `signed ${fmtDateTime(s.signedAt)}` : "not yet signed"}
                  </List.Item>
                ))}
              </List>
              {k.status === "effective" && k.effectiveAt ? (
                <Text size="sm" c="green" data-testid="consent-adopted">
                  Adopted by unanimous written consent on {fmtDateTime(k.effectiveAt)}; recorded as a
                  resolution of the committee.
                </Text>
              ) : null}
            </Stack>
          </Card>
        );
      })}
      <ConfirmModal
        opened={signing !== null}
        title="Sign the written consent"
        confirmLabel="I sign"
        loading={sign.isPending}
        error={sign.error}
        onConfirm={() => signing && sign.mutate({ path: { id: signing.id } })}
        onClose={() => {
          setSigning(null);
          sign.reset();
        }}
      >
        <Text size="sm">
          You consent in writing to “{signing?.title}”. Your signature cannot be withdrawn; the consent is
          adopted when every member has signed.
        </Text>
      </ConfirmModal>
    </Stack>
  );
}

function ProposeConsent({ committeeId }: { committeeId: string }) {
  const qc = useQueryClient();
  const circulate = useApiForm<{ title: string; text: string }>({
    initialValues: { title: "", text: "" },
    labels: { title: "Consent title", text: "Resolution text" },
    submit: ({ title, text }) =>
      call("consent.circulate", { path: { id: committeeId }, body: { title, text, dutyKey: null } }),
    onSuccess: async () => {
      await invalidate(qc, ...COMMITTEE_READS);
      circulate.reset();
    },
  });
  return (
    <form onSubmit={circulate.onSubmit} noValidate>
      <Stack gap="xs" maw={720}>
        <Title order={3} size="h4">
          Propose a written consent
        </Title>
        <FormErrorSummary form={circulate} title="Not circulated" />
        <TextInput label="Consent title" {...circulate.getInputProps("title")} required />
        <Textarea
          label="Resolution text"
          description="What the members resolve, e.g. “RESOLVED, that …”"
          {...circulate.getInputProps("text")}
          autosize
          minRows={3}
          required
        />
        <SubmitGroup
          submitting={circulate.mutation.isPending}
          label="Circulate to the members for signature"
        />
      </Stack>
    </form>
  );
}
