import { Paper, Skeleton, Stack } from "@mantine/core";
import type { ReactNode } from "react";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { usePageTitle } from "../../components/page-title.ts";

type SettingsPageProps<T> = {
  title: string;
  description: string;
  maw: number;
  /** The settings' read (a TanStack Query result). */
  query: { data: T | undefined; isError: boolean; error: unknown };
  /** The form, once the settings have loaded (its values start from them). */
  children: (data: T) => ReactNode;
};

/** A settings screen: its title at once, a skeleton while loading, the error, then the form in a card. */
export const SettingsPage = <T,>({ title, description, maw, query, children }: SettingsPageProps<T>) => {
  usePageTitle(title);
  if (query.isError) return <ErrorAlert error={query.error} />;
  if (!query.data) {
    return (
      <Stack>
        <Skeleton height={36} width={300} />
        <Skeleton height={260} />
      </Stack>
    );
  }
  return (
    <Stack maw={maw}>
      <PageHeader title={title} description={description} />
      <Paper p="lg">{children(query.data)}</Paper>
    </Stack>
  );
};
