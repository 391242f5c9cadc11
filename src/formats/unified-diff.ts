/**
 * `--dry-run` output: each file's change as a unified diff, the form `git diff` prints and
 * `git apply` / `patch -p1` read (a/ and b/ paths, /dev/null for a new file).
 */
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from "diff";
import type { Stylist } from "./style.js";
import { sanitize } from "./sanitize.js";

export interface FileChange {
  /** The path as outputs show it, relative to the working directory. */
  readonly display: string;
  /** The text before; null for a file the change makes. */
  readonly before: string | null;
  readonly after: string;
}

/**
 * The text a reader compares: without a BOM and with LF line ends. Those are kept in the file
 * byte for byte, and in a diff they would only show as escapes on every line.
 */
function comparable(text: string): string {
  return (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).replace(/\r\n/g, "\n");
}

/** The unified diff of one file's change (three lines of context), coloured when `chalk` has colour; empty when nothing changes. */
export function unifiedDiff(change: FileChange, chalk: Stylist): string {
  const before = change.before === null ? "" : comparable(change.before);
  const after = comparable(change.after);
  if (before === after && change.before !== null) return "";
  const patch = createTwoFilesPatch(change.before === null ? "/dev/null" : `a/${change.display}`, `b/${change.display}`, before, after, undefined, undefined, { context: 3, headerOptions: FILE_HEADERS_ONLY });
  return patch
    .split("\n")
    .map((line) => {
      const safe = sanitize(line);
      if (line.startsWith("+++") || line.startsWith("---")) return chalk.bold(safe);
      if (line.startsWith("@@")) return chalk.blue(safe);
      if (line.startsWith("+")) return chalk.green(safe);
      if (line.startsWith("-")) return chalk.red(safe);
      return safe;
    })
    .join("\n");
}
