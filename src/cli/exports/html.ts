/** The `html` export (SPEC §12): one self-contained page, with a range chart per quantity claim. */
import type { Report, ReportClaim, ReportInterval, ReportPosition } from "../../core/report.js";
import { count } from "../count.js";
import { displayValue, exportedClaims, sourceName, STATEMENT_HEADER, statementRows, SUMMARY_HEADER, summaryRow, verdictLine } from "./display.js";
import type { ExportOptions } from "./index.js";

/** Escapes text for HTML element content and quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

// ---------------------------------------------------------------------------------------------
// The range chart. Geometry is in viewBox units; the SVG scales to the page width, so the same
// drawing serves a wide screen, a phone and print.

const WIDTH = 800;
const LABEL_WIDTH = 250;
const PLOT_LEFT = LABEL_WIDTH + 10;
const PLOT_RIGHT = WIDTH - 20;
/** Room at each end of the axis for the arrows of unbounded positions. */
const ARROW_ROOM = 28;
const ROW_HEIGHT = 26;
const BAR_HEIGHT = 12;
const TOP = 22;
const AXIS_HEIGHT = 44;

const BAR_FILL = "#2b6cb0";
const CONFLICT_FILL = "#c0392b";

const numberFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

interface Scale {
  readonly kind: "linear" | "log";
  /** x of a finite value. */
  readonly x: (value: number) => number;
  readonly ticks: readonly number[];
}

/** 1, 2 or 5 times a power of ten: steps a reader can add up. */
function niceStep(rough: number): number {
  const power = 10 ** Math.floor(Math.log10(rough));
  const fraction = rough / power;
  return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
}

/**
 * A shared axis for every bar of a claim. Log when every bound is positive and they span more
 * than a factor of 50: then "10 dead" and "3,000 on the square" are both readable; a linear axis
 * would squash the small figures into one pixel. Otherwise linear, which readers trust more.
 */
export function chooseScale(intervals: readonly ReportInterval[]): Scale {
  const values = intervals.flatMap((interval) => [interval.min, interval.max]).filter((v): v is number => v !== null && Number.isFinite(v));
  let lo = values.length === 0 ? 0 : Math.min(...values);
  let hi = values.length === 0 ? 1 : Math.max(...values);
  const left = PLOT_LEFT + ARROW_ROOM;
  const right = PLOT_RIGHT - ARROW_ROOM;
  if (lo > 0 && hi / lo > 50) {
    const a = Math.floor(Math.log10(lo));
    const b = Math.ceil(Math.log10(hi));
    const decades = Array.from({ length: b - a + 1 }, (_, i) => 10 ** (a + i));
    // Few decades: add 2× and 5× ticks so the axis is not two bare labels.
    const ticks = b - a <= 2 ? decades.flatMap((d, i) => (i === decades.length - 1 ? [d] : [d, 2 * d, 5 * d])) : decades;
    return { kind: "log", x: (v) => left + ((Math.log10(v) - a) / (b - a)) * (right - left), ticks };
  }
  if (lo === hi) {
    const pad = Math.max(1, Math.abs(lo) * 0.1);
    lo -= pad;
    hi += pad;
  }
  const step = niceStep((hi - lo) / 6);
  const start = Math.floor(lo / step) * step;
  const end = Math.ceil(hi / step) * step;
  const ticks: number[] = [];
  // Counted, not accumulated, so float error cannot add or drop a tick.
  for (let i = 0; i <= Math.round((end - start) / step); i++) ticks.push(start + i * step);
  return { kind: "linear", x: (v) => left + ((v - start) / (end - start)) * (right - left), ticks };
}

function conflicting(claim: ReportClaim): ReadonlySet<string> {
  return new Set(claim.conflicts.flatMap((conflict) => [...conflict.sources]));
}

function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}

/** The left and right x of an interval; an unbounded end reaches the edge of the plot. */
function span(scale: Scale, interval: ReportInterval): { left: number; right: number } {
  const left = interval.min === null || !Number.isFinite(interval.min) ? PLOT_LEFT : scale.x(interval.min);
  const right = interval.max === null || !Number.isFinite(interval.max) ? PLOT_RIGHT : scale.x(interval.max);
  return { left, right };
}

