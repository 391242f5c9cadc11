/** fast-check's `fc.assert` as a vitest assertion, so that the test counts as asserting (vitest.config.ts). */
import fc from "fast-check";
import { expect } from "vitest";

/** Asserts that the property held on every generated run, and that it ran at all. */
export function holds<Ts>(property: fc.IProperty<Ts>, params?: fc.Parameters<Ts>): void {
  const details = fc.check(property, params);
  expect(details.failed, fc.defaultReportMessage(details)).toBe(false);
  expect(details.numRuns).toBeGreaterThan(0);
}
