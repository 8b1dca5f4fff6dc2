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
import type { OfferingTab } from "./restructuring-search.ts";
import type { Offering } from "./rx.ts";
import { Votes } from "./votes-tab.tsx";

type TabSpec = {
  value: OfferingTab;
  label: string;
  Panel: (props: { o: Offering }) => React.ReactNode;
  isShown?: (o: Offering) => boolean;
};

/** The offering's tabs in order; the register and the use of proceeds only for those who may read them. */
const TABS: TabSpec[] = [
  { value: "overview", label: "Overview", Panel: Overview },
  { value: "register", label: "Register & elections", Panel: Register, isShown: (o) => o.can.readRegister },
  { value: "allocation", label: "Allocation & notices", Panel: AllocationPanel },
  { value: "votes", label: "Votes", Panel: Votes },
  { value: "conditions", label: "Conditions", Panel: Conditions },
  { value: "deadlines", label: "Deadlines", Panel: Deadlines },
  { value: "progress", label: "Progress reports", Panel: Progress },
  { value: "proceeds", label: "Use of proceeds", Panel: Proceeds, isShown: (o) => o.can.readAllocation },
];

/** One offering in tabs; the tab lives in the URL (`?tab=`, UrlTabs), so Back returns to the previous one. */
export function OfferingView({ id }: { id: string }) {
  const { data: o, error } = useOp("offering.read", { path: { id } });
  if (error) return <Alert color="red">{errorMessage(error)}</Alert>;
  if (!o) return null;
  const shown = TABS.filter((tab) => tab.isShown?.(o) ?? true);
  return (
    <Stack>
      <Title order={2} size="h3">
        {o.name}
      </Title>
      <UrlTabs defaultTab="overview" tabs={shown.map((tab) => tab.value)}>
        <Tabs.List mb="md">
          {shown.map((tab) => (
            <Tabs.Tab key={tab.value} value={tab.value}>
              {tab.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {shown.map(({ value, Panel }) => (
          <Tabs.Panel key={value} value={value}>
            <Panel o={o} />
          </Tabs.Panel>
        ))}
      </UrlTabs>
    </Stack>
  );
}
