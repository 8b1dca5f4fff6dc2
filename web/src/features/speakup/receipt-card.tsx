import { Alert, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { IconPhone } from "@tabler/icons-react";
import { ButtonLink } from "../../components/router-links.tsx";
import { type Channel, type FiledReport, groupReceipt } from "./vocabulary.ts";

/** The receipt, shown once: it is stored only as a hash and cannot be shown again. */
export const ReceiptCard = ({
  filed,
  channel,
  canOpenCase,
}: {
  filed: FiledReport;
  channel: Channel;
  canOpenCase: boolean;
}) => {
  const receipt = groupReceipt(filed.receipt);
  const isPhone = channel === "phone_domestic" || channel === "phone_international";
  return (
    <Paper p="lg" role="status">
      <Stack gap="sm">
        <Title order={2} size="h3">
          Report {filed.number} was filed
        </Title>
        <Text size="sm">
          {channel === "internal"
            ? "Write down this receipt now. With it and your password you open the mailbox at /speakup/mailbox to read questions and answer them."
            : channel === "letter"
              ? "Send this receipt and the password to the writer, so they can follow up at /speakup/mailbox."
              : "The caller follows up at /speakup/mailbox, or by calling again. The first time, they set their own password at /speakup/mailbox/setup with this receipt and the one-time code below."}
        </Text>
        <Text
          data-testid="receipt"
          aria-label={`Receipt: ${receipt.replace(/\s/g, "").split("").join(" ")}`}
          ff="monospace"
          fw={700}
          ta="center"
          py="md"
          px="sm"
          style={{
            fontSize: "clamp(1.4rem, 6vw, 2.4rem)",
            letterSpacing: "0.08em",
            background: "var(--mantine-color-probity-0, #eef3ff)",
            border: "2px dashed var(--mantine-color-probity-7, #1c3d7a)",
            borderRadius: 8,
            overflowWrap: "anywhere",
          }}
        >
          {receipt}
        </Text>
        {isPhone && filed.setupCode ? (
          <>
            <Text size="sm" fw={600}>
              One-time code
            </Text>
            <Text
              data-testid="setup-code"
              aria-label={`One-time code: ${filed.setupCode.replace(/\s/g, "").split("").join(" ")}`}
              ff="monospace"
              fw={700}
              ta="center"
              py="sm"
              style={{
                fontSize: "clamp(1.2rem, 5vw, 1.8rem)",
                letterSpacing: "0.08em",
                border: "1px dashed",
              }}
            >
              {filed.setupCode}
            </Text>
          </>
        ) : null}
        {isPhone ? (
          <Alert
            color="orange"
            variant="light"
            icon={<IconPhone size={18} />}
            title="Read it back to the caller"
          >
            Read the receipt and the one-time code to the caller in groups of four digits and ask them to read
            them back to you. The code lets them set their own password once, within 30 days; you never learn
            it. Both are shown only this once: nobody can look them up later.
          </Alert>
        ) : (
          <Text size="sm" c="orange.9" fw={500}>
            It is shown only this once: nobody can look it up later.
          </Text>
        )}
        <Text size="sm" c="dimmed">
          Case number {filed.number} (for the handlers' records; it does not open the mailbox).
        </Text>
        {canOpenCase ? (
          <Group>
            <ButtonLink to="/speakup/cases/$caseId" params={{ caseId: filed.caseId }} variant="light">
              Open the case
            </ButtonLink>
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
};
