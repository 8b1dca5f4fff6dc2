import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { IconInfoCircle, IconLock } from "@tabler/icons-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { useState } from "react";
import { type Args, call, type Result } from "../../api/client.ts";
import { FormErrorSummary, useApiForm } from "../../components/api-form.tsx";
import { DataTable, loadedRows } from "../../components/data-table.tsx";
import { usePageTitle } from "../../components/page-title.ts";
import { setCsrfToken } from "../../lib/api.ts";
import { humanise } from "../../lib/format.ts";
import { withProofOfWork } from "../../lib/proof-of-work.ts";
import { fetchMe, type LoginInfo, loginInfoQuery, meQuery, requiredAccountStep } from "./me.ts";

type Credentials = Omit<Args<"auth.login">["body"], "pow">;
type SignInValues = { email: string; password: string; code: string };
const EMPTY: SignInValues = { email: "", password: "", code: "" };

const DemoAccounts = ({
  info,
  onUse,
}: {
  info: LoginInfo;
  onUse: (email: string, password: string) => void;
}) => (
  <Paper p="md" mt="lg" w="100%">
    <Stack gap="xs">
      <Group justify="space-between">
        <Text fw={600}>Demo accounts</Text>
        <Badge variant="light">Demo mode</Badge>
      </Group>
      <Text size="sm" c="dimmed">
        This installation runs with demo data. Pick an account to fill in the sign-in form.
      </Text>
      {!info.totpRequiredForPrivileged ? (
        <Alert variant="light" color="yellow" icon={<IconInfoCircle size={18} />} p="xs">
          <Text size="sm">
            Two-factor authentication is not required for privileged roles in this demo. In production, keep
            it on (Admin → Security settings).
          </Text>
        </Alert>
      ) : null}
      <DataTable
        label="Demo accounts"
        inPaper={false}
        minWidth={520}
        query={loadedRows(info.demoAccounts)}
        rowKey={(account) => account.email}
        empty={{ title: "No demo accounts" }}
        tableProps={{ highlightOnHover: false }}
        columns={[
          { key: "email", header: "Email", cell: (account) => account.email },
          {
            key: "roles",
            header: "Who",
            cell: (account) => <Text size="sm">{account.roles.map(humanise).join(", ")}</Text>,
          },
          {
            key: "password",
            header: "Password",
            cell: (account) => (
              <Text ff="monospace" size="xs" style={{ whiteSpace: "nowrap" }}>
                {account.password}
              </Text>
            ),
          },
          {
            key: "action",
            header: "Action",
            isHeaderHidden: true,
            cell: (account) => (
              <Button
                size="compact-xs"
                variant="light"
                onClick={() => onUse(account.email, account.password)}
                aria-label={`Use ${account.email}`}
              >
                Use
              </Button>
            ),
          },
        ]}
      />
    </Stack>
  </Paper>
);

