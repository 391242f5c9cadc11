/**
 * For each statement of a run, the earliest one before it that it conflicts with (SPEC §6: an
 * `ambiguous-revision` names it). Listing every conflicting pair cost the square of a run of
 * statements that all conflict (an origin that said 10 and 20 a thousand times each, undated);
 * this needs each statement's first rival only, found in O(n log n).
 */
import type { ValueSet } from "../values/types.js";
import { conflictIndexPairs } from "./conflicts.js";
import { compareHi, compareLo, type Compared, loAfterHi } from "./rule.js";

type Interval = Extract<ValueSet, { kind: "interval" }>;

/** When the fast paths do not apply, the pairs listed to find the rivals. */
const FALLBACK_PAIRS = 100_000;

/**
 * For each item, the index of the earliest item before it that conflicts with it by the claim's
 * rule, or -1. Exact for intervals compared as usual (any claim whose run has one as-of date or
 * none) and for single options and booleans; otherwise from the first 100,000 conflicting pairs.
 */
export function earliestRivals(items: readonly Compared[], cumulative: boolean): Int32Array {
  const rivals = new Int32Array(items.length).fill(-1);
  // On a cumulative claim the running-count rule applies only between two different as-of dates.
  const dated = new Set(items.flatMap((item) => (item.asOf === null ? [] : [item.asOf])));
  const usual = !cumulative || dated.size <= 1;
  const kinds = new Set(items.map((item) => item.wide.kind));
  if (usual && !kinds.has("options") && !kinds.has("boolean")) intervalRivals(items, rivals);
  else if (!kinds.has("interval") && items.every((item) => item.wide.kind !== "options" || item.wide.options.length === 1)) classRivals(items, rivals);
  else {
    for (const [a, b] of conflictIndexPairs(items, cumulative, FALLBACK_PAIRS)) if (rivals[b] === -1 || a < rivals[b]) rivals[b] = a;
  }
  return rivals;
}

/**
 * Intervals: the earliest item before b that ends before b starts is where the running lowest end
 * first passes that test (a new lowest end appears at that very item), so a binary search over
 * the running lowest ends finds it; likewise the running highest start for items after b.
 */
function intervalRivals(items: readonly Compared[], rivals: Int32Array): void {
  const n = items.length;
  const lowestEnd = new Int32Array(n);
  const highestStart = new Int32Array(n);
  const set = (k: number) => items[k].wide as Interval;
  for (let k = 0; k < n; k++) {
    const isInterval = items[k].wide.kind === "interval";
    if (k === 0) {
      lowestEnd[0] = highestStart[0] = isInterval ? 0 : -1;
      continue;
    }
    const [le, hs] = [lowestEnd[k - 1], highestStart[k - 1]];
    lowestEnd[k] = !isInterval ? le : le < 0 || compareHi(set(k), set(le)) < 0 ? k : le;
    highestStart[k] = !isInterval ? hs : hs < 0 || compareLo(set(k), set(hs)) > 0 ? k : hs;
  }
  for (let b = 1; b < n; b++) {
    if (items[b].wide.kind !== "interval") continue;
    const mine = set(b);
    const before = first(b, (k) => lowestEnd[k] >= 0 && loAfterHi(mine.lo, mine.loOpen, set(lowestEnd[k]).hi, set(lowestEnd[k]).hiOpen));
    const after = first(b, (k) => highestStart[k] >= 0 && loAfterHi(set(highestStart[k]).lo, set(highestStart[k]).loOpen, mine.hi, mine.hiOpen));
    const found = Math.min(before < b ? lowestEnd[before] : n, after < b ? highestStart[after] : n);
    if (found < n) rivals[b] = found;
  }
}

/** Single options and booleans: two answers conflict when they differ, so the earliest rival is the first answer, or the first that differs from it. */
function classRivals(items: readonly Compared[], rivals: Int32Array): void {
  const key = (set: ValueSet): string | null => (set.kind === "options" ? `o:${set.options[0]}` : set.kind === "boolean" ? `b:${set.value}` : null);
  let first = -1;
  let firstOther = -1;
  items.forEach((item, b) => {
    const mine = key(item.wide);
    if (mine === null) return;
    if (first >= 0 && key(items[first].wide) !== mine) rivals[b] = first;
    else if (firstOther >= 0) rivals[b] = firstOther;
    if (first < 0) first = b;
    else if (firstOther < 0 && key(items[first].wide) !== mine) firstOther = b;
  });
}

/** The first k in [0, end) where `pass` holds, for a predicate that stays true once true; `end` if none. */
function first(end: number, pass: (k: number) => boolean): number {
  let lo = 0;
  let hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pass(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
