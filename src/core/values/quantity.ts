/**
 * The quantity grammar (SPEC §5). A string is lower-cased and cut into words; a small
 * recursive-descent reader with fixed look-ahead walks them once, so reading is linear in the
 * length of the value and never backtracks beyond one alternative.
 */
import type { ParseResult, ValueContext, ValueSet } from "./types.js";
import { MAX_VALUE_LENGTH, cannotRead, isMapping, quote, showRaw } from "./raw.js";
import { interval } from "./sets.js";
import { Reader, SCALES, tidy, unitForms, words } from "./quantity-words.js";

const FORMS =
  "write a number (10, 3,000, 1.5 million, ten), a hedge (at least 10, about 10, almost 10, more than 10, " +
  "up to 10), a range (10-16, between 10 and 16), a vague word (a few, several, several hundred, dozens, hundreds, " +
  "thousands), {min, max}, or unknown";


type Hedge = "atLeast" | "moreThan" | "atMost" | "lessThan" | "almost" | "about";

/** Words before a number. No prefix is a prefix of another at the word level, so order is free. */
const PREFIXES: readonly (readonly [readonly string[], Hedge])[] = [
  [["at", "least"], "atLeast"],
  [["no", "fewer", "than"], "atLeast"],
  [["no", "less", "than"], "atLeast"],
  [["more", "than"], "moreThan"],
  [["over"], "moreThan"],
  [["above"], "moreThan"],
  [["upwards", "of"], "moreThan"],
  [["at", "most"], "atMost"],
  [["up", "to"], "atMost"],
  [["no", "more", "than"], "atMost"],
  [["fewer", "than"], "lessThan"],
  [["less", "than"], "lessThan"],
  [["under"], "lessThan"],
  [["below"], "lessThan"],
  [["almost"], "almost"],
  [["nearly"], "almost"],
  [["just", "under"], "almost"],
  [["about"], "about"],
  [["around"], "about"],
  [["approximately"], "about"],
  [["roughly"], "about"],
  [["some"], "about"],
  [["circa"], "about"],
  [["~"], "about"],
  // The exact forms the tool shows a set in (SPEC §8 v2), read back: an extension of §5.
  [["≥"], "atLeast"],
  [[">"], "moreThan"],
  [["≤"], "atMost"],
  [["<"], "lessThan"],
];

/** Words after a number. `or less` is not in §5 but reads the same as `or fewer`. */
const SUFFIXES: readonly (readonly [readonly string[], Hedge])[] = [
  [["or", "more"], "atLeast"],
  [["or", "fewer"], "atMost"],
  [["or", "less"], "atMost"],
];

/**
 * Vague words and their sets. `hundreds of thousands` and `millions` extend §5's list in its own
 * pattern (two of the unit up to just under ten of the next one).
 */
const VAGUE: readonly (readonly [readonly string[], number, number])[] = [
  [["a", "few"], 2, 5],
  [["several"], 3, 9],
  [["dozens"], 24, 99],
  [["hundreds"], 200, 999],
  [["thousands"], 2000, 9999],
  [["tens", "of", "thousands"], 20_000, 99_999],
  [["hundreds", "of", "thousands"], 200_000, 999_999],
  [["millions"], 2_000_000, 9_999_999],
];

const RANGE_WORDS = new Set(["to", "-", "–", "—"]);

/** The vague words that may stand before a scale (SPEC §5 v2): `several hundred`, `a few dozen`. */
const SCALABLE = new Set(["a few", "several"]);
/** The small scales that may come first in a compound (`hundred thousand`), and the large ones after. */
const SMALL_SCALES = new Map([
  ["dozen", 12],
  ["hundred", 100],
]);

/** Parse a quantity value: a YAML number, a string in the §5 grammar, or `{min, max}`. */
export function parseQuantity(ctx: ValueContext, raw: unknown): ParseResult {
  if (typeof raw === "number") {
    if (!Number.isFinite(raw)) return fail(cannotRead(raw, "quantity", FORMS, "not a finite number"));
    return { ok: true, set: interval(raw, raw) };
  }
  if (typeof raw === "string") return parseText(ctx, raw);
  if (isMapping(raw)) return parseBounds(ctx, raw);
  return fail(cannotRead(raw, "quantity", FORMS));
}

