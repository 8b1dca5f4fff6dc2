import { PageHeader } from "../../components/page-header.tsx";
import { StatusBadge } from "../../components/status-badge.tsx";
import { STATUS_LABELS } from "./disclosures-api.ts";

/** The heading of a disclosure's detail screen: its number and subject, and its status beside them. */
export const DetailHeader = ({
  title,
  description,
  status,
}: {
  title: string;
  description?: string | null;
  status?: string;
}) => (
  <PageHeader
    title={title}
    description={description ?? undefined}
    actions={status ? <StatusBadge status={status} styles={STATUS_LABELS} /> : undefined}
  />
);
