/**
 * The conflict sweep finds exactly the pairs that comparing every pair finds (SPEC §8), also on a
 * cumulative claim with as-of dates (§8 v2: the running-count rule), and the relay check's
 * agreement index answers as trying every statement would (§6 v2).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { holds } from "./helpers/property.js";
import { conflictingPairs } from "../src/core/analysis/analyse-claim.js";
import { countConflictPairs } from "../src/core/analysis/conflict-count.js";
import { conflictIndexPairs } from "../src/core/analysis/conflicts.js";
import { earliestRivals } from "../src/core/analysis/rivals.js";
import { Agreement } from "../src/core/analysis/agreement.js";
import { agree, type Compared } from "../src/core/analysis/rule.js";
import { formatDay, parseIsoDay, widen } from "../src/core/values/index.js";
import type { ValueSet } from "../src/core/values/types.js";

type Interval = Extract<ValueSet, { kind: "interval" }>;

// Mostly a handful of values, so that bounds tie often (an open and a closed lower bound at one
// value is where a sweep can go wrong), sometimes a wider range, sometimes unbounded.
const bound = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 3 }) },
  { weight: 1, arbitrary: fc.integer({ min: -20, max: 20 }) },
  { weight: 1, arbitrary: fc.constant(Infinity) },
);
const interval: fc.Arbitrary<ValueSet> = fc
  .tuple(bound, bound, fc.boolean(), fc.boolean())
  .map(([a, b, loOpen, hiOpen]) => {
    const lo = a === Infinity ? -Infinity : Math.min(a, b === Infinity ? a : b);
    const hi = b === Infinity ? Infinity : Math.max(a === Infinity ? b : a, b);
    // Open only where the interval stays non-empty; infinite bounds are always open.
    const point = lo === hi;
    return { kind: "interval", lo, hi, loOpen: lo === -Infinity || (loOpen && !point), hiOpen: hi === Infinity || (hiOpen && !point) };
  });
const options: fc.Arbitrary<ValueSet> = fc.uniqueArray(fc.constantFrom("a", "b", "c", "d"), { minLength: 1 }).map((o) => ({ kind: "options", options: [...o].sort() }));
const boolean: fc.Arbitrary<ValueSet> = fc.boolean().map((value) => ({ kind: "boolean", value }));
/** As-of dates: few distinct ones, so that equal dates, different dates and none all occur. */
const asOf = fc.constantFrom(null, "2011-12-16", "2011-12-17", "2011-12-18", "2011-12-20");

/** Whether x lies in the real interval. */
function contains(s: Interval, x: number): boolean {
  return (s.lo < x || (s.lo === x && !s.loOpen)) && (x < s.hi || (x === s.hi && !s.hiOpen));
}

/**
 * Whether two sets share a value, decided without `compatible`. Two intervals that share a point
 * share one of these: a bound, the middle between two neighbouring bounds, or a point beyond all
 * bounds.
 */
function shareAValue(a: ValueSet, b: ValueSet): boolean {
  if (a.kind === "interval" && b.kind === "interval") {
    const points = [a.lo, a.hi, b.lo, b.hi].filter(Number.isFinite).sort((x, y) => x - y);
    const candidates = points.length === 0 ? [0] : [points[0] - 1, ...points, ...points.slice(1).map((p, i) => (points[i] + p) / 2), points[points.length - 1] + 1];
    return candidates.some((x) => contains(a, x) && contains(b, x));
  }
  if (a.kind === "options" && b.kind === "options") return a.options.some((o) => b.options.includes(o));
  if (a.kind === "boolean" && b.kind === "boolean") return a.value === b.value;
  throw new Error("the generators make one kind at a time");
}

/**
 * What SPEC §8 says, pair by pair, decided without `compatible`: no shared value, or on a cumulative
 * claim with two different as-of dates, the running count (the earlier figure above the later one).
 */
