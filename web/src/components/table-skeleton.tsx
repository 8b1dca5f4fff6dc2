import { Skeleton, Stack } from "@mantine/core";

export const TableSkeleton = ({ rows = 6 }: { rows?: number }) => (
  <Stack gap="xs" aria-busy="true" aria-label="Loading">
    <Skeleton height={32} />
    {Array.from({ length: rows }, (_, index) => (
      // biome-ignore lint/suspicious/noArrayIndexKey: static placeholder rows
      <Skeleton key={index} height={26} opacity={1 - index * 0.1} />
    ))}
  </Stack>
);
