import { Anchor, Stack, Text } from "@mantine/core";
import { type Column, ColumnsTable } from "../../components/data-table.tsx";
import { Empty } from "../../components/empty.tsx";
import { formatDate } from "../../lib/format.ts";
import {
  attachmentPreviewUrl,
  attachmentUrl,
  type CaseView,
  formatBytes,
  isPreviewable,
} from "./vocabulary.ts";

type CaseFile = CaseView["attachments"][number];

const fileColumns = (caseId: string): Column<CaseFile>[] => [
  {
    key: "file",
    header: "File",
    cell: (f) => (
      <>
        <Anchor href={attachmentUrl(caseId, f.id)} download={f.filename} size="sm">
          {f.filename}
        </Anchor>
        {isPreviewable(f.filename) && (
          <Anchor
            href={attachmentPreviewUrl(caseId, f.id)}
            target="_blank"
            rel="noopener noreferrer"
            size="sm"
            ml="xs"
          >
            (preview)
          </Anchor>
        )}
      </>
    ),
  },
  { key: "size", header: "Size", cell: (f) => formatBytes(f.size) },
  {
    key: "received",
    header: "Received",
    cellProps: { className: "nowrap" },
    cell: (f) => formatDate(f.createdAt),
  },
  { key: "with", header: "With", cell: (f) => (f.messageId ? "A mailbox message" : "The report") },
];

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
      <ColumnsTable
        label="Files"
        columns={fileColumns(kase.id)}
        rows={kase.attachments}
        rowKey={(f) => f.id}
      />
    </Stack>
  );
