/** Edit distance, shared by "did you mean" suggestions and the closest-passage search of quote checks. */

const HIGH_BIT = 1 << 31;

/**
 * Levenshtein distance over UTF-16 units, or some value above `limit` as soon as the distance is
 * known to exceed it.
 *
 * Bit-parallel (Myers 1999, in its blocked form, with the top row counting up as global edit
 * distance needs): the shorter string is the pattern, cut into 32-unit blocks, and each unit of
 * the longer one advances a whole block of a column of the table at once. That is n·⌈m/32⌉ steps
 * instead of n·m cells, which matters when a quote of a few hundred characters is scored against
 * several passages of an archive.
 */
export function levenshtein(a: string, b: string, limit = Infinity): number {
  if (a.length < b.length) [a, b] = [b, a];
  const n = a.length;
  const m = b.length;
  if (n - m > limit) return limit + 1;
  if (m === 0) return n;
  const blocks = (m + 31) >>> 5;
  // For each unit of the pattern, the positions where it occurs, as one bit mask per block.
  const occurs = new Map<number, Int32Array>();
  for (let i = 0; i < m; i++) {
    const unit = b.charCodeAt(i);
    let mask = occurs.get(unit);
    if (!mask) occurs.set(unit, (mask = new Int32Array(blocks)));
    mask[i >>> 5] |= 1 << (i & 31);
  }
  const none = new Int32Array(blocks);
  // Vertical deltas of the current column, +1 (plus) and −1 (minus) bits; the first column is 0, 1, 2, … m.
  const plus = new Int32Array(blocks).fill(-1);
  const minus = new Int32Array(blocks);
  const lastBit = 1 << ((m - 1) & 31);
  let score = m;
  for (let j = 0; j < n; j++) {
    const eqs = occurs.get(a.charCodeAt(j)) ?? none;
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
    // Each remaining column can lower the distance by one at most.
    if (score - (n - 1 - j) > limit) return limit + 1;
  }
  return score;
}
