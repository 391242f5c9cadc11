/**
 * Conflicting pairs (SPEC §8): every pair of sets that the claim's rule finds incompatible, found
 * without trying every pair, so the work grows with the sets plus the pairs found.
 *
 * Why every pair is found once, and nothing else:
 * - Sets that are not intervals (options, booleans) are compared by distinct value: equal sets
 *   are interchangeable, so only the distinct ones (a handful: subsets of a claim's options) are
 *   compared, and each conflicting class pair yields its members' pairs.
 * - Intervals of a claim that is not cumulative, or whose two as-of dates are equal or missing,
 *   conflict when they do not overlap. Sorted by lower bound, an interval conflicts with exactly
 *   the later ones that start after it ends: a suffix, found by binary search.
 * - On a cumulative claim every pair of intervals falls in exactly one of three cases:
 *   (1) at least one has no as-of date: compared as usual. For each undated interval u, the
 *       intervals that start after u ends form a suffix of the list sorted by lower bound, and
 *       those that end before u starts a prefix of the list sorted by upper bound: both by binary
 *       search. A pair of two undated intervals is found from both ends and kept from the one
 *       earlier in the input.
 *   (2) both have the same as-of date: compared as usual, by the sweep above within that date.
 *   (3) different as-of dates a < b: the earlier E and later L conflict when E's lower bound is
 *       above L's upper bound. With the dated intervals in as-of order, the candidates for a later
 *       L are a prefix (every date before L's); "above L's upper bound" is monotone in the lower
 *       bound, so the conflicting ones are those of the prefix whose lower bound passes a
 *       threshold. A sparse table gives the highest lower bound of any range in O(1); reporting
 *       the highest of a range, then searching the two ranges either side of it, stops at each
 *       range whose highest does not pass, so each query costs O(1 + 2·found).
 *   Work: O(n log n) for the sorts and the table, O(log n) per interval for the binary searches,
 *   and O(1) per pair found — never n² comparisons when few pairs conflict (a rising toll of a
 *   thousand dated figures has none, and costs n log n).
 */
import { compatible, widen } from "../values/index.js";
import type { ValueSet } from "../values/types.js";
import { compareHi, compareLo, type Compared, loAfterHi } from "./rule.js";

type Interval = Extract<ValueSet, { kind: "interval" }>;
/** Takes a conflicting pair; false when no more are wanted. */
type Emit = (a: number, b: number) => boolean;
interface Item {
  readonly i: number;
  readonly set: Interval;
}

/**
 * Index pairs [i, j], i < j, of the sets that conflict by the claim's rule, sorted. Sets are
 * already widened. At most `limit` pairs are found: the search stops there, so thousands of sets
 * that all conflict cost their number, not the millions of their pairs (countConflictPairs counts
 * them all without listing them).
 */
export function conflictIndexPairs(items: readonly Compared[], cumulative: boolean, limit = Infinity): [number, number][] {
  const pairs: [number, number][] = [];
  // Once `limit` pairs are found, every loop below stops at its next pair.
  const emit: Emit = (a, b) => {
    if (pairs.length >= limit) return false;
    pairs.push(a < b ? [a, b] : [b, a]);
    return pairs.length < limit;
  };
  const intervals: Item[] = [];
  const others: { i: number; set: ValueSet }[] = [];
  items.forEach((item, i) => (item.wide.kind === "interval" ? intervals.push({ i, set: item.wide }) : others.push({ i, set: item.wide })));
  byClass(others, emit);
  if (pairs.length >= limit) return pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  if (!cumulative) sweep(intervals, emit);
  else {
    const undated: Item[] = [];
    const byDate = new Map<string, Item[]>();
    for (const item of intervals) {
      const asOf = items[item.i].asOf;
      if (asOf === null) undated.push(item);
      else (byDate.get(asOf) ?? byDate.set(asOf, []).get(asOf)!).push(item);
    }
    if (againstUndated(undated, intervals, emit)) {
      let more = true;
      for (const group of byDate.values()) if (more) more = sweep(group, emit);
      if (more) acrossDates(byDate, emit);
    }
  }
  return pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
}

/** Whether b starts after a ends. */
const startsAfter = (a: Interval, b: Interval): boolean => loAfterHi(b.lo, b.loOpen, a.hi, a.hiOpen);

/** Intervals that do not overlap, by a sweep over their lower bounds; false when `emit` wants no more. */
function sweep(list: Item[], emit: Emit): boolean {
  const sorted = [...list].sort((a, b) => compareLo(a.set, b.set));
  for (let k = 0; k < sorted.length; k++) {
    const a = sorted[k];
    const from = firstIndex(sorted, k + 1, (b) => startsAfter(a.set, b.set));
    for (let j = from; j < sorted.length; j++) if (!emit(a.i, sorted[j].i)) return false;
  }
  return true;
}

