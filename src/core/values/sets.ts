/**
 * The algebra of value sets (SPEC §5, §8): building, comparing, widening and formatting them.
 * Everything here is type-agnostic except `formatSet`: dates are stored as closed whole-day
 * intervals (see date.ts), so real-interval overlap is the right test for them too.
 */
import type { ClaimType, ValueSet } from "./types.js";
import { formatDay } from "./date.js";

type Interval = Extract<ValueSet, { kind: "interval" }>;

/** The set of `unknown`: commits to nothing. */
export const UNKNOWN: ValueSet = { kind: "unknown" };

/** An interval set; an infinite bound is always made open, so every interval has one shape. */
export function interval(lo: number, hi: number, loOpen = false, hiOpen = false): ValueSet {
  return {
    kind: "interval",
    lo: lo === 0 ? 0 : lo, // no −0: it would print as "0" yet differ under Object.is
    loOpen: loOpen || !Number.isFinite(lo),
    hi: hi === 0 ? 0 : hi,
    hiOpen: hiOpen || !Number.isFinite(hi),
  };
}

/** Whether two sets overlap; `unknown`, and sets of different kinds, are compatible with anything. */
export function compatible(a: ValueSet, b: ValueSet): boolean {
  if (a.kind === "interval" && b.kind === "interval") return overlaps(a, b);
  if (a.kind === "options" && b.kind === "options") {
    const mine = new Set(a.options);
    return b.options.some((o) => mine.has(o));
  }
  if (a.kind === "boolean" && b.kind === "boolean") return a.value === b.value;
  // unknown, or kinds that cannot be compared: no conflict can be shown.
  return true;
}

/** Real intervals overlap when the larger lower end is below the smaller upper end, or meets it closed. */
function overlaps(a: Interval, b: Interval): boolean {
  const lo = Math.max(a.lo, b.lo);
  const loOpen = (a.lo === lo && a.loOpen) || (b.lo === lo && b.loOpen);
  const hi = Math.min(a.hi, b.hi);
  const hiOpen = (a.hi === hi && a.hiOpen) || (b.hi === hi && b.hiOpen);
  if (lo < hi) return true;
  return lo === hi && !loOpen && !hiOpen;
}

/**
 * The set widened by relative tolerance t: each finite bound b moves outward by t·|b|, keeping its
 * openness. Only meaningful for quantities; other kinds, and t ≤ 0, return the set unchanged.
 */
export function widen(set: ValueSet, tolerance: number): ValueSet {
  if (set.kind !== "interval" || !(tolerance > 0)) return set;
  // b = 0 and infinite b stay put: t·|b| would be 0 or NaN anyway.
  const lo = set.lo === 0 || !Number.isFinite(set.lo) ? set.lo : set.lo - tolerance * Math.abs(set.lo);
  const hi = set.hi === 0 || !Number.isFinite(set.hi) ? set.hi : set.hi + tolerance * Math.abs(set.hi);
  return interval(lo, hi, set.loOpen, set.hiOpen);
}

/** Structural equality: the same set, however it was spelled. */
export function sameSet(a: ValueSet, b: ValueSet): boolean {
  switch (a.kind) {
    case "unknown":
      return b.kind === "unknown";
    case "interval":
      return (
        b.kind === "interval" && a.lo === b.lo && a.hi === b.hi && a.loOpen === b.loOpen && a.hiOpen === b.hiOpen
      );
    case "options":
      return (
        b.kind === "options" && a.options.length === b.options.length && a.options.every((o, i) => o === b.options[i])
      );
    case "boolean":
      return b.kind === "boolean" && a.value === b.value;
  }
}

/**
 * The envelope of the interval sets (SPEC §8 range): lowest lower bound, highest upper bound, a
 * null bound when unbounded; null when no interval set is given.
 */
export function envelope(sets: readonly ValueSet[]): { min: number | null; max: number | null } | null {
  let min = Infinity;
  let max = -Infinity;
  let any = false;
  for (const s of sets) {
    if (s.kind !== "interval") continue;
    any = true;
    if (s.lo < min) min = s.lo;
    if (s.hi > max) max = s.hi;
  }
  if (!any) return null;
  return { min: Number.isFinite(min) ? min : null, max: Number.isFinite(max) ? max : null };
}