function allPairs(positions: readonly { source: string; set: ValueSet; asOf: string | null }[], tolerance: number, cumulative: boolean): [string, string][] {
  const pairs: [string, string][] = [];
  for (let i = 0; i < positions.length; i++) {
    for (let j = i + 1; j < positions.length; j++) {
      const [a, b] = [positions[i], positions[j]];
      const [x, y] = [widen(a.set, tolerance), widen(b.set, tolerance)];
      let conflict = !shareAValue(x, y);
      if (cumulative && a.asOf !== null && b.asOf !== null && a.asOf !== b.asOf && x.kind === "interval" && y.kind === "interval") {
        const [earlier, later] = a.asOf < b.asOf ? [x, y] : [y, x];
        conflict = earlier.lo > later.hi || (earlier.lo === later.hi && (earlier.loOpen || later.hiOpen));
      }
      if (conflict) pairs.push(a.source < b.source ? [a.source, b.source] : [b.source, a.source]);
    }
  }
  return pairs.sort((x, y) => (x[0] + "\u0000" + x[1] < y[0] + "\u0000" + y[1] ? -1 : 1));
}

const named = (sets: readonly [ValueSet, string | null][]) => sets.map(([set, date], i) => ({ source: `s${String(i).padStart(2, "0")}`, set, asOf: date }));

/** Whether two intervals start at one value, one of them open there and the other closed. */
function openClosedTie(sets: readonly ValueSet[]): boolean {
  const lows = sets.flatMap((s) => (s.kind === "interval" && Number.isFinite(s.lo) ? [`${s.lo}:${s.loOpen}`] : []));
  return lows.some((l) => l.endsWith(":true") && lows.includes(l.replace(":true", ":false")));
}

/** Whether an earlier dated interval starts where a later one ends, open at one of those ends and closed at the other. */
function runningCountTie(positions: readonly { set: ValueSet; asOf: string | null }[]): boolean {
  return positions.some((a) =>
    positions.some((b) => a.asOf !== null && b.asOf !== null && a.asOf < b.asOf && a.set.kind === "interval" && b.set.kind === "interval" && Number.isFinite(a.set.lo) && a.set.lo === b.set.hi && a.set.loOpen !== b.set.hiOpen),
  );
}

