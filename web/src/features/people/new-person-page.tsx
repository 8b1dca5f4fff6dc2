import { Paper, Stack } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { call, invalidate } from "../../api/client.ts";
import { PageHeader } from "../../components/page-header.tsx";
import { PEOPLE_READS } from "./people-api.ts";
import { PersonForm } from "./person-form.tsx";

export const NewPersonPage = () => {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return (
    <Stack>
      <PageHeader
        title="New person"
        description="Add someone to the directory. HR imports can update them later."
      />
      <Paper p="lg">
        <PersonForm
          submitLabel="Create person"
          submit={(body) => call("person.create", { body })}
          onSaved={async (person) => {
            notifications.show({ color: "green", title: "Person added", message: person.displayName });
            await invalidate(queryClient, ...PEOPLE_READS);
            await navigate({ to: "/people/$personId", params: { personId: person.id } });
          }}
          onCancel={() => navigate({ to: "/people" })}
        />
      </Paper>
    </Stack>
  );
};
