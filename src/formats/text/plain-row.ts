/**
 * A table row drawn without cli-table3, for the common row: plain text (see PLAIN_CELL), no colour. cli-table3
 * spends most of a 10,000-claim `check` on such rows (per cell it merges fifteen border options,
 * measures the cell's whole text for a debug line it never prints, and measures every line again
 * with an emoji-aware width), while for these characters each one is one column and nothing needs
 * measuring. The drawing below is cli-table3 0.6's for the options `table` passes (fixed widths,
 * `wordWrap`, `wrapOnWordBoundary`, padding 1, `compact`, no border or head style), step by step
 * (its quirks included, such as a line's leading blanks not counted towards the wrap), so the
 * bytes are the same; tests/text-table.test.ts compares the two on random rows. Any other row
 * (colour, tabs, wide or combining characters, emoji) is left to cli-table3.
 */

/**
 * Only these characters: printable ASCII and the Latin letters, dashes, quotation marks, currency
 * signs, arrows and operators a ledger's values and names use (≥, –, —, “, é): each is one UTF-16
 * unit and one column wide in cli-table3's measure (string-width 4), and none is a blank `\s`
 * matches besides the space. tests/text-table.test.ts draws every one of them both ways.
 */
export const PLAIN_CELL = /^[\x20-\x7E\n\u00A1-\u00AC\u00AE-\u024F\u2010-\u2027\u2030-\u205E\u20A0-\u20BF\u2190-\u22FF]*$/;

/**
 * The lines of one row (without the borders above and below it), or undefined when a cell holds
 * anything but PLAIN_CELL's characters and line breaks, or a column is too narrow to hold its padding.
 */
export function drawPlainRow(cells: readonly string[], widths: readonly number[]): string[] | undefined {
  const wrapped: string[][] = [];
  for (let x = 0; x < cells.length; x++) {
    if (!PLAIN_CELL.test(cells[x]) || !(widths[x] > 2)) return undefined;
    wrapped.push(wrapCell(widths[x] - 2, cells[x]));
  }
  let height = 1;
  for (const lines of wrapped) height = Math.max(height, lines.length);
  const out: string[] = [];
  for (let l = 0; l < height; l++) {
    let line = "";
    for (let x = 0; x < cells.length; x++) {
      const inner = widths[x] - 2;
      const text = wrapped[x][l];
      line += `│ ${text === undefined ? " ".repeat(inner) : fit(text, inner)} `;
    }
    out.push(`${line}│`);
  }
  return out;
}

/** A line cut to `width` columns with "…" in the last when it is longer, else padded with spaces. */
function fit(line: string, width: number): string {
  return line.length > width ? `${line.slice(0, width - 1)}…` : line + " ".repeat(width - line.length);
}

/** cli-table3's `multiLineWordWrap` with `wordWrap`: each line of the text split into lines of `max`, at spaces. */
function wrapCell(max: number, text: string): string[] {
  const lines: string[] = [];
  for (const piece of text.split("\n")) wrapLine(max, piece, lines);
  return lines;
}

/** cli-table3's `wordWrap`, for PLAIN_CELL text: a word longer than `max` stands alone on its line (and is cut when drawn). */
function wrapLine(max: number, input: string, lines: string[]): void {
  const split = input.split(/( +)/);
  let line: string[] = [];
  let lineLength = 0;
  let whitespace: string | undefined;
  for (let i = 0; i < split.length; i += 2) {
    const word = split[i];
    let newLength = lineLength + word.length;
    if (lineLength > 0 && whitespace) newLength += whitespace.length;
    if (newLength > max) {
      if (lineLength !== 0) lines.push(line.join(""));
      line = [word];
      lineLength = word.length;
    } else {
      line.push(whitespace || "", word);
      lineLength = newLength;
    }
    whitespace = split[i + 1];
  }
  if (lineLength) lines.push(line.join(""));
}
