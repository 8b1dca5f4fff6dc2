import { Badge } from "@mantine/core";
import { AnchorLink } from "../../components/router-links.tsx";
import { STATUS_LABELS } from "./disclosures-api.ts";

// Shared by the disclosures page and its tabs (its own file: the tabs importing the page was a cycle).
export const StatusBadge = ({ status }: { status: string }) => {
  const s = STATUS_LABELS[status] ?? { label: status, color: "gray" };
  return (
    <Badge
      color={s.color}
      variant="light"
      style={{ flexShrink: 0 }}
      styles={{ root: { maxWidth: "none" }, label: { overflow: "visible" } }}
    >
      {s.label}
    </Badge>
  );
};

export const DetailLink = ({
  section,
  id,
  children,
}: {
  section: string;
  id: string;
  children: React.ReactNode;
}) => (
  <AnchorLink to="/disclosures/$section/$id" params={{ section, id }} fw={500}>
    {children}
  </AnchorLink>
);
