import {
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  Image,
  Paper,
  PasswordInput,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconCheck, IconKey, IconShieldLock } from "@tabler/icons-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { call, invalidate, opKey, type Result } from "../../api/client.ts";
import { FormErrorSummary, useApiForm } from "../../components/api-form.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { meQuery, useMe } from "./me.ts";

type TotpStart = Result<"auth.totp.start">;

/** Recovery codes are shown once: the server keeps only their hashes. */
const RecoveryCodes = ({ codes, onDone }: { codes: string[]; onDone?: () => void }) => (
  <Stack>
    <Alert color="yellow" variant="light" icon={<IconKey size={18} />} title="Save your recovery codes now">
      Each code signs you in once instead of an authenticator code, if you lose your phone. They are shown
      only this time: print them or keep them in a password manager.
    </Alert>
    <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" aria-label="Recovery codes">
      {codes.map((c) => (
        <Code key={c} fz="md" ta="center">
          {c}
        </Code>
      ))}
    </SimpleGrid>
    <Group>
      <CopyButton value={codes.join("\n")}>
        {({ copied, copy }) => (
          <Button variant="default" onClick={copy}>
            {copied ? "Copied" : "Copy all"}
          </Button>
        )}
      </CopyButton>
      {onDone ? (
        <Button onClick={onDone} leftSection={<IconCheck size={16} />}>
          I have saved them, continue
        </Button>
      ) : null}
    </Group>
  </Stack>
);

