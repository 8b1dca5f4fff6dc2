import { Button, Divider, Group, SimpleGrid, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { type Args, call, invalidate, opKey, type Schema, useOp } from "../../api/client.ts";
import { FormErrorSummary, useApiForm } from "../../components/api-form.tsx";
import { SettingsPage } from "./settings-page.tsx";

type Organisation = Schema<"OrganisationView">;

type Values = Record<Exclude<keyof Organisation, "can">, string>;

const LABELS: Record<keyof Values, string> = {
  name: "Organisation name",
  website: "Website",
  hotlineWeb: "Hotline web address",
  hotlineDomestic: "Domestic phone",
  hotlineInternational: "International phone",
  legalContactName: "Contact name",
  legalContactPhone: "Contact phone",
  legalContactAddress: "Contact address",
};

const toValues = (organisation: Organisation): Values => ({
  name: organisation.name,
  website: organisation.website ?? "",
  hotlineWeb: organisation.hotlineWeb ?? "",
  hotlineDomestic: organisation.hotlineDomestic ?? "",
  hotlineInternational: organisation.hotlineInternational ?? "",
  legalContactName: organisation.legalContactName ?? "",
  legalContactPhone: organisation.legalContactPhone ?? "",
  legalContactAddress: organisation.legalContactAddress ?? "",
});

/** The form once the organisation has loaded (its values start from what is saved). */
const OrganisationForm = ({ organisation }: { organisation: Organisation }) => {
  const queryClient = useQueryClient();
  const form = useApiForm({
    initialValues: toValues(organisation),
    labels: LABELS,
    submit: (values) =>
      call("organisation.update", {
        body: Object.fromEntries(
          Object.entries(values).map(([key, value]) => [
            key,
            key === "name" ? value.trim() : value.trim() || null,
          ]),
        ) as Args<"organisation.update">["body"],
      }),
    onSuccess: async (saved) => {
      queryClient.setQueryData(opKey("organisation.read", {}), saved);
      form.reset(toValues(saved));
      await invalidate(queryClient, "auth.login_info");
      notifications.show({ color: "green", title: "Organisation saved", message: saved.name });
    },
  });
  const canUpdate = organisation.can.update;
  const field = (key: keyof Values) => ({
    label: LABELS[key],
    ...form.getInputProps(key),
    readOnly: !canUpdate,
  });
  return (
    <form onSubmit={form.onSubmit} noValidate>
      <Stack>
        <FormErrorSummary form={form} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput required {...field("name")} />
          <TextInput placeholder="https://" {...field("website")} />
        </SimpleGrid>
        <Divider label="Speak-up hotline" labelPosition="left" mt="sm" />
        <TextInput placeholder="https://" {...field("hotlineWeb")} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput {...field("hotlineDomestic")} />
          <TextInput {...field("hotlineInternational")} />
        </SimpleGrid>
        <Divider label="Legal Department contact" labelPosition="left" mt="sm" />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput description="e.g. the General Counsel" {...field("legalContactName")} />
          <TextInput {...field("legalContactPhone")} />
        </SimpleGrid>
        <Textarea autosize minRows={3} {...field("legalContactAddress")} />
        {canUpdate ? (
          <Group justify="flex-end">
            <Button variant="default" onClick={() => form.reset()} disabled={form.mutation.isPending}>
              Reset
            </Button>
            <Button type="submit" loading={form.mutation.isPending}>
              Save organisation
            </Button>
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            You can view these settings but not change them.
          </Text>
        )}
      </Stack>
    </form>
  );
};

export const OrganisationPage = () => (
  <SettingsPage
    title="Organisation"
    description="The company's name and the speak-up channels and Legal Department contact that the Code tells people to use."
    maw={880}
    query={useOp("organisation.read", {})}
  >
    {(organisation) => <OrganisationForm organisation={organisation} />}
  </SettingsPage>
);
