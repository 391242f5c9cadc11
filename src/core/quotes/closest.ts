/** The closest passage of a quote that was not found (SPEC §7): where in the archive it most nearly stands. */
import { EditDistancePattern } from "../shared/distance.js";
import type { PreparedArchive } from "./prepared.js";
import { UnitCounts } from "./unit-counts.js";
import { type Candidate, candidates } from "./windows.js";
import { forEachWord, isWordUnit } from "./words.js";

/** The most similar passage, as written in the archive (white space collapsed), and how similar, in percent. */
export interface Passage {
  readonly closest: string;
  readonly similarity: number;
}

export const MAX_NEEDLE = 1000; // bounds the edit-distance work per candidate
/**
 * The longest passage compared with the quote, in units of the normalised archive. A passage of a
 * few words can be megabytes long when a word is (an archive of one repeated word), and comparing
 * costs its length times the quote's; longer than this, a passage is compared (and shown) cut to
 * it. Such a passage is at most an eighth as long as it is similar, so no choice changes.
 */
export const MAX_PASSAGE = 8 * MAX_NEEDLE;
const MAX_CLOSEST = 200;

/** A passage's end, cut to MAX_PASSAGE units after its start. */
export const cut = (a: number, b: number): number => Math.min(b, a + MAX_PASSAGE);

/** How similar a passage of `length` units is to a quote of `needleLength` at edit distance `distance`, in percent (rounded). */
export function percentSimilar(distance: number, needleLength: number, length: number): number {
  const longer = Math.max(needleLength, length);
  return longer === 0 ? 100 : Math.round(100 * (1 - distance / longer));
}

/**
 * The passage of the archive most similar to `needleFull` (the quote's fragments, normalised).
 *
 * Three steps. Candidates: windows of the quote's length in words (the archive's last words too)
 * scored by the words they share with the quote. Refined: small shifts of start and length scored
 * by edit distance. Covered (SPEC §7 v2): edit distance alone prefers to stop before a stretch the
 * archive words differently (a dropped or inserted phrase at the end of a quote costs more than
 * a substitution), so the passage is then moved to begin at the quote's first word and end at its
 * last word where those stand nearby, and takes in the punctuation and quotation marks around it
 * when that makes it more similar: the reader sees the whole place that differs, not only the
 * part before it.
 */
export function closestPassage(needleFull: string, archive: PreparedArchive): Passage {
  const needle = needleFull.slice(0, MAX_NEEDLE);
  const { wordId, dictionary } = archive.words;
  const total = wordId.length;
  if (total === 0) return { closest: "", similarity: 0 };

  // The quote's words by archive id (-1: not in the archive), in order.
  const quoteIds: number[] = [];
  forEachWord(needle, (s, e) => void quoteIds.push(dictionary.get(needle.slice(s, e)) ?? -1));
  const k = Math.max(1, Math.min(quoteIds.length, total));
  const compare = new Comparison(needle, archive.normalized);

  const best = refine(candidates(quoteIds, archive.words, k), archive, compare, k);
  const [s, e] = cover(best.s, best.e, quoteIds, wordId, Math.min(2 * k, MAX_REACH));
  // The punctuation and quotation marks next to the passage, where they bring it closer.
  const { wordStart, wordEnd } = archive.words;
  let bestA = wordStart[s];
  let bestB = cut(bestA, wordEnd[e]);
  // Refining measured this passage already, unless covering moved it.
  let bestSim = s === best.s && e === best.e && best.similarity >= 0 ? best.similarity : compare.similarities(bestA, [bestB])[0];
  for (const a of [wordStart[s], markStart(archive.normalized, wordStart[s])]) {
    // Ascending: a cut end never passes the uncut one it comes from.
    const ends = [bestB, markEnd(archive.normalized, wordEnd[e])].map((end) => cut(a, end));
    compare.similarities(a, ends, bestSim).forEach((sim, i) => {
      if (sim > bestSim) [bestA, bestB, bestSim] = [a, ends[i], sim];
    });
  }
  // A quote that was not found is never "100%" similar, even when rounding (or the needle cut at
  // MAX_NEEDLE) would say so.
  return { closest: originalPassage(archive, bestA, bestB), similarity: Math.min(99, Math.max(0, bestSim)) };
}

/**
 * The quote compared with passages of the archive, in percent. A passage whose units alone show it
 * cannot be more similar than the best so far is not compared by edit distance: it could not be
 * chosen, since only a passage strictly more similar replaces the best.
 */
class Comparison {
  readonly #pattern: EditDistancePattern;
  readonly #counts: UnitCounts;

