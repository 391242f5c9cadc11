/** One claim in detail (`claims show`, and each conflict of `claims check`): statements in time order, range and window, revisions, conflicts, verdict. */
import type { Report, ReportClaim, ReportStatement } from "../../core/report/types.js";
import { byTime } from "../../core/analysis/time.js";
import { sanitizeLine } from "../sanitize.js";
import { displayRange, displayValue, explainedWindow, originWithRelays, relaysOf, STATEMENT_ERRORS } from "../exports/display.js";
import { type Standing, standings } from "../exports/standing.js";
import { statusText, type TextContext } from "./table.js";

/** The standings `show` marks besides position, retraction and error, which it words itself. */
const MARKED: Partial<Record<Standing, string>> = { superseded: "superseded", agrees: "agrees with position", "stale-relay": "stale relay", "relay-mismatch": "relay mismatch" };

function statementLine(s: ReportStatement, standing: Standing | undefined, claim: ReportClaim, ctx: TextContext): string {
  const { chalk } = ctx;
  const date = s.on ?? "undated   ";
  const marks: string[] = [];
  if (s.position) marks.push(chalk.bold("position"));
  const marked = standing === undefined ? undefined : MARKED[standing];
  if (marked !== undefined) marks.push(standing === "stale-relay" || standing === "relay-mismatch" ? chalk.yellow(marked) : chalk.dim(marked));
  if (s.error !== null) marks.push(chalk.red(`${STATEMENT_ERRORS[s.error]}: see lint`));
  if (s.retracted !== false) marks.push(chalk.dim(s.retracted === true ? "retracted" : `retracted ${s.retracted}`));
  if (s.via) marks.push(`via ${sanitizeLine(s.via)}`);
  // The date the figure refers to, where it is not the date it was said (SPEC §8 v2).
  if (s.asOf !== null && s.asOf !== s.on) marks.push(`as of ${s.asOf}`);
  if (s.quoteCheck === "not-found") marks.push(chalk.red("quote not found"));
  else if (s.quoteCheck === "verified") marks.push(chalk.green("quote verified"));
  else if (s.quoteCheck === "unchecked") marks.push(chalk.dim("quote unchecked"));
  if (s.conflictsWith.length > 0) marks.push(chalk.red(`✖ conflicts with ${s.conflictsWith.map(sanitizeLine).join(", ")}`));
  const unit = claim.unit && typeof s.says === "number" ? ` ${sanitizeLine(claim.unit)}` : "";
  const says = sanitizeLine(displayValue(s.says)) + unit;
  const body = `${chalk.dim(date)}  ${chalk.bold(sanitizeLine(s.source))}: ${s.retracted !== false ? chalk.strikethrough(says) : says}`;
  const quote = s.quote !== null ? `\n      ${chalk.italic(quoted(sanitizeLine(oneLine(s.quote))))}${s.in ? chalk.dim(` — ${sanitizeLine(s.in)}`) : ""}` : "";
  return `  ${s.conflictsWith.length > 0 ? chalk.red("✖") : s.position ? "•" : " "} ${body}${marks.length ? `  ${chalk.dim("[")}${marks.join(chalk.dim(", "))}${chalk.dim("]")}` : ""}${quote}`;
}