/** Case (1): each undated interval against every other, by binary search in two sorted orders. */
function againstUndated(undated: readonly Item[], all: readonly Item[], emit: Emit): boolean {
  if (undated.length === 0) return true;
  const isUndated = new Set(undated.map((u) => u.i));
  const byLo = [...all].sort((a, b) => compareLo(a.set, b.set));
  const byHi = [...all].sort((a, b) => compareHi(a.set, b.set));
  for (const u of undated) {
    const keep = (x: Item): boolean => !isUndated.has(x.i) || u.i < x.i;
    for (let j = firstIndex(byLo, 0, (x) => startsAfter(u.set, x.set)); j < byLo.length; j++) if (keep(byLo[j]) && !emit(u.i, byLo[j].i)) return false;
    const end = firstIndex(byHi, 0, (x) => !startsAfter(x.set, u.set));
    for (let j = 0; j < end; j++) if (keep(byHi[j]) && !emit(u.i, byHi[j].i)) return false;
  }
  return true;
}

/** Case (3): an earlier interval whose lower bound is above a later one's upper bound. */
function acrossDates(byDate: ReadonlyMap<string, readonly Item[]>, emit: Emit): void {
  if (byDate.size < 2) return;
  const dates = [...byDate.keys()].sort();
  const order = dates.flatMap((date) => byDate.get(date)!);
  const table = new HighestLo(order.map((item) => item.set));
  let before = 0; // how many intervals have an earlier date than the current one
  for (const date of dates) {
    const group = byDate.get(date)!;
    for (const later of group) {
      const stack: [number, number][] = [[0, before]];
      while (stack.length > 0) {
        const [a, b] = stack.pop()!;
        if (a >= b) continue;
        const m = table.argmax(a, b);
        const e = order[m].set;
        if (!loAfterHi(e.lo, e.loOpen, later.set.hi, later.set.hiOpen)) continue;
        if (!emit(order[m].i, later.i)) return;
        stack.push([a, m], [m + 1, b]);
      }
    }
    before += group.length;
  }
}

/** Range-maximum of lower bounds over a fixed list (a sparse table): O(n log n) to build, O(1) per range. */
export class HighestLo {
  private readonly levels: Int32Array[] = [];

  constructor(private readonly sets: readonly Interval[]) {
    const n = sets.length;
    this.levels.push(Int32Array.from({ length: n }, (_, i) => i));
    for (let width = 2; width <= n; width *= 2) {
      const prev = this.levels[this.levels.length - 1];
      const level = new Int32Array(n - width + 1);
      for (let i = 0; i < level.length; i++) level[i] = this.higher(prev[i], prev[i + width / 2]);
      this.levels.push(level);
    }
  }

  private higher(a: number, b: number): number {
    return compareLo(this.sets[a], this.sets[b]) >= 0 ? a : b;
  }

  /** The index in [a, b) of the highest lower bound (a < b). */
  argmax(a: number, b: number): number {
    const k = 31 - Math.clz32(b - a);
    const level = this.levels[k];
    return this.higher(level[a], level[b - (1 << k)]);
  }
}

/** The first index at or after `from` where `pass` holds, for a predicate that stays true once true. */
export function firstIndex<T>(list: readonly T[], from: number, pass: (x: T) => boolean): number {
  let lo = from;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pass(list[mid])) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Options and booleans grouped by set: equal sets are interchangeable. */
export function setClasses(others: readonly { i: number; set: ValueSet }[]): { set: ValueSet; members: number[] }[] {
  const classes = new Map<string, { set: ValueSet; members: number[] }>();
  for (const o of others) {
    const key = JSON.stringify(o.set);
    const c = classes.get(key);
    if (c) c.members.push(o.i);
    else classes.set(key, { set: o.set, members: [o.i] });
  }
  return [...classes.values()];
}

/** Options and booleans: only distinct sets are compared, and the search stops when `emit` wants no more. */
function byClass(others: readonly { i: number; set: ValueSet }[], emit: Emit): void {
  const distinct = setClasses(others);
  for (let x = 0; x < distinct.length; x++) {
    for (let y = x + 1; y < distinct.length; y++) {
      if (compatible(distinct[x].set, distinct[y].set)) continue;
      for (const a of distinct[x].members) for (const b of distinct[y].members) if (!emit(a, b)) return;
    }
  }
}

/**
 * Every pair of named sets that conflicts by the claim's rule, as sorted name pairs, sorted. Sets
 * are widened by `tolerance` first; `asOf` matters only on a cumulative claim.
 */
export function conflictingPairs(
  positions: readonly { readonly source: string; readonly set: ValueSet; readonly asOf?: string | null }[],
  tolerance: number,
  cumulative = false,
): [string, string][] {
  const items = positions.map((p) => ({ wide: widen(p.set, tolerance), asOf: p.asOf ?? null }));
  return conflictIndexPairs(items, cumulative)
    .map(([a, b]): [string, string] => {
      const [x, y] = [positions[a].source, positions[b].source];
      return x < y ? [x, y] : [y, x];
    })
    .sort((p, q) => (p[0] !== q[0] ? (p[0] < q[0] ? -1 : 1) : p[1] < q[1] ? -1 : p[1] > q[1] ? 1 : 0));
}
