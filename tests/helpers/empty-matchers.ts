/**
 * Where an expected value given to `toMatchObject` would match anything (see setup.ts): a RegExp,
 * or an object with no own enumerable keys that no equality rule of its own covers (`{}`, a class
 * instance without fields, a boxed number). Arrays, dates, maps, sets, errors, boxed strings and
 * typed arrays are compared by rules of their own, and asymmetric matchers
 * (`expect.stringMatching`) by theirs, so those are fine.
 */
export function emptyMatchers(expected: unknown, path = ""): string[] {
  const here = path === "" ? "the expected value itself" : path;
  if (expected instanceof RegExp) return [`${here} (${String(expected)})`];
  if (typeof expected !== "object" || expected === null) return [];
  if (typeof (expected as { asymmetricMatch?: unknown }).asymmetricMatch === "function") return [];
  if (Array.isArray(expected)) return expected.flatMap((item, i) => emptyMatchers(item, `${path}[${i}]`));
  if (hasOwnEquality(expected)) return [];
  const keys = Object.keys(expected);
  if (keys.length === 0) return [`${here} (an object without own keys)`];
  return keys.flatMap((key) => emptyMatchers((expected as Record<string, unknown>)[key], path === "" ? key : `${path}.${key}`));
}

function hasOwnEquality(value: object): boolean {
  return (
    value instanceof Date ||
    value instanceof Map ||
    value instanceof Set ||
    value instanceof Error ||
    value instanceof String ||
    ArrayBuffer.isView(value)
  );
}
