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
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { api, fieldErrors } from "../../lib/api.ts";
import { useMe } from "./me.ts";

type TotpStart = { secret: string; otpauthUrl: string; qrDataUrl: string };
type Proof = { password?: string; code?: string };

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
  const [password, setPassword] = useState("");
  const regenerate = useMutation({
    mutationFn: () => api.post<{ recoveryCodes: string[] }>("/api/auth/recovery-codes", { password }),
    onSuccess: async () => {
      setPassword("");
      await queryClient.invalidateQueries({ queryKey: ["me"] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    regenerate.mutate();
  };
  return (
    <Paper p="lg">
      <Stack>
        <Title order={2} size="h4">
          Recovery codes
        </Title>
        {regenerate.data ? (
          <RecoveryCodes codes={regenerate.data.recoveryCodes} />
        ) : (
          <form onSubmit={submit} noValidate>
            <Stack>
              <Text size="sm">
                You have {left} unused recovery code{left === 1 ? "" : "s"}. New codes replace all the old
                ones.
              </Text>
              <PasswordInput
                label="Your password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(event) => setPassword(event.currentTarget.value)}
                error={fieldErrors(regenerate.error).password}
              />
              {fieldErrors(regenerate.error).password ? null : <ErrorAlert error={regenerate.error} />}
              <Button type="submit" loading={regenerate.isPending} w="fit-content" variant="default">
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
const ConfirmItIsYou = ({
  onProof,
  error,
  pending,
}: {
  onProof: (p: Proof) => void;
  error: unknown;
  pending: boolean;
}) => {
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const errors = fieldErrors(error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onProof(password ? { password } : { code: code.trim() });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack align="flex-start">
        <Alert color="yellow" variant="light" title="You already use an authenticator" w="100%">
          Setting up a new one switches off the authenticator you use now once you confirm a code from the new
          one. Confirm it is you first: your password, or a current code from the authenticator you use now.
        </Alert>
        <PasswordInput
          label="Your password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={errors.password}
          w="100%"
          maw={360}
        />
        <TextInput
          label="Or a current authentication code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={8}
          value={code}
          onChange={(event) => setCode(event.currentTarget.value)}
          error={errors.code}
          w="100%"
          maw={360}
        />
        {errors.password || errors.code ? null : <ErrorAlert error={error} />}
        <Button type="submit" loading={pending} leftSection={<IconShieldLock size={16} />}>
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
  const [code, setCode] = useState("");
  const isReplacing = Boolean(me?.totpEnabled);
  // A query (not an effect) so React's double render in development still starts enrolment once.
  const firstStart = useQuery({
    queryKey: ["totp-start"],
    queryFn: () => api.post<TotpStart>("/api/auth/totp/start"),
    enabled: !isReplacing,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    retry: false,
    refetchOnMount: false,
    refetchOnReconnect: false,
  });
  const replace = useMutation({
    mutationFn: (proof: Proof) => api.post<TotpStart>("/api/auth/totp/start", proof),
  });
  const started = isReplacing ? replace.data : firstStart.data;
  const confirm = useMutation({
    mutationFn: () =>
      api.post<{ ok: true; recoveryCodes: string[] }>("/api/auth/totp/confirm", { code: code.trim() }),
    onSuccess: () => {
      notifications.show({
        color: "green",
        title: "Authenticator enrolled",
        message: "Two-factor sign-in is on.",
      });
    },
  });
  const finish = async () => {
    await queryClient.invalidateQueries({ queryKey: ["me"] });
    await queryClient.refetchQueries({ queryKey: ["me"] });
    await navigate({ to: "/" });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    confirm.mutate();
  };
  const codeError = fieldErrors(confirm.error).code;

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
        {confirm.data ? (
          <RecoveryCodes codes={confirm.data.recoveryCodes} onDone={finish} />
        ) : isReplacing && !started ? (
          <ConfirmItIsYou
            onProof={(p) => replace.mutate(p)}
            error={replace.error}
            pending={replace.isPending}
          />
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
            <form onSubmit={submit} style={{ flex: 1, minWidth: 240 }} noValidate>
              <Stack>
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
                  value={code}
                  onChange={(event) => setCode(event.currentTarget.value)}
                  error={codeError}
                />
                {codeError ? null : <ErrorAlert error={confirm.error} />}
                <Button type="submit" loading={confirm.isPending} leftSection={<IconCheck size={16} />}>
                  Confirm and enable
                </Button>
              </Stack>
            </form>
          </Group>
        )}
      </Paper>
      {isReplacing && !started && !confirm.data ? (
        <RegenerateCodes left={me?.recoveryCodesLeft ?? 0} />
      ) : null}
    </Stack>
  );
};
