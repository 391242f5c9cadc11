/**
 * How many pairs conflict (SPEC §8), counted without listing them: a claim of thousands of
 * mutually conflicting sources has millions of pairs, and the report lists at most a thousand
 * (`conflictCount` says how many there are). The same three cases as conflicts.ts, each counted
 * by binary search or a Fenwick tree: O(n log n) for intervals, whatever the number of pairs.
 */
import { compatible } from "../values/index.js";
import type { ValueSet } from "../values/types.js";
import { firstIndex, setClasses } from "./conflicts.js";
import { compareHi, compareLo, type Compared, loAfterHi } from "./rule.js";

type Interval = Extract<ValueSet, { kind: "interval" }>;

/** Whether b starts after a ends. */
const startsAfter = (a: Interval, b: Interval): boolean => loAfterHi(b.lo, b.loOpen, a.hi, a.hiOpen);

/** The number of pairs that `conflictIndexPairs` would list with no limit. */
export function countConflictPairs(items: readonly Compared[], cumulative: boolean): number {
  const intervals: Interval[] = [];
  const asOf: (string | null)[] = [];
  const others: { i: number; set: ValueSet }[] = [];
  items.forEach((item, i) => {
    if (item.wide.kind === "interval") {
      intervals.push(item.wide);
      asOf.push(item.asOf);
    } else others.push({ i, set: item.wide });
  });
  let count = countByClass(others);
  if (!cumulative) return count + countApart(intervals);
  const undated = intervals.filter((_, k) => asOf[k] === null);
  const byDate = new Map<string, Interval[]>();
  intervals.forEach((set, k) => {
    const date = asOf[k];
    if (date !== null) (byDate.get(date) ?? byDate.set(date, []).get(date)!).push(set);
  });
  // (1) Each undated interval against every interval; pairs of two undated ones are met twice.
  count += countAgainst(undated, intervals) - countApart(undated);
  // (2) Within one date, as usual.
  for (const group of byDate.values()) count += countApart(group);
  // (3) Across dates, the running-count rule.
  return count + countAcrossDates(byDate);
}

/** Pairs of intervals that do not overlap: for each, the later ones (by lower bound) that start after it ends. */
function countApart(list: readonly Interval[]): number {
  const sorted = [...list].sort(compareLo);
  let count = 0;
  for (let k = 0; k < sorted.length; k++) count += sorted.length - firstIndex(sorted, k + 1, (b) => startsAfter(sorted[k], b));
  return count;
}

/** For each of `some`, the intervals of `all` that it does not overlap. */
function countAgainst(some: readonly Interval[], all: readonly Interval[]): number {
  if (some.length === 0) return 0;
  const byLo = [...all].sort(compareLo);
  const byHi = [...all].sort(compareHi);
  let count = 0;
  for (const u of some) {
    count += byLo.length - firstIndex(byLo, 0, (x) => startsAfter(u, x));
    count += firstIndex(byHi, 0, (x) => !startsAfter(x, u));
  }
  return count;
}

/** An earlier interval whose lower bound is above a later one's upper bound, dates in order; a Fenwick tree counts the earlier lower bounds. */
function countAcrossDates(byDate: ReadonlyMap<string, readonly Interval[]>): number {
  if (byDate.size < 2) return 0;
  const dates = [...byDate.keys()].sort();
  const all = dates.flatMap((date) => byDate.get(date)!);
  const byLo = all.map((set, k) => ({ set, k })).sort((a, b) => compareLo(a.set, b.set));
  const rank = new Int32Array(all.length);
  byLo.forEach(({ k }, r) => (rank[k] = r));
  const tree = new Fenwick(all.length);
  let count = 0;
  let k = 0;
  for (const date of dates) {
    const group = byDate.get(date)!;
    // The earlier intervals whose lower bound lies above this one's upper bound: a suffix of byLo.
    for (const later of group) count += tree.countFrom(firstIndex(byLo, 0, (e) => loAfterHi(e.set.lo, e.set.loOpen, later.hi, later.hiOpen)));
    for (let g = 0; g < group.length; g++, k++) tree.add(rank[k]);
  }
  return count;
}

/** Counts of inserted ranks, and how many lie at or after a rank. */
class Fenwick {
  private readonly tree: Int32Array;
  private total = 0;

  constructor(readonly size: number) {
    this.tree = new Int32Array(size + 1);
  }

  add(rank: number): void {
    this.total++;
    for (let i = rank + 1; i <= this.size; i += i & -i) this.tree[i]++;
  }

  /** How many inserted ranks are below `rank`. */
  private below(rank: number): number {
    let sum = 0;
    for (let i = rank; i > 0; i -= i & -i) sum += this.tree[i];
    return sum;
  }

  countFrom(rank: number): number {
    return this.total - this.below(rank);
  }
}

/**
 * Options and booleans, by distinct set. Two different single options never overlap, so pairs of
 * single-option answers are counted in one sum; a list of options is compared with each distinct
 * set, so only lists cost comparisons (and many distinct lists, each against every other, are the
 * one shape whose count grows faster than the claim: they are compared as the listing compares them).
 */
function countByClass(others: readonly { i: number; set: ValueSet }[]): number {
  const classes = setClasses(others);
  const single = classes.filter((c) => c.set.kind === "options" && c.set.options.length === 1);
  const rest = classes.filter((c) => !(c.set.kind === "options" && c.set.options.length === 1));
  let count = 0;
  // Distinct single options: every pair of members of two different classes.
  let members = 0;
  let squares = 0;
  const singleByOption = new Map<string, number>();
  for (const c of single) {
    members += c.members.length;
    squares += c.members.length * c.members.length;
    singleByOption.set((c.set as { options: readonly string[] }).options[0], c.members.length);
  }
  count += (members * members - squares) / 2;
  for (let x = 0; x < rest.length; x++) {
    const set = rest[x].set;
    // Against the single options: all but those it allows.
    if (set.kind === "options") {
      let shared = 0;
      for (const o of set.options) shared += singleByOption.get(o) ?? 0;
      count += rest[x].members.length * (members - shared);
    }
    // A boolean or `unknown` never conflicts with an option (a claim has one kind).
    for (let y = x + 1; y < rest.length; y++) if (!compatible(set, rest[y].set)) count += rest[x].members.length * rest[y].members.length;
  }
  return count;
}
