import {
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  Image,
  Paper,
  Skeleton,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconCheck, IconShieldLock } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { api, fieldErrors } from "../../lib/api.ts";
import { useMe } from "./me.ts";

type TotpStart = { secret: string; otpauthUrl: string; qrDataUrl: string };

export const TotpEnrolPage = () => {
  const { data: me } = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [code, setCode] = useState("");
  // Starting enrolment replaces the current authenticator, so someone who has one must ask for it.
  const [isStarted, setStarted] = useState(!me?.totpEnabled);
  // A query (not an effect) so React's double render in development still starts enrolment once.
  const start = useQuery({
    queryKey: ["totp-start"],
    queryFn: () => api.post<TotpStart>("/api/auth/totp/start"),
    enabled: isStarted,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    retry: false,
    refetchOnMount: false,
    refetchOnReconnect: false,
  });
  const confirm = useMutation({
    mutationFn: () => api.post<{ ok: true }>("/api/auth/totp/confirm", { code: code.trim() }),
    onSuccess: async () => {
      notifications.show({
        color: "green",
        title: "Authenticator enrolled",
        message: "Two-factor sign-in is on.",
      });
      await queryClient.invalidateQueries({ queryKey: ["me"] });
      await queryClient.refetchQueries({ queryKey: ["me"] });
      await navigate({ to: "/" });
    },
  });
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
        {!isStarted ? (
          <Stack align="flex-start">
            <Alert color="yellow" variant="light" title="You already use an authenticator" w="100%">
              Setting up a new one switches off the authenticator you use now until you confirm a code from
              the new one.
            </Alert>
            <Button onClick={() => setStarted(true)} leftSection={<IconShieldLock size={16} />}>
              Set up a new authenticator
            </Button>
          </Stack>
        ) : start.isPending ? (
          <Group align="flex-start">
            <Skeleton height={200} width={200} />
            <Stack flex={1}>
              <Skeleton height={20} />
              <Skeleton height={36} />
            </Stack>
          </Group>
        ) : start.isError ? (
          <ErrorAlert error={start.error} />
        ) : (
          <Group align="flex-start" gap="xl" wrap="wrap">
            <Image
              src={start.data.qrDataUrl}
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
                      {start.data.secret}
                    </Code>
                    <CopyButton value={start.data.secret}>
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
    </Stack>
  );
};
