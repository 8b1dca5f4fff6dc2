import { Button, Paper, Table, type TableProps } from "@mantine/core";
import type { ComponentPropsWithoutRef, ReactNode } from "react";
import type { Page } from "../lib/api.ts";
import { Empty } from "./empty.tsx";
import { ErrorAlert } from "./error-alert.tsx";
import { ListFooter } from "./list-footer.tsx";
import { SortHeader } from "./sort-header.tsx";
import { TableSkeleton } from "./table-skeleton.tsx";

export type Column<T> = {
  /** Stable key of the column (also the sort field when `sortable`). */
  key: string;
  header: string;
  cell: (row: T) => ReactNode;
  /** Sortable by the server under `key`; `"ascending"` allows ascending only. */
  sortable?: boolean | "ascending";
  hidden?: boolean;
  /** The header is read by screen readers only (e.g. "Actions" above a column of buttons). */
  isHeaderHidden?: boolean;
  width?: number | string;
};

export type SortState = { sort: string; onSort: (sort: string) => void };

type DataTableProps<T> = {
  /** The table's accessible name, e.g. "People" (read as the table's caption). */
  label: string;
  columns: Column<T>[];
  rowKey: (row: T) => string;
  /** A TanStack Query result (or anything with the same fields) of a server page or a plain list. */
  query: {
    isPending: boolean;
    isError: boolean;
    error: unknown;
    data: Page<T> | T[] | undefined;
    isPlaceholderData?: boolean;
    refetch?: () => unknown;
  };
  /** Shown when there are no rows: a sentence saying why and what to do. */
  empty: { title: string; description?: ReactNode; icon?: ReactNode; action?: ReactNode };
  sort?: SortState;
  /** Server paging: the footer appears when `data` is a Page. */
  onPageChange?: (page: number) => void;
  noun?: string;
  minWidth?: number;
  /** Wrap in a Paper (the list pages' card); false when the page already provides one. */
  inPaper?: boolean;
  tableProps?: Omit<TableProps, "children">;
  /** Extra props of a row (a clickable row's onClick, keyboard handler and name). */
  rowProps?: (row: T) => Omit<ComponentPropsWithoutRef<typeof Table.Tr>, "children">;
};

/** Rows already in hand (a part of a larger answer), in the shape `query` takes. */
export const loadedRows = <T,>(rows: T[]) => ({ isPending: false, isError: false, error: null, data: rows });

const isPage = <T,>(data: Page<T> | T[]): data is Page<T> => !Array.isArray(data);

/** The list block of every list page: loading skeleton, error with retry, empty sentence, rows, pages. */
export const DataTable = <T,>({
  label,
  columns,
  rowKey,
  query,
  empty,
  sort,
  onPageChange,
  noun,
  minWidth = 700,
  inPaper = true,
  tableProps,
  rowProps,
}: DataTableProps<T>) => {
  const visible = columns.filter((column) => !column.hidden);
  let body: ReactNode;
  if (query.isPending) body = <TableSkeleton />;
  else if (query.isError || !query.data)
    body = (
      <>
        <ErrorAlert error={query.error} />
        {query.refetch ? (
          <Button variant="default" mt="sm" onClick={() => void query.refetch?.()}>
            Try again
          </Button>
        ) : null}
      </>
    );
  else {
    const data = query.data;
    const rows = isPage(data) ? data.items : data;
    body =
      rows.length === 0 ? (
        <Empty title={empty.title} description={empty.description} icon={empty.icon}>
          {empty.action}
        </Empty>
      ) : (
        <>
          <Table.ScrollContainer minWidth={minWidth}>
            <Table
              highlightOnHover
              aria-label={label}
              {...tableProps}
              style={{ opacity: query.isPlaceholderData ? 0.6 : 1 }}
            >
              <Table.Thead>
                <Table.Tr>
                  {visible.map((column) =>
                    column.sortable && sort ? (
                      <SortHeader
                        key={column.key}
                        label={column.header}
                        field={column.key}
                        sort={sort.sort}
                        onSort={sort.onSort}
                        descending={column.sortable !== "ascending"}
                      />
                    ) : (
                      <Table.Th key={column.key} w={column.width}>
                        {column.isHeaderHidden ? (
                          <span className="visually-hidden">{column.header}</span>
                        ) : (
                          column.header
                        )}
                      </Table.Th>
                    ),
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => (
                  <Table.Tr key={rowKey(row)} {...rowProps?.(row)}>
                    {visible.map((column) => (
                      <Table.Td key={column.key}>{column.cell(row)}</Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {isPage(data) && onPageChange ? (
            <ListFooter
              page={data.page}
              pageSize={data.pageSize}
              total={data.total}
              onPageChange={onPageChange}
              noun={noun}
            />
          ) : null}
        </>
      );
  }
  return inPaper ? <Paper p="md">{body}</Paper> : body;
};
