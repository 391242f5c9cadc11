/**
 * Markdown blocks beyond plain-text tables: a table whose cells may hold a link, lists, and
 * labelled lines. Every text goes through `text()` of mdast.ts (sanitised, one line, escaped by
 * the serialiser); a link is a `link` node whose address is an http(s) URL, never text that a
 * renderer might turn into one.
 */
import type { List, ListItem, Paragraph, PhrasingContent, Table, TableCell, TableRow } from "mdast";
import { text } from "./mdast.js";

/** Plain text as phrasing content; `text()` gives one node or several, and both read the same here. */
function phrasing(value: string): PhrasingContent[] {
  return [text(value)].flat();
}

/** A cell: plain text, or text linked to an http(s) address. */
export type RichCell = string | { readonly text: string; readonly href: string };

function richCell(value: RichCell): TableCell {
  if (typeof value === "string") return { type: "tableCell", children: value === "" ? [] : phrasing(value) };
  return { type: "tableCell", children: [{ type: "link", url: value.href, children: phrasing(value.text === "" ? value.href : value.text) }] };
}

/** A GFM table whose cells are plain text or links. */
export function richTable(header: readonly string[], rows: readonly (readonly RichCell[])[]): Table {
  const row = (cells: readonly RichCell[]): TableRow => ({ type: "tableRow", children: cells.map(richCell) });
  return { type: "table", align: header.map(() => null), children: [row(header), ...rows.map(row)] };
}

/** "**Label:** text": a line that starts with its label in bold. */
export function labelled(label: string, value: string): Paragraph {
  // The space is its own node: `text()` trims the ends of what it is given, as GFM trims cells.
  return { type: "paragraph", children: [{ type: "strong", children: phrasing(`${label}:`) }, { type: "text", value: " " }, ...phrasing(value)] };
}

/** A bullet list; each item a paragraph, optionally with a nested list under it. */
export function bullets(items: readonly (Paragraph | { readonly paragraph: Paragraph; readonly nested: List })[]): List {
  const item = (entry: (typeof items)[number]): ListItem =>
    "type" in entry ? { type: "listItem", spread: false, children: [entry] } : { type: "listItem", spread: false, children: [entry.paragraph, entry.nested] };
  return { type: "list", ordered: false, spread: false, children: items.map(item) };
}

/** A bullet list of plain-text lines. */
export function plainBullets(lines: readonly string[]): List {
  return bullets(lines.map((line) => ({ type: "paragraph", children: phrasing(line) })));
}
