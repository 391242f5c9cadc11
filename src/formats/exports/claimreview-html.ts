/**
 * ClaimReview for a page to embed: one `<script type="application/ld+json">` block per review,
 * as a CMS pastes them into an article. A script element's text ends at the first `</script`, and
 * `<!--` changes how it is parsed, whatever JSON quoting surrounds them; so every `<`, `>` and `&`
 * in the JSON is written as its `\u` escape, which JSON reads back as the same character. U+2028
 * and U+2029 are escaped too, for the readers that take the block for JavaScript.
 */

/** JSON text that is safe inside an HTML script element and parses to the same value. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/[<>&\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** One JSON-LD script block per value, each on its own lines. */
export function jsonLdScripts(values: readonly unknown[]): string {
  return values.map((value) => `<script type="application/ld+json">\n${scriptSafeJson(value)}\n</script>\n`).join("");
}
