import { Badge } from "@mantine/core";
import { type CaseStatus, type Clocks, STATUS_COLOR, STATUS_LABEL } from "./vocabulary.ts";

export const StatusBadge = ({ status, size = "sm" }: { status: CaseStatus; size?: "sm" | "md" | "lg" }) => (
  <Badge
    size={size}
    variant="light"
    color={STATUS_COLOR[status]}
    style={{ flexShrink: 0, overflow: "visible" }}
    // The label's own ellipsis clipped "Acknowledged" in the case list's status column.
    styles={{ label: { overflow: "visible" } }}
  >
    {STATUS_LABEL[status]}
  </Badge>
);

const CLOCK_NAME = { acknowledgement: "Acknowledgement", feedback: "Feedback" } as const;

/**
 * Deadlines of the EU Directive 2019/1937 (acknowledge within 7 days, feedback within 3 months):
 * overdue on an open case, missed when met late or never met; a missed one stays on a closed case.
 */
export const DeadlineBadges = ({ clocks }: { clocks: Clocks }) => (
  <>
    {(["acknowledgement", "feedback"] as const).map((k) =>
      clocks[k] === "overdue" || clocks[k] === "missed" ? (
        <Badge
          key={k}
          size="sm"
          color="red"
          variant={clocks[k] === "overdue" ? "filled" : "outline"}
          style={{ flexShrink: 0 }}
        >
          {CLOCK_NAME[k]} {clocks[k]}
        </Badge>
      ) : null,
    )}
  </>
);
