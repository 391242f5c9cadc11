/** "Did you mean" suggestions for misspelt ids and keys. */
import { levenshtein } from "./distance.js";

/**
 * The closest candidate within a small edit distance, if any, case ignored (so a word in another
 * case is the nearest of all): at most a third of the word away (two edits for short words), and
 * never one with every character changed ("G" is not a typo of "A"). The word itself is no
 * suggestion.
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const folded = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = limitFor(word) + 1;
  for (const candidate of candidates) {
    if (candidate === word || Math.abs(candidate.length - word.length) >= bestDistance) continue;
    // Case is no distance: "Flase" is as near "false" as "flase" is.
    const d = levenshtein(folded, candidate.toLowerCase(), bestDistance - 1);
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  return best;
}

/** How far a candidate may be from `word` to count as a likely misspelling of it. */
function limitFor(word: string): number {
  return Math.min(Math.max(2, Math.floor(word.length / 3)), word.length - 1);
}

/**
 * Every candidate that `word` could be a misspelling of, by the rule of `closest`: so a fix that
 * needs exactly one possible meaning can tell one candidate from several.
 */
export function candidatesNear(word: string, candidates: Iterable<string>): string[] {
  const folded = word.toLowerCase();
  const limit = limitFor(word);
  const near: string[] = [];
  for (const candidate of candidates) {
    if (candidate === word || Math.abs(candidate.length - word.length) > limit) continue;
    if (levenshtein(folded, candidate.toLowerCase(), limit) <= limit) near.push(candidate);
  }
  return near;
}

/** " — did you mean 'x'?" or nothing. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const match = closest(word, candidates);
  return match === undefined ? "" : ` — did you mean '${match}'?`;
}
