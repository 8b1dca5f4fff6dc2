import { expect } from "vitest";

/**
 * Every item of `list` satisfies `check`, and there is at least one: `expect(list.every(…))`
 * passes on an empty list without checking anything. The items that fail are shown.
 */
export function expectAll<T>(list: readonly T[], check: (item: T) => boolean, what = "items"): void {
  expect(list.length, `expected at least one of the ${what}, got none`).toBeGreaterThan(0);
  expect(
    list.filter((item) => !check(item)),
    `${what} that fail the check`,
  ).toEqual([]);
}
