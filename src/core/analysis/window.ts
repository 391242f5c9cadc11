/**
 * A quantity claim's range and window (SPEC §8 v2), from its committed positions' sets as stated
 * (unwidened). The range says how far the sources spread: the lowest lower bound and the highest
 * upper bound. The window says what they jointly allow: the intersection of their sets; on a
 * cumulative claim, the value at the latest as-of date. At a shared end the range includes the
 * bound when any position does, the window only when every position does.
 */
import { interval } from "../values/sets.js";
import type { ValueSet } from "../values/types.js";
import { compareHi, compareLo, loAfterHi } from "./rule.js";

type Interval = Extract<ValueSet, { kind: "interval" }>;

/** A committed position's set as stated, and its as-of date. */
export interface Stated {
  readonly set: ValueSet;
  readonly asOf: string | null;
}

function intervalsOf(positions: readonly Stated[]): { set: Interval; asOf: string | null }[] {
  return positions.flatMap((p) => (p.set.kind === "interval" ? [{ set: p.set, asOf: p.asOf }] : []));
}

/** The envelope: the lowest lower bound and the highest upper bound; null without a set. */
export function rangeOf(positions: readonly Stated[]): ValueSet | null {
  const sets = intervalsOf(positions).map((p) => p.set);
  if (sets.length === 0) return null;
  // compareLo puts a closed bound below an open one at the same value: the lowest is the loosest.
  const lo = sets.reduce((a, b) => (compareLo(b, a) < 0 ? b : a));
  const hi = sets.reduce((a, b) => (compareHi(b, a) > 0 ? b : a));
  return interval(lo.lo, hi.hi, lo.loOpen, hi.hiOpen);
}

/**
 * The intersection of the sets; on a cumulative claim every lower bound applies (the count only
 * grows) but only the upper bounds of positions of the latest as-of date or of none. Null when no
 * set is given or nothing is left.
 */
export function windowOf(positions: readonly Stated[], cumulative: boolean): ValueSet | null {
  const all = intervalsOf(positions);
  if (all.length === 0) return null;
  const latest = latestAsOf(all);
  const capping = cumulative ? all.filter((p) => p.asOf === null || p.asOf === latest) : all;
  // compareLo puts an open bound above a closed one at the same value: the highest is the tightest.
  const lo = all.map((p) => p.set).reduce((a, b) => (compareLo(b, a) > 0 ? b : a));
  const hi = capping.map((p) => p.set).reduce((a, b) => (compareHi(b, a) < 0 ? b : a));
  if (loAfterHi(lo.lo, lo.loOpen, hi.hi, hi.hiOpen)) return null;
  return interval(lo.lo, hi.hi, lo.loOpen, hi.hiOpen);
}

/** The latest as-of date among the positions, or null when none has one. */
export function latestAsOf(positions: readonly { readonly asOf: string | null }[]): string | null {
  let latest: string | null = null;
  for (const p of positions) if (p.asOf !== null && (latest === null || p.asOf > latest)) latest = p.asOf;
  return latest;
}
