/** The `markdown` export (SPEC §12): a summary table, then per claim its brief and a table of its statements. */
import type { Root, RootContent } from "mdast";
import type { Report, ReportClaim } from "../../core/report/types.js";
import { claimBrief } from "./brief.js";
import { claimFacts, exportedClaims, SUMMARY_HEADER, summaryRow } from "./display.js";
import { diagnosticsSection } from "./markdown-diagnostics.js";
import { bullets, labelled, plainBullets, type RichCell, richTable } from "./mdast-blocks.js";
import { heading, paragraph, serialise, table } from "./mdast.js";
import { STATEMENT_HEADER, statementRows } from "./rows.js";
import type { ExportOptions } from "./types.js";

/** The brief an editor can paste: a bullet per line, the conflicting pairs under "Disputed". */
function brief(report: Report, claim: ReportClaim): RootContent {
  return bullets(claimBrief(report, claim).map((line) => (line.items === undefined ? labelled(line.label, line.text) : { paragraph: labelled(line.label, line.text), nested: plainBullets(line.items) })));
}

function claimSection(report: Report, claim: ReportClaim): RootContent[] {
  const facts = claimFacts(claim);
  if (claim.unresolved) facts.push("unresolved: no verdict yet");
  // "Reported in" links to where it was said (SPEC §12 v2); an address that is not http(s) stays text.
  const rows = statementRows(report, claim).map(({ cells, fields, link }): RichCell[] =>
    STATEMENT_HEADER.map((column, i) => (column === "reported in" && link.href !== null ? { text: link.label, href: link.href } : (cells[i] ?? fields[column]))),
  );
  const nodes: RootContent[] = [heading(2, claim.question), paragraph(facts.join(" · ")), brief(report, claim), richTable(STATEMENT_HEADER, rows)];
  if (claim.verdict !== null && claim.verdict.note !== null) nodes.push(paragraph(`Verdict note: ${claim.verdict.note}`));
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
    children.push(table(SUMMARY_HEADER, claims.map((claim) => summaryRow(claim))));
  }
  if (options.diagnostics) children.push(...diagnosticsSection(report));
  for (const claim of claims) children.push(...claimSection(report, claim));
  const tree: Root = { type: "root", children };
  return serialise(tree);
}
