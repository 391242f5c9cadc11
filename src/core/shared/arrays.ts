/** Array helpers that hold for any length. */

/**
 * `target.push(...items)` without the spread: a spread passes every item as an argument on the
 * stack, and overflows it beyond about a hundred thousand items (a file's diagnostics, a fix's edits).
 */
export function pushAll<T>(target: T[], items: Iterable<T>): void {
  for (const item of items) target.push(item);
}
