/** `lint --format json`: the diagnostics as a JSON array, like ESLint's one-line json formatter. */
import { sanitize } from "../sanitize.js";
import type { LintItem } from "./types.js";

/** A JSON array of `{code, severity, message, file, line, column}`, two-space indented, ending in a newline. */
export function formatJson(diagnostics: readonly LintItem[]): string {
  // Copy the known fields so that nothing else a diagnostic object may carry leaks into the output.
  const plain = diagnostics.map(({ code, severity, message, file, line, column }) => ({ code, severity, message, file, line, column }));
  // Sanitising the finished JSON (not each field) turns unsafe characters into `\uXXXX` escapes
  // that decode to the very same strings, so the output is safe to show and still round-trips.
  return sanitize(JSON.stringify(plain, null, 2)) + "\n";
}
