/**
 * The one output sanitiser: every string that leaves the program passes through here, so that a
 * ledger cannot drive the reader's terminal (clear the screen, set the title, write the clipboard)
 * or reorder what is shown (bidi overrides, zero-width characters).
 */

// C0 except TAB and LF, DEL, C1, the bidi embeddings/overrides/isolates and marks, zero-width
// characters, the line/paragraph separators, the BOM, and the interlinear annotation characters.
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u115F\u1160\u180E\u200B-\u200F\u2028-\u202E\u2060-\u206F\u3164\uFEFF\uFFF9-\uFFFB]/g;
// As above, with ESC only when it opens an SGR colour sequence (which this program writes itself).
const UNSAFE_KEEP_SGR = /\u001B(?!\[[0-9;]*m)|[\u0000-\u0008\u000B-\u001A\u001C-\u001F\u007F-\u009F\u061C\u115F\u1160\u180E\u200B-\u200F\u2028-\u202E\u2060-\u206F\u3164\uFEFF\uFFF9-\uFFFB]/g;

function escape(ch: string): string {
  return `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`;
}

/**
 * Replaces every unsafe character by a visible `\uXXXX` escape. Inside JSON strings that escape is
 * the same character again, so JSON output stays valid and round-trips exactly.
 */
export function sanitize(text: string): string {
  return text.replace(UNSAFE, escape);
}

/** Like `sanitize`, but keeps SGR colour sequences; for final output whose pieces were sanitised before styling. */
export function sanitizeKeepingColour(text: string): string {
  return text.replace(UNSAFE_KEEP_SGR, escape);
}

/**
 * Like `sanitize`, for a file's text that a patch must reproduce byte for byte (`--dry-run` diffs,
 * read by `git apply` and `patch`): a BOM at its very start and each CR that ends a line (before
 * its LF) are the file's own bytes, and neither can hide or reorder what is shown, so they stay.
 * Every other unsafe character, a lone CR or a BOM elsewhere included, is escaped as usual.
 */
export function sanitizeFileText(text: string): string {
  const bom = text.charCodeAt(0) === 0xfeff ? "\uFEFF" : "";
  return bom + text.slice(bom.length).split("\r\n").map(sanitize).join("\r\n");
}

/** True when the text holds a character `sanitize` would escape. */
export function hasUnsafe(text: string): boolean {
  UNSAFE.lastIndex = 0;
  const found = UNSAFE.test(text);
  UNSAFE.lastIndex = 0;
  return found;
}
