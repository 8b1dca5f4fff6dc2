import { isoDate } from "../../kernel/clock.ts";
/** Calendar arithmetic on YYYY-MM-DD strings (UTC), as the look-backs need it. */

/** The same day `n` years earlier; 29 February falls back to the 28th. */
export function yearsBefore(date: string, n: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const year = y - n;
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${String(year).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

export const todayOf = (now: Date) => isoDate(now);
export const yearOf = (date: string) => Number(date.slice(0, 4));