describe("conflictingPairs", () => {
  for (const [name, kind] of [["intervals", interval], ["options", options], ["booleans", boolean]] as const) {
    it(`agrees with comparing every pair: ${name}`, () => {
      let ties = 0;
      holds(
        fc.property(fc.array(fc.tuple(kind, asOf), { maxLength: 12 }), fc.constantFrom(0, 0.1, 0.5), (sets, tolerance) => {
          const positions = named(sets);
          if (openClosedTie(sets.map(([set]) => set))) ties++;
          expect(conflictingPairs(positions, tolerance)).toEqual(allPairs(positions, tolerance, false));
        }),
        { numRuns: 400 },
      );
      // The generator must really reach the case it is here for.
      expect(ties > 100).toBe(name === "intervals");
    });
  }

  it("keeps the pair of an open and a closed lower bound at one value, whatever the order given", () => {
    // "more than 5", "5" and "6-7": (5, ∞) and [5, 5] share no value; [6, 7] lies in (5, ∞) only.
    const moreThan5: ValueSet = { kind: "interval", lo: 5, loOpen: true, hi: Infinity, hiOpen: true };
    const five: ValueSet = { kind: "interval", lo: 5, loOpen: false, hi: 5, hiOpen: false };
    const sixToSeven: ValueSet = { kind: "interval", lo: 6, loOpen: false, hi: 7, hiOpen: false };
    const given = [
      { source: "a", set: moreThan5 },
      { source: "b", set: five },
      { source: "c", set: sixToSeven },
    ];
    for (const order of [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]]) {
      expect(conflictingPairs(order.map((i) => given[i]), 0)).toEqual([
        ["a", "b"],
        ["b", "c"],
      ]);
    }
  });

  it("gives name pairs sorted by name, whatever the order of the positions", () => {
    // Three points that conflict pairwise, named against their order: index pairs (0, 1), (0, 2),
    // (1, 2) are the name pairs (b, c), (a, c), (a, b).
    const point = (x: number): ValueSet => ({ kind: "interval", lo: x, hi: x, loOpen: false, hiOpen: false });
    const given = [
      { source: "c", set: point(1) },
      { source: "b", set: point(2) },
      { source: "a", set: point(3) },
    ];
    expect(conflictingPairs(given, 0)).toEqual([
      ["a", "b"],
      ["a", "c"],
      ["b", "c"],
    ]);
  });

  it("agrees with comparing every pair on a cumulative claim: undated, same-date and running-count pairs", () => {
    let ties = 0;
    holds(
      fc.property(fc.array(fc.tuple(interval, asOf), { maxLength: 16 }), fc.constantFrom(0, 0.1, 0.5), (sets, tolerance) => {
        const positions = named(sets);
        if (runningCountTie(positions)) ties++;
        expect(conflictingPairs(positions, tolerance, true)).toEqual(allPairs(positions, tolerance, true));
      }),
      { numRuns: 1000 },
    );
    // An earlier figure's lower bound on a later one's upper bound, open on one side and closed on
    // the other, is where the running-count rule turns on a bound's openness.
    expect(ties).toBeGreaterThan(100);
  });

  // Issue 18: the count without the list, and the list cut at a limit.
  const single: fc.Arbitrary<ValueSet> = fc.constantFrom("a", "b", "c").map((o) => ({ kind: "options", options: [o] }));
  for (const [name, kind, cumulative] of [["intervals", interval, false], ["intervals, cumulative", interval, true], ["options", fc.oneof(options, single), false], ["booleans", boolean, false]] as const) {
    it(`counts exactly the pairs it would list, and lists no more than asked: ${name}`, () => {
      fc.assert(
        fc.property(fc.array(fc.tuple(kind, asOf), { maxLength: 16 }), fc.constantFrom(0, 0.1), fc.nat(6), (sets, tolerance, limit) => {
          const items = sets.map(([set, date]) => ({ wide: widen(set, tolerance), asOf: date }));
          const all = conflictIndexPairs(items, cumulative);
          expect(countConflictPairs(items, cumulative)).toBe(all.length);
          const some = conflictIndexPairs(items, cumulative, limit);
          expect(some.length).toBe(Math.min(limit, all.length));
          // Every pair listed is a real one, listed once, in order.
          const key = (p: readonly number[]) => `${p[0]},${p[1]}`;
          const real = new Set(all.map(key));
          for (const p of some) expect(real.has(key(p))).toBe(true);
          expect(new Set(some.map(key)).size).toBe(some.length);
          expect(some).toEqual([...some].sort((x, y) => x[0] - y[0] || x[1] - y[1]));
        }),
        { numRuns: 500 },
      );
    });
  }

  it("counts the pairs of ten thousand mutually conflicting sets without listing them", () => {
    const items = Array.from({ length: 10_000 }, (_, i) => ({ wide: { kind: "interval", lo: i, hi: i, loOpen: false, hiOpen: false } as ValueSet, asOf: null }));
    expect(countConflictPairs(items, false)).toBe((10_000 * 9_999) / 2);
    expect(conflictIndexPairs(items, false, 1_000)).toHaveLength(1_000);
    const choices = Array.from({ length: 10_000 }, (_, i) => ({ wide: { kind: "options", options: [`o${i % 5_000}`] } as ValueSet, asOf: null }));
    // 5,000 options said twice each: every pair but the 5,000 of equal answers.
    expect(countConflictPairs(choices, false)).toBe((10_000 * 9_999) / 2 - 5_000);
  });

  it("finds no pair in a rising toll, where the all-pairs overlap check finds every one", () => {
    // 200 dated figures, each higher than the last: compatible as a running count, while every
    // pair would conflict on a claim that is not cumulative.
    const toll = Array.from({ length: 200 }, (_, i) => ({ source: `s${String(i).padStart(3, "0")}`, set: { kind: "interval", lo: i, hi: i, loOpen: false, hiOpen: false } as ValueSet, asOf: formatDay(parseIsoDay("2011-12-16") + i) }));
    expect(conflictingPairs(toll, 0, true)).toEqual([]);
    expect(conflictingPairs(toll, 0, false)).toHaveLength((200 * 199) / 2);
  });
});

