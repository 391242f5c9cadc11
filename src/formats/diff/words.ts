/** The words every `claims diff` format shares, so text and Markdown say a change the same way. */
import type { DiffPosition, DiffVerdict, Pair, ReportDiff } from "../../core/diff/compare.js";
import { count } from "../count.js";
import { displayValue } from "../exports/display.js";

/** "main (1a2b3c4)": the revision as given, and its commit cut to seven characters. */
export function revisionLabel(diff: Pick<ReportDiff, "from">): string {
  const short = diff.from.commit.slice(0, 7);
  return diff.from.revision === diff.from.commit || diff.from.revision === short ? short : `${diff.from.revision} (${short})`;
}

/** "a ↔ b". */
export function pairText(pair: Pair): string {
  return `${pair[0]} ↔ ${pair[1]}`;
}

/** "10 (prosecutor-general, 2011-12-16)": a position's value, who said it and when. */
export function positionText(position: DiffPosition | null): string {
  if (position === null) return "none";
  return `${displayValue(position.says)} (${[position.source, position.on ?? "undated"].join(", ")})`;
}

/** "unproven — finding: at least 10 (by …, 2012-01-26)", or "none". */
export function verdictText(verdict: DiffVerdict | null): string {
  if (verdict === null) return "none";
  const parts = [verdict.rating ?? "no rating"];
  if (verdict.finding !== null && verdict.finding !== undefined) parts.push(`finding: ${displayValue(verdict.finding)}`);
  const by = [verdict.by, verdict.on].filter((x) => x !== null).join(", ");
  return `${parts.join(" — ")}${by ? ` (${by})` : ""}`;
}

/** One line that counts everything the diff found. */
export function summaryText(diff: ReportDiff): string {
  const s = diff.summary;
  return [
    `${count(s.claimsAdded, "claim")} added, ${s.claimsRemoved} removed, ${s.claimsChanged} changed`,
    `${count(s.conflictsNew, "conflict")} new, ${s.conflictsResolved} resolved`,
    `${count(s.errorsNew, "error")} new, ${s.errorsFixed} fixed`,
    `${count(s.warningsNew, "warning")} new, ${s.warningsFixed} fixed`,
  ].join(" · ");
}

/** Whether the diff found nothing at all. */
export function isEmpty(diff: ReportDiff): boolean {
  return diff.added.length === 0 && diff.removed.length === 0 && diff.changed.length === 0 && diff.diagnostics.new.length === 0 && diff.diagnostics.fixed.length === 0;
}