/** Regenerating needs the password: the old codes stop working at once. */
const RegenerateCodes = ({ left }: { left: number }) => {
  const queryClient = useQueryClient();
  const form = useApiForm({
    initialValues: { password: "" },
    labels: { password: "Your password" },
    submit: (body) => call("auth.recovery_codes.regenerate", { body }),
    onSuccess: () => invalidate(queryClient, "auth.me"),
  });
  const regenerated = form.mutation.data;
  return (
    <Paper p="lg">
      <Stack>
        <Title order={2} size="h4">
          Recovery codes
        </Title>
        {regenerated ? (
          <RecoveryCodes codes={regenerated.recoveryCodes} />
        ) : (
          <form onSubmit={form.onSubmit} noValidate>
            <Stack>
              <Text size="sm">
                You have {left} unused recovery code{left === 1 ? "" : "s"}. New codes replace all the old
                ones.
              </Text>
              <FormErrorSummary form={form} />
              <PasswordInput
                label="Your password"
                autoComplete="current-password"
                required
                {...form.getInputProps("password")}
              />
              <Button type="submit" loading={form.mutation.isPending} w="fit-content" variant="default">
                Generate new recovery codes
              </Button>
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
};

/** Replacing an authenticator needs the password or a current code, not just the session. */
const ConfirmItIsYou = ({ onStarted }: { onStarted: (started: TotpStart) => void }) => {
  const form = useApiForm({
    initialValues: { password: "", code: "" },
    labels: { password: "Your password", code: "Or a current authentication code" },
    submit: ({ password, code }) =>
      call("auth.totp.start", { body: password ? { password } : { code: code.trim() } }),
    onSuccess: onStarted,
  });
  return (
    <form onSubmit={form.onSubmit} noValidate>
      <Stack align="flex-start">
        <Alert color="yellow" variant="light" title="You already use an authenticator" w="100%">
          Setting up a new one switches off the authenticator you use now once you confirm a code from the new
          one. Confirm it is you first: your password, or a current code from the authenticator you use now.
        </Alert>
        <FormErrorSummary form={form} />
        <PasswordInput
          label="Your password"
          autoComplete="current-password"
          {...form.getInputProps("password")}
          w="100%"
          maw={360}
        />
        <TextInput
          label="Or a current authentication code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={8}
          {...form.getInputProps("code")}
          w="100%"
          maw={360}
        />
        <Button type="submit" loading={form.mutation.isPending} leftSection={<IconShieldLock size={16} />}>
          Set up a new authenticator
        </Button>
      </Stack>
    </form>
  );
};

export const TotpEnrolPage = () => {
  const { data: me } = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [replaced, setReplaced] = useState<TotpStart | undefined>();
  const isReplacing = Boolean(me?.totpEnabled);
  // A query (not an effect) so React's double render in development still starts enrolment once.
  const firstStart = useQuery({
    queryKey: opKey("auth.totp.start"),
    queryFn: () => call("auth.totp.start", { body: {} }),
    enabled: !isReplacing,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    retry: false,
    refetchOnMount: false,
    refetchOnReconnect: false,
  });
  const started = isReplacing ? replaced : firstStart.data;
  const confirm = useApiForm({
    initialValues: { code: "" },
    labels: { code: "Authentication code" },
    submit: ({ code }) => call("auth.totp.enrol", { body: { code: code.trim() } }),
    onSuccess: () => {
      notifications.show({
        color: "green",
        title: "Authenticator enrolled",
        message: "Two-factor sign-in is on.",
      });
    },
  });
  const enrolled = confirm.mutation.data;
  const finish = async () => {
    await invalidate(queryClient, "auth.me");
    await queryClient.refetchQueries({ queryKey: meQuery.queryKey });
    await navigate({ to: "/" });
  };

  return (
    <Stack maw={640}>
      <PageHeader
        title="Set up two-factor authentication"
        description="Scan the QR code with an authenticator app (1Password, Google Authenticator, Microsoft Authenticator…) and enter the 6-digit code it shows."
      />
      {me?.mustEnrolTotp ? (
        <Alert
          color="probity"
          variant="light"
          icon={<IconShieldLock size={18} />}
          title="Required for your role"
        >
          Your role can see or change sensitive records, so two-factor authentication is required before you
          can continue.
        </Alert>
      ) : null}
      <Paper p="lg">
        {enrolled ? (
          <RecoveryCodes codes={enrolled.recoveryCodes} onDone={finish} />
        ) : isReplacing && !started ? (
          <ConfirmItIsYou onStarted={setReplaced} />
        ) : !started && firstStart.isError ? (
          <ErrorAlert error={firstStart.error} />
        ) : !started ? (
          <Group align="flex-start">
            <Skeleton height={200} width={200} />
            <Stack flex={1}>
              <Skeleton height={20} />
              <Skeleton height={36} />
            </Stack>
          </Group>
        ) : (
          <Group align="flex-start" gap="xl" wrap="wrap">
            <Image
              src={started.qrDataUrl}
              alt="QR code to add Probity to your authenticator app"
              w={200}
              h={200}
              fit="contain"
              style={{ border: "1px solid var(--mantine-color-gray-3)", borderRadius: 8 }}
            />
            <form onSubmit={confirm.onSubmit} style={{ flex: 1, minWidth: 240 }} noValidate>
              <Stack>
                <FormErrorSummary form={confirm} />
                <div>
                  <Text size="sm" fw={500}>
                    Can't scan? Enter this secret instead:
                  </Text>
                  <Group gap="xs" mt={4} wrap="nowrap">
                    <Code fz="sm" style={{ wordBreak: "break-all" }} aria-label="TOTP secret">
                      {started.secret}
                    </Code>
                    <CopyButton value={started.secret}>
                      {({ copied, copy }) => (
                        <Button size="compact-xs" variant="subtle" onClick={copy}>
                          {copied ? "Copied" : "Copy"}
                        </Button>
                      )}
                    </CopyButton>
                  </Group>
                </div>
                <TextInput
                  label="Authentication code"
                  description="The 6-digit code from your app"
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={8}
                  required
                  {...confirm.getInputProps("code")}
                />
                <Button
                  type="submit"
                  loading={confirm.mutation.isPending}
                  leftSection={<IconCheck size={16} />}
                >
                  Confirm and enable
                </Button>
              </Stack>
            </form>
          </Group>
        )}
      </Paper>
      {isReplacing && !started && !enrolled ? <RegenerateCodes left={me?.recoveryCodesLeft ?? 0} /> : null}
    </Stack>
  );
};
