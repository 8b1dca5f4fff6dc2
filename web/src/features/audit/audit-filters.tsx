import { Button, Group, Select, TextInput } from "@mantine/core";
import { IconSearch } from "@tabler/icons-react";
import { useOp } from "../../api/client.ts";
import { ListToolbar } from "../../components/list-toolbar.tsx";

export type AuditFilters = {
  action: string | null;
  actorId: string;
  subjectType: string;
  subjectId: string;
  from: string;
  to: string;
  q: string;
};

export const EMPTY_FILTERS: AuditFilters = {
  action: null,
  actorId: "",
  subjectType: "",
  subjectId: "",
  from: "",
  to: "",
  q: "",
};

type Props = { filters: AuditFilters; onChange: (patch: Partial<AuditFilters>) => void };

/** The audit log's filters: free text, the action, the actor, the subject and a date range. */
export function AuditFiltersBar({ filters, onChange }: Props) {
  const actions = useOp("audit.actions", {});
  const input = (key: Exclude<keyof AuditFilters, "action">) => ({
    value: filters[key],
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => onChange({ [key]: event.currentTarget.value }),
  });
  const hasFilters = Object.values(filters).some(Boolean);
  return (
    <ListToolbar
      search={
        <TextInput
          label="Search events"
          placeholder="Free text in action, actor, subject or payload"
          type="search"
          leftSection={<IconSearch size={16} />}
          {...input("q")}
        />
      }
    >
      <Select
        label="Action"
        placeholder="Any action"
        data={actions.data?.items ?? []}
        value={filters.action}
        onChange={(value) => onChange({ action: value })}
        searchable
        clearable
      />
      <TextInput label="Actor ID" placeholder="User id" {...input("actorId")} />
      <TextInput label="Subject type" placeholder="e.g. person" {...input("subjectType")} />
      <TextInput label="Subject ID" {...input("subjectId")} />
      <TextInput label="From" type="date" {...input("from")} />
      <TextInput label="To" type="date" {...input("to")} />
      {hasFilters ? (
        <Group>
          <Button variant="subtle" size="compact-sm" onClick={() => onChange(EMPTY_FILTERS)}>
            Clear filters
          </Button>
        </Group>
      ) : null}
    </ListToolbar>
  );
}
