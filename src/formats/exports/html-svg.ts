/**
 * The SVG pieces both charts of the `html` export use. The charts have no viewBox: positions along
 * the axis are percentages of the chart's width and everything else is in CSS pixels, so a chart
 * stretches to any width while its text keeps its size (12 px and up, on a phone as in print) —
 * an SVG scaled by a viewBox shrinks its text with it.
 */
import { escapeHtml } from "./html-chart.js";

/** Where the plot starts and ends, in percent of the chart's width: room at each end for arrows and labels. */
export const PLOT_START = 4;
export const PLOT_END = 96;

/** A fraction of the axis (0 to 1) as a percentage of the chart's width, within the plot. */
export function percent(fraction: number): number {
  const clamped = Math.min(1, Math.max(0, fraction));
  return PLOT_START + clamped * (PLOT_END - PLOT_START);
}

/** A percentage as an attribute value; two decimals are plenty. */
export function pc(value: number): string {
  return `${Math.round(value * 100) / 100}%`;
}

/** Pixel-sized content drawn around a point at `x` percent across (a marker, an arrow, a label). */
export function placed(x: number, content: string): string {
  return `<svg x="${pc(x)}" y="0" width="1" height="1" overflow="visible">${content}</svg>`;
}

/** One labelled tick of an axis, at a fraction of it. */
export interface Tick {
  readonly at: number;
  readonly label: string;
}

/**
 * An axis: a line, and each tick with its label. Labels near an end are anchored inward so they
 * stay inside the chart; with more than five ticks, every other label is `minor`, and the page
 * hides those on a narrow screen so that labels never overlap.
 */
export function axis(ticks: readonly Tick[], caption: string): string {
  const parts = [`<line x1="${pc(PLOT_START)}" y1="1" x2="${pc(PLOT_END)}" y2="1" class="axis-line"/>`];
  ticks.forEach((tick, i) => {
    const x = percent(tick.at);
    const anchor = x < 12 ? "start" : x > 88 ? "end" : "middle";
    const minor = ticks.length > 5 && i % 2 === 1 ? " minor" : "";
    parts.push(`<line x1="${pc(x)}" y1="1" x2="${pc(x)}" y2="6" class="axis-line"/>`);
    parts.push(`<text x="${pc(x)}" y="20" text-anchor="${anchor}" class="tick-label${minor}">${escapeHtml(tick.label)}</text>`);
  });
  if (caption !== "") parts.push(`<text x="${pc(PLOT_END)}" y="36" text-anchor="end" class="axis-caption">${escapeHtml(caption)}</text>`);
  return `<svg class="axis" width="100%" height="${caption === "" ? 26 : 42}" aria-hidden="true" focusable="false">${parts.join("")}</svg>`;
}

/** Light vertical lines at the ticks, behind a strip's marks. */
export function gridLines(ticks: readonly Tick[], height: number): string {
  return ticks.map((tick) => `<line x1="${pc(percent(tick.at))}" y1="0" x2="${pc(percent(tick.at))}" y2="${height}" class="grid"/>`).join("");
}
