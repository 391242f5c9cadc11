/** The conflict sweep finds exactly the pairs that comparing every pair finds (SPEC §8). */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { conflictingPairs } from "../src/core/analysis/analyse-claim.js";
import { compatible, widen } from "../src/core/values/index.js";
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

function bruteForce(positions: readonly { source: string; set: ValueSet }[], tolerance: number): [string, string][] {
  const pairs: [string, string][] = [];
  for (let i = 0; i < positions.length; i++) {
    for (let j = i + 1; j < positions.length; j++) {
      const [a, b] = [positions[i], positions[j]];
      if (!compatible(widen(a.set, tolerance), widen(b.set, tolerance))) pairs.push(a.source < b.source ? [a.source, b.source] : [b.source, a.source]);
    }
  }
  return pairs.sort((x, y) => (x[0] + "\u0000" + x[1] < y[0] + "\u0000" + y[1] ? -1 : 1));
}

describe("conflictingPairs", () => {
  for (const [name, kind] of [["intervals", interval], ["options", options], ["booleans", boolean]] as const) {
    it(`agrees with comparing every pair: ${name}`, () => {
      fc.assert(
        fc.property(fc.array(kind, { maxLength: 12 }), fc.constantFrom(0, 0.1, 0.5), (sets, tolerance) => {
          const positions = sets.map((set, i) => ({ source: `s${String(i).padStart(2, "0")}`, set }));
          expect(conflictingPairs(positions, tolerance)).toEqual(bruteForce(positions, tolerance));
        }),
        { numRuns: 400 },
      );
    });
  }
});