/** Whether two statements agree (SPEC §6 v2), decided without the code's own rule: shared value, or the running count. */
function agreeByHand(a: Compared, b: Compared, cumulative: boolean): boolean {
  if (a.wide.kind === "unknown" || b.wide.kind === "unknown") return true;
  if (cumulative && a.asOf !== null && b.asOf !== null && a.asOf !== b.asOf && a.wide.kind === "interval" && b.wide.kind === "interval") {
    const [earlier, later] = a.asOf < b.asOf ? [a.wide, b.wide] : [b.wide, a.wide];
    return !(earlier.lo > later.hi || (earlier.lo === later.hi && (earlier.loOpen || later.hiOpen)));
  }
  return shareAValue(a.wide, b.wide);
}

describe("Agreement (relay checks)", () => {
  const compared = (set: ValueSet, date: string | null, tolerance: number): Compared => ({ wide: widen(set, tolerance), asOf: date });
  // Now and then `unknown`, which agrees with everything.
  const orUnknown = (kind: fc.Arbitrary<ValueSet>) => fc.oneof({ weight: 9, arbitrary: kind }, { weight: 1, arbitrary: fc.constant<ValueSet>({ kind: "unknown" }) });
  for (const [name, kind] of [["intervals", interval], ["options", options], ["booleans", boolean]] as const) {
    for (const cumulative of [false, true]) {
      it(`answers as trying every statement would: ${name}${cumulative ? ", cumulative" : ""}`, () => {
        holds(
          fc.property(fc.array(fc.tuple(orUnknown(kind), asOf), { maxLength: 10 }), fc.array(fc.tuple(orUnknown(kind), asOf), { minLength: 1, maxLength: 6 }), fc.constantFrom(0, 0.1), (own, relays, tolerance) => {
            const rule = { cumulative };
            const items = own.map(([set, date]) => compared(set, date, tolerance));
            const index = new Agreement(items, rule);
            for (const [set, date] of relays) {
              const relay = compared(set, date, tolerance);
              const expected = items.some((item) => agreeByHand(relay, item, cumulative));
              expect(index.any(relay)).toBe(expected);
              expect(items.some((item) => agree(relay, item, rule))).toBe(expected);
            }
          }),
          { numRuns: 300 },
        );
      });
    }
  }
});

describe("earliestRivals (issue 18: ambiguous revisions without listing the pairs)", () => {
  const single: fc.Arbitrary<ValueSet> = fc.constantFrom("a", "b", "c").map((o) => ({ kind: "options", options: [o] }));
  for (const [name, kind, cumulative] of [["intervals", interval, false], ["intervals, cumulative", interval, true], ["single options", single, false], ["options", options, false], ["booleans", boolean, false]] as const) {
    it(`names for each set the earliest one before it that it conflicts with: ${name}`, () => {
      fc.assert(
        fc.property(fc.array(fc.tuple(kind, asOf), { maxLength: 14 }), fc.constantFrom(0, 0.1), (sets, tolerance) => {
          const items = sets.map(([set, date]) => ({ wide: widen(set, tolerance), asOf: date }));
          const expected = items.map((_, b) => {
            const firsts = conflictIndexPairs(items, cumulative).filter(([, y]) => y === b);
            return firsts.length === 0 ? -1 : Math.min(...firsts.map(([x]) => x));
          });
          expect([...earliestRivals(items, cumulative)]).toEqual(expected);
        }),
        { numRuns: 500 },
      );
    });
  }

  it("answers a run of 20,000 statements that all conflict with their neighbours", () => {
    const items = Array.from({ length: 20_000 }, (_, i) => ({ wide: { kind: "interval", lo: i % 2 ? 20 : 10, hi: i % 2 ? 20 : 10, loOpen: false, hiOpen: false } as ValueSet, asOf: null }));
    const rivals = earliestRivals(items, false);
    expect(rivals[0]).toBe(-1);
    expect(rivals[1]).toBe(0);
    expect(rivals[2]).toBe(1);
    expect(rivals[19_999]).toBe(0);
  });
});
