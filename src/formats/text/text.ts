/** Text renderings of the report for people: claim table, conflicts, claim detail, source table. */
import type { Stylist } from "../style.js";
import Table from "cli-table3";
import type { Report, ReportClaim, ReportStatement, Status } from "../../core/report/types.js";
import { sanitize } from "../sanitize.js";
import { displayValue, sourcesAndGroups, STATEMENT_ERRORS } from "../exports/display.js";
import { byTime } from "../../core/analysis/analyse-claim.js";
import { formatNumber } from "../../core/values/index.js";
import { count } from "../count.js";
import { formatStylish } from "../lint/stylish.js";

export interface TextContext {
  readonly chalk: Stylist;
  /** Terminal width, or undefined when piped. */
  readonly width: number | undefined;
}

/** Widest a table may be when stdout is not a terminal: readable in a log or a pager. */
const PIPED_WIDTH = 120;

function statusText(chalk: Stylist, status: Status, unresolved = false): string {
  const paint = { conflict: chalk.red.bold, corroborated: chalk.green, "single-source": chalk.yellow, unsourced: chalk.dim }[status];
  return paint(status) + (unresolved ? chalk.red(" (unresolved)") : "");
}

/** A table that fits `width`: columns keep their natural width until the total would not fit, then the widest wrap. */
function table(head: readonly string[], rows: readonly (readonly string[])[], ctx: TextContext, plainRows: readonly (readonly string[])[]): string {
  const max = Math.max(40, ctx.width ?? PIPED_WIDTH);
  const natural = head.map((h, i) => Math.max(h.length, ...plainRows.map((r) => longestLine(r[i])), 1) + 2);
  // Borders take one column per cell plus one.
  const budget = max - (head.length + 1);
  const widths = [...natural];
  // Columns stop shrinking at 8, or lower when that many columns of 8 would not fit (7 columns
  // at 60: a fixed floor of 8 made the source table 64 wide).
  const floor = Math.min(8, Math.floor(budget / head.length));
  // The first column names the row (a claim or source id): it shrinks only when nothing else can,
  // since a cut id cannot be told from its neighbours.
  const shrinkable = (from: number) => widths.slice(from).some((w) => w > floor);
  while (widths.reduce((a, b) => a + b, 0) > budget) {
    const from = shrinkable(1) ? 1 : 0;
    const rest = widths.slice(from);
    const widest = from + rest.indexOf(Math.max(...rest));
    if (widths[widest] <= floor) break;
    widths[widest]--;
  }
  const t = new Table({
    head: head.map((h) => ctx.chalk.bold(h)),
    colWidths: widths,
    wordWrap: true,
    wrapOnWordBoundary: true,
    // cli-table3 colours heads and borders on its own; the run's colour choice must rule.
    style: { head: [], border: [], compact: true },
  });
  for (const r of rows) t.push([...r]);
  return t.toString();
}

function longestLine(s: string): number {
  let longest = 0;
  for (const line of s.split("\n")) longest = Math.max(longest, [...line].length);
  return longest;
}

/** What a claim's positions amount to: the range of a quantity, the distinct answers otherwise. */
export function answerOf(claim: ReportClaim): string {
  if (claim.type === "quantity") {
    if (!claim.range) return "—";
    const { min, max } = claim.range;
    const unit = claim.unit ? ` ${claim.unit}` : "";
    if (min === null && max === null) return "any";
    if (min === null) return `≤ ${fmt(max!)}${unit}`;
    if (max === null) return `≥ ${fmt(min)}${unit}`;
    return min === max ? `${fmt(min)}${unit}` : `${fmt(min)}–${fmt(max)}${unit}`;
  }
  const answers = new Map<string, number>();
  for (const p of claim.positions) {
    if (!p.committed) continue;
    const answer = claim.type === "boolean" ? String(/^(true|yes)$/i.test(String(p.says))) : displayValue(p.says);
    answers.set(answer, (answers.get(answer) ?? 0) + 1);
  }
  if (answers.size === 0) return "—";
  return [...answers].map(([a, n]) => (n > 1 ? `${a} (${n})` : a)).join(" / ");
}

function fmt(n: number): string {
  return formatNumber(Math.round(n * 100) / 100);
}

