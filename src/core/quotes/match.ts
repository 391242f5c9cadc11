/** Quote checks against archived text (SPEC §7): the quote's fragments found in order in the normalised archive. */
import { closestPassage } from "./closest.js";
import { normalizeText } from "./normalize.js";
import type { PreparedArchive } from "./prepared.js";
import { isWordUnit } from "./words.js";

export { normalizeText, normalizeTracked } from "./normalize.js";
export { PreparedArchive, prepareArchive } from "./prepared.js";

/** Result of checking one quote against one archive. */
export type QuoteMatch =
  | { readonly result: "verified" }
  | { readonly result: "not-found"; readonly closest: string; readonly similarity: number };

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
  return { result: "not-found", ...closestPassage(fragments.join(" "), archive) };
}
