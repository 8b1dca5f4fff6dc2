import { Button, Group, NumberInput, Paper, Skeleton, Stack, Switch } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useState } from "react";
import { invalidate } from "../../api/client.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { api, fieldErrors } from "../../lib/api.ts";

type SecuritySettings = {
  totpRequiredForPrivileged: boolean;
  idleTimeoutMinutes: number;
  absoluteTimeoutHours: number;
};

export const SecurityPage = () => {
  const queryClient = useQueryClient();
  const settings = useQuery({
    queryKey: ["settings", "security"],
    queryFn: () => api.get<SecuritySettings>("/api/settings/security"),
  });
  const [values, setValues] = useState<SecuritySettings | null>(null);
  useEffect(() => {
    if (settings.data) setValues(settings.data);
  }, [settings.data]);
  const save = useMutation({
    mutationFn: (input: SecuritySettings) => api.put<SecuritySettings>("/api/settings/security", input),
    onSuccess: async (saved) => {
      queryClient.setQueryData(["settings", "security"], saved);
      await invalidate(queryClient, "auth.login_info");
      notifications.show({
        color: "green",
        title: "Security settings saved",
        message: "They apply to new sign-ins.",
      });
    },
  });
  const errors = fieldErrors(save.error);

  if (settings.isError) return <ErrorAlert error={settings.error} />;
  if (!values) return <Skeleton height={260} />;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(values);
  };
  return (
    <Stack maw={640}>
      <PageHeader
        title="Security settings"
        description="Sign-in rules for every user of this installation."
      />
      <Paper p="lg">
        <form onSubmit={submit} noValidate>
          <Stack>
            <Switch
              label="Require two-factor authentication (TOTP) for privileged roles"
              description="Users with a privileged role must enrol an authenticator app before they can do anything else."
              checked={values.totpRequiredForPrivileged}
              onChange={(event) =>
                setValues({ ...values, totpRequiredForPrivileged: event.currentTarget.checked })
              }
              error={errors.totpRequiredForPrivileged}
            />
            <NumberInput
              label="Idle timeout (minutes)"
              description="Sign a user out after this long without activity."
              min={1}
              max={1440}
              allowDecimal={false}
              value={values.idleTimeoutMinutes}
              onChange={(value) => setValues({ ...values, idleTimeoutMinutes: Number(value) || 0 })}
              error={errors.idleTimeoutMinutes}
              maw={260}
            />
            <NumberInput
              label="Absolute timeout (hours)"
              description="Sign a user out this long after they signed in, whatever they do."
              min={1}
              max={720}
              allowDecimal={false}
              value={values.absoluteTimeoutHours}
              onChange={(value) => setValues({ ...values, absoluteTimeoutHours: Number(value) || 0 })}
              error={errors.absoluteTimeoutHours}
              maw={260}
            />
            {Object.keys(errors).length ? null : <ErrorAlert error={save.error} />}
            <Group justify="flex-end">
              <Button type="submit" loading={save.isPending}>
                Save settings
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
};
