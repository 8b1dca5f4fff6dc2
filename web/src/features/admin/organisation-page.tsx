import {
  Button,
  Divider,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useState } from "react";
import { invalidate } from "../../api/client.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { api, fieldErrors } from "../../lib/api.ts";

type Organisation = {
  name: string;
  website: string | null;
  hotlineWeb: string | null;
  hotlineDomestic: string | null;
  hotlineInternational: string | null;
  legalContactName: string | null;
  legalContactPhone: string | null;
  legalContactAddress: string | null;
  can: { update: boolean };
};

type Values = Record<Exclude<keyof Organisation, "can">, string>;

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

export const OrganisationPage = () => {
  const queryClient = useQueryClient();
  const organisation = useQuery({
    queryKey: ["organisation"],
    queryFn: () => api.get<Organisation>("/api/organisation"),
  });
  const [values, setValues] = useState<Values | null>(null);
  useEffect(() => {
    if (organisation.data) setValues(toValues(organisation.data));
  }, [organisation.data]);

  const save = useMutation({
    mutationFn: (input: Values) =>
      api.put<Organisation>(
        "/api/organisation",
        Object.fromEntries(
          Object.entries(input).map(([key, value]) => [
            key,
            key === "name" ? value.trim() : value.trim() || null,
          ]),
        ),
      ),
    onSuccess: async (saved) => {
      queryClient.setQueryData(["organisation"], saved);
      await invalidate(queryClient, "auth.login_info");
      notifications.show({ color: "green", title: "Organisation saved", message: saved.name });
    },
  });
  const errors = fieldErrors(save.error);

  if (organisation.isError) return <ErrorAlert error={organisation.error} />;
  if (!values || !organisation.data) {
    return (
      <Stack>
        <Skeleton height={36} width={300} />
        <Skeleton height={360} />
      </Stack>
    );
  }
  const canUpdate = organisation.data.can.update;
  const field = (key: keyof Values) => ({
    value: values[key],
    onChange: (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      setValues({ ...values, [key]: event.currentTarget.value }),
    error: errors[key],
    readOnly: !canUpdate,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(values);
  };

  return (
    <Stack maw={880}>
      <PageHeader
        title="Organisation"
        description="The company's name and the speak-up channels and Legal Department contact that the Code tells people to use."
      />
      <Paper p="lg">
        <form onSubmit={submit} noValidate>
          <Stack>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label="Organisation name" required {...field("name")} />
              <TextInput label="Website" placeholder="https://" {...field("website")} />
            </SimpleGrid>
            <Divider label="Speak-up hotline" labelPosition="left" mt="sm" />
            <TextInput label="Hotline web address" placeholder="https://" {...field("hotlineWeb")} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label="Domestic phone" {...field("hotlineDomestic")} />
              <TextInput label="International phone" {...field("hotlineInternational")} />
            </SimpleGrid>
            <Divider label="Legal Department contact" labelPosition="left" mt="sm" />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label="Contact name"
                description="e.g. the General Counsel"
                {...field("legalContactName")}
              />
              <TextInput label="Contact phone" {...field("legalContactPhone")} />
            </SimpleGrid>
            <Textarea label="Contact address" autosize minRows={3} {...field("legalContactAddress")} />
            {Object.keys(errors).length ? null : <ErrorAlert error={save.error} />}
            {canUpdate ? (
              <Group justify="flex-end">
                <Button
                  variant="default"
                  onClick={() => setValues(toValues(organisation.data))}
                  disabled={save.isPending}
                >
                  Reset
                </Button>
                <Button type="submit" loading={save.isPending}>
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
      </Paper>
    </Stack>
  );
};