/** Wraps a quote in quotation marks unless it already carries its own. */
function quoted(q: string): string {
  return /^["“«„]/.test(q) ? q : `“${q}”`;
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

/** Statements in time order: undated first, then by date and as-of date, file order breaking ties (as positions are chosen). */
export function inTimeOrder(statements: readonly ReportStatement[]): ReportStatement[] {
  return statements
    .map((s, order) => ({ on: s.on, asOf: s.asOf, order, s }))
    .sort(byTime)
    .map(({ s }) => s);
}

/**
 * One claim in detail: header, statements in time order with conflicts marked and how each stands,
 * range and window, revisions, conflicts, verdict. With the report, relays it warned about are
 * marked `stale relay` / `relay mismatch`.
 */
export function claimDetail(claim: ReportClaim, ctx: TextContext, report: Pick<Report, "diagnostics" | "claims"> = { diagnostics: [], claims: [claim] }): string {
  const { chalk } = ctx;
  const standing = new Map(standings(report, claim).map((st, i) => [claim.statements[i], st]));
  const lines = [
    `${chalk.bold(sanitizeLine(claim.id))} ${chalk.dim(`(${claim.type}${claim.cumulative ? ", cumulative" : ""}, ${sanitizeLine(claim.file)})`)} — ${statusText(chalk, claim.status, claim.unresolved)}`,
    `  ${sanitizeLine(oneLine(claim.question))}`,
    "",
    ...inTimeOrder(claim.statements).map((s) => statementLine(s, standing.get(s), claim, ctx)),
  ];
  // The window with why it is empty, when it is: "corroborated" beside a bare "window: none" read as a contradiction.
  if (claim.range !== undefined) lines.push("", `  range:  ${sanitizeLine(displayRange(claim))}`, `  window: ${sanitizeLine(explainedWindow(claim))}`);
  if (claim.revisions.length > 0) {
    lines.push("", "  revisions:");
    for (const r of claim.revisions) lines.push(`    ${sanitizeLine(r.source)}: ${r.values.map((v) => sanitizeLine(displayValue(v))).join(" → ")}`);
  }
  if (claim.conflicts.length > 0) {
    lines.push("", "  conflicts:");
    for (const c of claim.conflicts) {
      lines.push(`    ${chalk.red("✖")} ${sanitizeLine(c.origins[0])} ↔ ${sanitizeLine(c.origins[1])}`);
      // One disagreement once (SPEC §6 v2), with the relays that report each side under it.
      for (const origin of c.origins) {
        const relays = relaysOf(claim, origin);
        if (relays.length > 0) lines.push(chalk.dim(`        ${sanitizeLine(origin)} reported by ${relays.map(sanitizeLine).join(", ")}`));
      }
    }
    const more = claim.conflictCount - claim.conflicts.length;
    if (more > 0) lines.push(chalk.red(`    … and ${more.toLocaleString("en-US")} more conflicting pairs (${claim.conflictCount.toLocaleString("en-US")} in all; the report lists the first ${claim.conflicts.length.toLocaleString("en-US")})`));
  }
  // Each origin once, with the relays that report its position (SPEC §6 v2).
  const groups = new Map<string, string[]>();
  for (const p of claim.positions) {
    if (!p.committed) continue;
    const member = originWithRelays(claim, p.origin, (id) => id);
    const members = groups.get(p.group);
    if (members) members.push(member);
    else groups.set(p.group, [member]);
  }
  if (groups.size > 0) {
    lines.push("", `  independence groups (${groups.size}):`);
    for (const [g, members] of groups) lines.push(`    ${sanitizeLine(g)}: ${members.map(sanitizeLine).join(", ")}`);
  }
  const v = claim.verdict;
  if (v) {
    lines.push("", `  verdict: ${v.rating ? chalk.bold(v.rating) : "no rating"}${v.finding !== null ? ` — finding: ${sanitizeLine(displayValue(v.finding))}` : ""}${v.by ? ` (by ${sanitizeLine(v.by)}${v.on ? `, ${v.on}` : ""})` : v.on ? ` (${v.on})` : ""}`);
    if (v.claim) lines.push(`    claim: ${chalk.italic(quoted(sanitizeLine(oneLine(v.claim))))}${v.claimant ? ` — ${sanitizeLine(v.claimant)}` : ""}`);
    if (v.note) lines.push(`    ${sanitizeLine(oneLine(v.note))}`);
    for (const p of claim.positions) if (p.vsFinding) lines.push(`    ${p.vsFinding === "agrees" ? chalk.green("agrees     ") : chalk.red("contradicts")} ${sanitizeLine(p.origin)}`);
  } else if (claim.unresolved) {
    lines.push("", chalk.red("  no verdict yet: this conflict is unresolved"));
  }
  return `${lines.join("\n")}\n`;
}
