/** An archive prepared once for many quote checks (SPEC §7). */
import { ASCII, normalizeAscii, normalizeTracked } from "./normalize.js";
import { indexWords, type WordIndex } from "./words.js";

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

/** Normalises an archive once, so that many quotes can be checked cheaply. */
export function prepareArchive(text: string): PreparedArchive {
  return new PreparedArchive(text);
}
