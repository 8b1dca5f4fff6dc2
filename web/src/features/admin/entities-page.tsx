import { ActionIcon, Button, Group, Select, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconBuilding, IconPencil, IconPlus } from "@tabler/icons-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { call, invalidate } from "../../api/client.ts";
import { useApiForm } from "../../components/api-form.tsx";
import { type Column, DataTable } from "../../components/data-table.tsx";
import { FormDialog } from "../../components/form-dialog.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { countryName, formatNumber } from "../../lib/format.ts";
import { usePermission } from "../auth/me.ts";
import { type Entity, entitiesQuery } from "../people/people-api.ts";

const ENTITY_LABELS = { code: "Code", name: "Name", country: "Country", parentId: "Parent entity" };

const EntityModal = ({
  entity,
  entities,
  onClose,
}: {
  entity: Entity | null;
  entities: Entity[];
  onClose: () => void;
}) => {
  const queryClient = useQueryClient();
  const form = useApiForm({
    initialValues: {
      code: entity?.code ?? "",
      name: entity?.name ?? "",
      country: entity?.country ?? "",
      parentId: entity?.parentId ?? null,
    },
    labels: ENTITY_LABELS,
    submit: (values) => {
      const body = {
        code: values.code.trim(),
        name: values.name.trim(),
        country: values.country.trim().toUpperCase(),
        parentId: values.parentId,
      };
      return entity
        ? call("entity.update", { path: { id: entity.id }, body })
        : call("entity.create", { body });
    },
    onSuccess: async (saved) => {
      notifications.show({
        color: "green",
        title: entity ? "Legal entity saved" : "Legal entity created",
        message: saved.name,
      });
      await invalidate(queryClient, "entity.list");
      onClose();
    },
  });
  return (
    <FormDialog
      form={form}
      title={entity ? "Edit legal entity" : "New legal entity"}
      submitLabel={entity ? "Save entity" : "Create entity"}
      onClose={onClose}
    >
      <SimpleGrid cols={2}>
        <TextInput
          label="Code"
          description="Used in HR imports"
          required
          {...form.getInputProps("code")}
          data-autofocus
        />
        <TextInput
          label="Country"
          description="Two-letter ISO code"
          required
          maxLength={2}
          {...form.getInputProps("country")}
        />
      </SimpleGrid>
      <TextInput label="Name" required {...form.getInputProps("name")} />
      <Select
        label="Parent entity"
        placeholder="None (top of the group)"
        data={entities
          .filter((item) => item.id !== entity?.id)
          .map((item) => ({ value: item.id, label: `${item.name} (${item.code})` }))}
        {...form.getInputProps("parentId")}
        value={form.values.parentId}
        clearable
        searchable
      />
    </FormDialog>
  );
};

const columns = (canManage: boolean, onEdit: (entity: Entity) => void): Column<Entity>[] => [
  {
    key: "code",
    header: "Code",
    cell: (entity) => (
      <Text ff="monospace" size="sm">
        {entity.code}
      </Text>
    ),
  },
  {
    key: "name",
    header: "Name",
    cell: (entity) => (
      <Text size="sm" fw={500}>
        {entity.name}
      </Text>
    ),
  },
  {
    key: "country",
    header: "Country",
    cell: (entity) => `${countryName(entity.country)} (${entity.country})`,
  },
  { key: "parent", header: "Parent", cell: (entity) => entity.parentName ?? "—" },
  {
    key: "headcount",
    header: "Headcount",
    cell: (entity) => (
      <Text size="sm" ta="right" style={{ fontVariantNumeric: "tabular-nums" }}>
        {formatNumber(entity.headcount)}
      </Text>
    ),
  },
  {
    key: "actions",
    header: "Actions",
    isHeaderHidden: true,
    hidden: !canManage,
    cell: (entity) => (
      <Group justify="flex-end">
        <ActionIcon variant="subtle" aria-label={`Edit ${entity.name}`} onClick={() => onEdit(entity)}>
          <IconPencil size={16} />
        </ActionIcon>
      </Group>
    ),
  },
];

export const EntitiesPage = () => {
  const entities = useQuery(entitiesQuery);
  const canManage = usePermission("entity.manage");
  const [editing, setEditing] = useState<Entity | "new" | null>(null);
  const items = entities.data?.items ?? [];
  return (
    <Stack>
      <PageHeader
        title="Legal entities"
        description="The companies of the group. People belong to one entity; the Code applies to all divisions and subsidiaries."
        actions={
          canManage ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing("new")}>
              New legal entity
            </Button>
          ) : null
        }
      />
      <DataTable
        label="Legal entities"
        columns={columns(canManage, setEditing)}
        rowKey={(entity) => entity.id}
        query={{ ...entities, data: entities.data?.items }}
        minWidth={640}
        empty={{
          title: "No legal entities yet",
          description: "Add the parent company first, then its subsidiaries.",
          icon: <IconBuilding size={22} stroke={1.6} />,
        }}
      />
      {editing ? (
        <EntityModal
          entity={editing === "new" ? null : editing}
          entities={items}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </Stack>
  );
};
