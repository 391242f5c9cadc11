/**
 * What an editor can paste (SPEC §12 v2): per claim, what is disputed, who says what (each origin's
 * latest figure, dated, with the relays that report it), what the sources jointly allow, and the
 * verdict. Every word comes from the report; nothing is summarised beyond what it holds.
 */
import type { Report, ReportClaim, ReportPosition } from "../../core/report/types.js";
import { count } from "../count.js";
import { displayInterval, displayRange, displayRating, displayValue, displayWindow, noWindowBecause, relaysOf, sourceName } from "./display.js";

/** One line of a brief: a label ("Disputed") and its text; `items` lists the conflicting pairs under "Disputed". */
export interface BriefLine {
  readonly label: string;
  readonly text: string;
  readonly items?: readonly string[];
}

/** "Health ministry 471 (via AFP, HRW)": an origin, what its position says, and the relays that report it. */
export function originSays(report: Report, claim: ReportClaim, position: ReportPosition): string {
  const relays = relaysOf(claim, position.origin).map((id) => sourceName(report, id));
  return `${sourceName(report, position.origin)} ${displayValue(position.says)}${relays.length === 0 ? "" : ` (via ${relays.join(", ")})`}`;
}

/**
 * Each conflicting pair once, as "A 16 (via X) vs B at least 64" (SPEC §6 v2: a pair of origins,
 * the relays under their origin), in the report's order.
 */
export function conflictSummaries(report: Report, claim: ReportClaim): string[] {
  const byOrigin = new Map(claim.positions.map((p) => [p.origin, p]));
  const side = (origin: string): string => {
    const position = byOrigin.get(origin);
    return position === undefined ? sourceName(report, origin) : originSays(report, claim, position);
  };
  return claim.conflicts.map(({ origins: [a, b] }) => `${side(a)} vs ${side(b)}`);
}

/** When a position was said, and the date its figure refers to where that differs: "2011-12-18, as of 2011-12-16". */
function dated(on: string | null, position: ReportPosition): string {
  if (on === null) return position.asOf === null ? "undated" : `as of ${position.asOf}`;
  return position.asOf !== null && position.asOf !== on ? `${on}, as of ${position.asOf}` : on;
}

/** "Prosecutor's office: at least 16 (2011-12-20; via Wire agency A)": one origin's latest word. */
function whoSays(report: Report, claim: ReportClaim, position: ReportPosition, on: string | null): string {
  const relays = relaysOf(claim, position.origin).map((id) => sourceName(report, id));
  const notes = [dated(on, position), ...(relays.length === 0 ? [] : [`via ${relays.join(", ")}`])];
  return `${sourceName(report, position.origin)}: ${displayValue(position.says)} (${notes.join("; ")})`;
}

function question(claim: ReportClaim): BriefLine {
  const committed = claim.positions.filter((p) => p.committed).length;
  switch (claim.status) {
    case "conflict": {
      const origins = new Set(claim.conflicts.flatMap((c) => [...c.origins])).size;
      return { label: "Disputed", text: `${claim.question} — ${count(claim.conflicts.length, "conflicting pair")} among ${count(origins, "origin")}:` };
    }
    case "corroborated":
      return { label: "Question", text: `${claim.question} — no conflict: ${count(committed, "origin")} in ${count(claim.groups, "independent group")} agree` };
    case "single-source":
      return { label: "Question", text: `${claim.question} — no conflict, but all from one independent group (${count(committed, "origin")})` };
    case "unsourced":
      return { label: "Question", text: `${claim.question} — no source commits to an answer` };
  }
}

function verdict(report: Report, claim: ReportClaim): string {
  const v = claim.verdict;
  if (v === null) return claim.unresolved ? "none yet: this conflict is unresolved" : "none";
  const parts = [displayRating(v.rating)];
  if (v.finding !== null && v.finding !== undefined) {
    // A quantity's finding shown exactly too, as the chart's band shows it (SPEC §8 v2).
    const exact = claim.type === "quantity" && v.interval !== null ? displayInterval(v.interval, claim.unit) : null;
    parts.push(`finding: ${displayValue(v.finding)}${exact === null ? "" : ` (${exact})`}`);
  }
  const who = [v.by === null ? null : `by ${v.by}`, v.on === null ? null : `on ${v.on}`].filter((part) => part !== null);
  if (who.length > 0) parts.push(who.join(" "));
  if (v.claim !== null) parts.push(`rating the claim “${v.claim}”${v.claimant === null ? "" : ` by ${sourceName(report, v.claimant)}`}`);
  return parts.join(" — ");
}

/** The brief of one claim, as labelled lines; every format renders them its own way. */
export function claimBrief(report: Report, claim: ReportClaim): BriefLine[] {
  const first = question(claim);
  const lines: BriefLine[] = [claim.status === "conflict" ? { ...first, items: conflictSummaries(report, claim) } : first];
  // The statement each position comes from, for the date it was said (one per origin).
  const said = new Map(claim.statements.filter((s) => s.position).map((s) => [s.origin, s.on]));
  if (claim.positions.length > 0) lines.push({ label: "Who says what", text: claim.positions.map((p) => whoSays(report, claim, p, said.get(p.origin) ?? null)).join("; ") });
  if (claim.type === "quantity" && claim.range) {
    // The window (SPEC §8 v2): what every committed position allows. An empty one means the
    // positions cannot all be right only when they conflict; otherwise they agree only within the
    // claim's tolerance, and the brief must not say otherwise.
    const why = noWindowBecause(claim);
    const window = why === null ? displayWindow(claim) : why === "tolerance" ? "no one value: the positions agree only within the claim's tolerance" : "nothing: their positions cannot all be right";
    lines.push({ label: "Together the sources allow", text: `${window} (range of the positions: ${displayRange(claim)})` });
  }
  lines.push({ label: "Verdict", text: verdict(report, claim) });
  return lines;
}
