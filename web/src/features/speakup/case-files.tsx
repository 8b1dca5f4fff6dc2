import { Anchor, Stack, Table, Text } from "@mantine/core";
import { Empty } from "../../components/empty.tsx";
import { formatDate } from "../../lib/format.ts";
import {
  attachmentPreviewUrl,
  attachmentUrl,
  type CaseView,
  formatBytes,
  isPreviewable,
} from "./vocabulary.ts";

export const CaseFiles = ({ kase }: { kase: CaseView }) =>
  kase.attachments.length === 0 ? (
    <Empty
      title="No files"
      description="Files the reporter sends with the report or in the mailbox appear here."
      isCompact
    />
  ) : (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        Files are stored encrypted and may carry hidden details (author, device, location); treat them as
        confidential.
      </Text>
      <Table aria-label="Files">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>File</Table.Th>
            <Table.Th>Size</Table.Th>
            <Table.Th>Received</Table.Th>
            <Table.Th>With</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {kase.attachments.map((f) => (
            <Table.Tr key={f.id}>
              <Table.Td>
                <Anchor href={attachmentUrl(kase.id, f.id)} download={f.filename} size="sm">
                  {f.filename}
                </Anchor>
                {isPreviewable(f.filename) && (
                  <Anchor
                    href={attachmentPreviewUrl(kase.id, f.id)}
                    target="_blank"
                    rel="noopener noreferrer"
                    size="sm"
                    ml="xs"
                  >
                    (preview)
                  </Anchor>
                )}
              </Table.Td>
              <Table.Td>{formatBytes(f.size)}</Table.Td>
              <Table.Td className="nowrap">{formatDate(f.createdAt)}</Table.Td>
              <Table.Td>{f.messageId ? "A mailbox message" : "The report"}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
