/** `claims diff --format text`: what changed since a revision, for people at a terminal. */
import type { Diagnostic } from "../../core/shared/diagnostics.js";
import type { ClaimChange, DiffClaim, ReportDiff } from "../../core/diff/compare.js";
import { sanitize } from "../sanitize.js";
import type { Stylist } from "../style.js";
import { isEmpty, pairText, positionText, revisionLabel, summaryText, verdictText } from "./words.js";

function claimLine(chalk: Stylist, mark: string, claim: DiffClaim): string {
  const status = claim.status + (claim.unresolved ? " (unresolved)" : "");
  const conflicts = claim.conflicts.length > 0 ? `; conflicts: ${claim.conflicts.map(pairText).join(", ")}` : "";
  return `  ${mark} ${chalk.bold(claim.id)} ${status} — ${claim.file}${conflicts}`;
}

function changeLines(chalk: Stylist, change: ClaimChange): string[] {
  const lines = [`  ${chalk.bold(change.id)} (${change.file})`];
  if (change.moved) lines.push(`    moved: ${change.moved.from} → ${change.moved.to}`);
  if (change.status) lines.push(`    status: ${change.status.from} → ${change.status.to}`);
  if (change.unresolved) lines.push(`    ${change.unresolved.to ? "now unresolved: in conflict with no verdict" : "no longer unresolved"}`);
  for (const pair of change.conflicts.new) lines.push(`    ${chalk.red("+ conflict")} ${pairText(pair)}`);
  for (const pair of change.conflicts.resolved) lines.push(`    ${chalk.green("- conflict")} ${pairText(pair)} (resolved)`);
  for (const p of change.positions) lines.push(`    position of ${p.origin}: ${positionText(p.from)} → ${positionText(p.to)}`);
  if (change.verdict) lines.push(`    verdict: ${verdictText(change.verdict.from)} → ${verdictText(change.verdict.to)}`);
  return lines;
}

function diagnosticLine(d: Diagnostic): string {
  return `  ${d.file}:${d.line}:${d.column}  ${d.severity}  ${d.message}  ${d.code}`;
}

/** Every string in a value sanitised, so that only our own styling adds escape codes. */
function sanitised<T>(value: T): T {
  if (typeof value === "string") return sanitize(value) as T;
  if (Array.isArray(value)) return value.map(sanitised) as T;
  if (typeof value === "object" && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sanitised(v)])) as T;
  return value;
}

/** The diff as sections of plain lines; every ledger string is sanitised before it is styled. */
export function diffText(given: ReportDiff, chalk: Stylist): string {
  const diff = sanitised(given);
  const head = `Changes to the ledger since ${revisionLabel(diff)}`;
  if (isEmpty(diff)) return `${head}: none.\n`;
  const out: string[] = [`${head}:`];
  const section = (title: string, lines: readonly string[]) => {
    if (lines.length > 0) out.push("", `${title}:`, ...lines);
  };
  section("claims added", diff.added.map((c) => claimLine(chalk, chalk.green("+"), c)));
  section("claims removed", diff.removed.map((c) => claimLine(chalk, chalk.red("-"), c)));
  section("claims changed", diff.changed.flatMap((c) => changeLines(chalk, c)));
  section("new errors and warnings", diff.diagnostics.new.map(diagnosticLine));
  section("fixed", diff.diagnostics.fixed.map(diagnosticLine));
  out.push("", summaryText(diff), "");
  return out.join("\n");
}
