/** Building Markdown as a syntax tree (mdast) and serialising it with GFM tables: escaping is the serialiser's job, never done by hand. */
import type { Heading, Paragraph, PhrasingContent, Root, Table, TableCell, TableRow } from "mdast";
import { toMarkdown } from "mdast-util-to-markdown";
import { gfmTableToMarkdown } from "mdast-util-gfm-table";
import { sanitize } from "../sanitize.js";
import { oneLine } from "./display.js";

/**
 * Plain text as a phrasing node. The serialiser escapes whatever would be read as syntax (pipes,
 * backslashes, `<`, `*`, backticks…), so no text is escaped by hand here.
 *
 * A GFM table cell cannot hold a line break (a raw newline ends the row, and `<br>` is HTML that
 * some renderers strip), so every CRLF, CR or LF becomes one space, in every format that needs a
 * single line. The text is also sanitised first: the CLI sanitises the whole output anyway, but a
 * backslash written just before a control character would otherwise combine with the `\uXXXX`
 * that replaces it into a different escape. Leading and trailing spaces and tabs are dropped,
 * because GFM trims every cell: dropping them here keeps the tree equal to what readers see.
 */
export function text(value: string): PhrasingContent {
  return { type: "text", value: sanitize(oneLine(value)).replace(/^[ \t]+|[ \t]+$/g, "") };
}

/** A table cell holding plain text (none for ""). */
export function cell(value: string): TableCell {
  return { type: "tableCell", children: value === "" ? [] : [text(value)] };
}

/** A GFM table: a header row and rows of plain text. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): Table {
  const row = (cells: readonly string[]): TableRow => ({ type: "tableRow", children: cells.map(cell) });
  return { type: "table", align: header.map(() => null), children: [row(header), ...rows.map(row)] };
}

/** A paragraph of plain text. */
export function paragraph(value: string): Paragraph {
  return { type: "paragraph", children: [text(value)] };
}

/** A heading of plain text. */
export function heading(depth: 1 | 2 | 3, value: string): Heading {
  return { type: "heading", depth, children: [text(value)] };
}

/** The tree as GitHub-Flavored Markdown. */
export function serialise(tree: Root): string {
  return toMarkdown(tree, { extensions: [gfmTableToMarkdown()] });
}
