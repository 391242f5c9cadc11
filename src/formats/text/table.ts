/** What the text renderings share: their context, the status word, and a table that fits the terminal. */
import Table from "cli-table3";
import type { Status } from "../../core/report/types.js";
import type { Stylist } from "../style.js";
import { count } from "../count.js";
import { drawPlainRow } from "./plain-row.js";

export interface TextContext {
  readonly chalk: Stylist;
  /** Terminal width, or undefined when piped. */
  readonly width: number | undefined;
}

/** Widest a table may be when stdout is not a terminal: readable in a log or a pager. */
const PIPED_WIDTH = 120;

/** A claim's status, coloured, with "(unresolved)" for a conflict without a verdict. */
export function statusText(chalk: Stylist, status: Status, unresolved = false): string {
  const paint = { conflict: chalk.red.bold, corroborated: chalk.green, "single-source": chalk.yellow, unsourced: chalk.dim }[status];
  return paint(status) + (unresolved ? chalk.red(" (unresolved)") : "");
}

/**
 * The longest a table cell's text may be; longer text is cut with a count of what was left out.
 * The claims and sources tables summarise (the claim's detail and the exports show everything),
 * and the table library measures a cell's whole text again for every line it draws, so a cell of
 * a megabyte took minutes.
 */
export const MAX_CELL = 1_000;

/** A cell's text, cut at MAX_CELL characters (at a space when there is one near) with what was left out counted. */
export function clipCell(text: string): string {
  if (text.length <= MAX_CELL) return text;
  let cut = text.lastIndexOf(" ", MAX_CELL);
  if (cut < MAX_CELL / 2) cut = MAX_CELL;
  // Never between the halves of a surrogate pair.
  if (/[\uD800-\uDBFF]/.test(text[cut - 1])) cut--;
  return `${text.slice(0, cut)} … (${count(text.length - cut, "more character")})`;
}

/**
 * A table that fits `width`: columns keep their natural width until the total would not fit, then
 * the widest wrap. The columns in `keep` (by default the first, which names the row: a cut id
 * cannot be told from its neighbours) shrink only when nothing else can.
 */
export function table(head: readonly string[], rows: readonly (readonly string[])[], ctx: TextContext, plainRows: readonly (readonly string[])[], keep: readonly number[] = [0]): string {
  const max = Math.max(40, ctx.width ?? PIPED_WIDTH);
  // Borders take one column per cell plus one.
  const budget = max - (head.length + 1);
  // A loop, not Math.max(...): a spread of a hundred thousand rows overflows the stack. No column
  // starts wider than the whole table, so the shrinking below takes at most that many steps.
  const natural = head.map((h, i) => {
    let widest = Math.max(h.length, 1);
    for (const r of plainRows) widest = Math.max(widest, longestLine(r[i]));
    return Math.min(widest + 2, budget);
  });
  const widths = [...natural];
  // Columns stop shrinking at 8, or lower when that many columns of 8 would not fit (7 columns
  // at 60: a fixed floor of 8 made the source table 64 wide).
  const floor = Math.min(8, Math.floor(budget / head.length));
  while (widths.reduce((a, b) => a + b, 0) > budget) {
    const free = widths.map((_, i) => i).filter((i) => !keep.includes(i) && widths[i] > floor);
    const candidates = free.length > 0 ? free : keep.filter((i) => widths[i] > floor);
    if (candidates.length === 0) break;
    const widest = candidates.reduce((a, b) => (widths[b] > widths[a] ? b : a));
    widths[widest]--;
  }
  const options = {
    colWidths: widths,
    wordWrap: true,
    wrapOnWordBoundary: true,
    // cli-table3 colours heads and borders on its own; the run's colour choice must rule.
    style: { head: [], border: [], compact: true },
  };
  // The head is cli-table3's (it may be coloured), without the bottom border a lone head draws.
  const headed = new Table({ ...options, head: head.map((h) => ctx.chalk.bold(h)) }).toString();
  if (rows.length === 0) return headed;
  const parts = [headed.slice(0, headed.lastIndexOf("\n")), border("├", "┼", "┤", widths)];
  // Rows of plain text are drawn here (see plain-row.ts), the others by cli-table3. It lays a table
  // out in time quadratic in its rows (each cell is checked against every earlier row for spans);
  // this table has no spans and fixed widths, so each row is drawn alike whatever rows surround
  // it, and those rows are drawn in slices of ROWS_PER_SLICE, each without the borders a lone
  // slice draws at its top and bottom.
  let pending: (readonly string[])[] = [];
  const flush = () => {
    if (pending.length === 0) return;
    const t = new Table(options);
    for (const row of pending) t.push([...row]);
    const drawn = t.toString();
    parts.push(drawn.slice(drawn.indexOf("\n") + 1, drawn.lastIndexOf("\n")));
    pending = [];
  };
  for (const row of rows) {
    const plain = drawPlainRow(row, widths);
    if (plain === undefined) {
      pending.push(row);
      if (pending.length === ROWS_PER_SLICE) flush();
    } else {
      flush();
      for (const line of plain) parts.push(line);
    }
  }
  flush();
  parts.push(border("└", "┴", "┘", widths));
  return parts.join("\n");
}

/** A border line across the columns (cli-table3's characters). */
function border(left: string, mid: string, right: string, widths: readonly number[]): string {
  return left + widths.map((w) => "─".repeat(w)).join(mid) + right;
}

/** Rows drawn by one cli-table3 table (see `table`): its layout costs this many times the rows. */
const ROWS_PER_SLICE = 64;

function longestLine(s: string): number {
  let longest = 0;
  for (const line of s.split("\n")) longest = Math.max(longest, [...line].length);
  return longest;
}
