import { Tabs } from "@mantine/core";
import { PageHeader } from "../../components/page-header.tsx";
import { UrlTabs } from "../../components/url-tabs.tsx";
import { CounterpartiesTab } from "./counterparties-tab.tsx";
import { ExportControlsTab } from "./export-controls-tab.tsx";
import { ListsTab } from "./lists-tab.tsx";
import { ReviewQueueTab } from "./review-queue-tab.tsx";
import { TransactionsTab } from "./transactions-tab.tsx";

/** Screening: counterparties, the review queue, list versions, transactions and export controls. */
const TABS = ["counterparties", "review", "transactions", "lists", "export"] as const;
export type ScreeningTab = (typeof TABS)[number];
export type ScreeningSearch = { tab?: ScreeningTab };
export const parseScreeningSearch = (raw: Record<string, unknown>): ScreeningSearch => {
  const tab = TABS.find((t) => t === raw.tab);
  return tab && tab !== "counterparties" ? { tab } : {};
};

const PANELS: { value: ScreeningTab; label: string; Panel: () => React.ReactNode }[] = [
  { value: "counterparties", label: "Counterparties", Panel: CounterpartiesTab },
  { value: "review", label: "Review queue", Panel: ReviewQueueTab },
  { value: "transactions", label: "Transactions", Panel: TransactionsTab },
  { value: "lists", label: "Lists", Panel: ListsTab },
  { value: "export", label: "Export controls", Panel: ExportControlsTab },
];

/** The tab lives in the URL (`?tab=`, UrlTabs): Back returns to the previous tab. */
export function ScreeningPage() {
  return (
    <>
      <PageHeader
        title="Screening"
        description="Sanctions screening of counterparties against OFAC's SDN and consolidated lists (COC-18.1, COC-18.2), export controls (COC-19.1) and payments to foreign parties (COC-20.1)."
      />
      <UrlTabs defaultTab="counterparties" tabs={TABS}>
        <Tabs.List mb="md">
          {PANELS.map((panel) => (
            <Tabs.Tab key={panel.value} value={panel.value}>
              {panel.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {PANELS.map(({ value, Panel }) => (
          <Tabs.Panel key={value} value={value}>
            <Panel />
          </Tabs.Panel>
        ))}
      </UrlTabs>
    </>
  );
}
