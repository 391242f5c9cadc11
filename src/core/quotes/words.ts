/** Words of a normalised text (SPEC §7): runs of letters and digits, apostrophes allowed inside. */

/** Where each word of a normalised text starts and ends, and its id in the text's own dictionary, for fuzzy search. */
export interface WordIndex {
  readonly wordStart: Int32Array;
  readonly wordEnd: Int32Array;
  readonly wordId: Int32Array;
  readonly dictionary: ReadonlyMap<string, number>;
  /**
   * Where each word occurs, by id: `occurrences.subarray(firstOccurrence[id], firstOccurrence[id + 1])`
   * are the indices (into `wordId`) of the word `id`, ascending. The closest-passage search reads
   * only the occurrences of a quote's own words, not the whole archive, for each quote.
   */
  readonly firstOccurrence: Int32Array;
  readonly occurrences: Int32Array;
}

const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;

export function isWordUnit(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 0x80) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
  if (c >= 0xdc00 && c <= 0xdfff && i > 0) return isWordUnit(s, i - 1); // low surrogate: judge the pair
  return WORD_CHAR.test(String.fromCodePoint(s.codePointAt(i)!));
}

/** Words are runs of letters/digits, with apostrophes allowed inside ("there's"). Calls `f(start, end)`. */
export function forEachWord(s: string, f: (start: number, end: number) => void): void {
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

/** Each word of a normalised text, with an id per distinct word. */
export function indexWords(normalized: string): WordIndex {
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
  const wordId = Int32Array.from(ids);
  return { wordStart: Int32Array.from(starts), wordEnd: Int32Array.from(ends), wordId, dictionary, ...occurrencesOf(wordId, dictionary.size) };
}

/** The occurrence lists of every word (a counting sort of word indices by id), in one pass over the text's words. */
function occurrencesOf(wordId: Int32Array, distinct: number): { firstOccurrence: Int32Array; occurrences: Int32Array } {
  const firstOccurrence = new Int32Array(distinct + 1);
  for (const id of wordId) firstOccurrence[id + 1]++;
  for (let id = 0; id < distinct; id++) firstOccurrence[id + 1] += firstOccurrence[id];
  const next = firstOccurrence.slice(0, distinct);
  const occurrences = new Int32Array(wordId.length);
  for (let i = 0; i < wordId.length; i++) occurrences[next[wordId[i]]++] = i;
  return { firstOccurrence, occurrences };
}
