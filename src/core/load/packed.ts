/**
 * Whole numbers packed into a string, one or two UTF-16 code units each, for the position hints
 * every ledger file keeps (see `StatementHints`). At 200,000 files a typed array per file cost
 * about 600 bytes in objects and a separate allocation before its first number; a string of the
 * same numbers costs its characters and a 16-byte header, and crosses threads and the file cache
 * as one value.
 */

/** The first code unit says how many units each number takes: 1 when every number is below 2^16. */
const NARROW = 1;
const WIDE = 2;

/** Packs non-negative integers below 2^32. */
export function pack(numbers: readonly number[]): string {
  const wide = numbers.some((n) => n > 0xffff);
  const units: number[] = [wide ? WIDE : NARROW];
  for (const n of numbers) {
    if (wide) units.push(Math.floor(n / 0x10000), n & 0xffff);
    else units.push(n);
  }
  // In slices: String.fromCharCode takes its units as arguments, and a file may hold a million.
  let text = "";
  for (let i = 0; i < units.length; i += 8192) text += String.fromCharCode(...units.slice(i, i + 8192));
  return text;
}

/** How many numbers a packed string holds. */
export function packedLength(packed: string): number {
  return packed.length === 0 ? 0 : (packed.length - 1) / packed.charCodeAt(0);
}

/** The `i`-th number of a packed string; undefined past its end. */
export function unpackAt(packed: string, i: number): number | undefined {
  if (i < 0 || i >= packedLength(packed)) return undefined;
  if (packed.charCodeAt(0) === NARROW) return packed.charCodeAt(1 + i);
  return packed.charCodeAt(1 + 2 * i) * 0x10000 + packed.charCodeAt(2 + 2 * i);
}
