/** An injectable clock, so tests can move time. */
export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };

export type ManualClock = Clock & { set(iso: string | Date): void; advance(ms: number): void };

export function manualClock(start: string | Date = "2026-01-05T09:00:00.000Z"): ManualClock {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (iso) => {
      current = new Date(iso);
    },
    advance: (ms) => {
      current = new Date(current.getTime() + ms);
    },
  };
}

export const isoNow = (clock: Clock) => clock.now().toISOString();

/** The calendar date (UTC, `YYYY-MM-DD`) of an instant: a Date, or an ISO timestamp. The one date helper. */
export const isoDate = (instant: Date | string): string =>
  typeof instant === "string" ? instant.slice(0, 10) : instant.toISOString().slice(0, 10);

/** Today's date (UTC, `YYYY-MM-DD`) by the clock. */
export const isoToday = (clock: Clock): string => isoDate(clock.now());

/**
 * A clock that tells only the hour (GlobaLeaks does the same): what an anonymous report writes
 * carries the start of the hour, so its rows cannot be matched by time to a session, a log line
 * or another row. Mail queued under it waits for the next hour (`releaseAt`), so its sending time
 * does not tell when the report came in either.
 */
export type HourClock = Clock & { readonly releaseAt: Date };

export function hourClock(clock: Clock): HourClock {
  const hour = 3_600_000;
  const start = Math.floor(clock.now().getTime() / hour) * hour;
  return { now: () => new Date(start), releaseAt: new Date(start + hour) };
}

export const isHourClock = (clock: Clock): clock is HourClock => "releaseAt" in clock;
