import { Alert, Stack, Tabs, Title } from "@mantine/core";
import { useOp } from "../../api/client.ts";
import { UrlTabs } from "../../components/url-tabs.tsx";
import { errorMessage } from "../../lib/api.ts";
import { AllocationPanel } from "./allocation-tab.tsx";
import { Conditions } from "./conditions-tab.tsx";
import { Deadlines } from "./deadlines-tab.tsx";
import { Overview } from "./overview-tab.tsx";
import { Proceeds } from "./proceeds-tab.tsx";
import { Progress } from "./progress-tab.tsx";
import { Register } from "./register-tab.tsx";
import { OFFERING_TABS } from "./restructuring-search.ts";
import { Votes } from "./votes-tab.tsx";

/** One offering in tabs; the tab lives in the URL (`?tab=`, UrlTabs), so Back returns to the previous one. */
export function OfferingView({ id }: { id: string }) {
  const { data: o, error } = useOp("offering.read", { path: { id } });
  if (error) return <Alert color="red">{errorMessage(error)}</Alert>;
  if (!o) return null;
  const tabs = OFFERING_TABS.filter(
    (tab) => (tab !== "register" || o.can.readRegister) && (tab !== "proceeds" || o.can.readAllocation),
  );
  return (
    <Stack>
      <Title order={2} size="h3">
        {o.name}
      </Title>
      <UrlTabs defaultTab="overview" tabs={tabs}>
        <Tabs.List mb="md">
          <Tabs.Tab value="overview">Overview</Tabs.Tab>
          {o.can.readRegister ? <Tabs.Tab value="register">Register & elections</Tabs.Tab> : null}
          <Tabs.Tab value="allocation">Allocation & notices</Tabs.Tab>
          <Tabs.Tab value="votes">Votes</Tabs.Tab>
          <Tabs.Tab value="conditions">Conditions</Tabs.Tab>
          <Tabs.Tab value="deadlines">Deadlines</Tabs.Tab>
          <Tabs.Tab value="progress">Progress reports</Tabs.Tab>
          {o.can.readAllocation ? <Tabs.Tab value="proceeds">Use of proceeds</Tabs.Tab> : null}
        </Tabs.List>
        <Tabs.Panel value="overview">
          <Overview o={o} />
        </Tabs.Panel>
        <Tabs.Panel value="register">
          <Register o={o} />
        </Tabs.Panel>
        <Tabs.Panel value="allocation">
          <AllocationPanel o={o} />
        </Tabs.Panel>
        <Tabs.Panel value="votes">
          <Votes o={o} />
        </Tabs.Panel>
        <Tabs.Panel value="conditions">
          <Conditions o={o} />
        </Tabs.Panel>
        <Tabs.Panel value="deadlines">
          <Deadlines o={o} />
        </Tabs.Panel>
        <Tabs.Panel value="progress">
          <Progress o={o} />
        </Tabs.Panel>
        <Tabs.Panel value="proceeds">
          <Proceeds o={o} />
        </Tabs.Panel>
      </UrlTabs>
    </Stack>
  );
}
