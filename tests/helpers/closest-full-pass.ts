/**
 * The closest-passage search (SPEC §7) as it was before the archive's word index: a full pass of
 * the archive's words per quote, and every nearby passage measured by edit distance. Kept,
 * unchanged in what it computes, as the oracle the indexed search is compared with
 * (tests/closest.property.test.ts); the steps the two share unchanged come from the source.
 */
import { EditDistancePattern } from "../../src/core/shared/distance.js";
import { cover, cut, markEnd, markStart, MAX_NEEDLE, MAX_REACH, originalPassage, type Passage } from "../../src/core/quotes/closest.js";
import type { PreparedArchive } from "../../src/core/quotes/prepared.js";
import { forEachWord } from "../../src/core/quotes/words.js";

const TOP_CANDIDATES = 5;

export interface Candidate {
  start: number;
  score: number;
}

/** The passage of the archive most similar to `needleFull`, found by a full pass of the archive. */
export function closestPassageFullPass(needleFull: string, archive: PreparedArchive): Passage {
  const needle = needleFull.slice(0, MAX_NEEDLE);
  const { wordId, dictionary } = archive.words;
  const total = wordId.length;
  if (total === 0) return { closest: "", similarity: 0 };

  // The quote's words by archive id (-1: not in the archive), in order.
  const quoteIds: number[] = [];
  forEachWord(needle, (s, e) => void quoteIds.push(dictionary.get(needle.slice(s, e)) ?? -1));
  const k = Math.max(1, Math.min(quoteIds.length, total));
  const pattern = new EditDistancePattern(needle);
  const similarity = (a: number, b: number): number => {
    const longer = Math.max(needle.length, b - a);
    return longer === 0 ? 100 : Math.round(100 * (1 - pattern.distances(archive.normalized, a, [b])[0] / longer));
  };

  const best = refine(candidates(quoteIds, wordId, k), archive, pattern, needle.length, k);
  const [s, e] = cover(best.s, best.e, quoteIds, wordId, Math.min(2 * k, MAX_REACH));
  // The punctuation and quotation marks next to the passage, where they bring it closer.
  const { wordStart, wordEnd } = archive.words;
  let bestA = wordStart[s];
  let bestB = cut(bestA, wordEnd[e]);
  let bestSim = similarity(bestA, bestB);
  for (const a of [wordStart[s], markStart(archive.normalized, wordStart[s])]) {
    for (const b of [bestB, markEnd(archive.normalized, wordEnd[e])].map((end) => cut(a, end))) {
      const sim = similarity(a, b);
      if (sim > bestSim) [bestA, bestB, bestSim] = [a, b, sim];
    }
  }
  // A quote that was not found is never "100%" similar, even when rounding (or the needle cut at
  // MAX_NEEDLE) would say so.
  return { closest: originalPassage(archive, bestA, bestB), similarity: Math.min(99, Math.max(0, bestSim)) };
}

/** Windows of k words scored by the size of their multiset intersection with the quote's words: the best few, by start. */
export function candidates(quoteIds: readonly number[], wordId: Int32Array, k: number): Candidate[] {
  const total = wordId.length;
  const need = new Map<number, number>();
  for (const id of quoteIds) if (id >= 0) need.set(id, (need.get(id) ?? 0) + 1);
  // Linear in archive length; only words that occur in the quote touch the map.
  const have = new Map<number, number>();
  let score = 0;
  const add = (id: number): void => {
    const want = need.get(id);
    if (want === undefined) return;
    const h = (have.get(id) ?? 0) + 1;
    have.set(id, h);
    if (h <= want) score++;
  };
  const remove = (id: number): void => {
    const want = need.get(id);
    if (want === undefined) return;
    const h = have.get(id)! - 1;
    have.set(id, h);
    if (h < want) score--;
  };
  const top: Candidate[] = [];
  const consider = (start: number): void => {
    // Overlapping windows describe the same passage: keep only the better of them.
    const near = top.find((c) => Math.abs(c.start - start) < k);
    if (near) {
      if (score > near.score) {
        near.start = start;
        near.score = score;
      }
      return;
    }
    if (top.length < TOP_CANDIDATES) top.push({ start, score });
    else {
      let worst = 0;
      for (let j = 1; j < top.length; j++) if (top[j].score < top[worst].score) worst = j;
      if (score > top[worst].score) top[worst] = { start, score };
    }
  };
  for (let j = 0; j < k; j++) add(wordId[j]);
  consider(0);
  // Full windows, then the shrinking windows of the archive's last words: a passage that ends the
  // archive is a candidate too.
  for (let start = 1; start < total; start++) {
    remove(wordId[start - 1]);
    if (start + k <= total) add(wordId[start + k - 1]);
    if (score > 0) consider(start);
  }
  // Best first, so that of passages equally similar the one sharing more of the quote's words is named.
  return top.sort((x, y) => y.score - x.score);
}

/** Small shifts of start and length around each candidate, scored by edit distance; the three lengths from one start in one pass. */
function refine(top: readonly Candidate[], archive: PreparedArchive, pattern: EditDistancePattern, needleLength: number, k: number): { s: number; e: number } {
  const { wordStart, wordEnd } = archive.words;
  const total = wordStart.length;
  let bestSim = -1;
  let best = { s: 0, e: Math.min(k, total) - 1 };
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
      const distances = pattern.distances(archive.normalized, wordStart[s], stops);
      ends.forEach((e, i) => {
        const longer = Math.max(needleLength, stops[i] - wordStart[s]);
        const sim = longer === 0 ? 100 : Math.round(100 * (1 - distances[i] / longer));
        if (sim > bestSim) [bestSim, best] = [sim, { s, e }];
      });
    }
  }
  return best;
}
