/**
 * "Does this set agree with any of those?" by the claim's rule (SPEC §6 v2: a relay that agrees
 * with none of its origin's own statements is a `relay-mismatch`), answered in O(log n) per
 * question after O(n log n) preparation, so checking every relay of an origin against every own
 * statement never costs relays × statements.
 *
 * Why it is exact: an interval x overlaps some interval of a list exactly when, among those that
 * start no later than x ends (a prefix of the list sorted by lower bound), the one reaching
 * furthest does not end before x starts. On a cumulative claim a dated x is compared as usual
 * with the undated and same-date ones (two such prefix indexes), and by the running count with
 * the others: some earlier one can grow into x when the lowest lower bound of all earlier dates
 * is not above x's upper bound, and x can grow into some later one when x's lower bound is not
 * above the highest upper bound of all later dates (prefix minima and suffix maxima by date).
 */
import type { ValueSet } from "../values/types.js";
import { compareHi, compareLo, type Compared, loAfterHi, type Rule } from "./rule.js";

type Interval = Extract<ValueSet, { kind: "interval" }>;

/** Intervals sorted by lower bound, with the furthest-reaching upper bound of each prefix. */
class Overlaps {
  private readonly byLo: Interval[];
  private readonly reach: Interval[] = [];

  constructor(sets: readonly Interval[]) {
    this.byLo = [...sets].sort(compareLo);
    for (const set of this.byLo) {
      const last = this.reach[this.reach.length - 1];
      this.reach.push(last !== undefined && compareHi(last, set) >= 0 ? last : set);
    }
  }

  /** Whether x overlaps any of the intervals. */
  any(x: Interval): boolean {
    // How many start no later than x ends.
    let lo = 0;
    let hi = this.byLo.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const s = this.byLo[mid];
      if (loAfterHi(s.lo, s.loOpen, x.hi, x.hiOpen)) hi = mid;
      else lo = mid + 1;
    }
    if (lo === 0) return false;
    const furthest = this.reach[lo - 1];
    return !loAfterHi(x.lo, x.loOpen, furthest.hi, furthest.hiOpen);
  }
}

/** A fixed list of compared sets, asked whether a set agrees with any of them. */
export class Agreement {
  private readonly size: number;
  private anything = false;
  private readonly options = new Set<string>();
  private readonly booleans = new Set<boolean>();
  private readonly all: Overlaps;
  private readonly undated: Overlaps;
  private readonly sameDate = new Map<string, Overlaps>();
  /** Dated intervals in as-of order, with the lowest lower bound up to each and the highest upper bound from each. */
  private readonly dates: string[] = [];
  private readonly lowestUpTo: Interval[] = [];
  private highestFrom: Interval[] = [];

  constructor(
    items: readonly Compared[],
    private readonly rule: Rule,
  ) {
    this.size = items.length;
    const intervals: { set: Interval; asOf: string | null }[] = [];
    for (const { wide, asOf } of items) {
      if (wide.kind === "unknown") this.anything = true;
      else if (wide.kind === "options") for (const o of wide.options) this.options.add(o);
      else if (wide.kind === "boolean") this.booleans.add(wide.value);
      else intervals.push({ set: wide, asOf });
    }
    this.all = new Overlaps(intervals.map((i) => i.set));
    this.undated = new Overlaps(intervals.filter((i) => i.asOf === null).map((i) => i.set));
    if (!rule.cumulative) return;
    const dated = intervals.filter((i) => i.asOf !== null).sort((a, b) => (a.asOf! < b.asOf! ? -1 : a.asOf! > b.asOf! ? 1 : 0));
    const byDate = new Map<string, Interval[]>();
    for (const { set, asOf } of dated) (byDate.get(asOf!) ?? byDate.set(asOf!, []).get(asOf!)!).push(set);
    for (const [date, sets] of byDate) this.sameDate.set(date, new Overlaps(sets));
    dated.forEach(({ set, asOf }, k) => {
      this.dates.push(asOf!);
      const lowest = this.lowestUpTo[k - 1];
      this.lowestUpTo.push(lowest !== undefined && compareLo(lowest, set) <= 0 ? lowest : set);
    });
    this.highestFrom = new Array<Interval>(dated.length);
    for (let k = dated.length - 1; k >= 0; k--) {
      const highest = this.highestFrom[k + 1];
      this.highestFrom[k] = highest !== undefined && compareHi(highest, dated[k].set) >= 0 ? highest : dated[k].set;
    }
  }

  /**
   * Whether `x` agrees with at least one of the sets by the claim's rule. The sets of one claim are
   * all of its type's kind or `unknown`, which agrees with everything.
   */
  any(x: Compared): boolean {
    const set = x.wide;
    if (this.size === 0) return false;
    if (this.anything || set.kind === "unknown") return true;
    if (set.kind === "options") return set.options.some((o) => this.options.has(o));
    if (set.kind === "boolean") return this.booleans.has(set.value);
    if (!this.rule.cumulative || x.asOf === null) return this.all.any(set);
    if (this.undated.any(set) || this.sameDate.get(x.asOf)?.any(set)) return true;
    // Earlier dates: some lower bound not above x's upper bound.
    const before = this.count((d) => d < x.asOf!);
    const lowest = before > 0 ? this.lowestUpTo[before - 1] : undefined;
    if (lowest !== undefined && !loAfterHi(lowest.lo, lowest.loOpen, set.hi, set.hiOpen)) return true;
    // Later dates: x's lower bound not above some upper bound.
    const highest = this.highestFrom[this.count((d) => d <= x.asOf!)];
    return highest !== undefined && !loAfterHi(set.lo, set.loOpen, highest.hi, highest.hiOpen);
  }

  /** How many dated sets come first in as-of order while `before` holds of their date. */
  private count(before: (date: string) => boolean): number {
    let lo = 0;
    let hi = this.dates.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before(this.dates[mid])) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
