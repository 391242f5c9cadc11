/**
 * The quantity grammar (SPEC §5). A string is lower-cased and cut into words; a small
 * recursive-descent reader with fixed look-ahead walks them once, so reading is linear in the
 * length of the value and never backtracks beyond one alternative.
 */
import type { ParseResult, ValueContext, ValueSet } from "./types.js";
import { MAX_VALUE_LENGTH, cannotRead, isMapping, quote, showRaw } from "./raw.js";
import { interval } from "./sets.js";

const FORMS =
  "write a number (10, 3,000, 1.5 million, ten), a hedge (at least 10, about 10, almost 10, more than 10, " +
  "up to 10), a range (10-16, between 10 and 16), a vague word (several, dozens, hundreds, thousands), " +
  "{min, max}, or unknown";

/** Digits with optional thousands separators (`3,000`) and decimals (`1.5`); no exponent, no leading dot. */
const DIGITS = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`;
const SIGNED_NUMBER = new RegExp(`^-?${DIGITS}$`);
/** `N-M`, `N–M`: digits on both sides, so `twenty-five` stays a compound number. */
const DIGIT_RANGE = new RegExp(`^(-?${DIGITS})[-–—](-?${DIGITS})$`);

// Maps, not object literals: a word like "constructor" must not find Object.prototype members.
const ONES = new Map(
  ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"].map((w, i) => [w, i + 1] as const),
);
const TEENS = new Map(
  ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"].map(
    (w, i) => [w, i + 10] as const,
  ),
);
const TENS = new Map(
  ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"].map((w, i) => [w, (i + 2) * 10] as const),
);
const SCALES = new Map([
  ["thousand", 1e3],
  ["million", 1e6],
  ["billion", 1e9],
]);

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
  [["several"], 3, 9],
  [["dozens"], 24, 99],
  [["hundreds"], 200, 999],
  [["thousands"], 2000, 9999],
  [["tens", "of", "thousands"], 20_000, 99_999],
  [["hundreds", "of", "thousands"], 200_000, 999_999],
  [["millions"], 2_000_000, 9_999_999],
];

const RANGE_WORDS = new Set(["to", "-", "–", "—"]);

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

/**
 * Lower-cased words. `~10` and `10+` are split off their sign, `10-16` becomes `10 to 16`, and
 * hyphenated words are split (`twenty-five`, `police-officers`) so they read like spaced ones.
 */
function words(text: string): string[] {
  const out: string[] = [];
  for (const piece of text.toLowerCase().replaceAll("\u2212", "-").split(/\s+/)) {
    if (piece === "") continue;
    let word = piece;
    if (word.length > 1 && word.startsWith("~")) {
      out.push("~");
      word = word.slice(1);
    }
    const plus = word.length > 1 && word.endsWith("+");
    if (plus) word = word.slice(0, -1);
    const range = DIGIT_RANGE.exec(word);
    if (range) out.push(range[1], "to", range[2]);
    else if (word.length > 1 && word.includes("-") && !SIGNED_NUMBER.test(word)) {
      const parts = word.split("-");
      // A leading, trailing or doubled hyphen is not a compound: keep it whole so it fails to read.
      if (parts.every((p) => p !== "")) out.push(...parts);
      else out.push(word);
    } else out.push(word);
    if (plus) out.push("+");
  }
  return out;
}

/** The claim's unit as words: all but the last must match exactly, the last in any simple plural form. */
interface UnitForms {
  readonly head: readonly string[];
  readonly last: ReadonlySet<string>;
}

const IRREGULAR: readonly (readonly [string, string])[] = [
  ["person", "people"],
  ["man", "men"], // also woman/women, policeman/policemen
  ["child", "children"],
];

/**
 * Accepted spellings of the unit. Rule: the unit as given; with `s` or `es` added or removed;
 * `y` ↔ `ies` (casualty/casualties); and person/people/persons, man/men, child/children at the
 * end of the word. Accepting a few odd spellings ("peoples") is harmless; rejecting a real one is not.
 */
function unitForms(unit: string | undefined): UnitForms | null {
  if (unit === undefined || unit.length > MAX_VALUE_LENGTH) return null;
  const unitWords = words(unit);
  const last = unitWords.pop();
  if (last === undefined) return null;
  const forms = new Set([last, `${last}s`, `${last}es`]);
  if (last.endsWith("s")) forms.add(last.slice(0, -1));
  if (last.endsWith("es")) forms.add(last.slice(0, -2));
  if (last.endsWith("y")) forms.add(`${last.slice(0, -1)}ies`);
  if (last.endsWith("ies")) forms.add(`${last.slice(0, -3)}y`);
  for (const [one, many] of IRREGULAR) {
    if (last.endsWith(one)) forms.add(last.slice(0, -one.length) + many);
    if (last.endsWith(many)) {
      forms.add(last.slice(0, -many.length) + one);
      forms.add(`${last.slice(0, -many.length) + one}s`); // "persons"
    }
  }
  return { head: unitWords, last: forms };
}

/** A number read from words, and the index of the first word after it. */
interface Read {
  readonly value: number;
  readonly next: number;
}

/** Walks the words; remembers how far any reading got, to point at what was not understood. */
class Reader {
  readonly words: readonly string[];
  readonly unit: UnitForms | null;
  private far = 0;
  /** Indices just after a number: where a unit word may stand. */
  private readonly numberEnds = new Set<number>();

  constructor(words: readonly string[], unit: UnitForms | null) {
    this.words = words;
    this.unit = unit;
  }

  get length(): number {
    return this.words.length;
  }

  at(i: number): string | undefined {
    return this.words[i];
  }

  private endNumber(i: number): number {
    this.numberEnds.add(i);
    return this.reach(i);
  }

  private reach(i: number): number {
    if (i > this.far) this.far = i;
    return i;
  }

  /** Index after `phrase` if it starts at i, else -1. */
  phrase(i: number, phrase: readonly string[]): number {
    for (let k = 0; k < phrase.length; k++) if (this.words[i + k] !== phrase[k]) return -1;
    return this.reach(i + phrase.length);
  }

  /** Index after the unit if it starts at i, else -1. */
  unitAt(i: number): number {
    if (this.unit === null) return -1;
    const { head, last } = this.unit;
    for (let k = 0; k < head.length; k++) if (this.words[i + k] !== head[k]) return -1;
    const w = this.words[i + head.length];
    return w !== undefined && last.has(w) ? this.reach(i + head.length + 1) : -1;
  }

  /** Index after an optional unit at i. */
  skipUnit(i: number): number {
    const j = this.unitAt(i);
    return j < 0 ? i : j;
  }

  /** A number followed by an optional unit word. */
  amount(i: number): Read | null {
    const n = this.number(i);
    return n === null ? null : { value: n.value, next: this.skipUnit(n.next) };
  }

  /** A number in digits (with an optional scale word) or in words. */
  number(i: number): Read | null {
    const w = this.words[i];
    if (w === undefined) return null;
    if (SIGNED_NUMBER.test(w)) {
      let value = Number(w.replaceAll(",", ""));
      let j = i + 1;
      if (this.words[j] === "hundred") {
        value *= 100;
        j++;
      }
      const scale = SCALES.get(this.words[j] ?? "");
      if (scale !== undefined) {
        value *= scale;
        j++;
      }
      return { value: tidy(value), next: this.endNumber(j) };
    }
    const n = this.numberWords(i);
    return n === null ? null : { value: n.value, next: this.endNumber(n.next) };
  }

  /**
   * `zero`, `a dozen`, or groups below a thousand each followed by a strictly smaller scale word
   * than the one before (`two million three hundred thousand five`).
   */
  private numberWords(i: number): Read | null {
    if (this.words[i] === "zero") return { value: 0, next: i + 1 };
    if (this.words[i] === "a" && this.words[i + 1] === "dozen") return { value: 12, next: i + 2 };
    let total = 0;
    let lastScale = Infinity;
    let j = i;
    for (;;) {
      const group = this.group(j, j === i);
      if (group === null) break;
      const scale = SCALES.get(this.words[group.next] ?? "");
      if (scale !== undefined && scale < lastScale) {
        total += group.value * scale;
        lastScale = scale;
        j = group.next + 1;
        continue;
      }
      total += group.value;
      j = group.next;
      break;
    }
    return j === i ? null : { value: total, next: j };
  }

  /** A number below a thousand: `[1–99] hundred [1–99]`, or `1–99`; `a` stands for one before a multiplier. */
  private group(i: number, first: boolean): Read | null {
    let value: number;
    let j: number;
    const next = this.words[i + 1] ?? "";
    if (first && this.words[i] === "a" && (next === "hundred" || SCALES.has(next))) {
      value = 1;
      j = i + 1;
    } else {
      const small = this.belowHundred(i);
      if (small === null) return null;
      ({ value, next: j } = small);
    }
    if (this.words[j] === "hundred") {
      value *= 100;
      j++;
      const rest = this.belowHundred(j);
      if (rest !== null) {
        value += rest.value;
        j = rest.next;
      }
    }
    return { value, next: j };
  }

  /** `one`…`nineteen`, a ten, or a ten and a one (`twenty five`, from `twenty-five`). */
  private belowHundred(i: number): Read | null {
    const w = this.words[i] ?? "";
    const simple = ONES.get(w) ?? TEENS.get(w);
    if (simple !== undefined) return { value: simple, next: i + 1 };
    const tens = TENS.get(w);
    if (tens === undefined) return null;
    const ones = ONES.get(this.words[i + 1] ?? "");
    return ones === undefined ? { value: tens, next: i + 1 } : { value: tens + ones, next: i + 2 };
  }

  /** For the error message: the first word no reading got past, if it is not the whole value. */
  stuckAt(unit: string | undefined): string | undefined {
    if (this.far === 0) return undefined;
    const w = this.words[this.far];
    if (w === undefined) return "incomplete";
    // A stray word right after a number is most often a misspelt or missing unit: name the expected one.
    const hint = unit !== undefined && this.numberEnds.has(this.far) ? `; the unit is ${quote(unit)}` : "";
    return `${quote(w)} not understood${hint}`;
  }
}

/** The §5 quantity grammar: a set, a message for a readable but impossible value, or null. */
function readQuantity(r: Reader, margin: number, raw: string): ValueSet | string | null {
  const end = r.length;
  if (end === 0) return null;

  for (const [phrase, lo, hi] of VAGUE) {
    let j = r.phrase(0, phrase);
    if (j < 0) continue;
    // `dozens of people`, `several people`
    const unit = r.unitAt(r.at(j) === "of" ? j + 1 : j);
    if (unit >= 0) j = unit;
    if (j === end) return interval(lo, hi);
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
  if (RANGE_WORDS.has(r.at(j) ?? "")) {
    const to = r.amount(j + 1);
    return to !== null && to.next === end ? range(n.value, to.value, raw) : null;
  }
  return null;
}

/** `N to M` and its spellings: [N, M], refused when it runs backwards. */
function range(from: number, to: number, raw: string): ValueSet | string {
  if (from > to) return `the range ${quote(raw)} runs backwards (${from} > ${to}); write the smaller number first`;
  return interval(from, to);
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

/** Rounds away float noise (1.1 million = 1100000.0000000002) to 15 significant digits; no −0. */
function tidy(x: number): number {
  return Number(x.toPrecision(15)) || 0;
}
