/** The range chart of the `html` export (SPEC §12): one bar per position of a quantity claim on a shared axis. */
import type { Report, ReportClaim, ReportInterval, ReportPosition } from "../../core/report/types.js";
import { formatNumber } from "../../core/values/index.js";
import { displayValue, sourceName } from "./display.js";

/**
 * Escapes text for HTML element content and quoted attribute values alike. `#` is escaped too,
 * and a `:` that starts a line: the page renders the same, but its source never holds `##[` or a
 * line starting `::`, which a CI runner printing it would take for a workflow command.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'#]|^(?=[^\S\n]*::)[^\S\n]*:/gm, (match) => (match.length === 1 ? `&#${match.charCodeAt(0)};` : `${match.slice(0, -1)}&#58;`));
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

export const BAR_FILL = "#2b6cb0";
export const CONFLICT_FILL = "#c0392b";


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
  // A loop, not Math.min(...values): a spread of a hundred thousand bounds overflows the stack.
  let lo = Infinity;
  let hi = -Infinity;
  for (const { min, max } of intervals) {
    for (const v of [min, max]) {
      if (v === null || !Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  if (lo > hi) [lo, hi] = [0, 1];
  const left = PLOT_LEFT + ARROW_ROOM;
  const right = PLOT_RIGHT - ARROW_ROOM;
  if (lo > 0 && hi / lo > 50) {
    const a = Math.floor(Math.log10(lo));
    const b = Math.ceil(Math.log10(hi));
    // At most about ten labelled decades: 1e-300 to 1e300 would otherwise be six hundred labels.
    const every = Math.max(1, Math.ceil((b - a) / 10));
    const decades: number[] = [];
    for (let e = a; e <= b; e += every) decades.push(10 ** e);
    // Few decades: add 2× and 5× ticks so the axis is not two bare labels.
    const ticks = b - a <= 2 ? decades.flatMap((d, i) => (i === decades.length - 1 ? [d] : [d, 2 * d, 5 * d])) : decades;
    return { kind: "log", x: (v) => left + ((Math.log10(v) - a) / (b - a)) * (right - left), ticks };
  }
  // Equal bounds, or bounds so close (subnormal) that their span divided by six is zero.
  if (!(hi / 6 - lo / 6 > 0)) {
    const pad = Math.max(1, Math.abs(lo) * 0.1);
    lo = Math.max(-Number.MAX_VALUE, lo - pad);
    hi = Math.min(Number.MAX_VALUE, hi + pad);
  }
  // Scaled down before subtracting: -1e308 to 1e308 spans more than a double holds, and the
  // overflow made every coordinate NaN.
  const step = niceStep(hi / 6 - lo / 6);
  const start = Math.max(-Number.MAX_VALUE, Math.floor(lo / step) * step);
  const end = Math.min(Number.MAX_VALUE, Math.ceil(hi / step) * step);
  const ticks: number[] = [];
  // Counted, not accumulated, so float error cannot add or drop a tick.
  const count = Math.round(end / step - start / step);
  for (let i = 0; i <= count; i++) {
    const tick = Math.min(end, start + i * step);
    if (ticks.length === 0 || tick > ticks[ticks.length - 1]) ticks.push(tick);
  }
  const half = end / 2 - start / 2;
  return { kind: "linear", x: (v) => left + ((v / 2 - start / 2) / half) * (right - left), ticks };
}

/** The origins of a claim that are party to a conflicting pair (SPEC §6 v2: positions belong to origins). */
export function conflicting(claim: ReportClaim): ReadonlySet<string> {
  return new Set(claim.conflicts.flatMap((conflict) => [...conflict.origins]));
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
  // A position belongs to its origin; one that stands on a relay's report names the relay too.
  const name = position.source === position.origin ? sourceName(report, position.origin) : `${sourceName(report, position.origin)} (via ${sourceName(report, position.source)})`;
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
      `<text class="tick-label" x="${x}" y="${axisY + 18}" text-anchor="middle" font-size="12">${escapeHtml(formatNumber(tick))}</text>`,
    );
  }
  if (claim.unit !== null || scale.kind === "log") {
    const caption = [claim.unit, scale.kind === "log" ? "log scale" : null].filter((part) => part !== null).join(", ");
    parts.push(`<text x="${PLOT_RIGHT}" y="${axisY + 32}" text-anchor="end" font-size="11" fill="#555">${escapeHtml(caption)}</text>`);
  }
  const conflicts = conflicting(claim);
  if (charted.length === 0) parts.push(`<text x="${PLOT_LEFT}" y="${TOP + ROW_HEIGHT / 2 + 4}" font-size="13" fill="#555">No source commits to a figure.</text>`);
  charted.forEach((position, row) => parts.push(bar(report, scale, position, position.interval, row, conflicts.has(position.origin))));
  parts.push(`</svg>`);
  return parts.join("\n");
}
