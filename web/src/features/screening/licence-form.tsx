import { Select, SimpleGrid, TextInput } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { type Args, call, invalidate, type Result } from "../../api/client.ts";
import { useApiForm } from "../../components/api-form.tsx";
import { ExportFormCard, upperCaseProps } from "./export-form-card.tsx";

type LicenceBody = NonNullable<Args<"export.licence.create">["body"]>;
type LicenceValues = { kind: string; reference: string; eccn: string; country: string; validUntil: string };

const BLANK: LicenceValues = { kind: "licence", reference: "", eccn: "", country: "", validUntil: "" };
const LABELS = {
  kind: "Kind",
  reference: "Reference",
  eccn: "Licence ECCN",
  country: "Licence country",
  validUntil: "Valid until",
};

/** A licence or licence exception on record: an item to a destination that needs one (COC-19.1). */
export function LicenceForm() {
  const qc = useQueryClient();
  const form = useApiForm<LicenceValues, Result<"export.licence.create">>({
    initialValues: BLANK,
    labels: LABELS,
    submit: (v) =>
      call("export.licence.create", {
        body: { ...v, kind: v.kind as LicenceBody["kind"], validUntil: v.validUntil || null },
      }),
    onSuccess: (_created, sent) => {
      form.setValues({ ...BLANK, kind: sent.kind });
      invalidate(qc, "export.read");
    },
  });
  const created = form.mutation.data;
  return (
    <ExportFormCard
      form={form}
      title="New licence or licence exception"
      submitLabel="Add licence"
      saved={
        created
          ? `Recorded ${created.kind} ${created.reference} for ${created.eccn} to ${created.country}.`
          : null
      }
    >
      <SimpleGrid cols={{ base: 1, sm: 3, lg: 5 }}>
        <Select
          label={LABELS.kind}
          data={[
            { value: "licence", label: "Licence" },
            { value: "exception", label: "Licence exception" },
          ]}
          {...form.getInputProps("kind")}
          onChange={(v) => form.setValue("kind", v ?? "licence")}
          allowDeselect={false}
        />
        <TextInput
          label={LABELS.reference}
          required
          description="Licence number or exception (e.g. D123456, GBS)"
          {...form.getInputProps("reference")}
        />
        <TextInput
          label={LABELS.eccn}
          required
          description="The ECCN it covers"
          {...upperCaseProps(form, "eccn")}
        />
        <TextInput
          label={LABELS.country}
          required
          description="Destination, ISO code"
          maxLength={2}
          {...upperCaseProps(form, "country")}
        />
        <TextInput
          label={LABELS.validUntil}
          type="date"
          description="Blank: no expiry"
          {...form.getInputProps("validUntil")}
        />
      </SimpleGrid>
    </ExportFormCard>
  );
}