function ends(interval: ReportInterval, left: number, right: number, cy: number, stroke: string): string {
  const parts: string[] = [];
  const unboundedLeft = interval.min === null || !Number.isFinite(interval.min);
  const unboundedRight = interval.max === null || !Number.isFinite(interval.max);
  if (unboundedLeft) parts.push(`<polygon class="arrow" points="${left - 2},${cy} ${left + 10},${cy - 8} ${left + 10},${cy + 8}" fill="${stroke}"/>`);
  else if (interval.minOpen) parts.push(`<circle class="open-end" cx="${f(left)}" cy="${cy}" r="5" fill="#fff" stroke="${stroke}" stroke-width="2"/>`);
  if (unboundedRight) parts.push(`<polygon class="arrow" points="${right + 2},${cy} ${right - 10},${cy - 8} ${right - 10},${cy + 8}" fill="${stroke}"/>`);
  else if (interval.maxOpen) parts.push(`<circle class="open-end" cx="${f(right)}" cy="${cy}" r="5" fill="#fff" stroke="${stroke}" stroke-width="2"/>`);
  return parts.join("");
}

/** Two decimals are plenty in an 800-unit viewBox and keep the markup short. */
function f(n: number): string {
  return String(Math.round(n * 100) / 100);
}

function bar(report: Report, scale: Scale, position: ReportPosition, interval: ReportInterval, row: number, isConflict: boolean): string {
  const cy = TOP + row * ROW_HEIGHT + ROW_HEIGHT / 2;
  let { left, right } = span(scale, interval);
  // A single value is a zero-width interval: draw it as a short block so it can be seen.
  if (right - left < 5) {
    const middle = (left + right) / 2;
    left = middle - 2.5;
    right = middle + 2.5;
  }
  const name = sourceName(report, position.source);
  const fill = isConflict ? CONFLICT_FILL : BAR_FILL;
  // Colour alone disappears in greyscale print, so a conflict also gets a dashed black outline
  // and a "✕" before its label.
  const outline = isConflict ? ` stroke="#000" stroke-width="2" stroke-dasharray="5 3"` : "";
  const label = `${isConflict ? "✕ " : ""}${truncate(name, 28)}`;
  const title = `${name}: ${displayValue(position.says)}${isConflict ? " (in conflict)" : ""}`;
  return [
    `<g class="position${isConflict ? " conflict" : ""}"><title>${escapeHtml(title)}</title>`,
    `<text x="${LABEL_WIDTH}" y="${cy + 4}" text-anchor="end" font-size="12"${isConflict ? ` font-weight="700"` : ""}>${escapeHtml(label)}</text>`,
    `<rect class="bar${isConflict ? " conflict" : ""}" x="${f(left)}" y="${cy - BAR_HEIGHT / 2}" width="${f(right - left)}" height="${BAR_HEIGHT}" fill="${fill}"${outline}/>`,
    ends(interval, left, right, cy, isConflict ? "#000" : BAR_FILL),
    `</g>`,
  ].join("");
}

