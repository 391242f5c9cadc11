/**
 * A lower bound on edit distance from counting units, for the closest-passage search (SPEC §7): it
 * costs one step per unit of a passage where the edit distance costs a step per unit and per 32
 * units of the quote, so passages that cannot be the closest are passed over without it.
 */

/**
 * The units of a pattern, counted. Of two texts, every unit one has more of than the other must be
 * deleted or substituted away, and each edit mends at most one such unit on each side: so the
 * distance is at least the larger of the two surpluses (which is at least the difference of the
 * lengths).
 */
export class UnitCounts {
  /** For each distinct unit of the pattern, its place in `counts`; ASCII in a table, the rest in a map. */
  readonly #ascii = new Int32Array(128).fill(-1);
  readonly #other = new Map<number, number>();
  readonly #counts: number[] = [];
  /** What is left of the counts while a passage is read (one buffer, filled afresh for each passage). */
  #left = new Int32Array(0);
  readonly #length: number;

  constructor(pattern: string) {
    this.#length = pattern.length;
    for (let i = 0; i < pattern.length; i++) {
      const unit = pattern.charCodeAt(i);
      let slot = this.#slot(unit);
      if (slot < 0) {
        slot = this.#counts.length;
        this.#counts.push(0);
        if (unit < 128) this.#ascii[unit] = slot;
        else this.#other.set(unit, slot);
      }
      this.#counts[slot]++;
    }
    this.#left = new Int32Array(this.#counts.length);
  }

  #slot(unit: number): number {
    return unit < 128 ? this.#ascii[unit] : (this.#other.get(unit) ?? -1);
  }

  /** For each of `ends` (ascending, each at least `from`), a lower bound on the edit distance between the pattern and `text.slice(from, end)`. */
  lowerBounds(text: string, from: number, ends: readonly number[]): number[] {
    const left = this.#left;
    left.set(this.#counts);
    // Units of the pattern not yet met in the passage, and units of the passage the pattern lacks.
    let missing = this.#length;
    let extra = 0;
    const out: number[] = [];
    let j = from;
    for (const end of ends) {
      for (; j < end; j++) {
        const slot = this.#slot(text.charCodeAt(j));
        if (slot >= 0 && left[slot] > 0) {
          left[slot]--;
          missing--;
        } else extra++;
      }
      out.push(Math.max(missing, extra));
    }
    return out;
  }
}
