/** The closest passage of a quote that was not found (SPEC §7): where in the archive it most nearly stands. */
import { EditDistancePattern } from "../shared/distance.js";
import type { PreparedArchive } from "./prepared.js";
import { forEachWord, isWordUnit } from "./words.js";

/** The most similar passage, as written in the archive (white space collapsed), and how similar, in percent. */
export interface Passage {
  readonly closest: string;
  readonly similarity: number;
}

const MAX_NEEDLE = 1000; // bounds the edit-distance work per candidate
/**
 * The longest passage compared with the quote, in units of the normalised archive. A passage of a
 * few words can be megabytes long when a word is (an archive of one repeated word), and comparing
 * costs its length times the quote's; longer than this, a passage is compared (and shown) cut to
 * it. Such a passage is at most an eighth as long as it is similar, so no choice changes.
 */
export const MAX_PASSAGE = 8 * MAX_NEEDLE;
const TOP_CANDIDATES = 5;
const MAX_CLOSEST = 200;

/** A passage's end, cut to MAX_PASSAGE units after its start. */
const cut = (a: number, b: number): number => Math.min(b, a + MAX_PASSAGE);

interface Candidate {
  start: number;
  score: number;
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

/** How many words a passage may move to reach the quote's first or last word (with twice the quote's length). */
const MAX_REACH = 50;

/** Windows of k words scored by the size of their multiset intersection with the quote's words: the best few, by start. */
function candidates(quoteIds: readonly number[], wordId: Int32Array, k: number): Candidate[] {
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

/**
 * The passage [s, e] (word indices) moved to start at the quote's first word and end at its last
 * word, each where it stands within `reach` words of the passage's own end (nearest first, the
 * farther side winning a tie), when the passage does not already begin or end with it.
 */
function cover(s: number, e: number, quoteIds: readonly number[], wordId: Int32Array, reach: number): [number, number] {
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
function markStart(text: string, a: number): number {
  while (a > 0 && text[a - 1] !== " " && !isWordUnit(text, a - 1)) a--;
  return a;
}

/** Where the run of punctuation and quotation marks just after offset `b` ends. */
function markEnd(text: string, b: number): number {
  while (b < text.length && text[b] !== " " && !isWordUnit(text, b)) b++;
  return b;
}

/** Maps normalised offsets [a, b) back to the original text, white space collapsed, at most ~200 characters. */
function originalPassage(archive: PreparedArchive, a: number, b: number): string {
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
