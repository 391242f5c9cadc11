/** Quote checks against archived text (SPEC §7): the quote's fragments found in order in the normalised archive. */
import { closestPassage } from "./closest.js";
import { normalizeText } from "./normalize.js";
import type { PreparedArchive } from "./prepared.js";
import { isWordUnit } from "./words.js";

export { normalizeText, normalizeTracked } from "./normalize.js";
export { PreparedArchive, prepareArchive } from "./prepared.js";

/** Result of checking one quote against one archive; `closest` is null when the closest passage was not searched. */
export type QuoteMatch =
  | { readonly result: "verified" }
  | { readonly result: "not-found"; readonly closest: string; readonly similarity: number }
  | { readonly result: "not-found"; readonly closest: null; readonly similarity: null };

/**
 * The work closest-passage searches may do, in units of archive text scanned: each search reads
 * the whole archive, so many misquotes of one large archive cost their number times its length.
 * Each archive may spend `PER_ARCHIVE_FACTOR` times its length (at least `PER_ARCHIVE_FLOOR`), and
 * a run `PER_RUN` in all; past that, a quote that is not found is still reported, without its
 * closest passage. Within them (dozens of misquotes of a long report) every passage is searched.
 */
export const CLOSEST_LIMITS = { perArchiveFactor: 64, perArchiveFloor: 1_000_000, perRun: 50_000_000 } as const;

/** What closest-passage searches may still spend, for a run and for the archive at hand. */
export class ClosestBudget {
  #run: number = CLOSEST_LIMITS.perRun;
  #archive = 0;

  /** Starts the share of an archive of `length` units. */
  startArchive(length: number): void {
    this.#archive = Math.max(CLOSEST_LIMITS.perArchiveFloor, CLOSEST_LIMITS.perArchiveFactor * length);
  }

  /** Takes `cost` units when both the run and the archive still have them. */
  take(cost: number): boolean {
    if (cost > this.#run || cost > this.#archive) return false;
    this.#run -= cost;
    this.#archive -= cost;
    return true;
  }
}

const HAS_WORD = /[\p{L}\p{N}]/u;

/** Drops white space and quotation marks at both ends (the marks that wrap a quote or a fragment). */
function stripWrapping(s: string): string {
  let a = 0;
  let z = s.length;
  while (a < z && (s[a] === '"' || s[a] === "'" || s[a] === " ")) a++;
  while (z > a && (s[z - 1] === '"' || s[z - 1] === "'" || s[z - 1] === " ")) z--;
  return s.slice(a, z);
}

/**
 * The text between gaps: an ellipsis of three or more dots, or a bracketed insertion (from `[` to
 * the first `]` after it). One pass: a `[` with no `]` after it is text, and the next `]` is found
 * once for all the `[` before it — a pattern that looked for `]` from every `[` took time with the
 * square of a quote of unclosed brackets.
 */
export function splitGaps(s: string): string[] {
  const parts: string[] = [];
  let start = 0;
  let close = s.indexOf("]");
  let i = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c === 46 && s.charCodeAt(i + 1) === 46 && s.charCodeAt(i + 2) === 46) {
      parts.push(s.slice(start, i));
      i += 3;
      while (s.charCodeAt(i) === 46) i++;
      start = i;
      continue;
    }
    if (c === 91) {
      if (close !== -1 && close < i) close = s.indexOf("]", i);
      if (close !== -1) {
        parts.push(s.slice(start, i));
        start = i = close + 1;
        continue;
      }
    }
    i++;
  }
  parts.push(s.slice(start));
  return parts;
}

/** Quote fragments in order. Fragments without a letter or digit (a lone comma between gaps) are ignored. */
export function quoteFragments(quote: string): string[] {
  return splitGaps(stripWrapping(normalizeText(quote)))
    .map(stripWrapping)
    .filter((f) => HAS_WORD.test(f));
}

/**
 * Finds `frag` at or after `from` where its word edges are real word edges, so "he" does not match
 * inside "she". The first occurrence comes from the native search; when its edges fail, the rest
 * are enumerated in one linear pass: searching again from each next offset re-read the whole
 * fragment at every overlapping occurrence, so a long repeated word took time with the square of
 * its length.
 */
export function findFragment(text: string, frag: string, from: number): number {
  const wordAtStart = isWordUnit(frag, 0);
  const wordAtEnd = isWordUnit(frag, frag.length - 1);
  const edgesHold = (at: number): boolean => {
    const end = at + frag.length;
    return (!wordAtStart || at === 0 || !isWordUnit(text, at - 1)) && (!wordAtEnd || end === text.length || !isWordUnit(text, end));
  };
  const first = text.indexOf(frag, from);
  if (first < 0 || edgesHold(first)) return first;
  return nextOccurrence(text, frag, first + 1, edgesHold);
}

/** The first occurrence of `frag` at or after `from` that `accept` takes (Knuth–Morris–Pratt: each unit of `text` is read once). */
function nextOccurrence(text: string, frag: string, from: number, accept: (at: number) => boolean): number {
  const m = frag.length;
  // fail[i]: the length of the longest proper prefix of frag[0..i] that is also its suffix.
  const fail = new Int32Array(m);
  for (let i = 1, k = 0; i < m; i++) {
    const c = frag.charCodeAt(i);
    while (k > 0 && c !== frag.charCodeAt(k)) k = fail[k - 1];
    if (c === frag.charCodeAt(k)) k++;
    fail[i] = k;
  }
  for (let j = from, k = 0; j < text.length; j++) {
    const c = text.charCodeAt(j);
    while (k > 0 && c !== frag.charCodeAt(k)) k = fail[k - 1];
    if (c === frag.charCodeAt(k)) k++;
    if (k === m) {
      if (accept(j - m + 1)) return j - m + 1;
      k = fail[k - 1];
    }
  }
  return -1;
}

/**
 * Checks a quote against a prepared archive (SPEC §7); on failure names the most similar passage,
 * when `budget` (unbounded without one) affords the search.
 */
export function checkQuote(quote: string, archive: PreparedArchive, budget?: ClosestBudget): QuoteMatch {
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
  // A search reads the archive's words once, then compares a few passages of about the quote's
  // length with it (quadratic in the quote, which is cut at a thousand units for it).
  const needle = fragments.join(" ");
  const compared = Math.min(needle.length, 1000);
  if (budget && !budget.take(archive.normalized.length + 1 + Math.ceil((compared * compared) / 2))) return { result: "not-found", closest: null, similarity: null };
  return { result: "not-found", ...closestPassage(needle, archive) };
}
