/** The editing stage as the library offers it: on texts, so that its declarations need no yaml types. */
import { openEditable } from "./editable.js";
import { fixFiles } from "./fix-apply.js";
import { insertEntry } from "./insert.js";
import type { FileText, Fixed, Insertion } from "./types.js";

/**
 * Adds `key: value` at the end of the mapping at `path` of a file's text (with `key` null,
 * `value` at the end of the list there), keeping every other byte; throws EditRefused when that
 * cannot be done safely.
 */
export function addToText(text: string, path: readonly string[], key: string | null, value: unknown): Insertion {
  return insertEntry(openEditable(text), path, key, value);
}

/** Makes every fix with one possible meaning (`claims fix`) in the given files' texts. */
export function fixTexts(files: readonly FileText[]): Fixed {
  return fixFiles(files);
}
