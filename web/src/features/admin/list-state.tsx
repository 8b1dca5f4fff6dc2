import { useState } from "react";
import { FilterSelect } from "../../components/list-toolbar.tsx";
import type { StatusStyle } from "../../components/status-badge.tsx";
import { humanise } from "../../lib/format.ts";

/**
 * The filters and page of an admin list kept on the screen (not in the URL): changing a filter
 * goes back to the first page.
 */
export const useListState = <F extends Record<string, string | undefined>>() => {
  const [filters, setFilters] = useState<Partial<F>>({});
  const [page, setPage] = useState(1);
  // The value comes from the filter's own options (the server checks it again).
  const setFilter = (key: keyof F) => (value: string | undefined) => {
    setFilters((current) => ({ ...current, [key]: value }));
    setPage(1);
  };
  return { filters, page, setPage, setFilter };
};

/** Words and colour of each status of an enum, for the shared StatusBadge ("queued" → "Queued", blue). */
export const statusStyles = <S extends string>(colors: Readonly<Record<S, string>>) =>
  Object.fromEntries(
    Object.entries<string>(colors).map(([status, color]) => [status, { label: humanise(status), color }]),
  ) as Record<S, StatusStyle>;

/** Select options of a status enum, in words ("queued" → "Queued"). */
export const statusOptions = (values: readonly string[]) =>
  values.map((value) => ({ value, label: humanise(value) }));

/** The "Status" filter of a list whose statuses are an enum. */
export const StatusFilter = ({
  statuses,
  value,
  onChange,
}: {
  statuses: readonly string[];
  value: string | undefined;
  onChange: (value: string | undefined) => void;
}) => (
  <FilterSelect
    label="Status"
    placeholder="Any status"
    data={statusOptions(statuses)}
    value={value}
    onChange={onChange}
  />
);
