/**
 * The `html` export (SPEC §12): one self-contained page — inline CSS and SVG, no script, nothing
 * fetched — with per claim its brief, a range chart (quantities), a timeline (dated statements)
 * and its statements, each linked to where it was said.
 */
import type { Report, ReportClaim } from "../../core/report/types.js";
import { count } from "../count.js";
import { claimBrief } from "./brief.js";
import { claimFacts, exportedClaims, SUMMARY_HEADER, summaryRow } from "./display.js";
import { escapeHtml } from "./html-chart.js";
import { CSS } from "./html-css.js";
import { rangeChart } from "./html-range.js";
import { htmlTable } from "./html-table.js";
import { timeline } from "./html-timeline.js";
import type { StatementLink } from "./links.js";
import { STATEMENT_HEADER, type StatementRow, statementRows } from "./rows.js";
import type { ExportOptions } from "./types.js";

export { chooseScale, escapeHtml } from "./html-chart.js";

function badge(status: string): string {
  return `<span class="badge status-${escapeHtml(status)}">${escapeHtml(status)}</span>`;
}

/**
 * Where it was said, as a link that opens outside the page without handing it the report
 * (`rel="noopener noreferrer"`); an address that is not http(s) is shown as text beside the label.
 */
function linkHtml(link: StatementLink): string {
  const label = escapeHtml(link.label);
  if (link.href !== null) return `<a href="${escapeHtml(link.href)}" rel="noopener noreferrer">${label === "" ? escapeHtml(link.href) : label}</a>`;
  if (link.unlinked === null) return label;
  return `${label}${label === "" ? "" : " "}<span class="unlinked">(not a web link: ${escapeHtml(link.unlinked)})</span>`;
}

/** One statement's cells: text escaped, the link made a link, the standing and quote check given a class to style. */
function statementCells(row: StatementRow): string[] {
  return STATEMENT_HEADER.map((column) => {
    const text = escapeHtml(row.fields[column]);
    if (column === "reported in") return linkHtml(row.link);
    if (column === "stands") return `<span class="stands-${row.standing}">${text}</span>`;
    if (column === "quote check" && row.statement.quoteCheck === "not-found") return `<span class="check-not-found">${text}</span>`;
    return text;
  });
}

/** The brief as a definition list; the conflicting pairs under "Disputed". */
function briefHtml(report: Report, claim: ReportClaim): string {
  const lines = claimBrief(report, claim).map((line) => {
    const items = line.items === undefined || line.items.length === 0 ? "" : `<ul>${line.items.map((item) => `<li>${escapeHtml(item)}</li>`).join("")}</ul>`;
    return `<div><dt>${escapeHtml(line.label)}</dt><dd>${escapeHtml(line.text)}${items}</dd></div>`;
  });
  return `<dl class="brief">${lines.join("")}</dl>`;
}

function claimSection(report: Report, claim: ReportClaim): string {
  const parts: string[] = [`<section class="claim" id="claim-${escapeHtml(claim.id)}">`, `<h2>${escapeHtml(claim.question)}</h2>`];
  const facts = [...claimFacts(claim, false), ...(claim.tags.length === 0 ? [] : [`tags: ${claim.tags.join(", ")}`])];
  parts.push(`<p class="meta">${badge(claim.status)}${claim.unresolved ? ` <span class="badge status-unsourced">unresolved</span>` : ""} ${escapeHtml(facts.join(" · "))}</p>`);
  parts.push(briefHtml(report, claim));
  if (claim.type === "quantity") parts.push(rangeChart(report, claim));
  parts.push(timeline(report, claim));
  const rows = statementRows(report, claim);
  // A withdrawn statement and a superseded one stay visible but must not read as a live position.
  const rowClass = (row: StatementRow): string | undefined => (row.standing === "retracted" ? "retracted" : row.standing === "superseded" || row.standing === "agrees" ? row.standing : undefined);
  parts.push(htmlTable(`Statements (${rows.length})`, STATEMENT_HEADER, rows.map((row) => ({ cells: statementCells(row), className: rowClass(row) }))));
  if (claim.verdict?.note) parts.push(`<p class="note"><strong>Verdict note:</strong> ${escapeHtml(claim.verdict.note)}</p>`);
  parts.push(`</section>`);
  return parts.filter((part) => part !== "").join("\n");
}

/** "Generated 2026-01-02 03:04 UTC by claims 2.0.0": when the page was made, and by which version. */
function stamp(options: ExportOptions): string {
  const parts: string[] = [];
  if (options.generated !== undefined) {
    const when = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(options.generated) ? `${options.generated.slice(0, 10)} ${options.generated.slice(11, 16)} UTC` : options.generated;
    parts.push(`Generated <time datetime="${escapeHtml(options.generated)}">${escapeHtml(when)}</time>`);
  }
  if (options.version !== undefined) parts.push(`${parts.length === 0 ? "Made" : ""} by claims ${escapeHtml(options.version)}`.trim());
  return parts.length === 0 ? "" : ` ${parts.join(" ")}.`;
}

/** Renders the report as one self-contained HTML page: inline CSS and SVG, no script, nothing fetched. */
export function html(report: Report, options: ExportOptions): string {
  const claims = exportedClaims(report, options.all);
  const title = options.publisher === null ? "Claims report" : `Claims report — ${options.publisher}`;
  const counts = report.summary.status;
  const summary = `${count(report.summary.claims, "claim")}: ${counts.conflict} in conflict, ${counts.corroborated} corroborated, ${counts["single-source"]} single-source, ${counts.unsourced} unsourced.`;
  const body: string[] = [`<header>`, `<h1>${escapeHtml(title)}</h1>`, `<p class="generated">${escapeHtml(summary)}${stamp(options)}</p>`, `</header>`, `<main>`];
  if (claims.length === 0) {
    body.push(`<p>${options.all ? "The ledger holds no claims." : "No claim is in conflict."}</p>`);
  } else {
    const rows = claims.map((claim) => {
      const [id = "", status = "", ...rest] = summaryRow(claim);
      return { cells: [`<a href="#claim-${escapeHtml(claim.id)}">${escapeHtml(id)}</a>`, badge(status), ...rest.map(escapeHtml)] };
    });
    body.push(htmlTable(options.all ? "Every claim" : "Claims in conflict", SUMMARY_HEADER, rows));
    for (const claim of claims) body.push(claimSection(report, claim));
  }
  body.push(`</main>`);
  return [
    `<!DOCTYPE html>`,
    `<html lang="en">`,
    `<head>`,
    `<meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${escapeHtml(title)}</title>`,
    `<style>${CSS}</style>`,
    `</head>`,
    `<body>`,
    ...body,
    `</body>`,
    `</html>`,
    ``,
  ].join("\n");
}