function fail(message: string): ParseResult {
  return { ok: false, message };
}

function parseText(ctx: ValueContext, raw: string): ParseResult {
  if (raw.length > MAX_VALUE_LENGTH) {
    return fail(cannotRead(raw, "quantity", FORMS, `longer than ${MAX_VALUE_LENGTH} characters`));
  }
  const reader = new Reader(words(raw), unitForms(ctx.unit));
  const outcome = readQuantity(reader, ctx.margin, raw);
  if (outcome === null) {
    return fail(cannotRead(raw, "quantity", FORMS, reader.stuckAt(ctx.unit)));
  }
  if (typeof outcome === "string") return fail(outcome);
  return { ok: true, set: outcome };
}

/** The §5 quantity grammar: a set, a message for a readable but impossible value, or null. */
function readQuantity(r: Reader, margin: number, raw: string): ValueSet | string | null {
  const end = r.length;
  if (end === 0) return null;

  for (const [phrase, lo, hi] of VAGUE) {
    let j = r.phrase(0, phrase);
    if (j < 0) continue;
    // `several hundred`, `a few dozen`, `several hundred thousand`: the word's set times the scale.
    let scale = 1;
    if (SCALABLE.has(phrase.join(" "))) ({ scale, next: j } = scaleAt(r, j));
    // `dozens of people`, `several people`
    const unit = r.unitAt(r.at(j) === "of" ? j + 1 : j);
    if (unit >= 0) j = unit;
    if (j === end) return interval(tidy(lo * scale), tidy(hi * scale));
  }

  // `> 300`, `≥ 10`, and with an upper end `> 300 to < 500`: the forms sets are shown in.
  const lower = r.at(0) === ">" ? "open" : r.at(0) === "≥" ? "closed" : null;
  if (lower !== null) {
    const n = r.amount(r.phrase(0, [r.at(0)!]));
    if (n === null) return null;
    if (n.next === end) return hedged(lower === "open" ? "moreThan" : "atLeast", n.value, margin, raw);
    return RANGE_WORDS.has(r.at(n.next) ?? "") ? upTo(r, n.next + 1, n.value, lower === "open", raw) : null;
  }

  if (r.at(0) === "between") {
    const from = r.amount(1);
    if (from === null || r.phrase(from.next, ["and"]) < 0) return null;
    const to = r.amount(from.next + 1);
    return to !== null && to.next === end ? range(from.value, to.value, raw) : null;
  }

  for (const [phrase, hedge] of PREFIXES) {
    const j = r.phrase(0, phrase);
    if (j < 0) continue;
    const n = r.amount(j);
    return n !== null && n.next === end ? hedged(hedge, n.value, margin, raw) : null;
  }

  const n = r.number(0);
  if (n === null) return null;
  if (r.at(n.next) === "+") {
    // `10+`, `10+ people`
    return r.skipUnit(r.phrase(n.next, ["+"])) === end ? hedged("atLeast", n.value, margin, raw) : null;
  }
  const j = r.skipUnit(n.next);
  if (j === end) return interval(n.value, n.value);
  for (const [phrase, hedge] of SUFFIXES) {
    if (r.phrase(j, phrase) === end) return hedged(hedge, n.value, margin, raw);
  }
  if (RANGE_WORDS.has(r.at(j) ?? "")) return upTo(r, j + 1, n.value, false, raw);
  return null;
}

/** A scale after a vague word: `dozen` or `hundred`, then `thousand`, `million` or `billion`; 1 for none. */
function scaleAt(r: Reader, i: number): { scale: number; next: number } {
  let scale = 1;
  let j = i;
  const small = SMALL_SCALES.get(r.at(j) ?? "");
  if (small !== undefined) scale *= small;
  if (small !== undefined) j = r.phrase(j, [r.at(j)!]);
  const large = SCALES.get(r.at(j) ?? "");
  if (large !== undefined) scale *= large;
  if (large !== undefined) j = r.phrase(j, [r.at(j)!]);
  return { scale, next: j };
}

