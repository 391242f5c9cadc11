/** "Did you mean" suggestions for misspelt ids and keys. */
import { EditDistancePattern, levenshtein } from "./distance.js";

/**
 * Bounds on the work of suggestions, so that many unknown words against many candidates cost time
 * in proportion to their number, not to their product: each word may compare `perWord` candidates
 * (nearest in length first), and draw on a pool of `perCandidate` comparisons for each candidate of
 * the list, shared by every word asked of it. So a list of 1,000 ids answers fifteen typos exactly;
 * where the bound cuts a search short, a suggestion may be missed, never a wrong one given.
 */
export const SUGGESTION_LIMITS = { perWord: 128, perCandidate: 16 } as const;

/** A list of candidates indexed by length, with the comparisons its suggestions have made so far. */
class Candidates {
  readonly folded: readonly string[];
  /** Candidate indexes by length, each bucket in list order. */
  readonly byLength = new Map<number, number[]>();
  /** Comparisons left in the shared pool. */
  pool: number;

  constructor(readonly list: readonly string[]) {
    this.folded = list.map((c) => c.toLowerCase());
    this.pool = SUGGESTION_LIMITS.perCandidate * list.length;
    list.forEach((c, i) => {
      const bucket = this.byLength.get(c.length);
      if (bucket) bucket.push(i);
      else this.byLength.set(c.length, [i]);
    });
  }

  /**
   * The nearest candidate within `limit` edits of `word`, the first in list order of those equally
   * near. Candidates are visited by length, nearest first, since a candidate differing in length by
   * d is at least d edits away: the first ones found shrink the window for the rest.
   */
  nearest(word: string, limit: number): string | undefined {
    const folded = word.toLowerCase();
    let pattern: EditDistancePattern | undefined;
    let best = -1;
    let bestDistance = limit + 1;
    let own = SUGGESTION_LIMITS.perWord;
    // A length d away can still tie with the best (d edits), and a tie goes to the earlier candidate.
    for (let delta = 0; delta <= Math.min(bestDistance, limit); delta++) {
      for (const length of delta === 0 ? [word.length] : [word.length - delta, word.length + delta]) {
        for (const i of this.byLength.get(length) ?? []) {
          if (this.list[i] === word) continue;
          if (own > 0) own--;
          else if (this.pool > 0) this.pool--;
          else return best < 0 ? undefined : this.list[best];
          // Case is no distance: "Flase" is as near "false" as "flase" is.
          const d = (pattern ??= new EditDistancePattern(folded)).distance(this.folded[i], bestDistance);
          if (d < bestDistance || (d === bestDistance && best >= 0 && i < best)) {
            bestDistance = d;
            best = i;
          }
        }
      }
    }
    return best < 0 ? undefined : this.list[best];
  }
}

// Indexed once per list: the unknown-source check asks one list of source ids for every unknown
// id, and a choice claim its one list of options for every statement. Lists are never changed
// after they are asked.
const INDEXES = new WeakMap<readonly string[], Candidates>();

function candidatesOf(list: Iterable<string>): Candidates {
  if (!Array.isArray(list)) return new Candidates([...list]);
  let index = INDEXES.get(list);
  if (!index) INDEXES.set(list, (index = new Candidates(list)));
  return index;
}

/**
 * The closest candidate within a small edit distance, if any, case ignored (so a word in another
 * case is the nearest of all): at most a third of the word away (two edits for short words), and
 * never one with every character changed ("G" is not a typo of "A"). The word itself is no
 * suggestion. An array of candidates is indexed on first use and must not change afterwards.
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const limit = limitFor(word);
  if (limit < 0) return undefined;
  return candidatesOf(candidates).nearest(word, limit);
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
