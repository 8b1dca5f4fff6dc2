import {
  Alert,
  Button,
  Checkbox,
  FileInput,
  Group,
  Paper,
  PasswordInput,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconAlertTriangle, IconPaperclip } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { type Args, call, useOp } from "../../api/client.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { ButtonLink } from "../../components/router-links.tsx";
import { Section } from "../../components/section.tsx";
import { isApiError } from "../../lib/api.ts";
import { hasPermission, type Me, useMe } from "../auth/me.ts";
import { entitiesQuery, personQuery } from "../people/people-api.ts";
import { PersonPicker } from "../people/person-picker.tsx";
import { MyReports } from "./my-reports.tsx";
import { ReceiptCard } from "./receipt-card.tsx";
import {
  type Channel,
  type FiledReport,
  type IdentityMode,
  VOCABULARY_STALE_MS,
  vocabularyOptions,
} from "./vocabulary.ts";

type IntakeChannel = Exclude<Channel, "web" | "certificate">;

const CHANNEL_TEXT: Record<IntakeChannel, { label: string; hint: string }> = {
  phone_domestic: { label: "Domestic hotline", hint: "A caller on the US line (COC-21.1)." },
  phone_international: { label: "International hotline", hint: "A caller from another country (COC-21.1)." },
  letter: {
    label: "Letter to the General Counsel",
    hint: "A letter or call to the Legal Department (COC-0.3).",
  },
  internal: { label: "My own report", hint: "You report as yourself, from the app." },
};

/** The channels this user may file through: phone for operators, letters for Legal, and their own report. */
const channelsOf = (me: Me | undefined): IntakeChannel[] => [
  ...(hasPermission(me, "speakup.intake_phone") ? (["phone_domestic", "phone_international"] as const) : []),
  ...(hasPermission(me, "speakup.intake_letter") ? (["letter"] as const) : []),
  "internal",
];

/** Works where crypto.randomUUID does not (plain http on a hostname). */
const newKey = () => {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
};

const countryOptions = (() => {
  const names = new Intl.DisplayNames(["en"], { type: "region" });
  const options: { value: string; label: string }[] = [];
  for (let a = 65; a <= 90; a++)
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      const name = names.of(code);
      if (name && name !== code && code !== "ZZ") options.push({ value: code, label: name });
    }
  return options.sort((x, y) => x.label.localeCompare(y.label));
})();

const readBase64 = (file: File) =>
  new Promise<{ filename: string; contentType: string; base64: string }>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve({
        filename: file.name,
        contentType: file.type || "application/octet-stream",
        base64: url.slice(url.indexOf(",") + 1),
      });
    };
    reader.onerror = () => reject(reader.error ?? new Error(`Could not read ${file.name}`));
    reader.readAsDataURL(file);
  });

/** Maps problem paths ("identity.email", "involved.0.name") to the form's fields. */
const errorsOf = (error: unknown): Record<string, string> => {
  const result: Record<string, string> = {};
  if (!isApiError(error)) return result;
  for (const e of error.problem.errors ?? []) {
    const [head, sub] = String(e.path)
      .replace(/^body\./, "")
      .split(".");
    const field =
      head === "identity" ? (sub === "name" ? "name" : sub ? "contact" : "identity") : (head ?? "");
    if (field && !result[field]) result[field] = e.message.replace(/^./, (c) => c.toUpperCase());
  }
  return result;
};

type Involved = { name: string; personId: string | null };

