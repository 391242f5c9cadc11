/** Edit distance, shared by "did you mean" suggestions and the closest-passage search of quote checks. */

const HIGH_BIT = 1 << 31;

/**
 * Levenshtein distance over UTF-16 units, or some value above `limit` as soon as the distance is
 * known to exceed it.
 */
export function levenshtein(a: string, b: string, limit = Infinity): number {
  if (a.length < b.length) [a, b] = [b, a];
  if (a.length - b.length > limit) return limit + 1;
  if (b.length === 0) return a.length;
  return new EditDistancePattern(b).distance(a, limit);
}

/**
 * A string prepared to be compared with many others by edit distance.
 *
 * Bit-parallel (Myers 1999, in its blocked form, with the top row counting up as global edit
 * distance needs): the pattern is cut into 32-unit blocks, and each unit of the other string
 * advances a whole block of a column of the table at once. That is n·⌈m/32⌉ steps instead of
 * n·m cells. Each column gives the distance to a prefix of the other string, so the distances
 * to several passages that start at the same place come from one pass.
 */
export class EditDistancePattern {
  readonly length: number;
  private readonly blocks: number;
  /** For each unit of the pattern, the positions where it occurs, as one bit mask per block. */
  private readonly occurs = new Map<number, Int32Array>();
  private readonly none: Int32Array;
  private readonly lastBit: number;
  /** For a one-block pattern, the masks of ASCII units in a table: a Map lookup per unit is most of a short comparison. */
  private readonly asciiMasks = new Int32Array(128);

  constructor(pattern: string) {
    const m = pattern.length;
    this.length = m;
    this.blocks = Math.max(1, (m + 31) >>> 5);
    for (let i = 0; i < m; i++) {
      const unit = pattern.charCodeAt(i);
      let mask = this.occurs.get(unit);
      if (!mask) this.occurs.set(unit, (mask = new Int32Array(this.blocks)));
      mask[i >>> 5] |= 1 << (i & 31);
      if (unit < 128 && i < 32) this.asciiMasks[unit] |= 1 << i;
    }
    this.none = new Int32Array(this.blocks);
    this.lastBit = 1 << ((Math.max(1, m) - 1) & 31);
  }

  /** The distance to `text`, or some value above `limit` as soon as it is known to exceed it. */
  distance(text: string, limit = Infinity): number {
    const n = text.length;
    if (n === 0) return this.length;
    if (this.blocks === 1 && this.length > 0) return this.distanceOneBlock(text, limit);
    let found = Infinity;
    this.scan(text, 0, n, (j, score) => {
      // Each remaining column can lower the distance by one at most.
      if (score - (n - j) > limit) {
        found = limit + 1;
        return false;
      }
      if (j === n) found = score;
      return true;
    });
    return found;
  }

  /**
   * `distance` for a pattern of at most 32 units, in plain integers: no arrays, no callback. "Did
   * you mean" compares one word with many ids this way, so each comparison must cost little.
   */
  private distanceOneBlock(text: string, limit: number): number {
    const { occurs, lastBit, asciiMasks } = this;
    const n = text.length;
    let pv = -1;
    let mv = 0;
    let score = this.length;
    for (let j = 0; j < n; j++) {
      const unit = text.charCodeAt(j);
      const eq = unit < 128 ? asciiMasks[unit] : (occurs.get(unit)?.[0] ?? 0);
      const xv = eq | mv;
      const xh = ((((eq & pv) + pv) | 0) ^ pv) | eq;
      let ph = mv | ~(xh | pv);
      let mh = pv & xh;
      if (ph & lastBit) score++;
      else if (mh & lastBit) score--;
      // The top row counts up (global distance): a +1 enters at the bottom bit.
      ph = (ph << 1) | 1;
      mh <<= 1;
      pv = mh | ~(xv | ph);
      mv = ph & xv;
      // Each remaining column can lower the distance by one at most.
      if (score - (n - j - 1) > limit) return limit + 1;
    }
    return score;
  }

  /** The distances to `text.slice(from, end)` for each of `ends` (ascending, each at least `from`). */
  distances(text: string, from: number, ends: readonly number[]): number[] {
    const out: number[] = [];
    let next = 0;
    while (next < ends.length && ends[next] === from) out[next++] = this.length;
    if (next === ends.length) return out;
    this.scan(text, from, ends[ends.length - 1], (j, score) => {
      while (next < ends.length && ends[next] === j) out[next++] = score;
      return next < ends.length;
    });
    return out;
  }

  /** Runs over `text` from `from` to `to`; after each unit, `step(end, distance to text.slice(from, end))` says whether to go on. */
  private scan(text: string, from: number, to: number, step: (end: number, score: number) => boolean): void {
    const { blocks, occurs, none, lastBit } = this;
    // Vertical deltas of the current column, +1 (plus) and −1 (minus) bits; the first column is 0, 1, 2, … m.
    const plus = new Int32Array(blocks).fill(-1);
    const minus = new Int32Array(blocks);
    let score = this.length;
    if (this.length === 0) {
      for (let j = from + 1; j <= to; j++) if (!step(j, j - from)) return;
      return;
    }
    for (let j = from; j < to; j++) {
      const eqs = occurs.get(text.charCodeAt(j)) ?? none;
      // The horizontal delta entering the top of the column: the first row is 0, 1, 2, … n.
      let carry = 1;
      for (let k = 0; k < blocks; k++) {
        const pv = plus[k];
        const mv = minus[k];
        let eq = eqs[k];
        const xv = eq | mv;
        if (carry < 0) eq |= 1;
        const xh = ((((eq & pv) + pv) | 0) ^ pv) | eq;
        let ph = mv | ~(xh | pv);
        let mh = pv & xh;
        const high = k === blocks - 1 ? lastBit : HIGH_BIT;
        const out = ph & high ? 1 : mh & high ? -1 : 0;
        ph <<= 1;
        mh <<= 1;
        if (carry < 0) mh |= 1;
        else if (carry > 0) ph |= 1;
        plus[k] = mh | ~(xv | ph);
        minus[k] = ph & xv;
        carry = out;
      }
      score += carry;
      if (!step(j + 1, score)) return;
    }
  }
}
