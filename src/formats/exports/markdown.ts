/** The `markdown` export (SPEC §12): a summary table, then a table of statements per claim. */
import type { Root, RootContent } from "mdast";
import type { Report, ReportClaim } from "../../core/report/types.js";
import { claimFacts, exportedClaims, STATEMENT_HEADER, statementRows, SUMMARY_HEADER, summaryRow, verdictLine } from "./display.js";
import { diagnosticsSection } from "./markdown-diagnostics.js";
import { heading, paragraph, serialise, table } from "./mdast.js";
import type { ExportOptions } from "./types.js";

function claimSection(report: Report, claim: ReportClaim): RootContent[] {
  const facts = claimFacts(claim);
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
  }
  if (options.diagnostics) children.push(...diagnosticsSection(report));
  for (const claim of claims) children.push(...claimSection(report, claim));
  const tree: Root = { type: "root", children };
  return serialise(tree);
}
