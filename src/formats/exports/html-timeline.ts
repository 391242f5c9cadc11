/**
 * The timeline of the `html` export (SPEC §12 v2): per claim with dated statements, one lane per
 * origin, its statements placed by the date their figure refers to (the as-of date, SPEC §8 v2).
 * A quantity's lane is a small step chart on the scale of its own values: each revision is a
 * step, the latest figure runs on to the end; relays are hollow diamonds, retracted statements
 * crossed out and struck through in the lane's text. Every lane says in words what it draws.
 */
import type { Report, ReportClaim, ReportStatement } from "../../core/report/types.js";
import { displayValue, sourceName } from "./display.js";
import { chooseScale, escapeHtml, fractionOf } from "./html-chart.js";
import { axis, pc, percent, PLOT_END, placed, type Tick } from "./html-svg.js";
import { type Standing, standings, standingText } from "./standing.js";

const DAY = 86_400_000;
const STRIP_HEIGHT = 48;
/** The band of a lane that values are drawn in: below room for a label, above the bottom edge. */
const Y_TOP = 20;
const Y_BOTTOM = 42;
/** The narrowest plot the page lays out (a 390 px screen less its margins): labels are shown only where they fit there. */
const NARROWEST_PLOT_PX = 330;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Days since 1970-01-01 of an ISO date; NaN for anything else (a report built by a program may hold any text). */
const dayNumber = (iso: string): number => (/^\d{4}-\d{2}-\d{2}$/.test(iso) ? Date.parse(`${iso}T00:00:00Z`) / DAY : NaN);

interface Entry {
  readonly statement: ReportStatement;
  readonly standing: Standing;
  readonly order: number;
  /** Its as-of date in days; null when undated (or not a date). */
  readonly day: number | null;
}

/** Date ticks: whole days, weeks, months or years, about five of them, labelled with the year where it changes. */
function dateTicks(lo: number, hi: number): { day: number; label: string }[] {
  const span = hi - lo;
  const days: number[] = [];
  if (span <= 120) {
    const step = [1, 2, 3, 7, 14, 28].find((s) => span / s <= 5) ?? 28;
    for (let d = Math.ceil(lo / step) * step; d <= hi; d += step) days.push(d);
  } else {
    const start = new Date(lo * DAY);
    const monthsStep = [1, 2, 3, 6, 12, 24, 60, 120, 240, 600].find((m) => span / 30.4 / m <= 5) ?? 1200;
    const first = start.getUTCFullYear() * 12 + start.getUTCMonth() + 1;
    for (let m = Math.ceil(first / monthsStep) * monthsStep; ; m += monthsStep) {
      const d = Date.UTC(Math.floor(m / 12), m % 12, 1) / DAY;
      if (d > hi) break;
      days.push(d);
    }
  }
  let year: number | null = null;
  return days.map((d) => {
    const date = new Date(d * DAY);
    const y = date.getUTCFullYear();
    const monthly = span > 120;
    const label = `${monthly ? "" : `${date.getUTCDate()} `}${MONTHS[date.getUTCMonth()]}${y !== year ? ` ${y}` : ""}`;
    year = y;
    return { day: d, label };
  });
}

/** A statement in words: "16 as of 2011-12-20 (position)", with the relay it came through. */
function said(report: Report, entry: Entry): string {
  const { statement } = entry;
  const via = statement.via === null ? "" : `via ${sourceName(report, statement.source)}: `;
  const when = statement.asOf === null ? "undated" : `as of ${statement.asOf}`;
  return `${via}${displayValue(statement.says)} ${when} (${standingText(statement, entry.standing)})`;
}

/** The lane's text: every statement in date order, retracted ones struck through. */
function laneText(report: Report, origin: string, entries: readonly Entry[]): string {
  const items = entries.map((entry) => {
    const text = escapeHtml(said(report, entry));
    return entry.standing === "retracted" ? `<s>${text}</s>` : entry.standing === "position" ? `<strong>${text}</strong>` : text;
  });
  return `<p class="lane-label"><span class="lane-name">${escapeHtml(sourceName(report, origin))}</span>: ${items.join(" → ")}</p>`;
}

