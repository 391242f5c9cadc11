/** The axis of the `html` export's charts, and its escaping: what the range chart and the timeline share. */
import type { ReportInterval } from "../../core/report/types.js";

/**
 * Escapes text for HTML element content and quoted attribute values alike. `#` is escaped too,
 * and a `:` that starts a line: the page renders the same, but its source never holds `##[` or a
 * line starting `::`, which a CI runner printing it would take for a workflow command.
 */
export function escapeHtml(text: string): string {
  // Every match holds one of these characters: most texts of a page hold none, and are kept whole.
  if (!MAY_NEED_ESCAPING.test(text)) return text;
  return text.replace(/[&<>"'#]|^(?=[^\S\n]*::)[^\S\n]*:/gm, (match) => (match.length === 1 ? `&#${match.charCodeAt(0)};` : `${match.slice(0, -1)}&#58;`));
}

const MAY_NEED_ESCAPING = /[&<>"'#:]/;

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

/**
 * A scale as a fraction of the axis: 0 at its first tick, 1 at its last. The charts are laid out
 * in percentages of their width, so their text keeps its size on any screen (SPEC §12 v2).
 */
export function fractionOf(scale: Scale): (value: number) => number {
  const left = PLOT_LEFT + ARROW_ROOM;
  const right = PLOT_RIGHT - ARROW_ROOM;
  return (value) => (scale.x(value) - left) / (right - left);
}
