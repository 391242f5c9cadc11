/**
 * The claim's rule for comparing two statements (SPEC §5, §6, §8 v2): their sets widened by the
 * claim's tolerance, overlapping — or, on a cumulative claim (a running count) with two different
 * as-of dates, the earlier one's lower bound at most the later one's upper bound.
 */
import { compatible } from "../values/index.js";
import type { ValueSet } from "../values/types.js";

type Interval = Extract<ValueSet, { kind: "interval" }>;

/** A set as the rule compares it: widened by the claim's tolerance, with its as-of date. */
export interface Compared {
  /** The set widened by the claim's tolerance. */
  readonly wide: ValueSet;
  /** The as-of date: `as-of`, else the effective date; null when neither is known. */
  readonly asOf: string | null;
}

/** How a claim compares: whether it is a running count. (The tolerance is already in `wide`.) */
export interface Rule {
  readonly cumulative: boolean;
}

/**
 * Whether a lower bound (lo, loOpen) lies above an upper bound (hi, hiOpen): no number is at once
 * at or above the one and at or below the other. The one comparison every other test here is built on.
 */
export function loAfterHi(lo: number, loOpen: boolean, hi: number, hiOpen: boolean): boolean {
  return lo > hi || (lo === hi && (loOpen || hiOpen));
}

/** Orders lower bounds: by value, and at one value the open bound (which excludes it) higher. */
export function compareLo(a: Interval, b: Interval): number {
  if (a.lo !== b.lo) return a.lo < b.lo ? -1 : 1;
  return Number(a.loOpen) - Number(b.loOpen);
}

/** Orders upper bounds: by value, and at one value the open bound (which excludes it) lower. */
export function compareHi(a: Interval, b: Interval): number {
  if (a.hi !== b.hi) return a.hi < b.hi ? -1 : 1;
  return Number(b.hiOpen) - Number(a.hiOpen);
}

/**
 * SPEC §8 v2: a running count can only grow, so an earlier set E and a later set L can both be
 * true unless E's lower bound is above L's upper bound (or equal to it with either bound open).
 */
export function canGrow(earlier: ValueSet, later: ValueSet): boolean {
  if (earlier.kind !== "interval" || later.kind !== "interval") return compatible(earlier, later);
  return !loAfterHi(earlier.lo, earlier.loOpen, later.hi, later.hiOpen);
}

/** Whether the rule applies the running count to two as-of dates: both known and different. */
export function runningCount(rule: Rule, a: string | null, b: string | null): boolean {
  return rule.cumulative && a !== null && b !== null && a !== b;
}

/** Whether two statements agree by the claim's rule (SPEC §6 v2: relays, reportedBy; §8: conflicts). */
export function agree(a: Compared, b: Compared, rule: Rule): boolean {
  if (!runningCount(rule, a.asOf, b.asOf)) return compatible(a.wide, b.wide);
  return a.asOf! < b.asOf! ? canGrow(a.wide, b.wide) : canGrow(b.wide, a.wide);
}

/**
 * Whether a position agrees with the verdict's finding (SPEC §8 v2). The finding speaks of the
 * latest as-of date of the claim's positions: on a cumulative claim an earlier position is
 * compared with it by the running-count rule, the finding being the later; a position of that
 * latest date, or without one, as usual.
 */
export function agreesWithFinding(position: Compared, finding: ValueSet, latest: string | null, rule: Rule): boolean {
  return agree(position, { wide: finding, asOf: latest }, rule);
}