  constructor(
    readonly needle: string,
    private readonly text: string,
  ) {
    this.#pattern = new EditDistancePattern(needle);
    this.#counts = new UnitCounts(needle);
  }

  /**
   * The similarity of each passage from `from` to one of `ends` (ascending), or -1 for all of them
   * when none can be more similar than `toBeat`.
   */
  similarities(from: number, ends: readonly number[], toBeat = -1): number[] {
    const n = this.needle.length;
    if (toBeat >= 0) {
      const most = this.#counts.lowerBounds(this.text, from, ends).map((d, i) => percentSimilar(d, n, ends[i] - from));
      if (most.every((sim) => sim <= toBeat)) return ends.map(() => -1);
    }
    return this.#pattern.distances(this.text, from, ends).map((d, i) => percentSimilar(d, n, ends[i] - from));
  }
}

/** How many words a passage may move to reach the quote's first or last word (with twice the quote's length). */
export const MAX_REACH = 50;

/**
 * Small shifts of start and length around each candidate, scored by edit distance; the three
 * lengths from one start in one pass. The most similar, the first found of equals.
 */
function refine(top: readonly Candidate[], archive: PreparedArchive, compare: Comparison, k: number): { s: number; e: number; similarity: number } {
  const { wordStart, wordEnd } = archive.words;
  const total = wordStart.length;
  let best = { s: 0, e: Math.min(k, total) - 1, similarity: -1 };
  for (const c of top) {
    for (let ds = -1; ds <= 1; ds++) {
      const s = c.start + ds;
      if (s < 0 || s >= total) continue;
      const ends: number[] = [];
      for (let dl = -1; dl <= 1; dl++) {
        const e = Math.min(s + k + dl - 1, total - 1);
        if (e >= s && !ends.includes(e)) ends.push(e);
      }
      // Ends ascending; cut ones may meet, which `distances` takes in order.
      const stops = ends.map((e) => cut(wordStart[s], wordEnd[e]));
      compare.similarities(wordStart[s], stops, best.similarity).forEach((sim, i) => {
        if (sim > best.similarity) best = { s, e: ends[i], similarity: sim };
      });
    }
  }
  return best;
}

/**
 * The passage [s, e] (word indices) moved to start at the quote's first word and end at its last
 * word, each where it stands within `reach` words of the passage's own end (nearest first, the
 * farther side winning a tie), when the passage does not already begin or end with it.
 */
export function cover(s: number, e: number, quoteIds: readonly number[], wordId: Int32Array, reach: number): [number, number] {
  const first = quoteIds[0] ?? -1;
  const last = quoteIds[quoteIds.length - 1] ?? -1;
  if (first >= 0 && wordId[s] !== first) {
    for (let d = 1; d <= reach; d++) {
      if (s - d >= 0 && wordId[s - d] === first) {
        s -= d;
        break;
      }
      if (s + d <= e && wordId[s + d] === first) {
        s += d;
        break;
      }
    }
  }
  if (last >= 0 && wordId[e] !== last) {
    for (let d = 1; d <= reach; d++) {
      if (e + d < wordId.length && wordId[e + d] === last) {
        e += d;
        break;
      }
      if (e - d >= s && wordId[e - d] === last) {
        e -= d;
        break;
      }
    }
  }
  return [s, e];
}

/** Where the run of punctuation and quotation marks just before offset `a` starts (no white space, no word). */
export function markStart(text: string, a: number): number {
  while (a > 0 && text[a - 1] !== " " && !isWordUnit(text, a - 1)) a--;
  return a;
}

/** Where the run of punctuation and quotation marks just after offset `b` ends. */
export function markEnd(text: string, b: number): number {
  while (b < text.length && text[b] !== " " && !isWordUnit(text, b)) b++;
  return b;
}

/** Maps normalised offsets [a, b) back to the original text, white space collapsed, at most ~200 characters. */
export function originalPassage(archive: PreparedArchive, a: number, b: number): string {
  const { origin, original } = archive;
  if (b <= a) return "";
  const from = origin[a];
  // The end is where the next original segment starts (one segment may yield several units, e.g. "…").
  let j = b;
  while (j < origin.length && origin[j] === origin[b - 1]) j++;
  const to = j < origin.length ? origin[j] : original.length;
  let passage = original.slice(from, to).replace(/\s+/g, " ").trim();
  if (passage.length > MAX_CLOSEST) {
    const cut = passage.lastIndexOf(" ", MAX_CLOSEST);
    passage = passage.slice(0, cut > MAX_CLOSEST / 2 ? cut : MAX_CLOSEST) + "…";
  }
  return passage;
}