/** The marker of one statement: a dot for the origin's own, a diamond for a relay; a ring on the position; crossed out when retracted. */
function marker(entry: Entry, y: number): string {
  const relay = entry.statement.via !== null;
  const kind = entry.standing === "error" ? "error" : relay ? "relay" : "own";
  const shape = relay ? `<polygon class="mark ${kind}" points="0,${y - 6} 6,${y} 0,${y + 6} -6,${y}"/>` : `<circle class="mark ${kind}" cx="0" cy="${y}" r="5"/>`;
  const ring = entry.standing === "position" ? `<circle class="ring" cx="0" cy="${y}" r="8.5"/>` : "";
  const cross = entry.standing === "retracted" ? `<path class="struck" d="M-7,${y - 7} L7,${y + 7} M-7,${y + 7} L7,${y - 7}"/>` : "";
  return `${ring}${shape}${cross}`;
}

/** Whether a statement stands or stood: not retracted, not in error. */
const remains = (entry: Entry): boolean => entry.standing !== "retracted" && entry.standing !== "error";

/** A value label where it fits at the narrowest width: right of its marker, or left of the last one; none otherwise. */
function valueLabel(entry: Entry, cy: number, roomRight: number, roomLeft: number, last: boolean): string {
  const label = displayValue(entry.statement.says);
  const width = [...label].length * 7 + 12;
  const struck = entry.standing === "retracted" ? " struck-text" : "";
  const y = Math.max(12, cy - 8);
  if (roomRight * (NARROWEST_PLOT_PX / 100) >= width) return `<text x="9" y="${y}" class="value${struck}">${escapeHtml(label)}</text>`;
  if (last && roomLeft * (NARROWEST_PLOT_PX / 100) >= width) return `<text x="-9" y="${y}" text-anchor="end" class="value${struck}">${escapeHtml(label)}</text>`;
  return "";
}

type Extent = (s: ReportStatement) => { top: number; bottom: number };

/**
 * The dated statements a lane's steps follow: those that stand or stood, the origin's own while
 * one remains, else its relays (the statements its position is taken from, SPEC §6 v2).
 */
function steps(entries: readonly Entry[]): Entry[] {
  const dated = entries.filter((e) => e.day !== null && remains(e));
  const own = dated.some((e) => e.statement.via === null);
  return dated.filter((e) => (e.statement.via === null) === own);
}

/**
 * Where a lane draws each statement's value: on a scale of the lane's own values, so that a
 * revision from 10 to 16 is a step one can see even where another origin says 3,000 (the range
 * chart compares origins; a lane shows one origin's changes). Other types sit mid-lane.
 */
function extentIn(claim: ReportClaim, entries: readonly Entry[]): Extent {
  // The scale is the steps' own (a relay that misreports 70 for a 10 must not flatten them); the
  // others are placed on it, at an edge when outside it.
  const line = steps(entries);
  const intervals = (line.length > 0 ? line : entries).flatMap((e) => (e.statement.interval === null || e.day === null ? [] : [e.statement.interval]));
  const scale = claim.type === "quantity" && intervals.length > 0 ? fractionOf(chooseScale(intervals)) : null;
  const yOf = (fraction: number) => Y_BOTTOM - Math.min(1, Math.max(0, fraction)) * (Y_BOTTOM - Y_TOP);
  return (s) => {
    if (scale === null || s.interval === null) return { top: (Y_TOP + Y_BOTTOM) / 2, bottom: (Y_TOP + Y_BOTTOM) / 2 };
    return { top: s.interval.max === null ? Y_TOP : yOf(scale(s.interval.max)), bottom: s.interval.min === null ? Y_BOTTOM : yOf(scale(s.interval.min)) };
  };
}

