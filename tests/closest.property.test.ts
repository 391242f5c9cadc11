/**
 * The closest passage of a misquote (SPEC §7) found through the archive's word index is exactly the
 * one the full pass of the archive found: the same passage, the same percentage, for every quote.
 * The full pass is kept as the oracle (tests/helpers/closest-full-pass.ts).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { holds } from "./helpers/property.js";
import { candidates as candidatesFullPass, closestPassageFullPass } from "./helpers/closest-full-pass.js";
import { closestPassage } from "../src/core/quotes/closest.js";
import { checkQuote, normalizeText, prepareArchive, quoteFragments } from "../src/core/quotes/match.js";
import { UnitCounts } from "../src/core/quotes/unit-counts.js";
import { candidates } from "../src/core/quotes/windows.js";
import { indexWords } from "../src/core/quotes/words.js";
import { EditDistancePattern } from "../src/core/shared/distance.js";

// Few words, so that windows tie, words repeat and a quote's words stand all over the archive;
// case, quotation marks, dashes, non-ASCII letters (whose passages map back through NFKC) and
// apostrophes inside words, so that every step of the search (cover, marks, the original text) is met.
const VOCABULARY = ["the", "police", "said", "a", "b", "ab", "ba", "The", "POLICE", "it's", "café", "Straße", "οδος", "九", "x1", "200", "ﬁnal"];
const SEPARATORS = [" ", " ", " ", " ", "\n", ", ", ". ", " — ", " “", "” ", "…", "! ", " '", "' ", "\t", " (", ") "];

/** A text of words and separators drawn from a vocabulary of `size` words. */
const textOf = (size: number, maxWords: number): fc.Arbitrary<string> =>
  fc
    .array(fc.tuple(fc.constantFrom(...VOCABULARY.slice(0, size)), fc.constantFrom(...SEPARATORS)), { maxLength: maxWords })
    .map((parts) => parts.map(([w, s]) => w + s).join(""));

type Edit = { at: number; kind: "drop" | "insert" | "replace" | "upper"; word: string };
const edit: fc.Arbitrary<Edit> = fc.record({ at: fc.nat(), kind: fc.constantFrom("drop", "insert", "replace", "upper"), word: fc.constantFrom(...VOCABULARY, "allegedly", "zz") });

/** A quote of the archive as misquotes are made: a run of its words, a few words changed, dropped or added. */
const misquoteOf = (archive: string): fc.Arbitrary<string> =>
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 40 }), fc.array(edit, { maxLength: 4 })).map(([from, length, edits]) => {
    const words = archive.split(/\s+/).filter(Boolean);
    const quote = words.slice(from % Math.max(1, words.length), (from % Math.max(1, words.length)) + length);
    for (const { at, kind, word } of edits) {
      const i = quote.length === 0 ? 0 : at % quote.length;
      if (kind === "drop") quote.splice(i, 1);
      else if (kind === "insert") quote.splice(i, 0, word);
      else if (kind === "replace") quote[i] = word;
      else quote[i] = (quote[i] ?? word).toUpperCase();
    }
    return quote.join(" ");
  });

/** An archive, and a quote that is mostly (but not only) a changed passage of it. */
const archiveAndQuote = (maxWords: number): fc.Arbitrary<[string, string]> =>
  fc
    .integer({ min: 1, max: VOCABULARY.length })
    .chain((size) => textOf(size, maxWords))
    .chain((archive) => fc.tuple(fc.constant(archive), fc.oneof({ weight: 4, arbitrary: misquoteOf(archive) }, { weight: 1, arbitrary: textOf(VOCABULARY.length, 30) })));

/** Both searches on one archive and quote; the needle is the quote normalised, as checkQuote makes it. */
function bothFind(archiveText: string, quote: string): boolean {
  const archive = prepareArchive(archiveText);
  const needle = normalizeText(quote);
  expect(closestPassage(needle, archive)).toEqual(closestPassageFullPass(needle, archive));
  return true;
}