export const LoginPage = () => {
  const navigate = useNavigate();
  const search = useSearch({ strict: false }) as { redirect?: string };
  const queryClient = useQueryClient();
  const info = useQuery(loginInfoQuery);
  const [step, setStep] = useState<"password" | "totp">("password");
  const [isRecovery, setRecovery] = useState(false);
  usePageTitle(step === "totp" ? "Two-factor authentication" : "Sign in");

  const credentials = ({ email, password, code }: SignInValues): Credentials =>
    step === "password"
      ? { email, password }
      : isRecovery
        ? { email, password, recoveryCode: code.trim() }
        : { email, password, totp: code.trim() };
  const form = useApiForm<SignInValues, Result<"auth.login">>({
    initialValues: EMPTY,
    labels: {
      email: "Email",
      password: "Password",
      code: isRecovery ? "Recovery code" : "Authentication code",
    },
    // The code is sent as `totp` or `recoveryCode`; both are the one code field.
    mapPath: (serverPath) => (/(^|\.)(totp|recoveryCode)$/.test(serverPath) ? "code" : undefined),
    submit: (values) => {
      const body = credentials(values);
      return withProofOfWork((pow) => call("auth.login", { body: pow ? { ...body, pow } : body }));
    },
    onSuccess: async (result) => {
      if (result.status === "totp_required") {
        setStep("totp");
        return;
      }
      setCsrfToken(result.csrfToken);
      // The sign-in answer carries only the CSRF token (LoginResultView): ask who signed in.
      const me = await fetchMe();
      queryClient.setQueryData(meQuery.queryKey, me);
      await navigate({ to: requiredAccountStep(me) ?? search.redirect ?? "/" });
    },
  });

  const { email } = form.values;
  /** Back to the first step with these credentials (kept by default), no code and no errors. */
  const backToPassword = (values: SignInValues = { ...form.values, code: "" }) => {
    setStep("password");
    setRecovery(false);
    form.reset(values);
  };

  return (
    <Box bg="var(--probity-page-bg)" mih="100vh" py={48} px="md">
      <Center>
        <Stack w="100%" maw={680} gap={0} align="center">
          <Stack gap={2} align="center" mb="lg">
            <Text fw={800} size="xl" c="probity.8" style={{ letterSpacing: "-0.02em" }}>
              Probity
            </Text>
            {info.isPending ? (
              <Skeleton height={22} width={240} />
            ) : (
              <Text size="lg" fw={500}>
                {info.data?.organisationName ?? "Governance, ethics and compliance"}
              </Text>
            )}
          </Stack>
          <Paper p="xl" shadow="xs" w="100%" maw={440}>
            <form onSubmit={form.onSubmit} noValidate>
              <Stack>
                <Title order={1} size="h3">
                  {step === "totp" ? "Two-factor authentication" : "Sign in"}
                </Title>
                {step === "password" ? (
                  <>
                    <TextInput
                      label="Email"
                      type="email"
                      autoComplete="username"
                      required
                      withAsterisk={false}
                      {...form.getInputProps("email")}
                      data-autofocus
                      autoFocus
                    />
                    <PasswordInput
                      label="Password"
                      autoComplete="current-password"
                      required
                      withAsterisk={false}
                      {...form.getInputProps("password")}
                    />
                  </>
                ) : (
                  <>
                    <Text size="sm" c="dimmed">
                      {isRecovery
                        ? `Enter one of the recovery codes you saved for ${email}. Each code works once.`
                        : `Enter the 6-digit code from your authenticator app for ${email}.`}
                    </Text>
                    <TextInput
                      key={isRecovery ? "recovery" : "totp"}
                      label={isRecovery ? "Recovery code" : "Authentication code"}
                      inputMode={isRecovery ? "text" : "numeric"}
                      autoComplete="one-time-code"
                      maxLength={isRecovery ? 40 : 8}
                      required
                      withAsterisk={false}
                      {...form.getInputProps("code")}
                      autoFocus
                      leftSection={<IconLock size={16} />}
                    />
                  </>
                )}
                <FormErrorSummary form={form} title="Sign-in failed" />
                <Button type="submit" loading={form.mutation.isPending} fullWidth>
                  {step === "totp" ? "Verify" : "Sign in"}
                </Button>
                {step === "totp" ? (
                  <>
                    <Anchor
                      component="button"
                      type="button"
                      size="sm"
                      onClick={() => {
                        setRecovery(!isRecovery);
                        form.reset({ ...form.values, code: "" });
                      }}
                    >
                      {isRecovery
                        ? "Use the authenticator app instead"
                        : "Lost your phone? Use a recovery code"}
                    </Anchor>
                    <Anchor component="button" type="button" size="sm" onClick={() => backToPassword()}>
                      Use a different account
                    </Anchor>
                  </>
                ) : null}
              </Stack>
            </form>
          </Paper>
          {info.data?.demo && info.data.demoAccounts.length ? (
            <DemoAccounts
              info={info.data}
              onUse={(demoEmail, demoPassword) =>
                backToPassword({ email: demoEmail, password: demoPassword, code: "" })
              }
            />
          ) : null}
        </Stack>
      </Center>
    </Box>
  );
};
