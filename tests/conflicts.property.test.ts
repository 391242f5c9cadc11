/**
 * The conflict sweep finds exactly the pairs that comparing every pair finds (SPEC §8), also on a
 * cumulative claim with as-of dates (§8 v2: the running-count rule), and the relay check's
 * agreement index answers as trying every statement would (§6 v2).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { conflictingPairs } from "../src/core/analysis/analyse-claim.js";
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
      fc.assert(
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