/** The upper end of a range from word i: `M`, or (the shown forms) `< M` or `≤ M`, to the end of the words. */
function upTo(r: Reader, i: number, from: number, fromOpen: boolean, raw: string): ValueSet | string | null {
  r.phrase(i - 1, [r.at(i - 1)!]); // the range word was understood: a message then points past it
  const mark = r.at(i);
  const open = mark === "<";
  const to = r.amount(open || mark === "≤" ? i + 1 : i);
  return to !== null && to.next === r.length ? range(from, to.value, raw, fromOpen, open) : null;
}

/** `N to M` and its spellings: [N, M] (open where marked), refused when it runs backwards or holds nothing. */
function range(from: number, to: number, raw: string, fromOpen = false, toOpen = false): ValueSet | string {
  if (from > to) return `the range ${quote(raw)} runs backwards (${from} > ${to}); write the smaller number first`;
  if (from === to && (fromOpen || toOpen)) return `${quote(raw)} leaves no possible value; write the number alone`;
  return interval(from, to, fromOpen, toOpen);
}

/** The set of a hedged number, with m the claim's margin. */
function hedged(hedge: Hedge, n: number, margin: number, raw: string): ValueSet | string {
  switch (hedge) {
    case "atLeast":
      return interval(n, Infinity);
    case "moreThan":
      return interval(n, Infinity, true, false);
    case "atMost":
      return interval(-Infinity, n);
    case "lessThan":
      return interval(-Infinity, n, false, true);
    case "about": {
      // min/max: for a negative N, N·(1+m) is the lower end.
      const a = tidy(n * (1 - margin));
      const b = tidy(n * (1 + margin));
      return interval(Math.min(a, b), Math.max(a, b));
    }
    case "almost": {
      // Approaching N from the side of zero: [N(1−m), N) for N > 0, (N, N(1−m)] for N < 0.
      const near = tidy(n * (1 - margin));
      if (near === n) {
        return `${quote(raw)} leaves no possible value with margin ${margin}; write the number, or "at most" / "under" it`;
      }
      return n > 0 ? interval(near, n, false, true) : interval(n, near, true, false);
    }
  }
}

/** `{min: A, max: B}`: at least one bound, each a number; any other key is invalid. */
function parseBounds(ctx: ValueContext, raw: Record<string, unknown>): ParseResult {
  const keys = Object.keys(raw);
  const stray = keys.find((k) => k !== "min" && k !== "max");
  if (stray !== undefined) {
    return fail(`unexpected key ${quote(stray)} in a quantity mapping; it takes only min and max (at least one)`);
  }
  const min = bound(ctx, keys.includes("min") ? raw["min"] : undefined, "min");
  const max = bound(ctx, keys.includes("max") ? raw["max"] : undefined, "max");
  if (typeof min === "string") return fail(min);
  if (typeof max === "string") return fail(max);
  if (min === null && max === null) return fail("a quantity mapping needs min, max or both (a number each)");
  if (min !== null && max !== null && min > max) {
    return fail(`min ${min} is above max ${max}; write the smaller number as min`);
  }
  return { ok: true, set: interval(min ?? -Infinity, max ?? Infinity) };
}

/**
 * One bound of `{min, max}`: a YAML number or a plain number written as text (`3,000`, `ten`).
 * A missing or null bound (`max: ~`) is unbounded.
 */
function bound(ctx: ValueContext, value: unknown, name: "min" | "max"): number | string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && value.length <= MAX_VALUE_LENGTH) {
    const r = new Reader(words(value), unitForms(ctx.unit));
    const n = r.amount(0);
    if (n !== null && n.next === r.length) return n.value;
  }
  return `${name} must be a number, not ${showRaw(value)}`;
}
