/**
 * Ledger text inside the Markdown of hovers and completion details. A name or title is the
 * ledger's, not ours: it must show as written and never as markup (a link, an image, HTML), so
 * every ASCII punctuation character is escaped (CommonMark allows a backslash before any), line
 * breaks become spaces, and invisible or control characters become visible escapes.
 */
import { sanitize } from "../formats/sanitize.js";

/** Ledger text as literal Markdown on one line. */
export function md(text: string): string {
  return sanitize(text.replace(/\r\n|\r|\n/g, " ")).replace(/[!-/:-@[-`{-~]/g, (c) => `\\${c}`);
}

/** An id or value as inline code (a backtick inside is set apart by a longer fence). */
export function code(text: string): string {
  const shown = sanitize(text.replace(/\r\n|\r|\n/g, " "));
  const fence = "`".repeat((shown.match(/`+/g) ?? []).reduce((n, run) => Math.max(n, run.length), 0) + 1);
  return fence.length > 1 || shown.startsWith(" ") || shown.endsWith(" ") ? `${fence} ${shown} ${fence}` : `\`${shown}\``;
}
