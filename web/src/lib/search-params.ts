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

/** Drops empty values so URLs stay short. */
export const compact = <T extends Record<string, unknown>>(value: T): T => {
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item !== undefined && item !== null && item !== "") result[key] = item;
  }
  return result as T;
};
