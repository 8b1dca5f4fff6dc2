import {
  ActionIcon,
  Button,
  Collapse,
  Paper,
  Table,
  type TableProps,
  type TableTdProps,
  type TableThProps,
} from "@mantine/core";
import { IconChevronDown, IconChevronRight } from "@tabler/icons-react";
import { type ComponentPropsWithoutRef, Fragment, type ReactNode, useState } from "react";
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
  /** Extra props of the header cell (e.g. a minimum width) and of each body cell (a class, a style). */
  headerProps?: Omit<TableThProps, "children">;
  cellProps?: Omit<TableTdProps, "children">;
};

/** A row that folds out a detail below it (a second row across the table), opened by a button in a first column. */
export type RowDetail<T> = {
  /** The toggle column's header, read by screen readers only. */
  header: string;
  /** The toggle's accessible name, e.g. "Show payload of event 12". */
  toggleLabel: (row: T, isOpen: boolean) => string;
  /** The id of the folded part (the toggle's aria-controls). */
  id: (row: T) => string;
  render: (row: T) => ReactNode;
};

/** Extra props of a row (a click handler, a name, a test id). */
type TrProps = Omit<ComponentPropsWithoutRef<typeof Table.Tr>, "children"> & {
  [data: `data-${string}`]: string | undefined;
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
  rowProps?: (row: T) => TrProps;
  rowDetail?: RowDetail<T>;
  /** How many placeholder rows while loading. */
  skeletonRows?: number;
};

/** Rows already in hand (a part of a larger answer), in the shape `query` takes. */
export const loadedRows = <T,>(rows: T[]) => ({ isPending: false, isError: false, error: null, data: rows });

const isPage = <T,>(data: Page<T> | T[]): data is Page<T> => !Array.isArray(data);

type RowProps<T> = {
  row: T;
  columns: Column<T>[];
  trProps?: TrProps;
  detail?: RowDetail<T>;
};

const DataRow = <T,>({ row, columns, trProps, detail }: RowProps<T>) => {
  const [isOpen, setOpen] = useState(false);
  const cells = columns.map((column) => (
    <Table.Td key={column.key} {...column.cellProps}>
      {column.cell(row)}
    </Table.Td>
  ));
  if (!detail) return <Table.Tr {...trProps}>{cells}</Table.Tr>;
  const detailId = detail.id(row);
  return (
    <Fragment>
      <Table.Tr {...trProps}>
        <Table.Td>
          <ActionIcon
            variant="subtle"
            size="sm"
            onClick={() => setOpen((value) => !value)}
            aria-expanded={isOpen}
            aria-controls={detailId}
            aria-label={detail.toggleLabel(row, isOpen)}
          >
            {isOpen ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
          </ActionIcon>
        </Table.Td>
        {cells}
      </Table.Tr>
      <Table.Tr style={isOpen ? undefined : { display: "none" }}>
        <Table.Td colSpan={columns.length + 1} p={0}>
          <Collapse expanded={isOpen} id={detailId}>
            {detail.render(row)}
          </Collapse>
        </Table.Td>
      </Table.Tr>
    </Fragment>
  );
};

type ColumnsTableProps<T> = Omit<TableProps, "children"> & {
  /** The table's accessible name. */
  label?: string;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  sort?: SortState;
  rowProps?: (row: T) => TrProps;
  rowDetail?: RowDetail<T>;
};

/** A table of rows in hand, one cell per column: the body of DataTable, and the small tables of detail pages. */
export const ColumnsTable = <T,>({
  label,
  columns,
  rows,
  rowKey,
  sort,
  rowProps,
  rowDetail,
  ...tableProps
}: ColumnsTableProps<T>) => {
  const visible = columns.filter((column) => !column.hidden);
  return (
    <Table aria-label={label} {...tableProps}>
      <Table.Thead>
        <Table.Tr>
          {rowDetail ? (
            <Table.Th w={40}>
              <span className="visually-hidden">{rowDetail.header}</span>
            </Table.Th>
          ) : null}
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
              <Table.Th key={column.key} w={column.width} {...column.headerProps}>
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
          <DataRow
            key={rowKey(row)}
            row={row}
            columns={visible}
            trProps={rowProps?.(row)}
            detail={rowDetail}
          />
        ))}
      </Table.Tbody>
    </Table>
  );
};

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
  rowDetail,
  skeletonRows,
}: DataTableProps<T>) => {
  let body: ReactNode;
  if (query.isPending) body = <TableSkeleton rows={skeletonRows} />;
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
            <ColumnsTable
              label={label}
              columns={columns}
              rows={rows}
              rowKey={rowKey}
              sort={sort}
              rowProps={rowProps}
              rowDetail={rowDetail}
              highlightOnHover
              {...tableProps}
              style={{ opacity: query.isPlaceholderData ? 0.6 : 1 }}
            />
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
