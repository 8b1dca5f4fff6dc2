import { isoToday } from "../../kernel/clock.ts";
import type { Ctx } from "../../kernel/context.ts";
import { hasPermission } from "../../kernel/context.ts";
import { forbidden, invalid } from "../../kernel/errors.ts";
import { speakupDb } from "./db.ts";
import { visibleTo } from "./policy.ts";
import type { SpeakupStatsView } from "./views.ts";
import { CATEGORIES, CHANNEL_LABELS, CHANNELS } from "./vocabulary.ts";

/** Published hotline benchmarks: NAVEX, 2024 Risk & Compliance Hotline & Incident Management Benchmark Report. */
export const NAVEX_2024 = {
  reportsPer100Employees: 1.57,
  substantiatedShare: 0.46,
  anonymousShare: 0.56,
  medianDaysToClose: 45,
};

/** Counts below this are hidden so no one can be singled out. */
export const MIN_CELL = 5;

// Zero identifies no one and is shown; one to four are withheld.
const hide = (n: number) => (n > 0 && n < MIN_CELL ? null : n);
const share = (part: number, whole: number) =>
  whole < MIN_CELL ? null : Math.round((part / whole) * 1000) / 1000;

function median(values: number[]): number | null {
  if (values.length < MIN_CELL) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export type Period = { from: string; to: string };

export function periodOf(
  input: { from?: string | undefined; to?: string | undefined; quarter?: string | undefined },
  today: string,
): Period {
  if (input.quarter) {
    const m = /^(\d{4})-Q([1-4])$/.exec(input.quarter);
    if (!m)
      throw invalid("A quarter is written like 2026-Q1.", [{ path: "quarter", message: "use YYYY-Qn" }]);
    const year = Number(m[1]);
    const q = Number(m[2]);
    const start = `${year}-${String((q - 1) * 3 + 1).padStart(2, "0")}-01`;
    const endMonth = q * 3;
    const end = new Date(Date.UTC(year, endMonth, 0)).toISOString().slice(0, 10);
    return { from: start, to: end };
  }
  const from = input.from ?? `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
  const to = input.to ?? today;
  if (from > to)
    throw invalid("The period starts after it ends.", [{ path: "from", message: "is after to" }]);
  return { from, to };
}

/**
 * Hotline statistics over the cases the actor may see, compared with NAVEX's published figures.
 * Every count under five is withheld, and so is any share or median computed from fewer than five.
 */
export async function getStats(
  ctx: Ctx,
  input: { from?: string | undefined; to?: string | undefined; quarter?: string | undefined },
): Promise<SpeakupStatsView> {
  if (!hasPermission(ctx.actor, "speakup.stats"))
    throw forbidden("You may not see hotline statistics (speakup.stats).");
  const period = periodOf(input, isoToday(ctx.clock));
  const db = speakupDb(ctx);
  // Aggregated in SQL: one grouped pass over the visible cases, not a row per case in memory.
  const grouped = await db
    .selectFrom("speakup_cases as c")
    .where(visibleTo(ctx))
    .where("c.merged_into_id", "is", null)
    .where("c.received_at", ">=", `${period.from}T00:00:00.000Z`)
    .where("c.received_at", "<=", `${period.to}T23:59:59.999Z`)
    .select([
      "c.category",
      "c.channel",
      "c.country",
      "c.identity_mode",
      "c.outcome",
      (eb) => eb.fn.countAll<number>().as("n"),
    ])
    .groupBy(["c.category", "c.channel", "c.country", "c.identity_mode", "c.outcome"])
    .execute();
  const closedRows = await db
    .selectFrom("speakup_cases as c")
    .where(visibleTo(ctx))
    .where("c.merged_into_id", "is", null)
    .where("c.received_at", ">=", `${period.from}T00:00:00.000Z`)
    .where("c.received_at", "<=", `${period.to}T23:59:59.999Z`)
    .where("c.closed_at", "is not", null)
    .select(["c.received_at", "c.closed_at"])
    .execute();
  const { n: employees } = await db
    .selectFrom("persons")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("kind", "in", ["employee", "officer"])
    .where((eb) => eb.or([eb("end_date", "is", null), eb("end_date", ">=", period.to)]))
    .executeTakeFirstOrThrow();
  const days = (Date.parse(`${period.to}T23:59:59Z`) - Date.parse(`${period.from}T00:00:00Z`)) / 86_400_000;
  const sum = (pick: (g: (typeof grouped)[number]) => boolean) =>
    grouped.filter(pick).reduce((a, g) => a + Number(g.n), 0);
  const total = sum(() => true);
  const withOutcome = sum((g) => g.outcome !== null);
  const substantiated = sum((g) => g.outcome === "substantiated" || g.outcome === "partially_substantiated");
  const closeDays = closedRows.map(
    (r) => (Date.parse(r.closed_at!) - Date.parse(r.received_at)) / 86_400_000,
  );
  const count = <K extends string>(key: (g: (typeof grouped)[number]) => K) => {
    const m = new Map<K, number>();
    for (const g of grouped) m.set(key(g), (m.get(key(g)) ?? 0) + Number(g.n));
    return m;
  };
  const byCategory = count((r) => r.category);
  const byChannel = count((r) => r.channel);
  const byCountry = count((r) => r.country ?? "—");
  // Annualised, so a quarter compares with the yearly benchmark.
  const per100 =
    Number(employees) > 0 && total >= MIN_CELL
      ? Math.round((total / Number(employees)) * 100 * (365 / Math.max(days, 1)) * 100) / 100
      : null;
  return {
    period,
    minCell: MIN_CELL,
    employees: Number(employees),
    totals: {
      reports: hide(total),
      reportsPer100Employees: per100,
      anonymousShare: share(
        sum((g) => g.identity_mode === "anonymous"),
        total,
      ),
      substantiatedShare: share(substantiated, withOutcome),
      medianDaysToClose: median(closeDays),
      closed: hide(closeDays.length),
    },
    byCategory: CATEGORIES.map((c) => ({
      key: c.id,
      label: c.label,
      count: hide(byCategory.get(c.id) ?? 0),
    })),
    byChannel: CHANNELS.map((c) => ({
      key: c,
      label: CHANNEL_LABELS[c],
      count: hide(byChannel.get(c) ?? 0),
    })),
    // Only countries with five or more reports are named; the rest are pooled, so listing a
    // country never reveals that someone there reported.
    byCountry: [
      ...[...byCountry.entries()]
        .filter(([, n]) => n >= MIN_CELL)
        .sort((a, b) => b[1] - a[1])
        .map(([key, n]) => ({ key, label: key, count: n })),
      ...(() => {
        const rest = [...byCountry.values()].filter((n) => n < MIN_CELL).reduce((a, n) => a + n, 0);
        return rest > 0 ? [{ key: "other", label: "Other countries", count: hide(rest) }] : [];
      })(),
    ],
    benchmark: {
      source: "NAVEX 2024 Risk & Compliance Hotline & Incident Management Benchmark Report",
      ...NAVEX_2024,
    },
  };
}
