/** The `markdown` export (SPEC §12): a summary table, then a table of statements per claim. */
import type { Heading, Paragraph, PhrasingContent, Root, RootContent, Table, TableCell, TableRow } from "mdast";
import { toMarkdown } from "mdast-util-to-markdown";
import { gfmTableToMarkdown } from "mdast-util-gfm-table";
import type { Report, ReportClaim } from "../../core/report/types.js";
import { sanitize } from "../sanitize.js";
import { exportedClaims, oneLine, STATEMENT_HEADER, statementRows, SUMMARY_HEADER, summaryRow, verdictLine } from "./display.js";
import type { ExportOptions } from "./types.js";

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
function text(value: string): PhrasingContent {
  return { type: "text", value: sanitize(oneLine(value)).replace(/^[ \t]+|[ \t]+$/g, "") };
}

function cell(value: string): TableCell {
  return { type: "tableCell", children: value === "" ? [] : [text(value)] };
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): Table {
  const row = (cells: readonly string[]): TableRow => ({ type: "tableRow", children: cells.map(cell) });
  return { type: "table", align: header.map(() => null), children: [row(header), ...rows.map(row)] };
}

function paragraph(value: string): Paragraph {
  return { type: "paragraph", children: [text(value)] };
}

function heading(depth: 1 | 2, value: string): Heading {
  return { type: "heading", depth, children: [text(value)] };
}

function claimSection(report: Report, claim: ReportClaim): RootContent[] {
  const facts = [`${claim.id}`, claim.type, claim.status];
  if (claim.unit !== null) facts.push(`unit: ${claim.unit}`);
  if (claim.unresolved) facts.push("unresolved: no verdict yet");
  const nodes: RootContent[] = [heading(2, claim.question), paragraph(facts.join(" · ")), table(STATEMENT_HEADER, statementRows(report, claim))];
  if (claim.verdict !== null) {
    const verdict = claim.verdict;
    nodes.push(paragraph(verdictLine(verdict)));
    if (verdict.note !== null) nodes.push(paragraph(verdict.note));
  }
  return nodes;
}

/** Renders the report as GitHub-Flavored Markdown. */
export function markdown(report: Report, options: ExportOptions): string {
  const claims = exportedClaims(report, options.all);
  const children: RootContent[] = [heading(1, "Claims report")];
  if (options.generated !== undefined) children.push(paragraph(`Generated ${options.generated}`));
  if (claims.length === 0) {
    children.push(paragraph(options.all ? "The ledger holds no claims." : "No claim is in conflict."));
  } else {
    children.push(table(SUMMARY_HEADER, claims.map((claim) => summaryRow(report, claim))));
    for (const claim of claims) children.push(...claimSection(report, claim));
  }
  const tree: Root = { type: "root", children };
  return toMarkdown(tree, { extensions: [gfmTableToMarkdown()] });
}
