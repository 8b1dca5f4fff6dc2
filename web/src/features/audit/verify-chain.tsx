import { Alert, Button, Group, Text } from "@mantine/core";
import { IconShieldCheck, IconShieldX } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { call, type Result } from "../../api/client.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { formatNumber } from "../../lib/format.ts";

type VerifyResult = Result<"audit.verify">;

export const VerifyChainButton = ({ onResult }: { onResult?: (result: VerifyResult) => void }) => {
  const verify = useMutation({
    mutationFn: (): Promise<VerifyResult> => call("audit.verify"),
    onSuccess: onResult,
  });
  return (
    <>
      <Button
        variant="default"
        leftSection={<IconShieldCheck size={16} />}
        loading={verify.isPending}
        onClick={() => verify.mutate()}
      >
        Verify chain
      </Button>
      <VerifyChainResult result={verify.data} error={verify.error} />
    </>
  );
};

const VerifyChainResult = ({ result, error }: { result?: VerifyResult; error: unknown }) => {
  if (error) {
    return (
      <div style={{ flexBasis: "100%" }}>
        <ErrorAlert error={error} title="Verification failed to run" />
      </div>
    );
  }
  if (!result) return null;
  return (
    <Alert
      style={{ flexBasis: "100%" }}
      role="status"
      variant="light"
      color={result.ok ? "green" : "red"}
      icon={result.ok ? <IconShieldCheck size={18} /> : <IconShieldX size={18} />}
      title={result.ok ? "Audit chain intact" : "Audit chain broken"}
    >
      <Group gap="md">
        <Text size="sm">{result.message}</Text>
        <Text size="sm" c="dimmed">
          {formatNumber(result.verified)} events verified
          {result.firstBadSeq !== null ? ` · first altered event: #${result.firstBadSeq}` : ""}
        </Text>
      </Group>
    </Alert>
  );
};
