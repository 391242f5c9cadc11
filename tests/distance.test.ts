/** The bit-parallel, bounded edit distance agrees with the textbook one wherever it answers. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { holds } from "./helpers/property.js";
import { EditDistancePattern, levenshtein } from "../src/core/shared/distance.js";

function textbook(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  }
  return d[a.length][b.length];
}

const word = fc.string({ unit: fc.constantFrom("a", "b", "c", " "), maxLength: 24 });
// Longer than one, two and three 32-unit blocks, over letters, accents and astral characters.
const long = fc.string({ unit: fc.constantFrom("a", "b", "é", "\u{1F600}", " "), minLength: 20, maxLength: 140 });

describe("levenshtein", () => {
  it.each([
    ["kitten", "sitting", 3],
    ["", "abc", 3],
    ["prosecuter-general", "prosecutor-general", 1],
    ["same", "same", 0],
    ["a".repeat(32), "a".repeat(31) + "b", 1],
    ["a".repeat(33), "b" + "a".repeat(32), 1],
    ["ab".repeat(40), "ba".repeat(40), 2],
    ["x".repeat(70), "", 70],
  ])("%s → %s is %i", (a, b, d) => {
    expect(levenshtein(a, b)).toBe(d);
  });

  it("is exact without a limit", () => {
    holds(fc.property(word, word, (a, b) => levenshtein(a, b) === textbook(a, b)));
  });

  it("is exact for strings spanning several blocks", () => {
    holds(fc.property(long, long, (a, b) => levenshtein(a, b) === textbook(a, b)));
    holds(fc.property(long, (a) => levenshtein(a, a.slice(3) + "zz") === textbook(a, a.slice(3) + "zz")));
  });

  it("is exact within the limit and above it beyond", () => {
    holds(
      fc.property(word, word, fc.nat(10), (a, b, limit) => {
        const exact = textbook(a, b);
        const bounded = levenshtein(a, b, limit);
        return exact <= limit ? bounded === exact : bounded > limit;
      }),
    );
    holds(
      fc.property(long, long, fc.nat(60), (a, b, limit) => {
        const exact = textbook(a, b);
        const bounded = levenshtein(a, b, limit);
        return exact <= limit ? bounded === exact : bounded > limit;
      }),
    );
  });
});

describe("EditDistancePattern", () => {
  it("gives the distance to every passage starting at one place in one pass", () => {
    holds(
      fc.property(fc.oneof(word, long), fc.oneof(word, long), fc.nat(), fc.array(fc.nat(), { maxLength: 4 }), (pattern, text, start, picks) => {
        const from = start % (text.length + 1);
        const ends = picks.map((p) => from + (p % (text.length - from + 1))).sort((x, y) => x - y);
        const got = new EditDistancePattern(pattern).distances(text, from, ends);
        return ends.every((end, i) => got[i] === textbook(pattern, text.slice(from, end)));
      }),
    );
  });

  it("compares an empty pattern or an empty text", () => {
    expect(new EditDistancePattern("").distances("abcd", 1, [1, 3, 4])).toEqual([0, 2, 3]);
    expect(new EditDistancePattern("abc").distance("")).toBe(3);
    expect(new EditDistancePattern("abc").distances("xyz", 3, [3])).toEqual([3]);
  });
});
