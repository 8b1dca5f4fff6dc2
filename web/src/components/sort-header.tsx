import { Table } from "@mantine/core";
import { IconArrowDown, IconArrowsSort, IconArrowUp } from "@tabler/icons-react";

type SortHeaderProps = {
  label: string;
  field: string;
  sort: string;
  onSort: (sort: string) => void;
  descending?: boolean;
};

/** A column header that toggles `field` / `-field` sorting; `descending={false}` allows ascending only. */
export const SortHeader = ({ label, field, sort, onSort, descending = true }: SortHeaderProps) => {
  const state = sort === field ? "ascending" : sort === `-${field}` ? "descending" : "none";
  const next = state === "ascending" && descending ? `-${field}` : field;
  const Icon = state === "ascending" ? IconArrowUp : state === "descending" ? IconArrowDown : IconArrowsSort;
  return (
    <Table.Th aria-sort={state}>
      <button type="button" className="sort-button" onClick={() => onSort(next)}>
        {label}
        <Icon size={14} aria-hidden opacity={state === "none" ? 0.4 : 1} />
        <span className="visually-hidden">
          {state === "none" ? ", sort" : state === "ascending" && descending ? ", sort descending" : ""}
        </span>
      </button>
    </Table.Th>
  );
};
