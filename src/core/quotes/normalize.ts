/**
 * SPEC §7 normalisation: NFKC, one mark for every quotation mark, `-` for dashes, `...` for `…`,
 * case folded, white space collapsed and trimmed. Each output unit can be traced back to the
 * original text, to show a closest passage as it was written.
 */

/**
 * SPEC §7 v2: every quotation mark becomes one and the same mark, the apostrophe, so a quote that
 * turns the archive's double quotes into single ones (or the other way round) still matches, and
 * an apostrophe inside a word ("there's") stays part of it. The marks are every character with
 * Unicode's Quotation_Mark property, and these, used as quotes without it: the backtick, the acute
 * accent, primes and reversed primes, the modifier letters that stand in for apostrophes, and the
 * quotation-mark dingbats.
 */
const QUOTE = "'";
const QUOTATION_MARK = /^\p{Quotation_Mark}$/u;
const USED_AS_QUOTES = "\u0060\u00B4\u2032\u2033\u2034\u2035\u2036\u2037\u2057\u02B9\u02BA\u02BB\u02BC\u02BD\u02DD\u275B\u275C\u275D\u275E\u275F\u2760\u{1F676}\u{1F677}\u{1F678}";
const DASHES =
  "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2043\u058A\u05BE\u1806\u2E17\u2E1A\u2E3A\u2E3B\u2E40\uFE58\uFE63\uFF0D\u2796\u02D7";
// Invisible characters that would otherwise split a word ("co&shy;operate") or hide in one.
const REMOVED = "\u00AD\u200B\u200C\u200D\u2060\uFEFF";

const PRE_MAP = new Map<number, string>();
for (const c of USED_AS_QUOTES) PRE_MAP.set(c.codePointAt(0)!, QUOTE);
for (const c of DASHES) PRE_MAP.set(c.codePointAt(0)!, "-");
for (const c of REMOVED) PRE_MAP.set(c.codePointAt(0)!, "");
PRE_MAP.set(0x2026, "...");
// Case folding, not just lower-casing: `toLowerCase` keeps the final sigma and ß, which full
// folding maps to σ and "ss" (so "ΟΔΟΣ" matches "οδος" and "STRASSE" matches "Straße").
PRE_MAP.set(0x03c2, "\u03C3");
PRE_MAP.set(0x00df, "ss");

const MARK = /^\p{M}$/u;
const WHITESPACE = /^\s$/u;

function isWhitespaceUnit(c: number): boolean {
  if (c < 0x80) return c === 32 || (c >= 9 && c <= 13);
  return WHITESPACE.test(String.fromCharCode(c));
}

/** Hangul vowel and final jamo: letters, not marks, yet NFKC composes them with what precedes ("\u1100\u1161" → "가"). */
function isConjoiningJamo(cp: number): boolean {
  return (cp >= 0x1160 && cp <= 0x11ff) || (cp >= 0xd7b0 && cp <= 0xd7ff);
}

function mapCodePoints(s: string): string {
  let out = "";
  for (const ch of s) {
    const m = PRE_MAP.get(ch.codePointAt(0)!);
    // The property is asked of the rare characters not in the table (results are kept per unit by normalizeUnit).
    out += m ?? (QUOTATION_MARK.test(ch) ? QUOTE : ch);
  }
  return out;
}

const UTF16 = new TextDecoder("utf-16le");

/** Growable UTF-16 buffer with an origin offset per unit; avoids a 10-million-element string array. */
class Builder {
  units = new Uint16Array(256);
  origin: Int32Array;
  length = 0;
  private pendingSpace = -1;

  constructor(private readonly trackOrigin: boolean) {
    this.origin = new Int32Array(trackOrigin ? 256 : 0);
  }

  space(at: number): void {
    if (this.pendingSpace < 0) this.pendingSpace = at;
  }

