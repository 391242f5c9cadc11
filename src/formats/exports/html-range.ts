/**
 * The range chart of the `html` export (SPEC §12): per quantity claim, one bar per origin's
 * position on a shared axis, the verdict's finding as a band. Bars are blue; red marks only the
 * bounds where two positions conflict, so a claim where everyone disagrees with one outlier shows
 * the outlier, not a wall of red. Each bar's name and tooltip give its value exactly and whom it
 * conflicts with; its label is HTML, so a long name wraps instead of being cut.
 */
import type { Report, ReportClaim, ReportInterval, ReportPosition } from "../../core/report/types.js";
import { formatNumber } from "../../core/values/index.js";
import { originSays } from "./brief.js";
import { displayInterval, sourceName } from "./display.js";
import { chooseScale, escapeHtml, fractionOf } from "./html-chart.js";
import { axis, gridLines, pc, percent, placed, type Tick } from "./html-svg.js";

const STRIP_HEIGHT = 24;
const MIDDLE = STRIP_HEIGHT / 2;

type Charted = ReportPosition & { readonly interval: ReportInterval };

/** Which bounds of each origin's interval face a position it conflicts with. */
interface Caps {
  min: boolean;
  max: boolean;
}

/** Whether `a` lies wholly below `b` (touching at a bound one of them excludes counts). */
function below(a: ReportInterval, b: ReportInterval): boolean {
  return a.max !== null && b.min !== null && (a.max < b.min || (a.max === b.min && (a.maxOpen || b.minOpen)));
}

/**
 * The conflicting bounds: two conflicting positions' sets as stated do not overlap (widening by the
 * tolerance only makes sets meet sooner, and the running-count rule only spares pairs), so one
 * lies below the other, and the lower one's upper bound and the upper one's lower bound are where
 * they part.
 */
function conflictCaps(claim: ReportClaim, byOrigin: ReadonlyMap<string, Charted>): Map<string, Caps> {
  const caps = new Map<string, Caps>();
  const of = (origin: string): Caps => caps.get(origin) ?? caps.set(origin, { min: false, max: false }).get(origin)!;
  for (const { origins: [a, b] } of claim.conflicts) {
    const pa = byOrigin.get(a);
    const pb = byOrigin.get(b);
    if (pa === undefined || pb === undefined) continue;
    const [low, high] = below(pa.interval, pb.interval) ? [a, b] : below(pb.interval, pa.interval) ? [b, a] : [null, null];
    if (low === null || high === null) continue;
    of(low).max = true;
    of(high).min = true;
  }
  return caps;
}

/** Per origin, the names and exact sets of the origins its position conflicts with: "Morgue (≥ 64 people)". */
function opponents(report: Report, claim: ReportClaim, byOrigin: ReadonlyMap<string, Charted>): Map<string, string[]> {
  const named = (origin: string): string => {
    const position = byOrigin.get(origin);
    return position === undefined ? sourceName(report, origin) : `${sourceName(report, origin)} (${displayInterval(position.interval, claim.unit)})`;
  };
  const against = new Map<string, string[]>();
  for (const { origins: [a, b] } of claim.conflicts) {
    (against.get(a) ?? against.set(a, []).get(a)!).push(named(b));
    (against.get(b) ?? against.set(b, []).get(b)!).push(named(a));
  }
  return against;
}

