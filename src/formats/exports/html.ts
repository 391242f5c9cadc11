/** The `html` export (SPEC §12): one self-contained page, with a range chart per quantity claim. */
import type { Report, ReportClaim } from "../../core/report/types.js";
import { count } from "../count.js";
import { claimFacts, exportedClaims, STATEMENT_HEADER, statementRows, SUMMARY_HEADER, summaryRow, verdictLine } from "./display.js";
import { BAR_FILL, CONFLICT_FILL, conflicting, escapeHtml, rangeChart } from "./html-chart.js";
import type { ExportOptions } from "./types.js";

export { chooseScale, escapeHtml } from "./html-chart.js";

// ---------------------------------------------------------------------------------------------
// The page.

const CSS = `
:root { color-scheme: light; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1a1a1a; background: #fff; max-width: 72rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; }
h1 { font-size: 1.6rem; margin: .5rem 0; }
h2 { font-size: 1.2rem; margin: 0 0 .4rem; overflow-wrap: anywhere; }
.meta, .generated { color: #555; margin: .2rem 0 .8rem; }
.claim { border-top: 2px solid #ddd; padding-top: 1.2rem; margin-top: 1.6rem; }
.table-wrap { overflow-x: auto; margin: .6rem 0; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { border: 1px solid #c8c8c8; padding: .3rem .5rem; text-align: left; vertical-align: top; }
td { white-space: pre-wrap; overflow-wrap: break-word; }
a.id { white-space: nowrap; }
th { background: #f0f0f0; }
tr.retracted td { color: #777; text-decoration: line-through; }
tr.superseded td { color: #666; font-style: italic; }
.badge { display: inline-block; padding: 0 .55em; border: 1px solid currentColor; border-radius: .8em; font-size: .8rem; font-weight: 600; white-space: nowrap; }
.status-conflict { background: #fde2e1; color: #8b1a12; }
.status-corroborated { background: #e1f3e8; color: #1d5b34; }
.status-single-source { background: #fff3d1; color: #6b4e00; }
.status-unsourced { background: #eee; color: #444; }
.chart { display: block; width: 100%; height: auto; max-width: 60rem; margin: .4rem 0; font-family: inherit; }
.legend { font-size: .85rem; color: #444; margin: 0 0 .6rem; }
.key { display: inline-block; width: 1.6em; height: .7em; vertical-align: middle; margin: 0 .3em 0 .8em; }
.key-bar { background: ${BAR_FILL}; }
.key-conflict { background: ${CONFLICT_FILL}; outline: 2px dashed #000; }
.key-finding { background: rgba(233, 185, 73, .35); border: 1px solid #8a6d1a; }
.verdict { margin: .6rem 0 0; }
.note { margin: .2rem 0 0; white-space: pre-wrap; }
@media (max-width: 40rem) {
  body { font-size: 14px; padding: .5rem; }
  th, td { padding: .2rem .3rem; }
}
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  .claim { break-inside: avoid-page; }
  .table-wrap { overflow: visible; }
  .badge { background: none; }
  th { background: none; }
  a { color: inherit; text-decoration: none; }
}
`;

function row(cells: readonly string[], tag: "td" | "th", className?: string): string {
  const open = className === undefined ? "<tr>" : `<tr class="${className}">`;
  return `${open}${cells.map((c) => `<${tag}>${c}</${tag}>`).join("")}</tr>`;
}

function tableHtml(header: readonly string[], rows: readonly { cells: readonly string[]; className?: string }[]): string {
  return [
    `<div class="table-wrap"><table>`,
    `<thead>${row(header.map(escapeHtml), "th")}</thead>`,
    `<tbody>`,
    ...rows.map((r) => row(r.cells, "td", r.className)),
    `</tbody></table></div>`,
  ].join("\n");
}

function badge(status: string): string {
  return `<span class="badge status-${escapeHtml(status)}">${escapeHtml(status)}</span>`;
}

