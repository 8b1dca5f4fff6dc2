import { Alert, Button, Paper, PasswordInput, Stack } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconKey } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { api, fieldErrors } from "../../lib/api.ts";
import { fetchMe, requiredAccountStep, useMe } from "./me.ts";

export const ChangePasswordPage = () => {
  const { data: me } = useMe();
  const isForced = Boolean(me?.mustChangePassword);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [currentPassword, setCurrentPassword] = useState("");
  const [newPassword, setNewPassword] = useState("");
  const [repeat, setRepeat] = useState("");
  const [mismatch, setMismatch] = useState(false);
  const change = useMutation({
    mutationFn: () => api.post<{ ok: true }>("/api/auth/password", { currentPassword, newPassword }),
    onSuccess: async () => {
      notifications.show({
        color: "green",
        title: "Password changed",
        message: "Use the new password next time.",
      });
      setCurrentPassword("");
      setNewPassword("");
      setRepeat("");
      if (isForced) {
        const next = await fetchMe();
        queryClient.setQueryData(["me"], next);
        await navigate({ to: requiredAccountStep(next) ?? "/" });
      }
    },
  });
  const errors = fieldErrors(change.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const isMismatch = newPassword !== repeat;
    setMismatch(isMismatch);
    if (!isMismatch) change.mutate();
  };
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
        <form onSubmit={submit} noValidate>
          <Stack>
            <PasswordInput
              label={isForced ? "Password you were given" : "Current password"}
              autoComplete="current-password"
              required
              value={currentPassword}
              onChange={(event) => setCurrentPassword(event.currentTarget.value)}
              error={errors.currentPassword}
            />
            <PasswordInput
              label="New password"
              autoComplete="new-password"
              required
              value={newPassword}
              onChange={(event) => setNewPassword(event.currentTarget.value)}
              error={errors.newPassword}
            />
            <PasswordInput
              label="Repeat new password"
              autoComplete="new-password"
              required
              value={repeat}
              onChange={(event) => setRepeat(event.currentTarget.value)}
              error={mismatch ? "The two passwords do not match" : undefined}
            />
            {Object.keys(errors).length ? null : <ErrorAlert error={change.error} />}
            <Button type="submit" loading={change.isPending} w="fit-content">
              Change password
            </Button>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
};
