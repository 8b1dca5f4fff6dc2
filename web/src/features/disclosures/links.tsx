import { AnchorLink } from "../../components/router-links.tsx";

// Shared by the disclosures page and its tabs (its own file: the tabs importing the page was a cycle).
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