/** A key to the chart, naming only the marks it holds. */
function legend(claim: ReportClaim): string {
  const charted = claim.positions.flatMap((position) => (position.interval === null ? [] : [{ origin: position.origin, interval: position.interval }]));
  if (charted.length === 0) return "";
  const conflicts = conflicting(claim);
  const unbounded = (v: number | null): boolean => v === null || !Number.isFinite(v);
  const keys: string[] = [];
  if (charted.some((p) => !conflicts.has(p.origin))) keys.push(`<span class="key key-bar"></span>position`);
  if (charted.some((p) => conflicts.has(p.origin))) keys.push(`<span class="key key-conflict"></span>✕ in conflict`);
  if (claim.verdict?.interval) keys.push(`<span class="key key-finding"></span>verdict finding`);
  const notes: string[] = [];
  if (charted.some((p) => unbounded(p.interval.min) || unbounded(p.interval.max))) notes.push("arrow: no bound");
  if (charted.some((p) => (p.interval.minOpen && !unbounded(p.interval.min)) || (p.interval.maxOpen && !unbounded(p.interval.max)))) notes.push("hollow circle: bound excluded");
  return `<p class="legend">${[keys.join(""), notes.join(" · ")].filter((part) => part !== "").join(" · ")}</p>`;
}

function claimSection(report: Report, claim: ReportClaim): string {
  const parts: string[] = [`<section class="claim" id="claim-${escapeHtml(claim.id)}">`, `<h2>${escapeHtml(claim.question)}</h2>`];
  const facts = [...claimFacts(claim, false), ...(claim.tags.length === 0 ? [] : [`tags: ${claim.tags.join(", ")}`])];
  parts.push(`<p class="meta">${badge(claim.status)}${claim.unresolved ? ` <span class="badge status-unsourced">unresolved</span>` : ""} ${escapeHtml(facts.join(" · "))}</p>`);
  if (claim.type === "quantity") {
    parts.push(rangeChart(report, claim));
    parts.push(legend(claim));
  }
  const cells = statementRows(report, claim);
  parts.push(
    tableHtml(
      STATEMENT_HEADER,
      claim.statements.map((statement, i) => ({
        cells: (cells[i] ?? []).map(escapeHtml),
        // A withdrawn statement and a superseded revision stay visible but must not read as a live position.
        className: statement.retracted !== false ? "retracted" : statement.position ? undefined : "superseded",
      })),
    ),
  );
  if (claim.verdict !== null) {
    parts.push(`<p class="verdict"><strong>${escapeHtml(verdictLine(claim.verdict))}</strong></p>`);
    if (claim.verdict.note !== null) parts.push(`<p class="note">${escapeHtml(claim.verdict.note)}</p>`);
  }
  parts.push(`</section>`);
  return parts.join("\n");
}

/** Renders the report as one self-contained HTML page: inline CSS and SVG, no script, nothing fetched. */
export function html(report: Report, options: ExportOptions): string {
  const claims = exportedClaims(report, options.all);
  const title = options.publisher === null ? "Claims report" : `Claims report — ${options.publisher}`;
  const counts = report.summary.status;
  const summary = `${count(report.summary.claims, "claim")}: ${counts.conflict} in conflict, ${counts.corroborated} corroborated, ${counts["single-source"]} single-source, ${counts.unsourced} unsourced.`;
  const body: string[] = [`<h1>${escapeHtml(title)}</h1>`, `<p class="generated">${escapeHtml(summary)}${options.generated === undefined ? "" : ` Generated ${escapeHtml(options.generated)}.`}</p>`];
  if (claims.length === 0) {
    body.push(`<p>${options.all ? "The ledger holds no claims." : "No claim is in conflict."}</p>`);
  } else {
    body.push(
      tableHtml(
        SUMMARY_HEADER,
        claims.map((claim) => {
          const [id, status, sources, conflicts] = summaryRow(report, claim);
          return { cells: [`<a class="id" href="#claim-${escapeHtml(claim.id)}">${escapeHtml(id ?? "")}</a>`, badge(status ?? ""), escapeHtml(sources ?? ""), escapeHtml(conflicts ?? "")] };
        }),
      ),
    );
    for (const claim of claims) body.push(claimSection(report, claim));
  }
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