/** The table of claims: id, type, status, sources, range or answer, conflicts. */
export function claimTable(report: Report, ctx: TextContext): string {
  if (report.claims.length === 0) return "";
  const plain = report.claims.map((c) => [
    sanitize(c.id),
    c.type,
    c.status + (c.unresolved ? " (unresolved)" : ""),
    sourcesAndGroups(c),
    sanitize(answerOf(c)),
    String(c.conflicts.length),
  ]);
  const styled = report.claims.map((c, i) => [plain[i][0], plain[i][1], statusText(ctx.chalk, c.status, c.unresolved), plain[i][3], plain[i][4], c.conflicts.length > 0 ? ctx.chalk.red(plain[i][5]) : plain[i][5]]);
  return `${table(["claim", "type", "status", "sources (groups)", "range / answer", "conflicts"], styled, ctx, plain)}\n`;
}

function statementLine(s: ReportStatement, claim: ReportClaim, ctx: TextContext): string {
  const { chalk } = ctx;
  const date = s.on ?? "undated   ";
  const marks: string[] = [];
  if (s.position) marks.push(chalk.bold("position"));
  if (s.error !== null) marks.push(chalk.red(`${STATEMENT_ERRORS[s.error]}: see lint`));
  if (s.retracted !== false) marks.push(chalk.dim(s.retracted === true ? "retracted" : `retracted ${s.retracted}`));
  if (s.via) marks.push(`via ${sanitize(s.via)}`);
  if (s.quoteCheck === "not-found") marks.push(chalk.red("quote not found"));
  else if (s.quoteCheck === "verified") marks.push(chalk.green("quote verified"));
  else if (s.quoteCheck === "unchecked") marks.push(chalk.dim("quote unchecked"));
  if (s.conflictsWith.length > 0) marks.push(chalk.red(`✖ conflicts with ${s.conflictsWith.map(sanitize).join(", ")}`));
  const unit = claim.unit && typeof s.says === "number" ? ` ${sanitize(claim.unit)}` : "";
  const says = sanitize(displayValue(s.says)) + unit;
  const body = `${chalk.dim(date)}  ${chalk.bold(sanitize(s.source))}: ${s.retracted !== false ? chalk.strikethrough(says) : says}`;
  const quote = s.quote !== null ? `\n      ${chalk.italic(quoted(sanitize(oneLine(s.quote))))}${s.in ? chalk.dim(` — ${sanitize(s.in)}`) : ""}` : "";
  return `  ${s.conflictsWith.length > 0 ? chalk.red("✖") : s.position ? "•" : " "} ${body}${marks.length ? `  ${chalk.dim("[")}${marks.join(chalk.dim(", "))}${chalk.dim("]")}` : ""}${quote}`;
}

