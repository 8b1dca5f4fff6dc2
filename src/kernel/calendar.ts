import Holidays from "date-holidays";
import { isoDate } from "./clock.ts";

/**
 * The US banking calendar: weekends and the Federal Reserve's bank holidays. Every deadline a
 * document states in business days is computed here. Dates are calendar dates, `YYYY-MM-DD`.
 */
const hd = new Holidays("US", { types: ["public", "bank"] });
const cache = new Map<number, Set<string>>();

// Days the Federal Reserve Banks close (date-holidays marks some of them "observance" only).
const BANK_HOLIDAY_NAMES = new Set([
  "New Year's Day",
  "Martin Luther King Jr. Day",
  "Washington's Birthday",
  "Memorial Day",
  "Juneteenth",
  "Independence Day",
  "Labor Day",
  "Columbus Day",
  "Veterans Day",
  "Thanksgiving Day",
  "Christmas Day",
]);

function holidaysOf(year: number): Set<string> {
  let set = cache.get(year);
  if (!set) {
    set = new Set();
    for (const h of hd.getHolidays(year)) {
      const isSubstitute = h.name.endsWith(" (substitute day)");
      const name = h.name.replace(" (substitute day)", "");
      if (!BANK_HOLIDAY_NAMES.has(name)) continue;
      if (name === "Juneteenth" && year < 2022) continue;
      const date = h.date.slice(0, 10);
      // The Federal Reserve moves a Sunday holiday to Monday but stays open on the Friday before a
      // Saturday holiday, unlike the federal government.
      if (isSubstitute && new Date(`${date}T00:00:00Z`).getUTCDay() !== 1) continue;
      set.add(date);
    }
    cache.set(year, set);
  }
  return set;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function toUtcDate(date: string): Date {
  if (!DATE.test(date)) throw new RangeError(`"${date}" is not a date (YYYY-MM-DD).`);
  const d = new Date(`${date}T00:00:00.000Z`);
  if (Number.isNaN(d.getTime()) || isoDate(d) !== date) {
    throw new RangeError(`"${date}" is not a real calendar date.`);
  }
  return d;
}

const fmt = (d: Date) => isoDate(d);

export function isBankHoliday(date: string): boolean {
  const d = toUtcDate(date);
  return holidaysOf(d.getUTCFullYear()).has(date);
}

export function isBusinessDay(date: string): boolean {
  const d = toUtcDate(date);
  const dow = d.getUTCDay();
  return dow !== 0 && dow !== 6 && !holidaysOf(d.getUTCFullYear()).has(date);
}

/** The date `n` business days after `date` (before, when n is negative); n = 0 returns `date`. */
export function addBusinessDays(date: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError("n must be a whole number of business days.");
  const d = toUtcDate(date);
  const step = n < 0 ? -1 : 1;
  let left = Math.abs(n);
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + step);
    if (isBusinessDay(fmt(d))) left -= 1;
  }
  return fmt(d);
}

/** Business days in (from, to]: the count a deadline clock shows. */
export function businessDaysBetween(from: string, to: string): number {
  const a = toUtcDate(from);
  const b = toUtcDate(to);
  const sign = b >= a ? 1 : -1;
  let count = 0;
  const d = new Date(a);
  while (sign > 0 ? d < b : d > b) {
    d.setUTCDate(d.getUTCDate() + sign);
    if (isBusinessDay(fmt(d))) count += sign;
  }
  return count;
}

export function addCalendarDays(date: string, n: number): string {
  const d = toUtcDate(date);
  d.setUTCDate(d.getUTCDate() + n);
  return fmt(d);
}
