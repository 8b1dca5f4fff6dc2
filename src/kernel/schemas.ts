import { z } from "zod";
import { isoDate } from "./clock.ts";

/** Input pieces every domain's schemas share. */

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** `YYYY-MM-DD` naming a day that exists (no 2026-02-30). */
export const isCalendarDate = (value: string) => {
  if (!DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && isoDate(d) === value;
};

export const calendarDate = z
  .string()
  .refine(isCalendarDate, { message: "must be a real date written YYYY-MM-DD" });
