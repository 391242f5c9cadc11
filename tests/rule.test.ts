/**
 * The comparisons the analysis is built on (SPEC §6, §8 v2), one table per function: bounds at
 * one value open or closed, the running-count rule in both date orders, time order, and a quantity
 * claim's range and window. Each expected value is read off the SPEC's words, not the code's
 * output: an open bound excludes its value, a running count can only grow, undated comes first.
 */
import { describe, expect, it } from "vitest";
import { agree, agreesWithFinding, canGrow, compareHi, compareLo, loAfterHi, runningCount } from "../src/core/analysis/rule.js";
import { byTime } from "../src/core/analysis/time.js";
import { latestAsOf, rangeOf, windowOf } from "../src/core/analysis/window.js";
import { interval } from "../src/core/values/sets.js";
import type { ValueSet } from "../src/core/values/types.js";

type Interval = Extract<ValueSet, { kind: "interval" }>;
const I = (lo: number, hi: number, loOpen = false, hiOpen = false) => interval(lo, hi, loOpen, hiOpen) as Interval;
const NONE = null;

describe("loAfterHi: no number is both at or above the lower bound and at or below the upper", () => {
  it.each<[number, boolean, number, boolean, boolean]>([
    [6, false, 5, false, true],
    [4, false, 5, false, false],
    [5, false, 5, false, false], // 5 is in both
    [5, true, 5, false, true], // (5, … and …, 5]
    [5, false, 5, true, true], // [5, … and …, 5)
    [5, true, 5, true, true],
    [4, true, 5, true, false], // 4.5 is in both
    [-Infinity, true, Infinity, true, false],
  ])("lower %s (open %s), upper %s (open %s): %s", (lo, loOpen, hi, hiOpen, after) => {
    expect(loAfterHi(lo, loOpen, hi, hiOpen)).toBe(after);
  });
});

describe("ordering bounds", () => {
  it.each<[Interval, Interval, number]>([
    [I(1, 9), I(2, 9), -1],
    [I(2, 9), I(1, 9), 1],
    [I(2, 9, true), I(2, 9), 1], // an open lower bound excludes 2: it starts higher
    [I(2, 9), I(2, 9, true), -1],
    [I(2, 9, true), I(2, 3, true), 0],
    [I(2, 9), I(2, 3), 0],
  ])("compareLo(%j, %j) = %s", (a, b, order) => {
    expect(compareLo(a, b)).toBe(order);
  });

  it.each<[Interval, Interval, number]>([
    [I(0, 8), I(0, 9), -1],
    [I(0, 9), I(0, 8), 1],
    [I(0, 9, false, true), I(0, 9), -1], // an open upper bound excludes 9: it ends lower
    [I(0, 9), I(0, 9, false, true), 1],
    [I(0, 9, false, true), I(5, 9, false, true), 0],
    [I(0, 9), I(5, 9), 0],
  ])("compareHi(%j, %j) = %s", (a, b, order) => {
    expect(compareHi(a, b)).toBe(order);
  });
});

