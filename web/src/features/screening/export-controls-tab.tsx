import { Stack, Text } from "@mantine/core";
import { IconPackage } from "@tabler/icons-react";
import { type Schema, useOp } from "../../api/client.ts";
import { type Column, DataTable, loadedRows } from "../../components/data-table.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { TableSkeleton } from "../../components/table-skeleton.tsx";
import { countryName } from "../../lib/format.ts";
import { CountryChart } from "./country-chart.tsx";
import { ExportItemForm } from "./export-item-form.tsx";
import { JurisdictionsPanel } from "./jurisdictions-panel.tsx";
import { LicenceForm } from "./licence-form.tsx";

type ExportControls = Schema<"ExportControlsView">;

const ITEM_COLUMNS: Column<ExportControls["items"][number]>[] = [
  { key: "sku", header: "SKU", cell: (i) => i.sku },
  { key: "name", header: "Name", cell: (i) => i.name },
  { key: "eccn", header: "ECCN", cell: (i) => i.eccn },
  { key: "reasons", header: "Reasons for control", cell: (i) => i.reasons.join(", ") || "—" },
];

const LICENCE_COLUMNS: Column<ExportControls["licences"][number]>[] = [
  { key: "kind", header: "Kind", cell: (l) => (l.kind === "exception" ? "Licence exception" : "Licence") },
  { key: "reference", header: "Reference", cell: (l) => l.reference },
  { key: "eccn", header: "ECCN", cell: (l) => l.eccn },
  { key: "country", header: "Country", cell: (l) => `${countryName(l.country)} (${l.country})` },
  { key: "validUntil", header: "Valid until", cell: (l) => l.validUntil ?? "No expiry" },
];

/** Export controls (COC-19.1) and sanctioned jurisdictions (COC-18.2): configuration, items and licences. */
export function ExportControlsTab() {
  const ec = useOp("export.read", {});
  if (ec.isPending) return <TableSkeleton />;
  if (ec.isError) return <ErrorAlert error={ec.error} />;
  const data = ec.data;
  const canEdit = data.can.canManageExport;
  return (
    <Stack gap="lg">
      <JurisdictionsPanel key={JSON.stringify(data.jurisdictions)} data={data} />
      {/* Remount on every saved chart so the editor starts from what the server holds. */}
      <CountryChart key={JSON.stringify(data.chart)} data={data} />
      <Stack gap="sm">
        <Text fw={600}>Export items</Text>
        {canEdit ? <ExportItemForm /> : null}
        <DataTable
          label="Export items"
          columns={ITEM_COLUMNS}
          rowKey={(i) => i.id}
          query={loadedRows(data.items)}
          inPaper={false}
          minWidth={0}
          tableProps={{ withTableBorder: true, fz: "sm" }}
          empty={{
            title: "No export items yet",
            description: "Items with their ECCN let a transaction be checked against the country chart.",
            icon: <IconPackage size={22} stroke={1.6} />,
          }}
        />
      </Stack>
      <Stack gap="sm">
        <Text fw={600}>Licences and exceptions on record</Text>
        {canEdit ? <LicenceForm /> : null}
        <DataTable
          label="Licences and exceptions on record"
          columns={LICENCE_COLUMNS}
          rowKey={(l) => l.id}
          query={loadedRows(data.licences)}
          inPaper={false}
          minWidth={0}
          tableProps={{ withTableBorder: true, fz: "sm" }}
          empty={{
            title: "No licences or exceptions on record",
            description:
              "Without one, a controlled item to a destination that needs a licence is refused (COC-19.1).",
          }}
        />
      </Stack>
    </Stack>
  );
}