function bar(report: Report, claim: ReportClaim, position: Charted, at: (value: number) => number, caps: Caps | undefined, against: readonly string[], ticks: readonly Tick[]): string {
  const { interval } = position;
  const unboundedLeft = interval.min === null || !Number.isFinite(interval.min);
  const unboundedRight = interval.max === null || !Number.isFinite(interval.max);
  const left = unboundedLeft ? 0 : percent(at(interval.min!));
  const right = unboundedRight ? 100 : percent(at(interval.max!));
  const inConflict = against.length > 0;
  const marks: string[] = [`<rect class="bar" x="${pc(left)}" y="${MIDDLE - 5}" width="${pc(Math.max(0, right - left))}" height="10"/>`];
  // A single value, or a range too narrow to see: a block a few pixels wide, red when it conflicts.
  if (right - left < 1.5) marks.push(placed((left + right) / 2, `<rect class="${inConflict ? "cap" : "dot"}" x="-3" y="${MIDDLE - 7}" width="6" height="14"/>`));
  else {
    if (caps?.min && !unboundedLeft) marks.push(placed(left, `<rect class="cap" x="-2.5" y="${MIDDLE - 9}" width="5" height="18"/>`));
    if (caps?.max && !unboundedRight) marks.push(placed(right, `<rect class="cap" x="-2.5" y="${MIDDLE - 9}" width="5" height="18"/>`));
  }
  if (unboundedLeft) marks.push(placed(0, `<polygon class="arrow" points="0,${MIDDLE} 11,${MIDDLE - 7} 11,${MIDDLE + 7}"/>`));
  else if (interval.minOpen) marks.push(placed(left, `<circle class="open-end" cx="0" cy="${MIDDLE}" r="4.5"/>`));
  if (unboundedRight) marks.push(placed(100, `<polygon class="arrow" points="0,${MIDDLE} -11,${MIDDLE - 7} -11,${MIDDLE + 7}"/>`));
  else if (interval.maxOpen) marks.push(placed(right, `<circle class="open-end" cx="0" cy="${MIDDLE}" r="4.5"/>`));

  const said = originSays(report, claim, position);
  const name = `${said}: ${displayInterval(interval, claim.unit)}${inConflict ? `; in conflict with ${against.join(", ")}` : ""}`;
  const finding = claim.verdict?.interval ? band(claim.verdict.interval, at) : "";
  return [
    `<li class="bar-row${inConflict ? " conflict" : ""}">`,
    `<p class="bar-label">${inConflict ? `<span class="cross" aria-hidden="true">✕ </span>` : ""}${escapeHtml(said)}</p>`,
    `<svg class="strip" width="100%" height="${STRIP_HEIGHT}" role="img" aria-label="${escapeHtml(name)}"><title>${escapeHtml(name)}</title>${finding}${gridLines(ticks, STRIP_HEIGHT)}${marks.join("")}</svg>`,
    `</li>`,
  ].join("");
}

/** The verdict's finding as a shaded band across a strip. */
function band(finding: ReportInterval, at: (value: number) => number): string {
  // An unbounded side runs to the strip's edge, as a bar's arrow does.
  const left = finding.min === null ? 0 : percent(at(finding.min));
  const right = finding.max === null ? 100 : percent(at(finding.max));
  const width = Math.max(right - left, 0.8);
  return `<rect class="finding" x="${pc(Math.min(left, 100 - width))}" y="0" width="${pc(width)}" height="${STRIP_HEIGHT}"/>`;
}

/** The key: only the marks the chart holds, in words, so it also serves as the figure's caption. */
function legend(claim: ReportClaim, charted: readonly Charted[], conflicts: boolean, scaleKind: string): string {
  const parts = ["Each bar is one origin's position, with the relays that report it."];
  if (conflicts) parts.push("Red caps mark the bounds where two positions conflict; ✕ marks a position in conflict.");
  if (charted.some((p) => p.interval.min === null || p.interval.max === null)) parts.push("An arrow: no bound on that side.");
  if (charted.some((p) => (p.interval.minOpen && p.interval.min !== null) || (p.interval.maxOpen && p.interval.max !== null))) parts.push("A hollow circle: that bound is excluded.");
  if (claim.verdict?.interval) parts.push(`Shaded: the verdict's finding, ${displayInterval(claim.verdict.interval, claim.unit)}.`);
  if (scaleKind === "log") parts.push("The axis is logarithmic.");
  return parts.join(" ");
}

/** The range chart of a quantity claim: a figure whose name lists every position exactly. */
export function rangeChart(report: Report, claim: ReportClaim): string {
  const charted = claim.positions.filter((position): position is Charted => position.interval !== null);
  if (charted.length === 0) return `<p class="legend">No source commits to a figure, so there is nothing to chart.</p>`;
  const finding = claim.verdict?.interval ?? null;
  const scale = chooseScale([...charted.map((p) => p.interval), ...(finding === null ? [] : [finding])]);
  const at = fractionOf(scale);
  const ticks = scale.ticks.map((tick) => ({ at: at(tick), label: formatNumber(tick) }));
  const byOrigin = new Map(charted.map((p) => [p.origin, p]));
  const caps = conflictCaps(claim, byOrigin);
  const values = charted.map((p) => `${sourceName(report, p.origin)} ${displayInterval(p.interval, claim.unit)}`);
  const name = `Range chart of each origin's position: ${values.join("; ")}${finding === null ? "" : `; verdict finding ${displayInterval(finding, claim.unit)}`}.`;
  const against = opponents(report, claim, byOrigin);
  const bars = charted.map((p) => bar(report, claim, p, at, caps.get(p.origin), against.get(p.origin) ?? [], ticks));
  const caption = [claim.unit, scale.kind === "log" ? "log scale" : null].filter((part) => part !== null).join(", ");
  return [
    `<figure class="chart range-chart" aria-label="${escapeHtml(name)}">`,
    `<figcaption>${escapeHtml(legend(claim, charted, claim.conflicts.length > 0, scale.kind))}</figcaption>`,
    `<ul class="bars">${bars.join("\n")}</ul>`,
    axis(ticks, caption),
    `</figure>`,
  ].join("\n");
}
