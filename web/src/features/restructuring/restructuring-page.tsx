import { Alert, Button, Group, Select, Text } from "@mantine/core";
import { useState } from "react";
import { useOp } from "../../api/client.ts";
import { PageHeader } from "../../components/page-header.tsx";
import { errorMessage, isApiError } from "../../lib/api.ts";
import { hasPermission, useMe } from "../auth/me.ts";
import { CreateOfferingForm } from "./create-offering-form.tsx";
import { OfferingView } from "./offering-view.tsx";
import { Portal } from "./portal.tsx";

/** The rights offering: terms, register and elections, allocation, notices, votes and deadlines. */
export function RestructuringPage() {
  const offerings = useOp("offering.list", {});
  const portal = useOp("portal.read", {});
  const { data: me } = useMe();
  const canCreate = hasPermission(me, "restructuring.manage");
  const [chosen, setChosen] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const list = offerings.data ?? [];
  const current = list.find((o) => o.id === chosen) ?? list[0];
  return (
    <>
      <PageHeader
        title="Restructuring"
        description="The Chapter 11 rights offering under the Equity Commitment Agreement: claims register, elections, the allocation engine (ECA-2(b), ECA-3(a)), Purchase Notices (ECA-2(f)), Requisite Investor votes (ECA-1(aa)), conditions precedent (ECA-11) and deadlines in business days."
      />
      {portal.data?.length ? <Portal /> : null}
      {offerings.error && !(isApiError(offerings.error) && offerings.error.status === 403) ? (
        <Alert color="red">{errorMessage(offerings.error)}</Alert>
      ) : null}
      {list.length > 1 || canCreate ? (
        <Group mb="md" align="flex-end">
          {list.length > 1 ? (
            <Select
              label="Offering"
              w={420}
              data={list.map((o) => ({ value: o.id, label: o.name }))}
              value={current?.id ?? null}
              onChange={setChosen}
              allowDeselect={false}
            />
          ) : null}
          {canCreate && !creating ? (
            <Button variant="default" onClick={() => setCreating(true)}>
              New offering
            </Button>
          ) : null}
        </Group>
      ) : null}
      {creating ? (
        <CreateOfferingForm
          onCancel={() => setCreating(false)}
          onCreated={(o) => {
            setCreating(false);
            setChosen(o.id);
          }}
        />
      ) : current ? (
        <OfferingView key={current.id} id={current.id} />
      ) : offerings.isSuccess && !portal.data?.length ? (
        <Text c="dimmed">No offering yet.</Text>
      ) : null}
    </>
  );
}
