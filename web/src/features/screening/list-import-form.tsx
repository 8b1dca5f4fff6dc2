import {
  Button,
  Card,
  FileInput,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
} from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { type Args, call, invalidate, type Result } from "../../api/client.ts";
import { FormErrorSummary, getPath, useApiForm } from "../../components/api-form.tsx";
import { listName, SCREENING_READS } from "./screening-api.ts";

type ImportBody = NonNullable<Args<"list.import">["body"]>;

/** OFAC's file names per list and format (COC-18.1: the SDN list, and the consolidated non-SDN list). */
const LISTS = {
  "ofac-sdn": {
    label: "SDN list",
    xml: "SDN.XML",
    csv: [
      ["sdn", "SDN.CSV"],
      ["alt", "ALT.CSV"],
      ["add", "ADD.CSV"],
      ["comments", "SDN_COMMENTS.CSV"],
    ],
  },
  "ofac-consolidated": {
    label: "Consolidated (non-SDN) list",
    xml: "CONSOLIDATED.XML",
    csv: [
      ["sdn", "CONS_PRIM.CSV"],
      ["alt", "CONS_ALT.CSV"],
      ["add", "CONS_ADD.CSV"],
      ["comments", "CONS_COMMENTS.CSV"],
    ],
  },
} as const;
/** The other publishers' lists: one file each (COC-18's "similarly-named lists"). */
const ONE_FILE = {
  "eu-fsf": { label: "EU Financial Sanctions Files", file: "xmlFullSanctionsList_1_1 (XML)", accept: ".xml" },
  "uk-ofsi": { label: "UK OFSI consolidated list", file: "ConList.csv", accept: ".csv,text/csv" },
  "un-sc": { label: "UN Security Council consolidated list", file: "consolidated.xml", accept: ".xml" },
  opensanctions: {
    label: "OpenSanctions (FollowTheMoney, with PEPs and ownership)",
    file: "entities.ftm.json (JSON lines)",
    accept: ".json,.jsonl",
  },
} as const;
type Source = keyof typeof LISTS | keyof typeof ONE_FILE;
const isOneFile = (s: Source): s is keyof typeof ONE_FILE => s in ONE_FILE;
type ImportValues = { source: Source; format: "xml" | "csv"; files: Record<string, File | null> };

const labelsOf = (v: ImportValues): Record<string, string> => {
  if (isOneFile(v.source)) return { source: "List", "files.file": ONE_FILE[v.source].file };
  const list = LISTS[v.source];
  return {
    source: "List",
    ...(v.format === "xml"
      ? { "files.xml": list.xml }
      : Object.fromEntries(list.csv.map(([key, label]) => [`files.${key}`, label]))),
  };
};

/** A new version of an OFAC list; every counterparty is then re-screened (COC-18.1). */
export function ListImportForm() {
  const qc = useQueryClient();
  const form = useApiForm<ImportValues, Result<"list.import">>({
    initialValues: { source: "ofac-sdn", format: "xml", files: {} },
    labels: labelsOf,
    // The body is flat ({ sdn, alt … }): a server path "sdn" is the field "files.sdn".
    mapPath: (path) => `files.${path.split(".").pop()}`,
    validate: (v) => {
      const needed = `files.${isOneFile(v.source) ? "file" : v.format === "xml" ? "xml" : "sdn"}`;
      const labels: Record<string, string> = labelsOf(v);
      return getPath(v, needed) ? {} : { [needed]: `Choose the ${labels[needed]} file` };
    },
    submit: async ({ source, format, files }) => {
      const body: Record<string, string> = { source };
      if (isOneFile(source)) {
        if (files.file) body.file = await files.file.text();
      } else if (format === "xml") {
        if (files.xml) body.xml = await files.xml.text();
      } else {
        for (const [key] of LISTS[source].csv) {
          const f = files[key];
          // OFAC writes the CSV set in Windows-1252; the XML is UTF-8.
          if (f) body[key] = new TextDecoder("windows-1252").decode(await f.arrayBuffer());
        }
      }
      return call("list.import", { body: body as ImportBody });
    },
    onSuccess: () => invalidate(qc, ...SCREENING_READS),
  });
  const { source, format, files } = form.values;
  const list = isOneFile(source) ? null : LISTS[source];
  const fileProps = (key: string) => ({
    id: form.fieldId(`files.${key}`),
    value: files[key] ?? null,
    error: form.errors[`files.${key}`],
    onChange: (f: File | null) => form.setValue(`files.${key}`, f),
  });
  const imported = form.mutation.data;
  return (
    <Card withBorder component="form" onSubmit={form.onSubmit} noValidate>
      <Text fw={600} mb="xs">
        Import a new version of a sanctions list (every counterparty is then re-screened, COC-18.1)
      </Text>
      <FormErrorSummary form={form} title="Not imported" />
      <Group align="flex-end" mb="sm">
        <Select
          label="List"
          data={[...Object.entries(LISTS), ...Object.entries(ONE_FILE)].map(([value, l]) => ({
            value,
            label: l.label,
          }))}
          value={source}
          onChange={(v) => {
            if (v) form.setValues({ ...form.values, source: v as Source, files: {} });
          }}
          allowDeselect={false}
          w={260}
        />
        {list ? (
          <Stack gap={4}>
            <Text size="sm" fw={500} id="list-format-label">
              Files
            </Text>
            <SegmentedControl
              aria-labelledby="list-format-label"
              value={format}
              onChange={(v) => form.setValues({ ...form.values, format: v as "xml" | "csv", files: {} })}
              data={[
                { value: "xml", label: `${list.xml} (one file)` },
                { value: "csv", label: "CSV set" },
              ]}
            />
          </Stack>
        ) : null}
      </Group>
      {isOneFile(source) ? (
        <FileInput
          label={ONE_FILE[source].file}
          description="The publisher's file as downloaded; a truncated or malformed file is refused with the line that is wrong."
          accept={ONE_FILE[source].accept}
          {...fileProps("file")}
          data-testid="file-file"
          maw={420}
        />
      ) : !list ? null : format === "xml" ? (
        <FileInput
          label={list.xml}
          description="From OFAC's Sanctions List Service; its record count is checked, so a truncated download is refused."
          accept=".xml,application/xml,text/xml"
          {...fileProps("xml")}
          data-testid="file-xml"
          maw={420}
        />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 4 }}>
          {list.csv.map(([key, label]) => (
            <FileInput
              key={key}
              label={label}
              accept=".csv,text/csv"
              {...fileProps(key)}
              data-testid={`file-${key}`}
            />
          ))}
        </SimpleGrid>
      )}
      <Group mt="sm">
        <Button type="submit" loading={form.mutation.isPending}>
          Import
        </Button>
        {form.mutation.isPending ? (
          <Text size="sm" c="dimmed">
            Reading and comparing with the previous version…
          </Text>
        ) : null}
        {imported ? (
          <Text size="sm" data-testid="import-result">
            {listName(imported.source)} version {imported.seq}
            {imported.unchangedFiles ? " (these files were already imported)" : ""}:{" "}
            {imported.counts.entries.toLocaleString("en")} entries, +
            {imported.diff.added.toLocaleString("en")} −{imported.diff.removed.toLocaleString("en")} ~
            {imported.diff.changed.toLocaleString("en")}
          </Text>
        ) : null}
      </Group>
    </Card>
  );
}
