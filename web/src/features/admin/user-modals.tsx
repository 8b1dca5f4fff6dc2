import {
  Alert,
  Button,
  Group,
  Modal,
  MultiSelect,
  PasswordInput,
  Stack,
  Switch,
  Text,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { invalidate } from "../../api/client.ts";
import { ConfirmModal } from "../../components/confirm-modal.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { api, fieldErrors } from "../../lib/api.ts";
import { PersonPicker } from "../people/person-picker.tsx";
import { roleOptions, rolesQuery, type User } from "./users-api.ts";

export const CreateUserModal = ({ onClose }: { onClose: () => void }) => {
  const queryClient = useQueryClient();
  const roles = useQuery(rolesQuery);
  const [email, setEmail] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [personId, setPersonId] = useState<string | null>(null);
  const [password, setPassword] = useState("");
  const [selectedRoles, setSelectedRoles] = useState<string[]>([]);
  const create = useMutation({
    mutationFn: () =>
      api.post<User>("/api/users", {
        email: email.trim(),
        displayName: displayName.trim(),
        personId: personId ?? undefined,
        password,
        roles: selectedRoles,
      }),
    onSuccess: async (user) => {
      notifications.show({
        color: "green",
        title: "User created",
        message: user.pendingRoles.length
          ? `${user.email}: ${user.pendingRoles.join(", ")} awaits a second administrator's approval. They must change the password at first sign-in.`
          : `${user.email} must change the password at first sign-in.`,
      });
      await queryClient.invalidateQueries({ queryKey: ["users"] });
      await invalidate(queryClient, "role_grant.list");
      onClose();
    },
  });
  const errors = fieldErrors(create.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <Modal opened onClose={onClose} title={<Text fw={600}>New user</Text>} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label="Email"
            type="email"
            required
            autoComplete="off"
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            error={errors.email}
            data-autofocus
          />
          <TextInput
            label="Display name"
            required
            value={displayName}
            onChange={(event) => setDisplayName(event.currentTarget.value)}
            error={errors.displayName}
          />
          <PersonPicker
            label="Person"
            description="Optional: link the account to someone in the directory"
            value={personId}
            onChange={setPersonId}
            error={errors.personId}
          />
          <PasswordInput
            label="Initial password"
            required
            autoComplete="new-password"
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={errors.password}
          />
          <MultiSelect
            label="Roles"
            placeholder={selectedRoles.length ? undefined : "Select roles"}
            data={roleOptions(roles.data?.items ?? [])}
            value={selectedRoles}
            onChange={setSelectedRoles}
            error={errors.roles}
            searchable
          />
          <Text size="xs" c="dimmed">
            Roles that read speak-up cases, audit or investor data take effect only once another administrator
            approves them (four-eyes); the Audit Committee chair is told.
          </Text>
          {Object.keys(errors).length ? null : <ErrorAlert error={create.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={create.isPending}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Create user
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
};

export const EditUserModal = ({ user, onClose }: { user: User; onClose: () => void }) => {
  const queryClient = useQueryClient();
  const roles = useQuery(rolesQuery);
  const [displayName, setDisplayName] = useState(user.displayName);
  const [selectedRoles, setSelectedRoles] = useState<string[]>(user.roles);
  const [disabled, setDisabled] = useState(user.disabled);
  const [confirming, setConfirming] = useState(false);
  const save = useMutation({
    mutationFn: () =>
      api.patch<User>(`/api/users/${user.id}`, {
        displayName: displayName.trim(),
        roles: selectedRoles,
        disabled,
      }),
    onSuccess: async (saved) => {
      const waiting = saved.pendingRoles.filter((r) => !user.pendingRoles.includes(r));
      notifications.show({
        color: "green",
        title: "User saved",
        message: waiting.length
          ? `${saved.email}: ${waiting.join(", ")} awaits a second administrator's approval.`
          : saved.email,
      });
      await queryClient.invalidateQueries({ queryKey: ["users"] });
      await invalidate(queryClient, "role_grant.list");
      onClose();
    },
  });
  const errors = fieldErrors(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (disabled && !user.disabled) setConfirming(true);
    else save.mutate();
  };
  return (
    <>
      <Modal opened={!confirming} onClose={onClose} title={<Text fw={600}>Edit {user.email}</Text>} size="lg">
        <form onSubmit={submit} noValidate>
          <Stack>
            <TextInput
              label="Display name"
              required
              value={displayName}
              onChange={(event) => setDisplayName(event.currentTarget.value)}
              error={errors.displayName}
            />
            <MultiSelect
              label="Roles"
              data={roleOptions(roles.data?.items ?? [])}
              value={selectedRoles}
              onChange={setSelectedRoles}
              error={errors.roles}
              searchable
            />
            <Text size="xs" c="dimmed">
              Roles that read speak-up cases, audit or investor data take effect only once another
              administrator approves them (four-eyes); the Audit Committee chair is told.
            </Text>
            <Switch
              label="Account disabled"
              description="A disabled user cannot sign in; their history stays."
              checked={disabled}
              onChange={(event) => setDisabled(event.currentTarget.checked)}
              color="red"
            />
            {Object.keys(errors).length ? null : <ErrorAlert error={save.error} />}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose} disabled={save.isPending}>
                Cancel
              </Button>
              <Button type="submit" loading={save.isPending}>
                Save user
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
      <ConfirmModal
        opened={confirming}
        title="Disable user"
        confirmLabel="Disable user"
        color="red"
        loading={save.isPending}
        error={save.error}
        onClose={() => setConfirming(false)}
        onConfirm={() => save.mutate()}
      >
        <Text size="sm">
          Disable <strong>{user.email}</strong>? They are signed out and can no longer sign in until
          re-enabled.
        </Text>
      </ConfirmModal>
    </>
  );
};

export const ResetTotpModal = ({ user, onClose }: { user: User; onClose: () => void }) => {
  const queryClient = useQueryClient();
  const reset = useMutation({
    mutationFn: () => api.post<User>(`/api/users/${user.id}/reset-totp`),
    onSuccess: async () => {
      notifications.show({ color: "green", title: "Authenticator reset", message: user.email });
      await queryClient.invalidateQueries({ queryKey: ["users"] });
      onClose();
    },
  });
  return (
    <ConfirmModal
      opened
      title="Reset two-factor authentication"
      confirmLabel="Reset authenticator"
      color="red"
      loading={reset.isPending}
      error={reset.error}
      onClose={onClose}
      onConfirm={() => reset.mutate()}
    >
      <Stack gap="xs">
        <Text size="sm">
          Remove the authenticator of <strong>{user.email}</strong>?
        </Text>
        <Alert variant="light" color="yellow" p="xs">
          <Text size="sm">
            If their role requires two-factor authentication they must enrol a new authenticator at their next
            sign-in. Only do this after checking who is asking.
          </Text>
        </Alert>
      </Stack>
    </ConfirmModal>
  );
};
