/** Quote checks against archived text (SPEC §3 archive reading, §7 normalisation and matching). */
import { EditDistancePattern } from "./distance.js";

/** Result of checking one quote against one archive. */
export type QuoteMatch =
  | { readonly result: "verified" }
  | { readonly result: "not-found"; readonly closest: string; readonly similarity: number };

/** Where each word of a normalised text starts and ends, and its id in the text's own dictionary, for fuzzy search. */
interface WordIndex {
  readonly wordStart: Int32Array;
  readonly wordEnd: Int32Array;
  readonly wordId: Int32Array;
  readonly dictionary: ReadonlyMap<string, number>;
}

/**
 * An archive normalised once. Most quotes are found by a plain search of the normalised text; the
 * word index and the map back to the original text serve only the closest-passage search of a
 * quote that was not found, so each is built on first use.
 */
export class PreparedArchive {
  /** `normalizeText(original)`. */
  readonly normalized: string;
  #origin: Int32Array | undefined;
  #words: WordIndex | undefined;

  /** `original` is the archive's text, already stripped of HTML. */
  constructor(readonly original: string) {
    if (ASCII.test(original)) this.normalized = normalizeAscii(original);
    else ({ text: this.normalized, origin: this.#origin } = normalizeTracked(original));
  }

  /** For each UTF-16 unit of `normalized`, the offset in `original` of the text it came from. */
  get origin(): Int32Array {
    return (this.#origin ??= normalizeTracked(this.original).origin);
  }

  /** The words of `normalized`. */
  get words(): WordIndex {
    return (this.#words ??= indexWords(this.normalized));
  }
}

// ---------------------------------------------------------------------------------------------
// Archive text


// ---------------------------------------------------------------------------------------------
// Normalisation

const DOUBLE_QUOTES = "\u201C\u201D\u201E\u201F\u00AB\u00BB\u2033\u2036\u301D\u301E\u301F\uFF02\u02DD\u275D\u275E\u2E42";
const SINGLE_QUOTES = "\u2018\u2019\u201A\u201B\u2039\u203A\u2032\u2035\u0060\u00B4\u02BC\u02B9\u02BB\u02BD\u275B\u275C\uFF07";
const DASHES =
  "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2043\u058A\u05BE\u1806\u2E17\u2E1A\u2E3A\u2E3B\u2E40\uFE58\uFE63\uFF0D\u2796\u02D7";
// Invisible characters that would otherwise split a word ("co&shy;operate") or hide in one.
const REMOVED = "\u00AD\u200B\u200C\u200D\u2060\uFEFF";

const PRE_MAP = new Map<number, string>();
for (const c of DOUBLE_QUOTES) PRE_MAP.set(c.codePointAt(0)!, '"');
for (const c of SINGLE_QUOTES) PRE_MAP.set(c.codePointAt(0)!, "'");
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
    out += m ?? ch;
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

const ASCII = /^[\x00-\x7f]*$/;
const ASCII_SPACES = /[\t\n\v\f\r ]+/g;

/** The normalisation of a text that is all ASCII: nothing to compose or map, only case and white space. */
function normalizeAscii(s: string): string {
  return s.toLowerCase().replace(ASCII_SPACES, " ").trim();
}

/** SPEC §7 normalisation: NFKC, straight quotes, `-` for dashes, `...` for `…`, lower case, white space collapsed and trimmed. */
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

// ---------------------------------------------------------------------------------------------
// Words

const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;

function isWordUnit(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 0x80) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
  if (c >= 0xdc00 && c <= 0xdfff && i > 0) return isWordUnit(s, i - 1); // low surrogate: judge the pair
  return WORD_CHAR.test(String.fromCodePoint(s.codePointAt(i)!));
}

/** Words are runs of letters/digits, with apostrophes allowed inside ("there's"). Calls `f(start, end)`. */
function forEachWord(s: string, f: (start: number, end: number) => void): void {
  const n = s.length;
  let i = 0;
  while (i < n) {
    if (!isWordUnit(s, i)) {
      i++;
      continue;
    }
    const start = i;
    while (i < n) {
      if (isWordUnit(s, i)) i++;
      else if (s.charCodeAt(i) === 39 && i + 1 < n && isWordUnit(s, i + 1)) i += 2;
      else break;
    }
    f(start, i);
  }
}

/** Normalises an archive once, so that many quotes can be checked cheaply. */
export function prepareArchive(text: string): PreparedArchive {
  return new PreparedArchive(text);
}

function indexWords(normalized: string): WordIndex {
  const dictionary = new Map<string, number>();
  const starts: number[] = [];
  const ends: number[] = [];
  const ids: number[] = [];
  forEachWord(normalized, (start, end) => {
    const w = normalized.slice(start, end);
    let id = dictionary.get(w);
    if (id === undefined) {
      id = dictionary.size;
      dictionary.set(w, id);
    }
    starts.push(start);
    ends.push(end);
    ids.push(id);
  });
  return { wordStart: Int32Array.from(starts), wordEnd: Int32Array.from(ends), wordId: Int32Array.from(ids), dictionary };
}

// ---------------------------------------------------------------------------------------------
// Checking

// An ellipsis of three or more dots, or any bracketed insertion, is a gap; [^\]]* cannot backtrack.
const GAP = /\.{3,}|\[[^\]]*\]/g;
const HAS_WORD = /[\p{L}\p{N}]/u;

/** Drops white space and quotation marks at both ends (the marks that wrap a quote or a fragment). */
function stripWrapping(s: string): string {
  let a = 0;
  let z = s.length;
  while (a < z && (s[a] === '"' || s[a] === "'" || s[a] === " ")) a++;
  while (z > a && (s[z - 1] === '"' || s[z - 1] === "'" || s[z - 1] === " ")) z--;
  return s.slice(a, z);
}

/** Quote fragments in order. Fragments without a letter or digit (a lone comma between gaps) are ignored. */
function quoteFragments(quote: string): string[] {
  return stripWrapping(normalizeText(quote))
    .split(GAP)
    .map(stripWrapping)
    .filter((f) => HAS_WORD.test(f));
}

/** Finds `frag` at or after `from` where its word edges are real word edges, so "he" does not match inside "she". */
function findFragment(text: string, frag: string, from: number): number {
  const wordAtStart = isWordUnit(frag, 0);
  const wordAtEnd = isWordUnit(frag, frag.length - 1);
  let at = text.indexOf(frag, from);
  while (at >= 0) {
    const end = at + frag.length;
    const okStart = !wordAtStart || at === 0 || !isWordUnit(text, at - 1);
    const okEnd = !wordAtEnd || end === text.length || !isWordUnit(text, end);
    if (okStart && okEnd) return at;
    at = text.indexOf(frag, at + 1);
  }
  return -1;
}

/** Checks a quote against a prepared archive (SPEC §7); on failure names the most similar passage. */
export function checkQuote(quote: string, archive: PreparedArchive): QuoteMatch {
  const fragments = quoteFragments(quote);
  // An empty quote (nothing but marks, gaps or punctuation) asserts no words, so it cannot be
  // "verified" — that would let a blank quote pass silently; it is reported with similarity 0.
  if (fragments.length === 0) return { result: "not-found", closest: "", similarity: 0 };
  let pos = 0;
  let found = true;
  for (const frag of fragments) {
    const at = findFragment(archive.normalized, frag, pos);
    if (at < 0) {
      found = false;
      break;
    }
    pos = at + frag.length;
  }
  if (found) return { result: "verified" };
  return closestPassage(fragments.join(" "), archive);
}

const MAX_NEEDLE = 1000; // bounds the edit-distance work per candidate
const TOP_CANDIDATES = 5;
const MAX_CLOSEST = 200;

interface Candidate {
  start: number;
  score: number;
}

function closestPassage(needleFull: string, archive: PreparedArchive): QuoteMatch {
  const needle = needleFull.slice(0, MAX_NEEDLE);
  const { wordId, wordStart, wordEnd, dictionary } = archive.words;
  const total = wordId.length;
  if (total === 0) return { result: "not-found", closest: "", similarity: 0 };

  // Multiset of the quote's words by archive id; words absent from the archive can never overlap.
  const need = new Map<number, number>();
  let k = 0;
  forEachWord(needle, (s, e) => {
    k++;
    const id = dictionary.get(needle.slice(s, e));
    if (id !== undefined) need.set(id, (need.get(id) ?? 0) + 1);
  });
  k = Math.max(1, Math.min(k, total));

  // Sliding window of k words: score = size of the multiset intersection with the quote. Linear in
  // archive length; only words that occur in the quote touch the map.
  const have = new Map<number, number>();
  let score = 0;
  const add = (id: number): void => {
    const want = need.get(id);
    if (want === undefined) return;
    const h = (have.get(id) ?? 0) + 1;
    have.set(id, h);
    if (h <= want) score++;
  };
  const remove = (id: number): void => {
    const want = need.get(id);
    if (want === undefined) return;
    const h = have.get(id)! - 1;
    have.set(id, h);
    if (h < want) score--;
  };
  const top: Candidate[] = [];
  const consider = (start: number): void => {
    // Overlapping windows describe the same passage: keep only the better of them.
    const near = top.find((c) => Math.abs(c.start - start) < k);
    if (near) {
      if (score > near.score) {
        near.start = start;
        near.score = score;
      }
      return;
    }
    if (top.length < TOP_CANDIDATES) top.push({ start, score });
    else {
      let worst = 0;
      for (let j = 1; j < top.length; j++) if (top[j].score < top[worst].score) worst = j;
      if (score > top[worst].score) top[worst] = { start, score };
    }
  };
  for (let j = 0; j < k; j++) add(wordId[j]);
  consider(0);
  for (let start = 1; start + k <= total; start++) {
    remove(wordId[start - 1]);
    add(wordId[start + k - 1]);
    if (score > 0) consider(start);
  }

  // Refine: small shifts of start and length around each candidate, scored by edit distance;
  // the three lengths from one start come from one pass over the archive. Best candidates first,
  // so that of passages equally similar the one sharing more of the quote's words is named.
  top.sort((x, y) => y.score - x.score);
  const pattern = new EditDistancePattern(needle);
  let bestSim = -1;
  let bestA = 0;
  let bestB = 0;
  for (const c of top) {
    for (let ds = -1; ds <= 1; ds++) {
      const s = c.start + ds;
      if (s < 0) continue;
      const ends: number[] = [];
      for (let dl = -1; dl <= 1; dl++) {
        const e = s + k + dl - 1;
        if (e >= s && e < total) ends.push(wordEnd[e]);
      }
      if (ends.length === 0) continue;
      const a = wordStart[s];
      const distances = pattern.distances(archive.normalized, a, ends);
      ends.forEach((b, i) => {
        const longer = Math.max(needle.length, b - a);
        const sim = longer === 0 ? 100 : Math.round(100 * (1 - distances[i] / longer));
        if (sim > bestSim) {
          bestSim = sim;
          bestA = a;
          bestB = b;
        }
      });
    }
  }
  // A quote that was not found is never "100%" similar, even when rounding (or the needle cut at
  // MAX_NEEDLE) would say so.
  return { result: "not-found", closest: originalPassage(archive, bestA, bestB), similarity: Math.min(99, Math.max(0, bestSim)) };
}

/** Maps normalised offsets [a, b) back to the original text, white space collapsed, at most ~200 characters. */
function originalPassage(archive: PreparedArchive, a: number, b: number): string {
  const { origin, original } = archive;
  if (b <= a) return "";
  const from = origin[a];
  // The end is where the next original segment starts (one segment may yield several units, e.g. "…").
  let j = b;
  while (j < origin.length && origin[j] === origin[b - 1]) j++;
  const to = j < origin.length ? origin[j] : original.length;
  let passage = original.slice(from, to).replace(/\s+/g, " ").trim();
  if (passage.length > MAX_CLOSEST) {
    const cut = passage.lastIndexOf(" ", MAX_CLOSEST);
    passage = passage.slice(0, cut > MAX_CLOSEST / 2 ? cut : MAX_CLOSEST) + "…";
  }
  return passage;
}
