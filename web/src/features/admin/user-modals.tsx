import { Alert, MultiSelect, PasswordInput, Stack, Switch, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { type Args, call, invalidate, useOpMutation } from "../../api/client.ts";
import { type ApiForm, useApiForm } from "../../components/api-form.tsx";

type InputProps = ReturnType<ApiForm<Record<string, unknown>>["getInputProps"]>;

import { ConfirmModal } from "../../components/confirm-modal.tsx";
import { FormDialog } from "../../components/form-dialog.tsx";
import { PersonPicker } from "../people/person-picker.tsx";
import { roleOptions, rolesQuery, USER_READS, type User } from "./users-api.ts";

type RoleName = NonNullable<Args<"user.create">["body"]["roles"]>[number];

const USER_LABELS = {
  email: "Email",
  displayName: "Display name",
  personId: "Person",
  password: "Initial password",
  roles: "Roles",
  disabled: "Account disabled",
};

const FOUR_EYES_NOTE =
  "Roles that read speak-up cases, audit or investor data take effect only once another administrator approves them (four-eyes); the Audit Committee chair is told.";

/** The roles select of both user dialogs (its value and errors from the dialog's form). */
const RolesField = ({ inputProps, placeholder }: { inputProps: InputProps; placeholder?: string }) => {
  const roles = useQuery(rolesQuery);
  return (
    <>
      <MultiSelect
        label={USER_LABELS.roles}
        placeholder={placeholder}
        data={roleOptions(roles.data?.items ?? [])}
        {...inputProps}
        searchable
      />
      <Text size="xs" c="dimmed">
        {FOUR_EYES_NOTE}
      </Text>
    </>
  );
};

export const CreateUserModal = ({ onClose }: { onClose: () => void }) => {
  const queryClient = useQueryClient();
  const form = useApiForm({
    initialValues: {
      email: "",
      displayName: "",
      personId: null as string | null,
      password: "",
      roles: [] as string[],
    },
    labels: USER_LABELS,
    submit: (values) =>
      call("user.create", {
        body: {
          email: values.email.trim(),
          displayName: values.displayName.trim(),
          personId: values.personId ?? undefined,
          password: values.password,
          roles: values.roles as RoleName[],
        },
      }),
    onSuccess: async (user) => {
      notifications.show({
        color: "green",
        title: "User created",
        message: user.pendingRoles.length
          ? `${user.email}: ${user.pendingRoles.join(", ")} awaits a second administrator's approval. They must change the password at first sign-in.`
          : `${user.email} must change the password at first sign-in.`,
      });
      await invalidate(queryClient, ...USER_READS);
      onClose();
    },
  });
  return (
    <FormDialog form={form} title="New user" submitLabel="Create user" onClose={onClose} size="lg">
      <TextInput
        label="Email"
        type="email"
        required
        autoComplete="off"
        {...form.getInputProps("email")}
        data-autofocus
      />
      <TextInput label="Display name" required {...form.getInputProps("displayName")} />
      <PersonPicker
        id={form.fieldId("personId")}
        label="Person"
        description="Optional: link the account to someone in the directory"
        value={form.values.personId}
        onChange={(value) => form.setValue("personId", value)}
        error={form.errors.personId}
      />
      <PasswordInput
        label="Initial password"
        required
        autoComplete="new-password"
        {...form.getInputProps("password")}
      />
      <RolesField
        inputProps={form.getInputProps("roles")}
        placeholder={form.values.roles.length ? undefined : "Select roles"}
      />
    </FormDialog>
  );
};

export const EditUserModal = ({ user, onClose }: { user: User; onClose: () => void }) => {
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const form = useApiForm({
    initialValues: { displayName: user.displayName, roles: user.roles as string[], disabled: user.disabled },
    labels: USER_LABELS,
    submit: (values) =>
      call("user.update", {
        path: { id: user.id },
        body: {
          displayName: values.displayName.trim(),
          roles: values.roles as RoleName[],
          disabled: values.disabled,
        },
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
      await invalidate(queryClient, ...USER_READS);
      onClose();
    },
  });
  // Disabling signs the user out: it is asked once more before it is sent.
  const isDisabling = form.values.disabled && !user.disabled;
  return (
    <>
      <FormDialog
        form={form}
        title={`Edit ${user.email}`}
        submitLabel="Save user"
        onClose={onClose}
        size="lg"
        opened={!confirming}
        onSubmit={(event) => {
          if (!isDisabling) return form.onSubmit(event);
          event.preventDefault();
          setConfirming(true);
        }}
      >
        <TextInput label="Display name" required {...form.getInputProps("displayName")} />
        <RolesField inputProps={form.getInputProps("roles")} />
        <Switch
          label="Account disabled"
          description="A disabled user cannot sign in; their history stays."
          {...form.getInputProps("disabled", { type: "checkbox" })}
          color="red"
        />
      </FormDialog>
      <ConfirmModal
        opened={confirming}
        title="Disable user"
        confirmLabel="Disable user"
        color="red"
        loading={form.mutation.isPending}
        error={form.mutation.error}
        onClose={() => setConfirming(false)}
        onConfirm={() => form.onSubmit()}
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
  const reset = useOpMutation("user.totp.reset", {
    invalidates: ["user.list"],
    onSuccess: () => {
      notifications.show({ color: "green", title: "Authenticator reset", message: user.email });
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
      onConfirm={() => reset.mutate({ path: { id: user.id } })}
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
