import { type MantineSpacing, Paper, type PaperProps, Title } from "@mantine/core";
import type { ReactNode } from "react";

type SectionProps = Omit<PaperProps, "title"> & {
  /** The section's heading (an h2, in the size of an h4). */
  title: ReactNode;
  /** The space below the heading. */
  titleGap?: MantineSpacing;
  children: ReactNode;
};

/** A card of a page with its heading: the block of forms, detail and statistics pages. */
export const Section = ({ title, titleGap = "xs", p = "md", children, ...paper }: SectionProps) => (
  <Paper p={p} {...paper}>
    <Title order={2} size="h4" mb={titleGap}>
      {title}
    </Title>
    {children}
  </Paper>
);
