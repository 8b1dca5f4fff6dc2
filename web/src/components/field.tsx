import { Group, Text } from "@mantine/core";
import type { ReactNode } from "react";

type FieldProps = {
  label: string;
  children: ReactNode;
  /** `caps`: small upper-case label above the value (detail pages); `plain`: small dimmed label above;
   * `row`: label in a fixed-width column beside the value (long read-outs). */
  variant?: "caps" | "plain" | "row";
};

/** One labelled, read-only value on a detail page. */
export const Field = ({ label, children, variant = "caps" }: FieldProps) => {
  if (variant === "row")
    return (
      <Group gap="xs" align="flex-start" wrap="nowrap">
        <Text size="sm" c="dimmed" w={200} style={{ flexShrink: 0 }}>
          {label}
        </Text>
        <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
          {children}
        </Text>
      </Group>
    );
  if (variant === "plain")
    return (
      <div>
        <Text size="xs" c="dimmed">
          {label}
        </Text>
        <Text size="sm">{children}</Text>
      </div>
    );
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text size="sm" component="div" mt={2} style={{ overflowWrap: "anywhere" }}>
        {children}
      </Text>
    </div>
  );
};

/** A Field with its label in a column beside the value (`variant="row"`). */
export const RowField = (props: Omit<FieldProps, "variant">) => <Field {...props} variant="row" />;

/** A Field with a small plain label above the value (`variant="plain"`). */
export const PlainField = (props: Omit<FieldProps, "variant">) => <Field {...props} variant="plain" />;
