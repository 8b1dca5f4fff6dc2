// One way to write a form that talks to the API: values, client checks, submit through TanStack
// Query, and the server's problem+json `errors: [{ path, message }]` attached to the fields by path,
// summarised at the top in words (the field's label, never its internal name), with focus moved there.
import { Alert, Anchor, List, Text } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { type UseMutationResult, useMutation } from "@tanstack/react-query";
import {
  type FormEvent,
  type ReactNode,
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from "react";
import { type ApiError, errorMessage, isApiError } from "../lib/api.ts";

/** Field path (`typedName`, `answers.role`) → the label the person sees ("Your full name"). */
export type FormLabels = Readonly<Record<string, string>>;
export type FormErrors = Partial<Record<string, string>>;

type Values = Record<string, unknown>;

type UseApiFormOptions<V extends Values, R> = {
  initialValues: V;
  /** Labels of the fields by path; also decides which server paths attach to a field. A function when
   * the fields depend on the values (a questionnaire whose questions follow the chosen type). */
  labels: FormLabels | ((values: V) => FormLabels);
  /** Checks in the browser before sending: path → message (same words as the server's). */
  validate?: (values: V) => FormErrors;
  submit: (values: V) => Promise<R>;
  onSuccess?: (result: R, values: V) => void;
  /** Maps a server path the labels do not know (e.g. `answers.0.details`) to a field path. */
  mapPath?: (serverPath: string) => string | undefined;
};

type InputProps = {
  id: string;
  name: string;
  // biome-ignore lint/suspicious/noExplicitAny: each Mantine input types its value its own way (as Mantine's useForm)
  value?: any;
  checked?: boolean;
  error?: string;
  onChange: (input: unknown) => void;
};

export type ApiForm<V extends Values, R = unknown> = {
  id: string;
  values: V;
  setValues: (values: V) => void;
  setValue: (path: string, value: unknown) => void;
  getInputProps: (path: string, options?: { type?: "checkbox" }) => InputProps;
  /** The error on a field (client or server), cleared as soon as the field is edited. */
  errors: FormErrors;
  /** Server errors no field claims, and the problem's own message when it carries no field errors. */
  generalErrors: string[];
  labels: FormLabels;
  isDirty: boolean;
  reset: (values?: V) => void;
  onSubmit: (event?: FormEvent) => void;
  mutation: UseMutationResult<R, unknown, V>;
  fieldId: (path: string) => string;
  summaryRef: React.RefObject<HTMLDivElement | null>;
};

const segmentsOf = (path: string) =>
  path
    .split(/[./[\]]+/)
    .filter((segment) => segment !== "")
    .filter((segment, index) => !(index === 0 && segment === "body"));

export const getPath = (values: unknown, path: string): unknown =>
  segmentsOf(path).reduce<unknown>(
    (node, key) => (node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined),
    values,
  );

export const setPath = <V,>(values: V, path: string, value: unknown): V => {
  const [head, ...rest] = segmentsOf(path);
  if (head === undefined) return values;
  const node = (values && typeof values === "object" ? values : {}) as Record<string, unknown>;
  const next = rest.length ? setPath(node[head], rest.join("."), value) : value;
  // A list stays a list (`compensation.0.amount` edits one row of a questionnaire section).
  if (Array.isArray(node)) return node.map((item, index) => (String(index) === head ? next : item)) as V;
  return { ...node, [head]: next } as V;
};

/** Finds the field a server path belongs to: the exact path, else the longest known suffix. */
export const matchPath = (serverPath: string, labels: FormLabels): string | undefined => {
  const segments = segmentsOf(serverPath);
  for (let start = 0; start < segments.length; start++) {
    const candidate = segments.slice(start).join(".");
    if (candidate in labels) return candidate;
  }
  return undefined;
};

/** Splits a refused request into errors per field and sentences for the summary. */
export const problemErrors = (
  error: unknown,
  labels: FormLabels,
  mapPath?: (serverPath: string) => string | undefined,
): { fields: FormErrors; general: string[] } => {
  const fields: FormErrors = {};
  const general: string[] = [];
  if (!error) return { fields, general };
  const items = isApiError(error) ? (error.problem.errors ?? []) : [];
  for (const item of items) {
    const path = matchPath(String(item.path ?? ""), labels) ?? mapPath?.(String(item.path ?? ""));
    if (path) {
      if (!fields[path]) fields[path] = item.message;
    } else if (!general.includes(item.message)) general.push(item.message);
  }
  // The problem's detail repeats the field errors with internal names; show it only when it stands alone.
  if (items.length === 0) general.push(errorMessage(error));
  return { fields, general };
};

const readInput = (input: unknown, type?: "checkbox") => {
  if (input && typeof input === "object" && "currentTarget" in input) {
    const target = (input as { currentTarget: HTMLInputElement }).currentTarget;
    return type === "checkbox" ? target.checked : target.value;
  }
  return input;
};

export const useApiForm = <V extends Values, R = unknown>(
  options: UseApiFormOptions<V, R>,
): ApiForm<V, R> => {
  const { validate, submit, onSuccess, mapPath } = options;
  const id = useId();
  const [initial, setInitial] = useState(options.initialValues);
  const [values, setValuesState] = useState(options.initialValues);
  const labels = typeof options.labels === "function" ? options.labels(values) : options.labels;
  const [errors, setErrors] = useState<FormErrors>({});
  const [generalErrors, setGeneralErrors] = useState<string[]>([]);
  const [attempt, setAttempt] = useState(0);
  const summaryRef = useRef<HTMLDivElement | null>(null);

  const mutation = useMutation<R, unknown, V>({
    mutationFn: submit,
    onSuccess: (result, sent) => onSuccess?.(result, sent),
    onError: (error) => {
      const found = problemErrors(error, labels, mapPath);
      setErrors(found.fields);
      setGeneralErrors(found.general);
      setAttempt((n) => n + 1);
    },
  });

  // Focus moves to the summary after every refused attempt, so a screen reader hears what is wrong.
  useEffect(() => {
    if (attempt > 0) summaryRef.current?.focus();
  }, [attempt]);

  const fieldId = useCallback((path: string) => `${id}-${path.replace(/[^\w-]/g, "-")}`, [id]);

  const setValue = useCallback((path: string, value: unknown) => {
    setValuesState((current) => setPath(current, path, value));
    setErrors((current) => {
      if (!(path in current)) return current;
      const { [path]: _cleared, ...rest } = current;
      return rest;
    });
  }, []);

  const form: ApiForm<V, R> = {
    id,
    values,
    setValues: setValuesState,
    setValue,
    getInputProps: (path, inputOptions) => {
      const value = getPath(values, path);
      return {
        id: fieldId(path),
        name: path,
        ...(inputOptions?.type === "checkbox" ? { checked: Boolean(value) } : { value: value ?? "" }),
        error: errors[path],
        onChange: (input: unknown) => setValue(path, readInput(input, inputOptions?.type)),
      };
    },
    errors,
    generalErrors,
    labels,
    isDirty: JSON.stringify(values) !== JSON.stringify(initial),
    reset: (next) => {
      const base = next ?? options.initialValues;
      setInitial(base);
      setValuesState(base);
      setErrors({});
      setGeneralErrors([]);
      mutation.reset();
    },
    onSubmit: (event) => {
      event?.preventDefault();
      const local = validate?.(values) ?? {};
      if (Object.keys(local).length > 0) {
        setErrors(local);
        setGeneralErrors([]);
        setAttempt((n) => n + 1);
        return;
      }
      setErrors({});
      setGeneralErrors([]);
      mutation.mutate(values);
    },
    mutation,
    fieldId,
    summaryRef,
  };
  return form;
};

type FormErrorSummaryProps = {
  // biome-ignore lint/suspicious/noExplicitAny: any form's values and result
  form: ApiForm<any, any>;
  /** Heading when the server refused without naming fields (e.g. "Not signed"). */
  title?: string;
  children?: ReactNode;
};

/**
 * The summary at the top of a refused form: one line per problem, with the field's label in words and a
 * link that moves focus to the field. Receives focus after each refused submit.
 */
export const FormErrorSummary = ({ form, title, children }: FormErrorSummaryProps) => {
  const fieldEntries = useMemo(
    () => Object.entries(form.errors).filter(([, message]) => message),
    [form.errors],
  );
  if (fieldEntries.length === 0 && form.generalErrors.length === 0) return null;
  const status = isApiError(form.mutation.error) ? (form.mutation.error as ApiError).status : undefined;
  const heading =
    fieldEntries.length > 0
      ? fieldEntries.length === 1
        ? "Please correct 1 field"
        : `Please correct ${fieldEntries.length} fields`
      : (title ?? (status === 403 ? "Not allowed" : status === 404 ? "Not found" : "Not saved"));
  return (
    <Alert
      ref={form.summaryRef}
      tabIndex={-1}
      color="red"
      variant="light"
      title={heading}
      icon={<IconAlertTriangle size={18} />}
      role="alert"
      data-testid="form-error-summary"
    >
      {form.generalErrors.map((message) => (
        <Text size="sm" key={message}>
          {message}
        </Text>
      ))}
      {fieldEntries.length > 0 ? (
        <List size="sm" mt={form.generalErrors.length ? "xs" : 0}>
          {fieldEntries.map(([path, message]) => (
            <List.Item key={path}>
              <Anchor
                href={`#${form.fieldId(path)}`}
                size="sm"
                onClick={(event) => {
                  event.preventDefault();
                  document.getElementById(form.fieldId(path))?.focus();
                }}
              >
                {form.labels[path] ?? "This field"}
              </Anchor>
              {`: ${message}`}
            </List.Item>
          ))}
        </List>
      ) : null}
      {children}
    </Alert>
  );
};
