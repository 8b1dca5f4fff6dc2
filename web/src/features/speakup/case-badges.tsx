import { Badge } from "@mantine/core";
import type { StatusStyle } from "../../components/status-badge.tsx";
import { type CaseStatus, type Clocks, STATUS_COLOR, STATUS_LABEL } from "./vocabulary.ts";

/** Words and colour of each case status, for the shared StatusBadge. */
export const CASE_STATUS_STYLES = Object.fromEntries(
  (Object.keys(STATUS_LABEL) as CaseStatus[]).map((status) => [
    status,
    { label: STATUS_LABEL[status], color: STATUS_COLOR[status] },
  ]),
) as Record<CaseStatus, StatusStyle>;

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
