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
import { compatible, formatDay, parseIsoDay, widen } from "../src/core/values/index.js";
import type { ValueSet } from "../src/core/values/types.js";

const bound = fc.oneof(fc.integer({ min: -20, max: 20 }), fc.constant(Infinity));
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

/** What SPEC §8 says, pair by pair: overlap, or on a cumulative claim with two different as-of dates, the running count. */
function bruteForce(positions: readonly { source: string; set: ValueSet; asOf: string | null }[], tolerance: number, cumulative: boolean): [string, string][] {
  const pairs: [string, string][] = [];
  for (let i = 0; i < positions.length; i++) {
    for (let j = i + 1; j < positions.length; j++) {
      const [a, b] = [positions[i], positions[j]];
      const [x, y] = [widen(a.set, tolerance), widen(b.set, tolerance)];
      let conflict = !compatible(x, y);
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

describe("conflictingPairs", () => {
  for (const [name, kind] of [["intervals", interval], ["options", options], ["booleans", boolean]] as const) {
    it(`agrees with comparing every pair: ${name}`, () => {
      holds(
        fc.property(fc.array(fc.tuple(kind, asOf), { maxLength: 12 }), fc.constantFrom(0, 0.1, 0.5), (sets, tolerance) => {
          const positions = named(sets);
          expect(conflictingPairs(positions, tolerance)).toEqual(bruteForce(positions, tolerance, false));
        }),
        { numRuns: 400 },
      );
    });
  }

  it("agrees with comparing every pair on a cumulative claim: undated, same-date and running-count pairs", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(interval, asOf), { maxLength: 16 }), fc.constantFrom(0, 0.1, 0.5), (sets, tolerance) => {
        const positions = named(sets);
        expect(conflictingPairs(positions, tolerance, true)).toEqual(bruteForce(positions, tolerance, true));
      }),
      { numRuns: 1000 },
    );
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

describe("Agreement (relay checks)", () => {
  const compared = (set: ValueSet, date: string | null, tolerance: number): Compared => ({ wide: widen(set, tolerance), asOf: date });
  for (const [name, kind] of [["intervals", interval], ["options", options], ["booleans", boolean]] as const) {
    for (const cumulative of [false, true]) {
      it(`answers as trying every statement would: ${name}${cumulative ? ", cumulative" : ""}`, () => {
        fc.assert(
          fc.property(fc.array(fc.tuple(kind, asOf), { maxLength: 10 }), fc.array(fc.tuple(kind, asOf), { minLength: 1, maxLength: 6 }), fc.constantFrom(0, 0.1), (own, relays, tolerance) => {
            const rule = { cumulative };
            const items = own.map(([set, date]) => compared(set, date, tolerance));
            const index = new Agreement(items, rule);
            for (const [set, date] of relays) {
              const relay = compared(set, date, tolerance);
              expect(index.any(relay)).toBe(items.some((item) => agree(relay, item, rule)));
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
