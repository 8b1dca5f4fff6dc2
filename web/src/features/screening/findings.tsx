import { Badge, List, Text, ThemeIcon } from "@mantine/core";
import { IconCheck, IconX } from "@tabler/icons-react";
import type { Schema } from "../../api/client.ts";

type Finding = Schema<"TransactionCheckView">["findings"][number];

/** The checks of COC-18.1, 18.2, 19.1 and 20.1, one line each, the failed ones first. */
export function Findings({ findings }: { findings: Finding[] }) {
  const sorted = [...findings].sort((a, b) => Number(a.ok) - Number(b.ok));
  return (
    <List spacing={4} size="sm" aria-label="Check findings">
      {sorted.map((f) => (
        <List.Item
          key={f.rule + f.message}
          icon={
            <ThemeIcon color={f.ok ? "green" : "red"} size={18} radius="xl" aria-hidden>
              {f.ok ? <IconCheck size={12} /> : <IconX size={12} />}
            </ThemeIcon>
          }
        >
          <Badge size="xs" variant="light" color={f.ok ? "green" : "red"} mr={6}>
            {f.rule}
          </Badge>
          <Text span size="sm" c={f.ok ? undefined : "red.8"}>
            {f.ok ? "Passes: " : "Fails: "}
            {f.message.replace(/^Refused \(COC-[\d.]+\): /, "")}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}
