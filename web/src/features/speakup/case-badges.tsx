import { Badge } from "@mantine/core";
import { type CaseStatus, type Overdue, STATUS_COLOR, STATUS_LABEL } from "./speakup-api.ts";

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

/** Missed deadlines of the EU Directive 2019/1937: acknowledge within 7 days, feedback within 3 months. */
export const DeadlineBadges = ({ overdue }: { overdue: Overdue }) => (
  <>
    {overdue.acknowledgement ? (
      <Badge size="sm" color="red" variant="filled" style={{ flexShrink: 0 }}>
        Acknowledgement overdue
      </Badge>
    ) : null}
    {overdue.feedback ? (
      <Badge size="sm" color="red" variant="filled" style={{ flexShrink: 0 }}>
        Feedback overdue
      </Badge>
    ) : null}
  </>
);