/** One form for the in-app channels: hotline calls, letters to the General Counsel and employees' own reports. */
export const IntakePage = () => {
  const { data: me } = useMe();
  const channels = channelsOf(me);
  const canReadPeople = hasPermission(me, "people.read");
  const vocabulary = useOp("speakup.vocabulary", {}, { staleTime: VOCABULARY_STALE_MS });
  const entities = useQuery(entitiesQuery);
  const [filed, setFiled] = useState<FiledReport | null>(null);
  const [filedChannel, setFiledChannel] = useState<IntakeChannel>("internal");
  const [formKey, setFormKey] = useState(0);

  if (filed)
    return (
      <Stack maw={760}>
        <PageHeader title="Report filed" />
        <ReceiptCard filed={filed} channel={filedChannel} canOpenCase={hasPermission(me, "speakup.handle")} />
        <Group>
          <Button
            variant="light"
            onClick={() => {
              setFiled(null);
              setFormKey((k) => k + 1);
            }}
          >
            File another report
          </Button>
        </Group>
      </Stack>
    );

  return (
    <Stack>
      <Stack maw={900}>
        <PageHeader
          title="Report a concern"
          description="File a report that came in by phone or letter, or report a concern yourself. Reports are encrypted; people named in them never see them (COC-21.1, COC-22.2)."
        />
        {/* First, so the certificate's "My reports" link lands on it (COC-23.2); nothing when there are none. */}
        <MyReports />
      </Stack>
      <IntakeForm
        key={formKey}
        me={me}
        channels={channels}
        canReadPeople={canReadPeople}
        categories={vocabularyOptions(vocabulary.data?.categories)}
        limits={vocabulary.data?.attachments}
        entities={(entities.data?.items ?? []).map((e) => ({ value: e.id, label: e.name }))}
        onFiled={(result, channel) => {
          setFiledChannel(channel);
          setFiled(result);
        }}
      />
    </Stack>
  );
};

type IntakeFormProps = {
  me: Me | undefined;
  channels: IntakeChannel[];
  canReadPeople: boolean;
  categories: { value: string; label: string }[];
  limits: { maxFiles: number; maxBytes: number; extensions: string[] } | undefined;
  entities: { value: string; label: string }[];
  onFiled: (filed: FiledReport, channel: IntakeChannel) => void;
};

