import { Paper, Stack } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { invalidate } from "../../api/client.ts";
import { PageHeader } from "../../components/page-header.tsx";
import { api } from "../../lib/api.ts";
import type { Person, PersonInput } from "./people-api.ts";
import { PersonForm } from "./person-form.tsx";

export const NewPersonPage = () => {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: (input: PersonInput) => api.post<Person>("/api/people", input),
    onSuccess: async (person) => {
      notifications.show({ color: "green", title: "Person added", message: person.displayName });
      await queryClient.invalidateQueries({ queryKey: ["people"] });
      await invalidate(queryClient, "entity.list");
      await navigate({ to: "/people/$personId", params: { personId: person.id } });
    },
  });
  return (
    <Stack>
      <PageHeader
        title="New person"
        description="Add someone to the directory. HR imports can update them later."
      />
      <Paper p="lg">
        <PersonForm
          submitLabel="Create person"
          isSubmitting={create.isPending}
          error={create.error}
          onSubmit={(input) => create.mutate(input)}
          onCancel={() => navigate({ to: "/people" })}
        />
      </Paper>
    </Stack>
  );
};