describe("the running-count rule (§8 v2)", () => {
  it.each<[ValueSet, ValueSet, boolean]>([
    [I(10, 10), I(16, 16), true], // 10, later 16: it grew
    [I(16, 16), I(10, 10), false], // 16, later 10: it cannot shrink
    [I(10, 10), I(10, 10), true],
    [I(10, Infinity, true), I(5, 10), false], // more than 10, later at most 10
    [I(10, Infinity), I(5, 10, false, true), false], // at least 10, later under 10
    [I(10, Infinity), I(5, 10), true], // at least 10, later 5–10: 10 then 10
    [{ kind: "options", options: ["a"] }, { kind: "options", options: ["b"] }, false], // not intervals: overlap
    [{ kind: "options", options: ["a", "b"] }, { kind: "options", options: ["b"] }, true],
  ])("earlier %j, later %j: can both be true %s", (earlier, later, grows) => {
    expect(canGrow(earlier, later)).toBe(grows);
  });

  it.each<[boolean, string | null, string | null, boolean]>([
    [true, "2011-12-16", "2011-12-17", true],
    [true, "2011-12-17", "2011-12-16", true],
    [true, "2011-12-16", "2011-12-16", false], // same date: compared as usual
    [true, null, "2011-12-16", false],
    [true, "2011-12-16", null, false],
    [false, "2011-12-16", "2011-12-17", false], // not a running count
  ])("cumulative %s, as of %s and %s: running count %s", (cumulative, a, b, applies) => {
    expect(runningCount({ cumulative }, a, b)).toBe(applies);
  });

  const at = (set: ValueSet, asOf: string | null) => ({ wide: set, asOf });
  it("agree: on a running count, in either order given; otherwise by overlap", () => {
    const ten = at(I(10, 10), "2011-12-16");
    const sixteen = at(I(16, 16), "2011-12-17");
    const sixteenFirst = at(I(16, 16), "2011-12-15");
    expect(agree(ten, sixteen, { cumulative: true })).toBe(true);
    expect(agree(sixteen, ten, { cumulative: true })).toBe(true);
    expect(agree(ten, sixteenFirst, { cumulative: true })).toBe(false);
    expect(agree(sixteenFirst, ten, { cumulative: true })).toBe(false);
    expect(agree(ten, sixteen, { cumulative: false })).toBe(false);
    expect(agree(ten, at(I(8, 12), null), { cumulative: true })).toBe(true);
    expect(agree(ten, at(I(11, 12), "2011-12-16"), { cumulative: true })).toBe(false);
  });

  it("agreesWithFinding: the finding speaks of the latest as-of date", () => {
    const finding = I(16, 16);
    const rule = { cumulative: true };
    expect(agreesWithFinding(at(I(10, 10), "2011-12-16"), finding, "2011-12-18", rule)).toBe(true); // grew to 16
    expect(agreesWithFinding(at(I(20, 20), "2011-12-16"), finding, "2011-12-18", rule)).toBe(false); // would have shrunk
    expect(agreesWithFinding(at(I(10, 10), "2011-12-18"), finding, "2011-12-18", rule)).toBe(false); // same date
    expect(agreesWithFinding(at(I(10, 10), null), finding, "2011-12-18", rule)).toBe(false); // undated
    expect(agreesWithFinding(at(I(10, 10), "2011-12-16"), finding, null, rule)).toBe(false); // no latest date
    expect(agreesWithFinding(at(I(10, 10), "2011-12-16"), finding, "2011-12-18", { cumulative: false })).toBe(false);
    expect(agreesWithFinding(at(I(10, 20), "2011-12-16"), finding, "2011-12-18", { cumulative: false })).toBe(true);
  });
});

describe("time order (§6): undated first, then by date, then (one reading of §8 v2) by as-of date, file order breaking ties", () => {
  it.each<[string | null, string | null, number, string | null, string | null, number, number]>([
    [null, null, 5, "2011-12-16", null, 1, -1],
    ["2011-12-16", null, 1, null, null, 5, 1],
    ["2011-12-16", null, 9, "2011-12-17", null, 1, -1],
    ["2011-12-17", null, 1, "2011-12-16", null, 9, 1],
    ["2011-12-16", null, 2, "2011-12-16", null, 5, -3],
    [null, null, 7, null, null, 3, 4],
    ["2011-12-16", null, 4, "2011-12-16", null, 4, 0],
    // One day, two as-of dates: the earlier count comes first, whatever the file order.
    ["2011-12-18", "2011-12-18", 1, "2011-12-18", "2011-12-17", 2, 1],
    ["2011-12-18", "2011-12-17", 2, "2011-12-18", "2011-12-18", 1, -1],
    // Without as-of the as-of date is the effective date: "as of the 17th" comes before it.
    ["2011-12-18", null, 1, "2011-12-18", "2011-12-17", 2, 1],
    ["2011-12-18", "2011-12-18", 3, "2011-12-18", null, 1, 2],
    // The effective date decides first.
    ["2011-12-17", "2011-12-20", 1, "2011-12-18", "2011-12-01", 2, -1],
    // Undated with an as-of date: after undated without one.
    [null, "2011-12-17", 1, null, null, 2, 1],
  ])("on %s as of %s (#%s) against on %s as of %s (#%s): %s", (aOn, aAsOf, aOrder, bOn, bAsOf, bOrder, sign) => {
    expect(byTime({ on: aOn, asOf: aAsOf, order: aOrder }, { on: bOn, asOf: bAsOf, order: bOrder })).toBe(sign);
  });
});

