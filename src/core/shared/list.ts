/** Lists in messages: bounded, so that a record of ten thousand options cannot make every message a book. */

/** The most items a message lists. */
export const LISTED = 10;

/** "a, b, c" — or, beyond `max`, the first `max` and "… and 9,990 more". */
export function listed(items: readonly string[], max = LISTED): string {
  if (items.length <= max) return items.join(", ");
  return `${items.slice(0, max).join(", ")}, … and ${(items.length - max).toLocaleString("en-US")} more`;
}

/** A value quoted in a message, cut to `max` characters: a key or id can be as long as its file. */
export function shortened(text: string, max = 64): string {
  if (text.length <= max) return text;
  let cut = max - 1;
  if (/[\uD800-\uDBFF]/.test(text[cut - 1] ?? "")) cut--;
  return `${text.slice(0, cut)}…`;
}
