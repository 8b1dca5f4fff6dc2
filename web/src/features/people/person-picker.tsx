import { Select } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useOp } from "../../api/client.ts";

type PersonPickerProps = {
  /** The input's id (a form's summary moves focus here). */
  id?: string;
  label: string;
  value: string | null;
  selectedLabel?: string | null;
  onChange: (id: string | null) => void;
  excludeId?: string;
  description?: string;
  error?: string;
  placeholder?: string;
};

/** A searchable select that asks the server for matching people as you type. */
export const PersonPicker = ({
  id,
  label,
  value,
  selectedLabel,
  onChange,
  excludeId,
  description,
  error,
  placeholder = "Type a name to search",
}: PersonPickerProps) => {
  const [searchValue, setSearchValue] = useState(selectedLabel ?? "");
  const [query] = useDebouncedValue(searchValue, 250);
  const people = useOp(
    "people.list",
    { query: { q: query || undefined, pageSize: 20, sort: "name" } },
    { staleTime: 30_000 },
  );
  const options = (people.data?.items ?? [])
    .filter((person) => person.id !== excludeId)
    .map((person) => ({
      value: person.id,
      label: person.title ? `${person.displayName} — ${person.title}` : person.displayName,
    }));
  if (value && selectedLabel && !options.some((option) => option.value === value)) {
    options.unshift({ value, label: selectedLabel });
  }
  return (
    <Select
      id={id}
      label={label}
      description={description}
      error={error}
      placeholder={placeholder}
      data={options}
      value={value}
      onChange={(next, option) => {
        onChange(next);
        setSearchValue(option?.label ?? "");
      }}
      searchable
      clearable
      searchValue={searchValue}
      onSearchChange={setSearchValue}
      filter={({ options: all }) => all}
      nothingFoundMessage={people.isFetching ? "Searching…" : "No matching people"}
    />
  );
};
