/** The axis of the `html` export's charts, and its escaping: what the range chart and the timeline share. */
import type { ReportInterval } from "../../core/report/types.js";

/** Escapes text for HTML element content and quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

// ---------------------------------------------------------------------------------------------
// The scale's own units: `fractionOf` turns them into a fraction of the axis.

const PLOT_LEFT = 260;
const PLOT_RIGHT = 780;
/** Room at each end of the axis for the arrows of unbounded positions. */
const ARROW_ROOM = 28;

export const BAR_FILL = "#2b6cb0";
export const CONFLICT_FILL = "#c0392b";

export interface Scale {
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

/**
 * A scale as a fraction of the axis: 0 at its first tick, 1 at its last. The charts are laid out
 * in percentages of their width, so their text keeps its size on any screen (SPEC §12 v2).
 */
export function fractionOf(scale: Scale): (value: number) => number {
  const left = PLOT_LEFT + ARROW_ROOM;
  const right = PLOT_RIGHT - ARROW_ROOM;
  return (value) => (scale.x(value) - left) / (right - left);
}