/** Wraps a quote in quotation marks unless it already carries its own. */
function quoted(q: string): string {
  return /^["“«„]/.test(q) ? q : `“${q}”`;
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

/** Statements in time order: undated first, then by date, file order breaking ties (as positions are chosen). */
export function inTimeOrder(statements: readonly ReportStatement[]): ReportStatement[] {
  return statements
    .map((s, order) => ({ on: s.on, order, s }))
    .sort(byTime)
    .map(({ s }) => s);
}

/** One claim in detail: header, statements in time order with conflicts marked, revisions, conflicts, verdict. */
export function claimDetail(claim: ReportClaim, ctx: TextContext): string {
  const { chalk } = ctx;
  const lines = [
    `${chalk.bold(sanitize(claim.id))} ${chalk.dim(`(${claim.type}, ${sanitize(claim.file)})`)} — ${statusText(chalk, claim.status, claim.unresolved)}`,
    `  ${sanitize(oneLine(claim.question))}`,
    "",
    ...inTimeOrder(claim.statements).map((s) => statementLine(s, claim, ctx)),
  ];
  if (claim.range !== undefined) lines.push("", `  range: ${sanitize(answerOf(claim))}`);
  if (claim.revisions.length > 0) {
    lines.push("", "  revisions:");
    for (const r of claim.revisions) lines.push(`    ${sanitize(r.source)}: ${r.values.map((v) => sanitize(displayValue(v))).join(" → ")}`);
  }
  if (claim.conflicts.length > 0) {
    lines.push("", "  conflicts:");
    for (const c of claim.conflicts) lines.push(`    ${chalk.red("✖")} ${sanitize(c.sources[0])} ↔ ${sanitize(c.sources[1])}`);
  }
  const groups = new Map<string, string[]>();
  for (const p of claim.positions) if (p.committed) groups.set(p.group, [...(groups.get(p.group) ?? []), p.source]);
  if (groups.size > 0) {
    lines.push("", `  independence groups (${groups.size}):`);
    for (const [g, members] of groups) lines.push(`    ${sanitize(g)}: ${members.map(sanitize).join(", ")}`);
  }
  const v = claim.verdict;
  if (v) {
    lines.push("", `  verdict: ${v.rating ? chalk.bold(v.rating) : "no rating"}${v.finding !== null ? ` — finding: ${sanitize(displayValue(v.finding))}` : ""}${v.by ? ` (by ${sanitize(v.by)}${v.on ? `, ${v.on}` : ""})` : v.on ? ` (${v.on})` : ""}`);
    if (v.note) lines.push(`    ${sanitize(oneLine(v.note))}`);
    for (const p of claim.positions) if (p.vsFinding) lines.push(`    ${p.vsFinding === "agrees" ? chalk.green("agrees     ") : chalk.red("contradicts")} ${sanitize(p.source)}`);
  } else if (claim.unresolved) {
    lines.push("", chalk.red("  no verdict yet: this conflict is unresolved"));
  }
  return `${lines.join("\n")}\n`;
}

/** The one-line summary. */
export function summaryLine(report: Report, ctx: TextContext): string {
  const { chalk } = ctx;
  const s = report.summary;
  const unresolved = report.summary.unresolved;
  const infos = report.diagnostics.filter((d) => d.severity === "info").length;
  const statuses = `${s.status.conflict} in conflict${unresolved ? ` (${unresolved} unresolved)` : ""}, ${s.status.corroborated} corroborated, ${s.status["single-source"]} single-source, ${s.status.unsourced} unsourced`;
  const problems = `${count(s.errors, "error")}, ${count(s.warnings, "warning")}, ${count(infos, "info")}`;
  const paint = s.errors > 0 ? chalk.red : s.warnings > 0 || s.status.conflict > 0 ? chalk.yellow : chalk.green;
  return paint(`${count(s.claims, "claim")} from ${count(s.sources, "source")} in ${count(s.files, "file")}: ${statuses} · ${problems}`) + "\n";
}

/** One row per source: type, side, statements, claims, conflicts it is in, quotes verified / not found. */
export function sourceTable(report: Report, ctx: TextContext): string {
  const stats = new Map(report.sources.map((s) => [s.id, { statements: 0, claims: new Set<string>(), conflicts: new Set<string>(), verified: 0, notFound: 0, unchecked: 0 }]));
  for (const c of report.claims) {
    for (const st of c.statements) {
      const row = stats.get(st.source);
      if (!row) continue;
      row.statements++;
      row.claims.add(c.id);
      if (st.quoteCheck === "verified") row.verified++;
      else if (st.quoteCheck === "not-found") row.notFound++;
      else if (st.quoteCheck === "unchecked") row.unchecked++;
    }
    for (const { sources } of c.conflicts) for (const s of sources) stats.get(s)?.conflicts.add(c.id);
  }
  const plain = report.sources.map((s) => {
    const r = stats.get(s.id)!;
    return [
      sanitize(s.id),
      s.type,
      sanitize(s.side ?? "—"),
      String(r.statements),
      String(r.claims.size),
      r.conflicts.size ? [...r.conflicts].map(sanitize).join(", ") : "—",
      `${r.verified} / ${r.notFound}${r.unchecked ? ` (${r.unchecked} unchecked)` : ""}`,
    ];
  });
  const styled = plain.map((row, i) => {
    const r = stats.get(report.sources[i].id)!;
    return row.map((cell, k) => (k === 5 && r.conflicts.size ? ctx.chalk.red(cell) : k === 6 && r.notFound ? ctx.chalk.red(cell) : cell));
  });
  if (plain.length === 0) return "no sources\n";
  return `${table(["source", "type", "side", "statements", "claims", "conflicts in", "quotes verified / not found"], styled, ctx, plain)}\n`;
}

/** The text output, in the order SPEC §10 gives: diagnostics, claim table, conflicts, summary. */
export function checkText(report: Report, ctx: TextContext): string {
  const parts: string[] = [];
  const diagnostics = formatStylish(report.diagnostics, ctx);
  if (diagnostics) parts.push(diagnostics.trimEnd() + "\n");
  const table = claimTable(report, ctx);
  if (table) parts.push(table);
  // A claim with an error of its own is not in the table: say which, so none goes missing unseen.
  const omitted = report.omittedClaims;
  if (omitted.length > 0) parts.push(`${ctx.chalk.red(`${count(omitted.length, "claim")} left out of the table for errors (see above):`)} ${omitted.map((o) => `${sanitize(o.id)} (${sanitize(o.file)}:${o.line}:${o.column})`).join(", ")}\n`);
  for (const claim of report.claims) if (claim.status === "conflict") parts.push(claimDetail(claim, ctx));
  parts.push(summaryLine(report, ctx));
  return parts.join("\n");
}
