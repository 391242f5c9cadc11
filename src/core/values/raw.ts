/**
 * Helpers shared by the grammars for reading what YAML produced: the `unknown` word, the length
 * cap, and quoting a value back in a message.
 */

/**
 * No legitimate value is longer than this; longer strings are rejected before any parsing, so
 * hostile input costs one length check.
 */
export const MAX_VALUE_LENGTH = 200;

/** Messages quote at most this much of a value, so one bad line cannot flood the output. */
const SHOWN_LENGTH = 60;

/** Whether `raw` is the word `unknown` (any case, surrounding space ignored). */
export function isUnknownWord(raw: unknown): boolean {
  return typeof raw === "string" && raw.length <= MAX_VALUE_LENGTH && raw.trim().toLowerCase() === "unknown";
}

/** Whether `raw` is a YAML mapping: a plain or null-prototype object (not an array, Date or Map). */
export function isMapping(raw: unknown): raw is Record<string, unknown> {
  return typeof raw === "object" && raw !== null && Object.prototype.toString.call(raw) === "[object Object]";
}

/** How a raw value is named in a message: strings quoted (escaped, shortened), other kinds described. */
export function showRaw(raw: unknown): string {
  if (typeof raw === "string") return quote(raw);
  if (typeof raw === "number" || typeof raw === "boolean" || typeof raw === "bigint") return String(raw);
  if (raw === null || raw === undefined) return "an empty value";
  if (Array.isArray(raw)) return "a list";
  if (isMapping(raw)) return "a mapping";
  // A Date, a Map or a class instance (only a program calling the library can pass one).
  return typeof raw === "object" ? "an object" : `a ${typeof raw}`;
}

/** A string in double quotes, control and format characters escaped (no bidi tricks in terminals). */
export function quote(s: string): string {
  let shown = s;
  let suffix = "";
  if (s.length > SHOWN_LENGTH) {
    shown = s.slice(0, SHOWN_LENGTH);
    // Do not cut a surrogate pair in half.
    if (/[\uD800-\uDBFF]$/.test(shown)) shown = shown.slice(0, -1);
    suffix = `… (${s.length} characters)`;
  }
  const escaped = JSON.stringify(shown).replace(
    /[\p{Cf}\u2028\u2029]/gu,
    (c) => {
      const hex = (c.codePointAt(0) ?? 0).toString(16);
      return hex.length > 4 ? `\\u{${hex}}` : `\\u${hex.padStart(4, "0")}`;
    },
  );
  return `${escaped}${suffix}`;
}

/** The one message shape for a value a grammar could not read. */
export function cannotRead(raw: unknown, type: string, forms: string, detail?: string): string {
  return `cannot read ${showRaw(raw)} as a ${type}${detail === undefined ? "" : ` (${detail})`}; ${forms}`;
}