describe("the indexed closest-passage search against the full pass (oracle)", () => {
  it("names the same passage with the same similarity, on short archives", () => {
    holds(fc.property(archiveAndQuote(60), ([archive, quote]) => bothFind(archive, quote)), { numRuns: 600 });
  });

  it("names the same passage with the same similarity, on archives of a few thousand words", () => {
    holds(fc.property(archiveAndQuote(3000), ([archive, quote]) => bothFind(archive, quote)), { numRuns: 60 });
  });

  it("agrees on any text at all as the quote (no words, marks only, words the archive lacks)", () => {
    holds(fc.property(textOf(VOCABULARY.length, 80), fc.string({ maxLength: 40 }), (archive, quote) => bothFind(archive, quote)), { numRuns: 300 });
  });

  it("agrees on a quote past the thousand units compared, and on a word longer than a passage is shown", () => {
    const long = Array.from({ length: 400 }, (_, i) => VOCABULARY[(i * 7) % VOCABULARY.length]).join(" ");
    bothFind(`${long} ${long}`, `${long.slice(0, 1500)} allegedly ${long.slice(1500)}`);
    bothFind(`a ${"x".repeat(9000)} b the police`, `a ${"x".repeat(500)} b`);
    expect(closestPassage(normalizeText(`police said ab zz`), prepareArchive("ab ba the police said ab"))).toEqual({ closest: "police said ab", similarity: 82 });
  });

  it("gives every misquote checkQuote reports the oracle's passage (verified quotes untouched)", () => {
    let misquotes = 0;
    holds(
      fc.property(archiveAndQuote(80), ([archiveText, quote]) => {
        const archive = prepareArchive(archiveText);
        const match = checkQuote(quote, archive);
        const fragments = quoteFragments(quote);
        if (match.result === "verified" || fragments.length === 0) return true;
        misquotes++;
        expect(match).toEqual({ result: "not-found", ...closestPassageFullPass(fragments.join(" "), archive) });
        return true;
      }),
      { numRuns: 300 },
    );
    expect(misquotes).toBeGreaterThan(100);
  });
});

describe("the candidate windows", () => {
  // Archives of a few letters, quotes of their ids (and -1, a word the archive lacks), any k: the
  // kept windows, their order and scores are exactly the sliding window's.
  const ids = fc.array(fc.constantFrom("a", "b", "c", "d", "e"), { minLength: 1, maxLength: 300 });
  it("are the windows the sliding window over every start keeps, in the same order", () => {
    holds(
      fc.property(ids, fc.array(fc.integer({ min: -1, max: 5 }), { maxLength: 30 }), fc.integer({ min: 1, max: 40 }), (words, quoteIds, kWanted) => {
        const index = indexWords(words.join(" "));
        const k = Math.min(kWanted, index.wordId.length);
        const known = quoteIds.map((id) => (id < index.dictionary.size ? id : -1));
        expect(candidates(known, index, k)).toEqual(candidatesFullPass(known, index.wordId, k));
        return true;
      }),
      { numRuns: 2000 },
    );
  });
});

describe("the unit-count lower bound", () => {
  const unit = fc.constantFrom("a", "b", "c", " ", "é", "\u{1F600}", "'");
  it("is never above the edit distance, at every end", () => {
    holds(
      fc.property(fc.string({ unit, maxLength: 50 }), fc.string({ unit, maxLength: 60 }), fc.nat(), (pattern, text, cutAt) => {
        const from = text.length === 0 ? 0 : cutAt % text.length;
        const ends = [from, Math.floor((from + text.length) / 2), text.length];
        const bounds = new UnitCounts(pattern).lowerBounds(text, from, ends);
        const exact = new EditDistancePattern(pattern).distances(text, from, ends);
        bounds.forEach((b, i) => expect(b).toBeLessThanOrEqual(exact[i]));
        // The bound is the larger surplus: at least the difference of the lengths.
        bounds.forEach((b, i) => expect(b).toBeGreaterThanOrEqual(Math.abs(pattern.length - (ends[i] - from))));
        return true;
      }),
      { numRuns: 1000 },
    );
  });

  it("counts the surplus of either side", () => {
    expect(new UnitCounts("abc").lowerBounds("xxabcab", 0, [0, 2, 5, 7])).toEqual([3, 3, 2, 4]);
  });
});
