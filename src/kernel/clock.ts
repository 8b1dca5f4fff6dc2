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
