/** The closest passage of a quote that was not found (SPEC §7): where in the archive it most nearly stands. */
import { EditDistancePattern } from "../shared/distance.js";
import type { PreparedArchive } from "./prepared.js";
import { forEachWord } from "./words.js";

/** The most similar passage, as written in the archive (white space collapsed), and how similar, in percent. */
export interface Passage {
  readonly closest: string;
  readonly similarity: number;
}

const MAX_NEEDLE = 1000; // bounds the edit-distance work per candidate
const TOP_CANDIDATES = 5;
const MAX_CLOSEST = 200;

interface Candidate {
  start: number;
  score: number;
}

/** The passage of the archive most similar to `needleFull` (the quote's fragments, normalised). */
export function closestPassage(needleFull: string, archive: PreparedArchive): Passage {
  const needle = needleFull.slice(0, MAX_NEEDLE);
  const { wordId, wordStart, wordEnd, dictionary } = archive.words;
  const total = wordId.length;
  if (total === 0) return { closest: "", similarity: 0 };

  // Multiset of the quote's words by archive id; words absent from the archive can never overlap.
  const need = new Map<number, number>();
  let k = 0;
  forEachWord(needle, (s, e) => {
    k++;
    const id = dictionary.get(needle.slice(s, e));
    if (id !== undefined) need.set(id, (need.get(id) ?? 0) + 1);
  });
  k = Math.max(1, Math.min(k, total));

  // Sliding window of k words: score = size of the multiset intersection with the quote. Linear in
  // archive length; only words that occur in the quote touch the map.
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
  for (let start = 1; start + k <= total; start++) {
    remove(wordId[start - 1]);
    add(wordId[start + k - 1]);
    if (score > 0) consider(start);
  }

  // Refine: small shifts of start and length around each candidate, scored by edit distance;
  // the three lengths from one start come from one pass over the archive. Best candidates first,
  // so that of passages equally similar the one sharing more of the quote's words is named.
  top.sort((x, y) => y.score - x.score);
  const pattern = new EditDistancePattern(needle);
  let bestSim = -1;
  let bestA = 0;
  let bestB = 0;
  for (const c of top) {
    for (let ds = -1; ds <= 1; ds++) {
      const s = c.start + ds;
      if (s < 0) continue;
      const ends: number[] = [];
      for (let dl = -1; dl <= 1; dl++) {
        const e = s + k + dl - 1;
        if (e >= s && e < total) ends.push(wordEnd[e]);
      }
      if (ends.length === 0) continue;
      const a = wordStart[s];
      const distances = pattern.distances(archive.normalized, a, ends);
      ends.forEach((b, i) => {
        const longer = Math.max(needle.length, b - a);
        const sim = longer === 0 ? 100 : Math.round(100 * (1 - distances[i] / longer));
        if (sim > bestSim) {
          bestSim = sim;
          bestA = a;
          bestB = b;
        }
      });
    }
  }
  // A quote that was not found is never "100%" similar, even when rounding (or the needle cut at
  // MAX_NEEDLE) would say so.
  return { closest: originalPassage(archive, bestA, bestB), similarity: Math.min(99, Math.max(0, bestSim)) };
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