describe("range and window of a quantity claim (§8 v2)", () => {
  const stated = (set: ValueSet, asOf: string | null = NONE) => ({ set, asOf });
  const options: ValueSet = { kind: "options", options: ["a"] };

  it("without an interval there is neither", () => {
    expect(rangeOf([])).toBeNull();
    expect(windowOf([], false)).toBeNull();
    expect(rangeOf([stated(options)])).toBeNull();
    expect(windowOf([stated(options)], true)).toBeNull();
  });

  it("the range is the envelope; at a shared end it includes the bound when any position does", () => {
    expect(rangeOf([stated(I(10, 20)), stated(I(5, 15)), stated(I(12, 30))])).toEqual(I(5, 30));
    expect(rangeOf([stated(I(10, 20, true, false)), stated(I(10, 20, false, true))])).toEqual(I(10, 20));
    expect(rangeOf([stated(I(10, 20, false, true)), stated(I(10, 20, true, false))])).toEqual(I(10, 20));
    expect(rangeOf([stated(I(10, 20, true, true)), stated(I(10, 20, true, true))])).toEqual(I(10, 20, true, true));
    expect(rangeOf([stated(I(10, Infinity)), stated(I(5, 6)), stated(options)])).toEqual(I(5, Infinity));
  });

  it("the window is the intersection; at a shared end it includes the bound only when every position does", () => {
    expect(windowOf([stated(I(10, 20)), stated(I(5, 15)), stated(I(12, 30))], false)).toEqual(I(12, 15));
    expect(windowOf([stated(I(10, 20, true, false)), stated(I(10, 20, false, true))], false)).toEqual(I(10, 20, true, true));
    expect(windowOf([stated(I(10, 20, false, true)), stated(I(10, 20, true, false))], false)).toEqual(I(10, 20, true, true));
    expect(windowOf([stated(I(10, 20)), stated(I(10, 20))], false)).toEqual(I(10, 20));
    expect(windowOf([stated(I(10, 15)), stated(I(15, 20))], false)).toEqual(I(15, 15)); // they meet at 15
    expect(windowOf([stated(I(10, 15, false, true)), stated(I(15, 20))], false)).toBeNull(); // …15) and [15…
    expect(windowOf([stated(I(10, 12)), stated(I(15, 20))], false)).toBeNull();
  });

  it("on a running count, every lower bound applies but only the latest date's (or an undated) upper bounds", () => {
    const rising = [stated(I(10, 10), "2011-12-16"), stated(I(16, 16), "2011-12-17")];
    expect(windowOf(rising, true)).toEqual(I(16, 16)); // 10 then 16: the toll is 16 now
    expect(windowOf(rising, false)).toBeNull(); // not a running count: 10 and 16 conflict
    expect(windowOf([stated(I(10, 10), "2011-12-16"), stated(I(5, 20), "2011-12-17"), stated(I(0, 18))], true)).toEqual(I(10, 18));
    expect(windowOf([stated(I(16, 16), "2011-12-16"), stated(I(10, 10), "2011-12-17")], true)).toBeNull(); // it cannot shrink
  });

  it("the latest as-of date, or null", () => {
    expect(latestAsOf([])).toBeNull();
    expect(latestAsOf([{ asOf: null }])).toBeNull();
    expect(latestAsOf([{ asOf: "2011-12-17" }, { asOf: null }, { asOf: "2011-12-18" }, { asOf: "2011-12-16" }])).toBe("2011-12-18");
    expect(latestAsOf([{ asOf: null }, { asOf: "2011-12-16" }])).toBe("2011-12-16");
  });
});