/** An interval set as plain numbers for reports and charts (null bound = unbounded); null for other kinds. */
export function toInterval(
  set: ValueSet,
): { min: number | null; max: number | null; minOpen: boolean; maxOpen: boolean } | null {
  if (set.kind !== "interval") return null;
  return {
    min: Number.isFinite(set.lo) ? set.lo : null,
    max: Number.isFinite(set.hi) ? set.hi : null,
    minOpen: set.loOpen,
    maxOpen: set.hiOpen,
  };
}

/**
 * A set shown exactly (SPEC §8 v2), in a form the §5 grammar reads back as the same set: "10",
 * "≥ 10", "> 300", "9–11", "450 to < 500", "> 300 to < 500", "before 2011-12-16", "2011-12",
 * "police or protesters". An open bound never reads as a closed one. A quantity may carry its
 * claim's unit word ("≥ 10 people"). The one set with no written form, a quantity unbounded at
 * both ends (only a range can be), reads "unbounded".
 */
export function formatSet(set: ValueSet, type: ClaimType, unit?: string | null): string {
  switch (set.kind) {
    case "unknown":
      return "unknown";
    case "boolean":
      return set.value ? "true" : "false";
    case "options":
      return set.options.join(" or ");
    case "interval":
      return type === "date" ? formatDays(set) : formatQuantity(set, unit ? ` ${unit}` : "");
  }
}

function formatQuantity(set: Interval, unit: string): string {
  const { lo, hi, loOpen, hiOpen } = set;
  const boundedBelow = Number.isFinite(lo);
  const boundedAbove = Number.isFinite(hi);
  if (!boundedBelow && !boundedAbove) return "unbounded";
  if (!boundedAbove) return `${loOpen ? ">" : "≥"} ${formatNumber(lo)}${unit}`;
  if (!boundedBelow) return `${hiOpen ? "<" : "≤"} ${formatNumber(hi)}${unit}`;
  if (!loOpen && !hiOpen) return lo === hi ? `${formatNumber(lo)}${unit}` : `${formatNumber(lo)}–${formatNumber(hi)}${unit}`;
  return `${loOpen ? "> " : ""}${formatNumber(lo)} to ${hiOpen ? "< " : ""}${formatNumber(hi)}${unit}`;
}

function formatDays(set: Interval): string {
  // Robust to open or fractional bounds built elsewhere: reduce to the first and last whole day.
  const first = set.lo === -Infinity ? null : set.loOpen ? Math.floor(set.lo) + 1 : Math.ceil(set.lo);
  const last = set.hi === Infinity ? null : set.hiOpen ? Math.ceil(set.hi) - 1 : Math.floor(set.hi);
  if (first === null) return last === null ? "../.." : `before ${formatDay(last + 1)}`;
  if (last === null) return `after ${formatDay(first - 1)}`;
  if (first > last) return "no date";
  if (first === last) return formatDay(first);
  const [from, to] = [formatDay(first), formatDay(last)];
  // A whole year or a whole month reads as itself, as it would be written.
  if (from.endsWith("-01-01") && to.endsWith("-12-31") && from.slice(0, 4) === to.slice(0, 4)) return from.slice(0, 4);
  if (from.endsWith("-01") && from.slice(0, 7) === to.slice(0, 7) && formatDay(last + 1).endsWith("-01")) return from.slice(0, 7);
  return `between ${from} and ${to}`;
}

/** A number for people: 12 significant digits, or every digit of a longer whole part (hides float noise, never a digit), thousands grouped. */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  // Twelve significant digits hide float noise in a fraction (90.00000000000001 is 90); a whole
  // part longer than that keeps every digit and two more (123,456,789,012,345 was shown as
  // 123,456,789,012,000), up to the seventeen a double holds. From 1e21 on, numbers are written
  // with an exponent, and twelve digits again.
  const wholeDigits = Math.abs(x) >= 1 ? Math.floor(Math.log10(Math.abs(x))) + 1 : 1;
  const precision = Math.abs(x) < 1e21 ? Math.min(17, Math.max(12, wholeDigits + 2)) : 12;
  const text = String(Number(x.toPrecision(precision)) || 0);
  if (text.includes("e")) return text;
  const negative = text.startsWith("-");
  const [whole, fraction] = (negative ? text.slice(1) : text).split(".");
  let grouped = "";
  for (let i = 0; i < whole.length; i++) {
    if (i > 0 && (whole.length - i) % 3 === 0) grouped += ",";
    grouped += whole[i];
  }
  return `${negative ? "-" : ""}${grouped}${fraction === undefined ? "" : `.${fraction}`}`;
}
