import { MultiSelect, SimpleGrid, TextInput } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { call, invalidate, type Result } from "../../api/client.ts";
import { useApiForm } from "../../components/api-form.tsx";
import { ExportFormCard, upperCaseProps } from "./export-form-card.tsx";
import { REASONS } from "./export-reasons.ts";

type ItemValues = { sku: string; name: string; eccn: string; reasons: string[] };

const BLANK: ItemValues = { sku: "", name: "", eccn: "", reasons: [] };
const LABELS = { sku: "SKU", name: "Item name", eccn: "ECCN", reasons: "Control reasons" };
const isEar99 = (eccn: string) => eccn.trim().toUpperCase() === "EAR99";

/** An export item with its ECCN, so a transaction can be checked against the country chart (COC-19.1). */
export function ExportItemForm() {
  const qc = useQueryClient();
  const form = useApiForm<ItemValues, Result<"export.item.create">>({
    initialValues: BLANK,
    labels: LABELS,
    submit: (v) => call("export.item.create", { body: { ...v, reasons: isEar99(v.eccn) ? [] : v.reasons } }),
    onSuccess: () => {
      form.setValues(BLANK);
      invalidate(qc, "export.read");
    },
  });
  const ear99 = isEar99(form.values.eccn);
  const created = form.mutation.data;
  return (
    <ExportFormCard
      form={form}
      title="New export item"
      submitLabel="Add item"
      saved={created ? `Added ${created.sku} (${created.eccn}).` : null}
    >
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
        <TextInput label={LABELS.sku} required {...form.getInputProps("sku")} />
        <TextInput label={LABELS.name} required {...form.getInputProps("name")} />
        <TextInput
          label={LABELS.eccn}
          required
          description="EAR99, or a classification such as 3A001"
          {...upperCaseProps(form, "eccn")}
        />
        <MultiSelect
          label={LABELS.reasons}
          description={ear99 ? "EAR99 items have no reasons for control" : "From the ECCN's entry"}
          data={REASONS}
          {...form.getInputProps("reasons")}
          value={ear99 ? [] : form.values.reasons}
          disabled={ear99}
          searchable
          clearable
        />
      </SimpleGrid>
    </ExportFormCard>
  );
}
