import { Button, Card, Group, Stack, Text } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { type ApiForm, FormErrorSummary } from "../../components/api-form.tsx";

type Props<V extends Record<string, unknown>, R> = {
  form: ApiForm<V, R>;
  title: string;
  submitLabel: string;
  /** What the last save recorded, in a sentence. */
  saved: ReactNode;
  children: ReactNode;
};

/** The card of an export-controls record form: title, error summary, fields, what was saved and the button. */
export function ExportFormCard<V extends Record<string, unknown>, R>({
  form,
  title,
  submitLabel,
  saved,
  children,
}: Props<V, R>) {
  const titleId = `${form.id}-title`;
  return (
    <Card withBorder>
      <form onSubmit={form.onSubmit} noValidate aria-labelledby={titleId}>
        <Stack gap="sm">
          <Text fw={600} id={titleId}>
            {title}
          </Text>
          <FormErrorSummary form={form} />
          {children}
          <Group justify="space-between">
            {saved ? (
              <Text size="sm" role="status">
                {saved}
              </Text>
            ) : (
              <span />
            )}
            <Button type="submit" loading={form.mutation.isPending} leftSection={<IconPlus size={16} />}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

/** A text input's props that keep what is typed in capitals (ECCNs, ISO country and currency codes). */
export const upperCaseProps = <V extends Record<string, unknown>, R>(form: ApiForm<V, R>, path: string) => ({
  ...form.getInputProps(path),
  onChange: (e: React.ChangeEvent<HTMLInputElement>) =>
    form.setValue(path, e.currentTarget.value.toUpperCase()),
});