const IntakeForm = ({
  me,
  channels,
  canReadPeople,
  categories,
  limits,
  entities,
  onFiled,
}: IntakeFormProps) => {
  const queryClient = useQueryClient();
  const idempotencyKey = useMemo(newKey, []);
  const [channel, setChannel] = useState<IntakeChannel>(channels[0] ?? "internal");
  const isInternal = channel === "internal";
  const isPhone = channel === "phone_domestic" || channel === "phone_international";
  const [category, setCategory] = useState<string | null>(null);
  const [summary, setSummary] = useState("");
  const [details, setDetails] = useState("");
  const [occurredOn, setOccurredOn] = useState("");
  const [country, setCountry] = useState<string | null>(null);
  const [site, setSite] = useState("");
  const [legalEntityId, setLegalEntityId] = useState<string | null>(null);
  const [names, setNames] = useState<string[]>([]);
  const [picked, setPicked] = useState<Involved[]>([]);
  const [pickerValue, setPickerValue] = useState<string | null>(null);
  const [senior, setSenior] = useState(false);
  const [howKnown, setHowKnown] = useState("");
  const [mode, setMode] = useState<IdentityMode>(isInternal ? "confidential" : "anonymous");
  const [name, setName] = useState("");
  const [contact, setContact] = useState("");
  const [password, setPassword] = useState("");
  const [files, setFiles] = useState<File[]>([]);

  const chooseChannel = (next: IntakeChannel) => {
    setChannel(next);
    if (next === "internal" && mode === "anonymous") setMode("confidential");
  };

  const file = useMutation({
    mutationFn: async () => {
      const identity =
        mode === "anonymous"
          ? null
          : isInternal
            ? { name: me?.user.displayName ?? null, email: me?.user.email ?? null, phone: null }
            : {
                name: name.trim() || null,
                email: contact.includes("@") ? contact.trim() : null,
                phone: contact.includes("@") ? null : contact.trim() || null,
              };
      return call("speakup.intake", {
        body: {
          channel,
          category: category ?? undefined,
          summary,
          details,
          occurredOn: occurredOn || null,
          country,
          site,
          legalEntityId,
          involved: [...picked, ...names.map((n) => ({ name: n, personId: null }))],
          involvesSeniorManagement: senior,
          howKnown,
          identityMode: mode,
          identity,
          // A caller sets their own password with the one-time code: the operator never chooses it.
          ...(isPhone ? {} : { password }),
          idempotencyKey,
          attachments: await Promise.all(files.map(readBase64)),
          // Sent as typed, unfinished fields included: the server names what is missing, by field.
        } as Args<"speakup.intake">["body"],
      });
    },
    onSuccess: (result) => {
      notifications.show({ color: "green", title: "Report filed", message: result.number });
      onFiled(result, channel);
    },
    // Take keyboard and screen-reader users to the first field that needs attention.
    onError: () =>
      setTimeout(() => document.querySelector<HTMLElement>('form [aria-invalid="true"]')?.focus(), 0),
  });
  const errors = errorsOf(file.error);
  const hasFieldErrors = Object.keys(errors).length > 0;
  const modes: { value: IdentityMode; label: string; hint: string }[] = [
    ...(isInternal
      ? []
      : [
          {
            value: "anonymous" as const,
            label: "Anonymous",
            hint: "Nobody learns who called or wrote; they follow up with the receipt and password.",
          },
        ]),
    {
      value: "confidential",
      label: "Confidential",
      hint: "Only the people handling the report learn the name (COC-22.2, SOC-5).",
    },
    { value: "open", label: "Open", hint: "The reporter is happy to be named in the investigation." },
  ];

  return (
    <Stack maw={900}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          file.mutate();
        }}
      >
        <Stack>
          <Paper p="md">
            <Radio.Group
              label="How the report came in"
              value={channel}
              onChange={(v) => chooseChannel(v as IntakeChannel)}
              error={errors.channel}
            >
              <SimpleGrid cols={{ base: 1, sm: Math.min(channels.length, 4) }} mt="xs">
                {channels.map((c) => (
                  <Radio key={c} value={c} label={CHANNEL_TEXT[c].label} description={CHANNEL_TEXT[c].hint} />
                ))}
              </SimpleGrid>
            </Radio.Group>
            {isInternal ? (
              <Alert variant="light" color="blue" mt="md">
                Reporting from the app identifies you to the people handling the report. To stay anonymous,
                use the <a href="/speakup/report">public portal</a> or the hotline instead.
              </Alert>
            ) : null}
          </Paper>

          <Section title="What happened">
            <Stack gap="sm">
              <Select
                label="What is it about?"
                withAsterisk
                placeholder="Choose…"
                data={categories}
                value={category}
                onChange={setCategory}
                searchable
                error={errors.category}
              />
              <TextInput
                label="In a few words"
                withAsterisk
                maxLength={200}
                value={summary}
                onChange={(e) => setSummary(e.currentTarget.value)}
                error={errors.summary}
              />
              <Textarea
                label="What happened"
                description="What, who, how, and anything that would help look into it."
                autosize
                minRows={5}
                maxLength={20000}
                value={details}
                onChange={(e) => setDetails(e.currentTarget.value)}
                error={errors.details}
              />
            </Stack>
          </Section>

          <Section title="When and where">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label="When did it happen?"
                type="date"
                value={occurredOn}
                onChange={(e) => setOccurredOn(e.currentTarget.value)}
                error={errors.occurredOn}
              />
              <Select
                label="Country"
                data={countryOptions}
                value={country}
                onChange={setCountry}
                searchable
                clearable
                error={errors.country}
              />
              <TextInput
                label="Site or office"
                maxLength={200}
                value={site}
                onChange={(e) => setSite(e.currentTarget.value)}
                error={errors.site}
              />
              <Select
                label="Legal entity"
                data={entities}
                value={legalEntityId}
                onChange={setLegalEntityId}
                searchable
                clearable
                error={errors.legalEntityId}
              />
            </SimpleGrid>
          </Section>

          <Section title="Who is involved">
            <Stack gap="sm">
              <TagsInput
                label="Names of the people involved"
                description="Press Enter after each name. Anyone named is kept away from the report (COC-22.2); naming the CEO, a senior officer, the General Counsel or a director sends it to the Audit Committee (SOC-4)."
                value={names}
                onChange={setNames}
                maxTags={20}
                clearable
                error={errors.involved}
              />
              {canReadPeople ? (
                <PersonPicker
                  label="Or pick them from the directory"
                  value={pickerValue}
                  onChange={(id) => {
                    setPickerValue(null);
                    if (!id || picked.some((p) => p.personId === id)) return;
                    void queryClient
                      .fetchQuery(personQuery(id))
                      .then((person) =>
                        setPicked((list) => [...list, { personId: id, name: person.displayName }]),
                      );
                  }}
                  placeholder="Type a name, then choose"
                />
              ) : null}
              {picked.length ? (
                <Group gap="xs">
                  {picked.map((p) => (
                    <Button
                      key={p.personId}
                      size="compact-sm"
                      variant="light"
                      color="gray"
                      onClick={() => setPicked(picked.filter((x) => x !== p))}
                      aria-label={`Remove ${p.name}`}
                      title="Remove"
                    >
                      {p.name} ×
                    </Button>
                  ))}
                </Group>
              ) : null}
              <Checkbox
                label="It involves a director, the CEO, a senior officer or the General Counsel"
                checked={senior}
                onChange={(e) => setSenior(e.currentTarget.checked)}
              />
              <Textarea
                label="How does the reporter know?"
                autosize
                minRows={2}
                maxLength={2000}
                value={howKnown}
                onChange={(e) => setHowKnown(e.currentTarget.value)}
                error={errors.howKnown}
              />
            </Stack>
          </Section>

          <Section title="Files">
            <FileInput
              label="Documents or pictures"
              description={
                limits
                  ? `Up to ${limits.maxFiles} files of ${limits.maxBytes / 1024 / 1024} MB: ${limits.extensions.join(", ")}.`
                  : undefined
              }
              placeholder="Choose files"
              multiple
              clearable
              leftSection={<IconPaperclip size={16} />}
              value={files}
              onChange={setFiles}
              error={errors.attachments}
            />
            <Text size="xs" c="orange.9" mt={6}>
              Files can carry hidden details about who made them (author, device, GPS position in photos).
            </Text>
          </Section>

          <Section title={isInternal ? "You" : "The reporter"}>
            <Radio.Group
              value={mode}
              onChange={(v) => setMode(v as IdentityMode)}
              label="Identity"
              error={errors.identity}
            >
              <Stack gap="xs" mt="xs">
                {modes.map((m) => (
                  <Radio key={m.value} value={m.value} label={m.label} description={m.hint} />
                ))}
              </Stack>
            </Radio.Group>
            {mode !== "anonymous" && isInternal ? (
              <Text size="sm" mt="sm">
                Filed as <strong>{me?.user.displayName}</strong> ({me?.user.email}).
              </Text>
            ) : null}
            {mode !== "anonymous" && !isInternal ? (
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" mt="sm">
                <TextInput
                  label="Reporter's name"
                  maxLength={200}
                  value={name}
                  onChange={(e) => setName(e.currentTarget.value)}
                  error={errors.name}
                />
                <TextInput
                  label="E-mail or phone"
                  maxLength={200}
                  value={contact}
                  onChange={(e) => setContact(e.currentTarget.value)}
                  error={errors.contact}
                />
              </SimpleGrid>
            ) : null}
            {isPhone ? (
              <Text size="sm" mt="md" c="dimmed">
                The caller chooses their own mailbox password: after filing you get the receipt and a one-time
                code to read to them. With both they set a password at /speakup/mailbox/setup that nobody else
                knows.
              </Text>
            ) : (
              <PasswordInput
                mt="md"
                label={isInternal ? "Your mailbox password" : "Mailbox password"}
                description={
                  isInternal
                    ? "With it and the receipt you read and answer questions in the mailbox. At least 8 characters; nobody can recover it."
                    : "Send it to the writer with the receipt (at least 8 characters)."
                }
                withAsterisk
                autoComplete="new-password"
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                error={errors.password}
              />
            )}
          </Section>

          {file.error && !hasFieldErrors ? <ErrorAlert error={file.error} /> : null}
          {hasFieldErrors ? (
            <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} role="alert">
              The report was not filed yet: please check the highlighted fields.
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <ButtonLink to="/speakup/cases" variant="default">
              Cancel
            </ButtonLink>
            <Button type="submit" loading={file.isPending}>
              File the report
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
};
