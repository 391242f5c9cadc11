/**
 * The first step of the closest-passage search (SPEC §7): the windows of the archive that share
 * the most words with a quote, found through the archive's word index.
 */
import type { WordIndex } from "./words.js";

/** A window of the archive: its first word, and how many of the quote's words it holds. */
export interface Candidate {
  start: number;
  score: number;
}

const TOP_CANDIDATES = 5;

/**
 * Windows of `k` words (and the shrinking windows of the archive's last words: a passage that ends
 * the archive is a candidate too), scored by the size of their multiset intersection with the
 * quote's words (`quoteIds`, -1 for a word the archive lacks): the best few, best first, and of
 * equal scores the earlier found first.
 *
 * Every window start is considered in order, as a sliding window over the whole archive would, but
 * only where the score changes is any work done. A window's score changes only where one of the
 * quote's own words enters or leaves it, so the starts are taken from the occurrence lists of those
 * words: a quote costs the occurrences of its words, not the archive's length. Between two such
 * starts the score stays the same, and `Top.run` settles that stretch in a step per k starts.
 */
export function candidates(quoteIds: readonly number[], words: WordIndex, k: number): Candidate[] {
  const total = words.wordId.length;
  // The quote's distinct words, each with how many times the quote uses it.
  const slotOf = new Map<number, number>();
  const wanted: number[] = [];
  for (const id of quoteIds) {
    if (id < 0) continue;
    const slot = slotOf.get(id);
    if (slot === undefined) {
      slotOf.set(id, wanted.length);
      wanted.push(1);
    } else wanted[slot]++;
  }
  const at = occurrencesOf([...slotOf.keys()], words);
  const slots = new Int32Array(at.length);
  for (let i = 0; i < at.length; i++) slots[i] = slotOf.get(words.wordId[at[i]])!;
  const have = new Int32Array(wanted.length);
  const top = new Top(k);
  let score = 0;
  // A word enters the windows that start from k - 1 words before it (at 0 at the earliest), and
  // leaves those that start after it: `enter` and `leave` walk the same occurrences at two offsets.
  let enter = 0;
  let leave = 0;
  for (let start = 0; start < total; ) {
    for (; enter < at.length && Math.max(0, at[enter] - k + 1) === start; enter++) {
      const w = slots[enter];
      if (++have[w] <= wanted[w]) score++;
    }
    for (; leave < enter && at[leave] + 1 === start; leave++) {
      const w = slots[leave];
      if (--have[w] < wanted[w]) score--;
    }
    // The score holds until the next start where a word enters or leaves.
    const next = Math.min(enter < at.length ? Math.max(0, at[enter] - k + 1) : total, leave < enter ? at[leave] + 1 : total, total);
    // The window at 0 is considered whatever its score; every later one only when it shares a word.
    if (start === 0) top.run(0, 1, score);
    if (score > 0) top.run(Math.max(start, 1), next, score);
    start = next;
  }
  return top.best();
}

/**
 * Every occurrence of the given words in the archive, in order. Each word's occurrences are in
 * order already; they are merged through a bit per word of the stretch they span, read a 32-word
 * block at a time: time with the occurrences and a 32nd of that stretch, where sorting them took
 * time with the occurrences times their logarithm.
 */
function occurrencesOf(ids: readonly number[], words: WordIndex): Int32Array {
  const { firstOccurrence, occurrences } = words;
  let count = 0;
  let low = Infinity;
  let high = -1;
  for (const id of ids) {
    const from = firstOccurrence[id];
    const to = firstOccurrence[id + 1];
    if (to === from) continue;
    count += to - from;
    low = Math.min(low, occurrences[from]);
    high = Math.max(high, occurrences[to - 1]);
  }
  const at = new Int32Array(count);
  if (count === 0) return at;
  const base = low & ~31;
  const bits = new Int32Array(((high - base) >>> 5) + 1);
  for (const id of ids) {
    for (let i = firstOccurrence[id]; i < firstOccurrence[id + 1]; i++) {
      const p = occurrences[i] - base;
      bits[p >>> 5] |= 1 << (p & 31);
    }
  }
  let j = 0;
  for (let block = 0; block < bits.length; block++) {
    for (let b = bits[block]; b !== 0; b &= b - 1) at[j++] = base + (block << 5) + (31 - Math.clz32(b & -b));
  }
  return at;
}

/**
 * The best few windows so far, as the search has always kept them: a window near one kept (fewer
 * than k words apart) replaces it when it scores more, and is dropped otherwise; another takes a
 * free place, or the place of the first of the worst when it scores more than that.
 *
 * Starts come in order, and a window is placed only where no kept one is near, so at most one kept
 * window (the last placed or moved) is ever near the current start; that is what lets `run` settle
 * a stretch of equal scores without visiting each start.
 */
class Top {
  readonly #list: Candidate[] = [];
  /** The place of the window last placed or moved, the only one that can be near the start at hand. */
  #last = -1;
  /** The place of the first of the lowest scores, once every place is taken. */
  #worst = -1;

  constructor(private readonly k: number) {}

  /** Considers each start from `from` to `to` (exclusive), all of one `score`, as one at a time would. */
  run(from: number, to: number, score: number): void {
    const list = this.#list;
    // With every place taken, a score no higher than the lowest kept changes nothing: not the near
    // window (it scores at least that), nor any other place.
    if (this.#worst >= 0 && score <= list[this.#worst].score) return;
    let start = from;
    while (start < to) {
      const last = this.#last < 0 ? undefined : list[this.#last];
      if (last !== undefined && last.start > start - this.k) {
        // Near the window placed last: it moves here if this one scores more. Either way nothing
        // changes until the start is k words past it.
        if (score > last.score) {
          last.start = start;
          last.score = score;
          this.#findWorst();
        }
        start = last.start + this.k;
        continue;
      }
      if (this.#worst >= 0 && score <= list[this.#worst].score) return;
      const place = this.#worst >= 0 ? this.#worst : list.length;
      list[place] = { start, score };
      this.#last = place;
      this.#findWorst();
      start += this.k;
    }
  }

  #findWorst(): void {
    const list = this.#list;
    if (list.length < TOP_CANDIDATES) return;
    let worst = 0;
    for (let j = 1; j < list.length; j++) if (list[j].score < list[worst].score) worst = j;
    this.#worst = worst;
  }

  /** The windows kept, best first (a stable sort: of equal scores, the earlier kept place first). */
  best(): Candidate[] {
    return this.#list.sort((x, y) => y.score - x.score);
  }
}
