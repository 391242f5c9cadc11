/** Words of a normalised text (SPEC §7): runs of letters and digits, apostrophes allowed inside. */

/** Where each word of a normalised text starts and ends, and its id in the text's own dictionary, for fuzzy search. */
export interface WordIndex {
  readonly wordStart: Int32Array;
  readonly wordEnd: Int32Array;
  readonly wordId: Int32Array;
  readonly dictionary: ReadonlyMap<string, number>;
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
  return { wordStart: Int32Array.from(starts), wordEnd: Int32Array.from(ends), wordId: Int32Array.from(ids), dictionary };
}
