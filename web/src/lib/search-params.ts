// Helpers for list screens whose filters live in the URL, so Back and shared links keep them.

export const pickString = (raw: Record<string, unknown>, key: string): string | undefined => {
  const value = raw[key];
  if (typeof value === "string" && value.trim() !== "") return value;
  if (typeof value === "number") return String(value);
  return undefined;
};

export const pickPage = (raw: Record<string, unknown>): number | undefined => {
  const value = Number(raw.page);
  return Number.isInteger(value) && value > 1 ? value : undefined;
};

/**
 * The moves of a list whose filters and page live in the URL: a filter change goes back to page 1,
 * page 1 is left out of the URL, and clearing empties it.
 */
export const urlList = <S extends { page?: number }>(search: S, onSearchChange: (search: S) => void) => ({
  update: (patch: Partial<S>) => onSearchChange(compact({ ...search, page: undefined, ...patch })),
  setPage: (next: number) => onSearchChange(compact({ ...search, page: next > 1 ? next : undefined })),
  clear: () => onSearchChange({} as S),
});

/** Drops empty values so URLs stay short. */
export const compact = <T extends Record<string, unknown>>(value: T): T => {
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item !== undefined && item !== null && item !== "") result[key] = item;
  }
  return result as T;
};
