import { Tabs, type TabsProps } from "@mantine/core";
import { useNavigate, useSearch } from "@tanstack/react-router";

type UrlTabsProps = Omit<TabsProps, "value" | "onChange" | "defaultValue"> & {
  /** The tab shown when the URL names none (or one that does not exist). */
  defaultTab: string;
  /** The tabs that may be named in the URL; an unknown `?tab=` falls back to `defaultTab`. */
  tabs: readonly string[];
  /** The search parameter holding the tab; `tab` unless a page has two tab groups. */
  param?: string;
};

/**
 * Mantine Tabs whose selection lives in the URL (`?tab=`): each switch is a history entry, so Back
 * returns to the previous tab and a shared link opens the same tab.
 */
export const UrlTabs = ({ defaultTab, tabs, param = "tab", children, ...props }: UrlTabsProps) => {
  const search = useSearch({ strict: false }) as Record<string, unknown>;
  const navigate = useNavigate();
  const raw = search[param];
  const value = typeof raw === "string" && tabs.includes(raw) ? raw : defaultTab;
  return (
    <Tabs
      keepMounted={false}
      {...props}
      value={value}
      onChange={(next) => {
        if (!next || next === value) return;
        void navigate({
          to: ".",
          search: ((previous: Record<string, unknown>) => ({
            ...previous,
            [param]: next === defaultTab ? undefined : next,
          })) as never,
        });
      }}
    >
      {children}
    </Tabs>
  );
};
