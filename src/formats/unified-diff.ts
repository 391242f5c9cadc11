/**
 * `--dry-run` output: each file's change as a unified diff, the form `git diff` prints and
 * `git apply` / `patch -p1` read (a/ and b/ paths, /dev/null for a new file).
 */
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from "diff";
import type { Stylist } from "./style.js";
import { sanitize, sanitizeFileText } from "./sanitize.js";

export interface FileChange {
  /** The path as outputs show it, relative to the working directory. */
  readonly display: string;
  /** The text before; null for a file the change makes. */
  readonly before: string | null;
  readonly after: string;
}

/**
 * The unified diff of one file's change (three lines of context), coloured when `chalk` has colour;
 * empty when nothing changes. It is made from the files' real text, so that it applies where the
 * file has CRLF line ends or a BOM (each diff line keeps its CR, line 1 its BOM); and it is safe to
 * print as it is, since both texts pass through `sanitizeFileText` first and the paths through
 * `sanitize` — a caller must not sanitise it again, which would escape those bytes.
 */
export function unifiedDiff(change: FileChange, chalk: Stylist): string {
  if (change.before === change.after) return "";
  const before = change.before === null ? "" : sanitizeFileText(change.before);
  const after = sanitizeFileText(change.after);
  const display = sanitize(change.display);
  const patch = createTwoFilesPatch(change.before === null ? "/dev/null" : `a/${display}`, `b/${display}`, before, after, undefined, undefined, { context: 3, headerOptions: FILE_HEADERS_ONLY });
  return patch
    .split("\n")
    .map((line) => {
      // The CR stays outside the colour, so a coloured line still ends as the file's does.
      const cr = line.endsWith("\r") ? "\r" : "";
      const body = cr ? line.slice(0, -1) : line;
      if (line.startsWith("+++") || line.startsWith("---")) return chalk.bold(body) + cr;
      if (line.startsWith("@@")) return chalk.blue(body) + cr;
      if (line.startsWith("+")) return chalk.green(body) + cr;
      if (line.startsWith("-")) return chalk.red(body) + cr;
      return line;
    })
    .join("\n");
}
