import { Badge, type MantineSize } from "@mantine/core";

export type StatusStyle = { label: string; color: string };

type StatusBadgeProps = {
  status: string;
  /** Words and colour per status; an unknown status shows as itself in grey. */
  styles: Readonly<Record<string, StatusStyle>>;
  size?: MantineSize;
};

/** The one status badge: the label never truncates ("Acknowledged" was clipped in narrow columns). */
export const StatusBadge = ({ status, styles, size = "sm" }: StatusBadgeProps) => {
  const style = styles[status] ?? { label: status, color: "gray" };
  return (
    <Badge
      size={size}
      variant="light"
      color={style.color}
      style={{ flexShrink: 0, overflow: "visible" }}
      styles={{ root: { maxWidth: "none" }, label: { overflow: "visible" } }}
    >
      {style.label}
    </Badge>
  );
};
