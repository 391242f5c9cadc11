/**
 * Reading a quantity's words (SPEC §5): cutting a value into lower-cased words, the unit's
 * spellings, and numbers in digits or in words. The grammar that puts them together is in
 * quantity.ts.
 */
import { MAX_VALUE_LENGTH, quote } from "./raw.js";

/**
 * Digits with optional thousands separators (`3,000`) and decimals (`1.5`), no leading dot; and
 * (an extension of §5) an exponent, the form the tool shows very large and very small numbers in
 * (`1e+308`, `1.5e-7`), so that every number it prints reads back as itself.
 */
const DIGITS = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:e[-+]?\d{1,3})?`;
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
export const SCALES = new Map([
  ["thousand", 1e3],
  ["million", 1e6],
  ["billion", 1e9],
]);

const COMPARISON = /^(?:>=|<=|[<>≤≥])/;
const COMPARISON_WORDS: Readonly<Record<string, string>> = { ">=": "≥", "<=": "≤" };

/**
 * Lower-cased words. `~10` and `10+` are split off their sign, `10-16` becomes `10 to 16`, and
 * hyphenated words are split (`twenty-five`, `police-officers`) so they read like spaced ones.
 */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const piece of text.toLowerCase().replaceAll("\u2212", "-").split(/\s+/)) {
    if (piece === "") continue;
    let word = piece;
    if (word.length > 1 && word.startsWith("~")) {
      out.push("~");
      word = word.slice(1);
    }
    // The shown forms' marks (`> 300`, `≥ 10`; `>=`, `<=` typed), split off and read as one word each.
    const mark = COMPARISON.exec(word);
    if (mark) {
      out.push(COMPARISON_WORDS[mark[0]] ?? mark[0]);
      word = word.slice(mark[0].length);
      if (word === "") continue;
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
export interface UnitForms {
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
export function unitForms(units: string | readonly string[] | undefined): UnitForms[] {
  const list = units === undefined ? [] : typeof units === "string" ? [units] : units;
  return list.flatMap((unit) => {
    const forms = unitFormsOf(unit);
    return forms === null ? [] : [forms];
  });
}

function unitFormsOf(unit: string): UnitForms | null {
  if (unit.length > MAX_VALUE_LENGTH) return null;
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
export interface Read {
  readonly value: number;
  readonly next: number;
}

/** Walks the words; remembers how far any reading got, to point at what was not understood. */
export class Reader {
  readonly words: readonly string[];
  /** The claim's unit words (SPEC §5; v2: any word of a list), each with its spellings. */
  readonly units: readonly UnitForms[];
  private far = 0;
  /** Indices just after a number: where a unit word may stand. */
  private readonly numberEnds = new Set<number>();

  constructor(words: readonly string[], units: readonly UnitForms[]) {
    this.words = words;
    this.units = units;
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

  /** Index after a unit word if one starts at i (the longest, when several do), else -1. */
  unitAt(i: number): number {
    let best = -1;
    for (const { head, last } of this.units) {
      if (head.some((word, k) => this.words[i + k] !== word)) continue;
      const w = this.words[i + head.length];
      if (w !== undefined && last.has(w)) best = Math.max(best, i + head.length + 1);
    }
    return best < 0 ? -1 : this.reach(best);
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
      // `1e+308 million` is more than a double holds: not a number the ledger can mean.
      if (!Number.isFinite(value)) return null;
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
  stuckAt(units: string | readonly string[] | undefined): string | undefined {
    if (this.far === 0) return undefined;
    const w = this.words[this.far];
    if (w === undefined) return "incomplete";
    // A stray word right after a number is most often a misspelt or missing unit: name the expected one.
    const named = units === undefined ? [] : typeof units === "string" ? [units] : units;
    const hint = named.length > 0 && this.numberEnds.has(this.far) ? `; the unit is ${named.map(quote).join(" or ")}` : "";
    return `${quote(w)} not understood${hint}`;
  }
}


/** Rounds away float noise (1.1 million = 1100000.0000000002) to 15 significant digits; no −0. */
export function tidy(x: number): number {
  return Number(x.toPrecision(15)) || 0;
}
