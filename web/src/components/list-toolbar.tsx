import { Button, Paper, Select, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { useDebouncedCallback } from "@mantine/hooks";
import { IconDownload, IconSearch } from "@tabler/icons-react";
import { type ReactNode, useState } from "react";
import { type QueryParams, toQueryString } from "../lib/api.ts";

type SearchBoxProps = {
  label: string;
  placeholder?: string;
  /** The value in the URL. */
  value: string | undefined;
  /** Called 300 ms after typing stops, with the trimmed text or undefined. */
  onSearch: (value: string | undefined) => void;
};

/** A search box that updates the URL after typing pauses (not on every key). */
export const SearchBox = ({ label, placeholder, value, onSearch }: SearchBoxProps) => {
  const [text, setText] = useState(value ?? "");
  const [seen, setSeen] = useState(value);
  // "Clear filters" empties the URL: follow it.
  if (seen !== value) {
    setSeen(value);
    if ((value ?? "") !== text.trim()) setText(value ?? "");
  }
  const debounced = useDebouncedCallback((next: string) => onSearch(next.trim() || undefined), 300);
  return (
    <TextInput
      label={label}
      placeholder={placeholder}
      leftSection={<IconSearch size={16} />}
      value={text}
      onChange={(event) => {
        setText(event.currentTarget.value);
        debounced(event.currentTarget.value);
      }}
      type="search"
    />
  );
};

export type FilterSelectProps = {
  label: string;
  placeholder?: string;
  data: { value: string; label: string }[] | string[];
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  /** Without `clearable`, the select always holds a value (e.g. Status: Active). */
  clearable?: boolean;
  searchable?: boolean;
};

export const FilterSelect = ({
  label,
  placeholder,
  data,
  value,
  onChange,
  clearable = true,
  searchable,
}: FilterSelectProps) => (
  <Select
    label={label}
    placeholder={placeholder}
    data={data}
    value={value ?? null}
    onChange={(next) => onChange(next ?? undefined)}
    clearable={clearable}
    allowDeselect={clearable}
    searchable={searchable}
  />
);

type ListToolbarProps = {
  /** Usually a SearchBox. */
  search?: ReactNode;
  /** Usually FilterSelects. */
  children?: ReactNode;
  columns?: { base?: number; md?: number; lg?: number };
};

/** The filter card above a list: search on top, selects in a grid. Filters live in the URL. */
export const ListToolbar = ({ search, children, columns = { base: 2, md: 3, lg: 6 } }: ListToolbarProps) => (
  <Paper p="md">
    <Stack gap="sm">
      {search}
      {children ? (
        <SimpleGrid cols={columns} spacing="sm">
          {children}
        </SimpleGrid>
      ) : null}
    </Stack>
  </Paper>
);

/** Offered by an empty list when filters hide its rows. */
export const ClearFiltersButton = ({ onClear }: { onClear: () => void }) => (
  <Button variant="light" onClick={onClear}>
    Clear filters
  </Button>
);

/** Downloads the server's CSV of the list with the same filters as on screen. */
export const CsvExportButton = ({
  href,
  filters,
  label = "Export CSV",
}: {
  href: string;
  filters?: QueryParams;
  label?: string;
}) => (
  <Button
    component="a"
    href={`${href}${toQueryString(filters)}`}
    variant="default"
    leftSection={<IconDownload size={16} />}
    download
  >
    {label}
  </Button>
);