  push(unit: number, at: number): void {
    if (this.pendingSpace >= 0) {
      // Leading white space is dropped (trim); inner runs become one space.
      const spaceAt = this.pendingSpace;
      this.pendingSpace = -1;
      if (this.length > 0) this.push(32, spaceAt);
    }
    if (this.length === this.units.length) {
      const units = new Uint16Array(this.units.length * 2);
      units.set(this.units);
      this.units = units;
      if (this.trackOrigin) {
        const origin = new Int32Array(this.origin.length * 2);
        origin.set(this.origin);
        this.origin = origin;
      }
    }
    this.units[this.length] = unit;
    if (this.trackOrigin) this.origin[this.length] = at;
    this.length++;
  }

  text(): string {
    // Trailing white space is never flushed, which trims the end.
    return UTF16.decode(this.units.subarray(0, this.length));
  }
}

/** Map before NFKC (″ would otherwise decompose to ′′) and after (NFKC yields new dashes and quotes). */
function normalizeSegment(segment: string): string {
  return mapCodePoints(mapCodePoints(segment).normalize("NFKC").toLowerCase());
}

// A segment of one UTF-16 unit (’, é, а, 中 …) normalises the same wherever it stands: keep each
// answer, since a text repeats few distinct characters many times.
const UNIT_FORMS = new Map<number, string>();

function normalizeUnit(unit: number): string {
  let form = UNIT_FORMS.get(unit);
  if (form === undefined) UNIT_FORMS.set(unit, (form = normalizeSegment(String.fromCharCode(unit))));
  return form;
}

// Per BMP code point: 0 not yet known, 1 starts a segment, 2 joins the one before it.
const JOINS = new Uint8Array(0x10000);

/** Whether a code point belongs to the segment before it: a combining mark, or a vowel or final jamo. */
function joinsPrevious(cp: number): boolean {
  if (cp < 0x300) return false;
  if (cp > 0xffff) return MARK.test(String.fromCodePoint(cp));
  let known = JOINS[cp];
  if (known === 0) JOINS[cp] = known = MARK.test(String.fromCharCode(cp)) || isConjoiningJamo(cp) ? 2 : 1;
  return known === 2;
}

function normalizeInto(s: string, b: Builder): void {
  const n = s.length;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    const next = i + 1 < n ? s.charCodeAt(i + 1) : 0;
    // Fast path: plain ASCII not followed by a possible combining mark needs no NFKC.
    if (c < 0x80 && next < 0x300) {
      if (c === 32 || (c >= 9 && c <= 13)) b.space(i);
      else if (c === 34 || c === 96) b.push(39, i); // " and ` are the one quotation mark
      else b.push(c >= 65 && c <= 90 ? c + 32 : c, i);
      i++;
      continue;
    }
    // Slow path: one base code point plus its combining marks, normalised together so that
    // e.g. "e\u0301" composes; every output unit points back at the segment start.
    const start = i;
    i += c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
    while (i < n) {
      const cp = s.codePointAt(i)!;
      if (!joinsPrevious(cp)) break;
      i += cp > 0xffff ? 2 : 1;
    }
    const seg = i === start + 1 ? normalizeUnit(c) : normalizeSegment(s.slice(start, i));
    for (let k = 0; k < seg.length; k++) {
      const u = seg.charCodeAt(k);
      if (isWhitespaceUnit(u)) b.space(start);
      else b.push(u, start);
    }
  }
}

export const ASCII = /^[\x00-\x7f]*$/;
const ASCII_SPACES = /[\t\n\v\f\r ]+/g;

const ASCII_QUOTES = /["`]/g;

/** The normalisation of a text that is all ASCII: nothing to compose, only quotation marks, case and white space. */
export function normalizeAscii(s: string): string {
  return s.toLowerCase().replace(ASCII_QUOTES, QUOTE).replace(ASCII_SPACES, " ").trim();
}

/** SPEC §7 normalisation: NFKC, one quotation mark, `-` for dashes, `...` for `…`, lower case, white space collapsed and trimmed. */
export function normalizeText(s: string): string {
  if (ASCII.test(s)) return normalizeAscii(s);
  const b = new Builder(false);
  normalizeInto(s, b);
  return b.text();
}

/** `normalizeText`, the long way round for any text, with where in `s` each unit of the result came from. */
export function normalizeTracked(s: string): { text: string; origin: Int32Array } {
  const b = new Builder(true);
  normalizeInto(s, b);
  return { text: b.text(), origin: b.origin.slice(0, b.length) };
}