/** One origin's lane: its text, and a strip with its dated statements (none when all are undated). */
function lane(report: Report, origin: string, entries: readonly Entry[], x: (day: number) => number, extent: Extent, ticks: readonly Tick[]): string {
  const dated = entries.filter((e) => e.day !== null);
  const at = (e: Entry): number => percent(x(e.day!));
  const middle = (e: Entry): number => {
    const { top, bottom } = extent(e.statement);
    return (top + bottom) / 2;
  };
  const parts: string[] = [];
  const line = steps(entries);
  line.forEach((entry, i) => {
    const next = line[i + 1];
    const x2 = next === undefined ? PLOT_END : at(next);
    parts.push(`<line class="step${next === undefined ? " latest" : ""}" x1="${pc(at(entry))}" y1="${middle(entry)}" x2="${pc(x2)}" y2="${middle(entry)}"/>`);
    if (next !== undefined) parts.push(`<line class="step" x1="${pc(x2)}" y1="${middle(entry)}" x2="${pc(x2)}" y2="${middle(next)}"/>`);
  });
  dated.forEach((entry, i) => {
    const { top, bottom } = extent(entry.statement);
    if (bottom - top > 2) parts.push(`<line class="extent" x1="${pc(at(entry))}" y1="${top}" x2="${pc(at(entry))}" y2="${bottom}"/>`);
    const next = dated[i + 1];
    const previous = dated[i - 1];
    const label = valueLabel(entry, middle(entry), (next === undefined ? 100 : at(next)) - at(entry), at(entry) - (previous === undefined ? 0 : at(previous)), next === undefined);
    parts.push(placed(at(entry), `${marker(entry, middle(entry))}${label}`));
  });
  const name = `${sourceName(report, origin)}: ${entries.map((e) => said(report, e)).join("; ")}`;
  const strip = dated.length === 0 ? "" : `<svg class="strip lane-strip" width="100%" height="${STRIP_HEIGHT}" role="img" aria-label="${escapeHtml(name)}"><title>${escapeHtml(name)}</title>${gridLinesFor(ticks)}${parts.join("")}</svg>`;
  return `<li class="lane">${laneText(report, origin, entries)}${strip}</li>`;
}

function gridLinesFor(ticks: readonly Tick[]): string {
  return ticks.map((t) => `<line x1="${pc(percent(t.at))}" y1="0" x2="${pc(percent(t.at))}" y2="${STRIP_HEIGHT}" class="grid"/>`).join("");
}

/** The timeline of a claim: empty unless its statements' figures refer to two dates or more. */
export function timeline(report: Report, claim: ReportClaim): string {
  const standing = standings(report, claim);
  const entries: Entry[] = claim.statements.map((statement, order) => {
    const day = statement.asOf === null ? NaN : dayNumber(statement.asOf);
    return { statement, standing: standing[order] ?? "superseded", order, day: Number.isFinite(day) ? day : null };
  });
  // A loop, not Math.min(...): a claim may have more statements than a call has arguments.
  let lo = Infinity;
  let hi = -Infinity;
  for (const { day } of entries) {
    if (day === null) continue;
    lo = Math.min(lo, day);
    hi = Math.max(hi, day);
  }
  // A timeline needs two dates: statements of one date say nothing about change.
  if (!(lo < hi)) return "";
  const x = (day: number) => (day - lo) / (hi - lo);
  const ticks = dateTicks(lo, hi).map((t) => ({ at: x(t.day), label: t.label }));

  const byOrigin = new Map<string, Entry[]>();
  for (const entry of entries) (byOrigin.get(entry.statement.origin) ?? byOrigin.set(entry.statement.origin, []).get(entry.statement.origin)!).push(entry);
  // Dated statements by their as-of date, then file order; undated ones after them.
  const order = (a: Entry, b: Entry) => (a.day === null ? 1 : 0) - (b.day === null ? 1 : 0) || (a.day ?? 0) - (b.day ?? 0) || a.order - b.order;
  const lanes = [...byOrigin].map(([origin, list]) => lane(report, origin, list.sort(order), x, extentIn(claim, list), ticks));
  const day = (d: number) => new Date(d * DAY).toISOString().slice(0, 10);
  const caption = "How each origin's statements changed, by the date their figure refers to. A dot: the origin's own statement; a diamond: a relay's; a ring: the position that stands; a cross: retracted.";
  return [
    `<figure class="chart timeline" aria-label="${escapeHtml(`Timeline of each origin's statements, ${day(lo)} to ${day(hi)}`)}">`,
    `<figcaption>${escapeHtml(caption)}</figcaption>`,
    `<ul class="lanes">${lanes.join("\n")}</ul>`,
    axis(ticks, ""),
    `</figure>`,
  ].join("\n");
}
