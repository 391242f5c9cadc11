/** The `markdown` export (SPEC §12): a summary table, then per claim its brief and a table of its statements. */
import type { RootContent } from "mdast";
import type { Report, ReportClaim } from "../../core/report/types.js";
import { claimBrief } from "./brief.js";
import { claimFacts, exportedClaims, SUMMARY_HEADER, summaryRow } from "./display.js";
import { diagnosticsSection } from "./markdown-diagnostics.js";
import { bullets, labelled, plainBullets, type RichCell, richTable } from "./mdast-blocks.js";
import { heading, paragraph, serialiseGroups, table } from "./mdast.js";
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
  const head: RootContent[] = [heading(1, "Claims report")];
  if (options.generated !== undefined) head.push(paragraph(`Generated ${options.generated}`));
  if (claims.length === 0) {
    head.push(paragraph(options.all ? "The ledger holds no claims." : "No claim is in conflict."));
  } else {
    head.push(table(SUMMARY_HEADER, claims.map((claim) => summaryRow(claim))));
  }
  if (options.diagnostics) head.push(...diagnosticsSection(report));
  // A claim's section is built and written one at a time (see serialiseGroups).
  return serialiseGroups(
    (function* () {
      yield head;
      for (const claim of claims) yield claimSection(report, claim);
    })(),
  );
}
