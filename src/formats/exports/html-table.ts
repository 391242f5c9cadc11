/**
 * Tables of the `html` export: a caption, column headers with `scope="col"`, the first cell of
 * each row a row header, and every cell labelled with its column (`data-label`), which the page
 * shows before the cell when a narrow screen stacks the row into a card.
 */
import { escapeHtml } from "./html-chart.js";

/** One row: its cells as HTML (already escaped), and a class for the row. */
export interface HtmlRow {
  readonly cells: readonly string[];
  readonly className?: string;
}

/** A table whose rows stack on a narrow screen; `caption` and `header` are text, the cells HTML. */
export function htmlTable(caption: string, header: readonly string[], rows: readonly HtmlRow[]): string {
  const labels = header.map(escapeHtml);
  const body = rows.map(({ cells, className }) => {
    const tds = cells.map((cell, i) => (i === 0 ? `<th scope="row" data-label="${labels[0]}">${cell}</th>` : `<td data-label="${labels[i] ?? ""}">${cell}</td>`));
    return `<tr${className === undefined ? "" : ` class="${escapeHtml(className)}"`}>${tds.join("")}</tr>`;
  });
  return [
    `<table class="stack">`,
    `<caption>${escapeHtml(caption)}</caption>`,
    `<thead><tr>${labels.map((label) => `<th scope="col">${label}</th>`).join("")}</tr></thead>`,
    `<tbody>`,
    ...body,
    `</tbody></table>`,
  ].join("\n");
}
