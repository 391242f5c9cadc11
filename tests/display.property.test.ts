/**
 * Bounds are shown exactly (SPEC §8 v2): every set the tool shows in text reads back through the
 * §5 grammar (with its documented extension for the shown forms `> N`, `≥ N`, `< N`, `≤ N` and
 * `A to < B`) as the same set — in the library's formatSet, and in the range and window that the
 * claim table, `show`, Markdown, CSV and HTML all print.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatSet, parseValue, sameSet, toInterval } from "../src/core/values/index.js";
import type { ValueContext, ValueSet } from "../src/core/values/index.js";
import { displayRange, displayWindow } from "../src/formats/exports/display.js";
import { claim } from "./fixtures/reports/build.js";

type Interval = Extract<ValueSet, { kind: "interval" }>;

/** Numbers a ledger holds: integers and cents, negative too, up to a billion. */
const finite = fc.oneof(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: -1e11, max: 1e11 }).map((n) => n / 100));
const bound = fc.oneof({ weight: 4, arbitrary: finite }, fc.constant(Infinity));

/** Non-empty intervals, every openness; never unbounded at both ends (no value can be, see below). */
const interval: fc.Arbitrary<Interval> = fc
  .tuple(bound, bound, fc.boolean(), fc.boolean(), fc.boolean())
  .filter(([a, b]) => Number.isFinite(a) || Number.isFinite(b))
  .map(([a, b, loOpen, hiOpen, flip]) => {
    // An infinite draw is the unbounded end on the side `flip` picks.
    let lo = Number.isFinite(a) ? a : -Infinity;
    let hi = Number.isFinite(b) ? b : Infinity;
    if (Number.isFinite(lo) && Number.isFinite(hi) && lo > hi) [lo, hi] = [hi, lo];
    if (!Number.isFinite(a) && flip && Number.isFinite(hi)) [lo, hi] = [hi, Infinity];
    const point = lo === hi;
    return { kind: "interval", lo, hi, loOpen: !Number.isFinite(lo) || (loOpen && !point), hiOpen: !Number.isFinite(hi) || (hiOpen && !point) };
  });

const UNITS = ["people", "dead"];
const CTX: ValueContext = { type: "quantity", unit: UNITS, margin: 0.1 };
const unit = fc.constantFrom<string | null>(null, ...UNITS);

function readsBack(text: string, set: ValueSet, ctx: ValueContext = CTX): void {
  const read = parseValue(ctx, text);
  expect(read, text).toMatchObject({ ok: true });
  if (read.ok) expect(sameSet(read.set, set), `${text} read as ${JSON.stringify(read.set)}`).toBe(true);
}

describe("every set shown in text reads back as the same set", () => {
  it("formatSet, for quantities with and without a unit", () => {
    fc.assert(
      fc.property(interval, unit, (set, u) => readsBack(formatSet(set, "quantity", u), set)),
      { numRuns: 2000 },
    );
  });

  it("the range and window of a quantity claim, as every output prints them", () => {
    fc.assert(
      fc.property(interval, interval, unit, (range, window, u) => {
        const c = claim({ id: "c", question: "?", type: "quantity", status: "corroborated", unit: u, range: toInterval(range), window: toInterval(window) });
        readsBack(displayRange(c), range);
        readsBack(displayWindow(c), window);
      }),
      { numRuns: 1000 },
    );
  });

  // Issue 18: 0.0004 was shown as "0" and 1e308 as "Infinity". Every magnitude a double holds,
  // with up to twelve significant digits (what a ledger writes), reads back exactly, exponent forms too.
  it("numbers of every magnitude, as formatSet and the exports show them (exponent forms read back)", () => {
    const magnitude = fc
      .tuple(fc.integer({ min: -999_999_999_999, max: 999_999_999_999 }), fc.integer({ min: -323, max: 296 }))
      .map(([mantissa, exponent]) => Number(`${mantissa}e${exponent}`))
      .filter((n) => Number.isFinite(n));
    const point = magnitude.map((n): Interval => ({ kind: "interval", lo: n, hi: n, loOpen: false, hiOpen: false }));
    const between = fc.tuple(magnitude, magnitude).filter(([a, b]) => a !== b).map(([a, b]): Interval => ({ kind: "interval", lo: Math.min(a, b), hi: Math.max(a, b), loOpen: false, hiOpen: false }));
    fc.assert(
      fc.property(fc.oneof(point, between), unit, (set, u) => {
        readsBack(formatSet(set, "quantity", u), set);
        const c = claim({ id: "c", question: "?", type: "quantity", status: "corroborated", unit: u, range: toInterval(set), window: toInterval(set) });
        readsBack(displayRange(c), set);
      }),
      { numRuns: 2000 },
    );
    for (const [n, shown] of [[0.0004, "0.0004"], [1e308, "1e+308"], [-1e308, "-1e+308"], [1.5e-7, "1.5e-7"], [5e-324, "5e-324"], [123456789012345, "123,456,789,012,345"]] as const) {
      expect(formatSet({ kind: "interval", lo: n, hi: n, loOpen: false, hiOpen: false }, "quantity")).toBe(shown);
    }
  });

  it("date sets", () => {
    const DATE: ValueContext = { type: "date", margin: 0.1 };
    const day = fc.integer({ min: 0, max: 40_000 }); // 1970 to 2079
    const days = fc.tuple(fc.option(day), fc.option(day)).map(([a, b]): ValueSet => {
      const lo = a ?? -Infinity;
      const hi = b ?? Infinity;
      return { kind: "interval", lo: Math.min(lo, hi), hi: Math.max(lo, hi), loOpen: a === null, hiOpen: b === null };
    });
    fc.assert(fc.property(days, (set) => readsBack(formatSet(set, "date"), set, DATE)), { numRuns: 1000 });
  });

  it("shows the one set no value can be, unbounded at both ends, as 'unbounded' (a range may be)", () => {
    const both = claim({ id: "c", question: "?", type: "quantity", status: "corroborated", range: { min: null, max: null, minOpen: true, maxOpen: true }, window: null });
    expect(displayRange(both)).toBe("unbounded");
    expect(displayWindow(both)).toBe("none");
  });

  it("names the date a cumulative claim's window is the value at", () => {
    const c = claim({
      id: "c",
      question: "?",
      type: "quantity",
      status: "corroborated",
      cumulative: true,
      range: { min: 10, max: 16, minOpen: false, maxOpen: false },
      window: { min: 16, max: 16, minOpen: false, maxOpen: false },
      positions: [
        { source: "a", says: 10, group: "a", origin: "a", committed: true, vsFinding: null, interval: null, asOf: "2011-12-16", reportedBy: [] },
        { source: "b", says: 16, group: "b", origin: "b", committed: true, vsFinding: null, interval: null, asOf: "2011-12-20", reportedBy: [] },
      ],
    });
    expect(displayWindow(c)).toBe("16 as of 2011-12-20");
  });
});
