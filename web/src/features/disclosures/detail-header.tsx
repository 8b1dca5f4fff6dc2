import type { ReactNode } from "react";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { StatusBadge } from "../../components/status-badge.tsx";
import { TableSkeleton } from "../../components/table-skeleton.tsx";
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

/** A detail screen's read: the error if it failed, a skeleton while it loads, then the screen itself. */
export function Loaded<T>({
  query,
  children,
}: {
  query: { error: unknown; data: T | undefined };
  children: (data: T) => ReactNode;
}) {
  if (query.error) return <ErrorAlert error={query.error} />;
  if (!query.data) return <TableSkeleton />;
  return children(query.data);
}