/** The range chart of a quantity claim: one bar per position with a set, the finding as a band. */
export function rangeChart(report: Report, claim: ReportClaim): string {
  const charted = claim.positions.filter((position): position is ReportPosition & { interval: ReportInterval } => position.interval !== null);
  const finding = claim.verdict?.interval ?? null;
  const rows = Math.max(charted.length, 1);
  const height = TOP + rows * ROW_HEIGHT + AXIS_HEIGHT;
  const axisY = TOP + rows * ROW_HEIGHT + 4;
  const scale = chooseScale([...charted.map((position) => position.interval), ...(finding === null ? [] : [finding])]);
  const parts: string[] = [];
  const description = `Range chart for ${claim.question}: ${charted.length} positions on a ${scale.kind} axis${claim.unit === null ? "" : ` (${claim.unit})`}.`;
  parts.push(`<svg class="chart" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-label="${escapeHtml(description)}" preserveAspectRatio="xMinYMin meet">`);
  if (finding !== null) {
    let { left, right } = span(scale, finding);
    if (right - left < 4) {
      left -= 2;
      right += 2;
    }
    parts.push(
      `<rect class="finding" x="${f(left)}" y="${TOP - 4}" width="${f(right - left)}" height="${rows * ROW_HEIGHT + 8}" fill="#e9b949" fill-opacity="0.35" stroke="#8a6d1a" stroke-width="1"/>`,
      `<text x="${f(Math.min(Math.max(left, PLOT_LEFT), PLOT_RIGHT - 90))}" y="${TOP - 8}" font-size="12" fill="#5c4810">verdict finding</text>`,
    );
  }
  // Ticks first so bars draw over their grid lines.
  parts.push(`<line class="axis" x1="${PLOT_LEFT}" y1="${axisY}" x2="${PLOT_RIGHT}" y2="${axisY}" stroke="#333" stroke-width="1"/>`);
  for (const tick of scale.ticks) {
    const x = f(scale.x(tick));
    parts.push(
      `<line class="grid" x1="${x}" y1="${TOP - 4}" x2="${x}" y2="${axisY}" stroke="#ddd" stroke-width="1"/>`,
      `<line class="tick" x1="${x}" y1="${axisY}" x2="${x}" y2="${axisY + 5}" stroke="#333" stroke-width="1"/>`,
      `<text class="tick-label" x="${x}" y="${axisY + 18}" text-anchor="middle" font-size="12">${escapeHtml(numberFormat.format(tick))}</text>`,
    );
  }
  if (claim.unit !== null || scale.kind === "log") {
    const caption = [claim.unit, scale.kind === "log" ? "log scale" : null].filter((part) => part !== null).join(", ");
    parts.push(`<text x="${PLOT_RIGHT}" y="${axisY + 32}" text-anchor="end" font-size="11" fill="#555">${escapeHtml(caption)}</text>`);
  }
  const conflicts = conflicting(claim);
  if (charted.length === 0) parts.push(`<text x="${PLOT_LEFT}" y="${TOP + ROW_HEIGHT / 2 + 4}" font-size="13" fill="#555">No source commits to a figure.</text>`);
  charted.forEach((position, row) => parts.push(bar(report, scale, position, position.interval, row, conflicts.has(position.source))));
  parts.push(`</svg>`);
  return parts.join("\n");
}

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
  const charted = claim.positions.flatMap((position) => (position.interval === null ? [] : [{ source: position.source, interval: position.interval }]));
  if (charted.length === 0) return "";
  const conflicts = conflicting(claim);
  const unbounded = (v: number | null): boolean => v === null || !Number.isFinite(v);
  const keys: string[] = [];
  if (charted.some((p) => !conflicts.has(p.source))) keys.push(`<span class="key key-bar"></span>position`);
  if (charted.some((p) => conflicts.has(p.source))) keys.push(`<span class="key key-conflict"></span>✕ in conflict`);
  if (claim.verdict?.interval) keys.push(`<span class="key key-finding"></span>verdict finding`);
  const notes: string[] = [];
  if (charted.some((p) => unbounded(p.interval.min) || unbounded(p.interval.max))) notes.push("arrow: no bound");
  if (charted.some((p) => (p.interval.minOpen && !unbounded(p.interval.min)) || (p.interval.maxOpen && !unbounded(p.interval.max)))) notes.push("hollow circle: bound excluded");
  return `<p class="legend">${[keys.join(""), notes.join(" · ")].filter((part) => part !== "").join(" · ")}</p>`;
}

function claimSection(report: Report, claim: ReportClaim): string {
  const parts: string[] = [`<section class="claim" id="claim-${escapeHtml(claim.id)}">`, `<h2>${escapeHtml(claim.question)}</h2>`];
  const facts = [claim.id, claim.type, ...(claim.unit === null ? [] : [`unit: ${claim.unit}`]), ...(claim.tags.length === 0 ? [] : [`tags: ${claim.tags.join(", ")}`])];
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
