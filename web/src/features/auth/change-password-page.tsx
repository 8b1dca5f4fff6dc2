import { Alert, Button, Paper, PasswordInput, Stack } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconKey } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { call } from "../../api/client.ts";
import { FormErrorSummary, useApiForm } from "../../components/api-form.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { fetchMe, meQuery, requiredAccountStep, useMe } from "./me.ts";

const EMPTY = { currentPassword: "", newPassword: "", repeat: "" };

export const ChangePasswordPage = () => {
  const { data: me } = useMe();
  const isForced = Boolean(me?.mustChangePassword);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const form = useApiForm({
    initialValues: EMPTY,
    labels: {
      currentPassword: isForced ? "Password you were given" : "Current password",
      newPassword: "New password",
      repeat: "Repeat new password",
    },
    validate: (values) =>
      values.newPassword === values.repeat ? {} : { repeat: "The two passwords do not match" },
    submit: ({ currentPassword, newPassword }) =>
      call("auth.password.change", { body: { currentPassword, newPassword } }),
    onSuccess: async () => {
      notifications.show({
        color: "green",
        title: "Password changed",
        message: "Use the new password next time.",
      });
      form.reset(EMPTY);
      if (isForced) {
        const next = await fetchMe();
        queryClient.setQueryData(meQuery.queryKey, next);
        await navigate({ to: requiredAccountStep(next) ?? "/" });
      }
    },
  });
  return (
    <Stack maw={520}>
      <PageHeader
        title="Change password"
        description="Choose a long password you do not use anywhere else."
      />
      {isForced ? (
        <Alert color="probity" variant="light" icon={<IconKey size={18} />} title="Choose your own password">
          An administrator set your first password, so only you should know the next one. Enter the password
          you were given, then a new one; everything else opens once it is changed.
        </Alert>
      ) : null}
      <Paper p="lg">
        <form onSubmit={form.onSubmit} noValidate>
          <Stack>
            <FormErrorSummary form={form} />
            <PasswordInput
              label={form.labels.currentPassword}
              autoComplete="current-password"
              required
              {...form.getInputProps("currentPassword")}
            />
            <PasswordInput
              label={form.labels.newPassword}
              autoComplete="new-password"
              required
              {...form.getInputProps("newPassword")}
            />
            <PasswordInput
              label={form.labels.repeat}
              autoComplete="new-password"
              required
              {...form.getInputProps("repeat")}
            />
            <Button type="submit" loading={form.mutation.isPending} w="fit-content">
              Change password
            </Button>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
};
