import {
  ActionIcon,
  Button,
  Group,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconBuilding, IconPencil, IconPlus } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { invalidate } from "../../api/client.ts";
import { Empty } from "../../components/empty.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { TableSkeleton } from "../../components/table-skeleton.tsx";
import { api, fieldErrors } from "../../lib/api.ts";
import { countryName, formatNumber } from "../../lib/format.ts";
import { usePermission } from "../auth/me.ts";
import { type Entity, entitiesQuery } from "../people/people-api.ts";

type EntityInput = { code: string; name: string; country: string; parentId: string | null };

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
  const [values, setValues] = useState<EntityInput>({
    code: entity?.code ?? "",
    name: entity?.name ?? "",
    country: entity?.country ?? "",
    parentId: entity?.parentId ?? null,
  });
  const save = useMutation({
    mutationFn: (input: EntityInput) =>
      entity
        ? api.patch<Entity>(`/api/entities/${entity.id}`, input)
        : api.post<Entity>("/api/entities", input),
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
  const errors = fieldErrors(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({
      code: values.code.trim(),
      name: values.name.trim(),
      country: values.country.trim().toUpperCase(),
      parentId: values.parentId,
    });
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={<Text fw={600}>{entity ? "Edit legal entity" : "New legal entity"}</Text>}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <SimpleGrid cols={2}>
            <TextInput
              label="Code"
              description="Used in HR imports"
              required
              value={values.code}
              onChange={(event) => setValues({ ...values, code: event.currentTarget.value })}
              error={errors.code}
              data-autofocus
            />
            <TextInput
              label="Country"
              description="Two-letter ISO code"
              required
              maxLength={2}
              value={values.country}
              onChange={(event) => setValues({ ...values, country: event.currentTarget.value })}
              error={errors.country}
            />
          </SimpleGrid>
          <TextInput
            label="Name"
            required
            value={values.name}
            onChange={(event) => setValues({ ...values, name: event.currentTarget.value })}
            error={errors.name}
          />
          <Select
            label="Parent entity"
            placeholder="None (top of the group)"
            data={entities
              .filter((item) => item.id !== entity?.id)
              .map((item) => ({ value: item.id, label: `${item.name} (${item.code})` }))}
            value={values.parentId}
            onChange={(value) => setValues({ ...values, parentId: value })}
            clearable
            searchable
            error={errors.parentId}
          />
          {Object.keys(errors).length ? null : <ErrorAlert error={save.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={save.isPending}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {entity ? "Save entity" : "Create entity"}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
};

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
      <Paper p="md">
        {entities.isPending ? (
          <TableSkeleton rows={4} />
        ) : entities.isError ? (
          <ErrorAlert error={entities.error} />
        ) : items.length === 0 ? (
          <Empty
            title="No legal entities yet"
            description="Add the parent company first, then its subsidiaries."
            icon={<IconBuilding size={22} stroke={1.6} />}
          />
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table aria-label="Legal entities" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Code</Table.Th>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Country</Table.Th>
                  <Table.Th>Parent</Table.Th>
                  <Table.Th ta="right">Headcount</Table.Th>
                  {canManage ? (
                    <Table.Th>
                      <span className="visually-hidden">Actions</span>
                    </Table.Th>
                  ) : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((entity) => (
                  <Table.Tr key={entity.id}>
                    <Table.Td>
                      <Text ff="monospace" size="sm">
                        {entity.code}
                      </Text>
                    </Table.Td>
                    <Table.Td fw={500}>{entity.name}</Table.Td>
                    <Table.Td>{`${countryName(entity.country)} (${entity.country})`}</Table.Td>
                    <Table.Td>{entity.parentName ?? "—"}</Table.Td>
                    <Table.Td ta="right" style={{ fontVariantNumeric: "tabular-nums" }}>
                      {formatNumber(entity.headcount)}
                    </Table.Td>
                    {canManage ? (
                      <Table.Td ta="right">
                        <ActionIcon
                          variant="subtle"
                          aria-label={`Edit ${entity.name}`}
                          onClick={() => setEditing(entity)}
                        >
                          <IconPencil size={16} />
                        </ActionIcon>
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
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
