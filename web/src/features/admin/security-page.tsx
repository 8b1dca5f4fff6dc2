import { NumberInput, Stack, Switch } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { call, invalidate, opKey, type Schema, useOp } from "../../api/client.ts";
import { FormErrorSummary, useApiForm } from "../../components/api-form.tsx";
import { SubmitRow } from "../../components/form-actions.tsx";
import { SettingsPage } from "./settings-page.tsx";

type SecuritySettings = Schema<"SecuritySettingsView">;

const LABELS = {
  totpRequiredForPrivileged: "Require two-factor authentication (TOTP) for privileged roles",
  idleTimeoutMinutes: "Idle timeout (minutes)",
  absoluteTimeoutHours: "Absolute timeout (hours)",
};

const SecurityForm = ({ settings }: { settings: SecuritySettings }) => {
  const queryClient = useQueryClient();
  const form = useApiForm({
    initialValues: settings,
    labels: LABELS,
    submit: (body) => call("settings.security.update", { body }),
    onSuccess: async (saved) => {
      queryClient.setQueryData(opKey("settings.security.read", {}), saved);
      await invalidate(queryClient, "auth.login_info");
      notifications.show({
        color: "green",
        title: "Security settings saved",
        message: "They apply to new sign-ins.",
      });
    },
  });
  const number = (key: "idleTimeoutMinutes" | "absoluteTimeoutHours") => ({
    label: LABELS[key],
    ...form.getInputProps(key),
    onChange: (value: string | number) => form.setValue(key, Number(value) || 0),
    allowDecimal: false,
    maw: 260,
  });
  return (
    <form onSubmit={form.onSubmit} noValidate>
      <Stack>
        <FormErrorSummary form={form} />
        <Switch
          label={LABELS.totpRequiredForPrivileged}
          description="Users with a privileged role must enrol an authenticator app before they can do anything else."
          {...form.getInputProps("totpRequiredForPrivileged", { type: "checkbox" })}
        />
        <NumberInput
          description="Sign a user out after this long without activity."
          min={1}
          max={1440}
          {...number("idleTimeoutMinutes")}
        />
        <NumberInput
          description="Sign a user out this long after they signed in, whatever they do."
          min={1}
          max={720}
          {...number("absoluteTimeoutHours")}
        />
        <SubmitRow submitting={form.mutation.isPending}>Save settings</SubmitRow>
      </Stack>
    </form>
  );
};

export const SecurityPage = () => (
  <SettingsPage
    title="Security settings"
    description="Sign-in rules for every user of this installation."
    maw={640}
    query={useOp("settings.security.read", {})}
  >
    {(settings) => <SecurityForm settings={settings} />}
  </SettingsPage>
);
