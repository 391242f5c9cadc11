/** Text renderings of the report for people: claim table, conflicts, claim detail, source table. */
import type { Report, ReportClaim } from "../../core/report/types.js";
import { sanitizeLine } from "../sanitize.js";
import { displayRange, displayValue, displayWindow, sourcesAndGroups } from "../exports/display.js";
import { count } from "../count.js";
import { formatStylish } from "../lint/stylish.js";
import { claimDetail } from "./detail.js";
import { clipCell, statusText, table, type TextContext } from "./table.js";

export { claimDetail, inTimeOrder } from "./detail.js";
export type { TextContext } from "./table.js";

/**
 * What a claim's positions amount to: for a quantity its range, shown exactly (SPEC §8 v2); the
 * distinct answers otherwise.
 */
export function answerOf(claim: ReportClaim): string {
  if (claim.type === "quantity") return displayRange(claim);
  const answers = new Map<string, number>();
  for (const p of claim.positions) {
    if (!p.committed) continue;
    const answer = claim.type === "boolean" ? String(/^(true|yes)$/i.test(String(p.says))) : displayValue(p.says);
    answers.set(answer, (answers.get(answer) ?? 0) + 1);
  }
  if (answers.size === 0) return "—";
  // "; " between answers: " / " read as an EDTF interval between two dates (2011-12-16/2011-12-18),
  // and ", " already joins the options of one answer.
  return [...answers].map(([a, n]) => (n > 1 ? `${a} (${n})` : a)).join("; ");
}

/**
 * The "range / answer" cell: for a quantity its range, with its window on a second line where the
 * window says something the range does not (SPEC §8 v2); the answers otherwise.
 */
function answerCell(claim: ReportClaim): string {
  // Each line sanitised as the one line it is, and cut: the cell's own line break is the only one.
  const answer = sanitizeLine(clipCell(answerOf(claim)));
  if (claim.type !== "quantity") return answer;
  const window = sanitizeLine(clipCell(displayWindow(claim)));
  return window === answer || window === "—" ? answer : `${answer}\nwindow: ${window}`;
}

/** The table of claims: id, type, status, sources, range (and window) or answer, conflicts. */
export function claimTable(report: Report, ctx: TextContext): string {
  if (report.claims.length === 0) return "";
  const plain = report.claims.map((c) => [
    sanitizeLine(clipCell(c.id)),
    c.type,
    c.status + (c.unresolved ? " (unresolved)" : ""),
    sourcesAndGroups(c),
    answerCell(c),
    String(c.conflictCount),
  ]);
  const styled = report.claims.map((c, i) => [plain[i][0], plain[i][1], statusText(ctx.chalk, c.status, c.unresolved), plain[i][3], plain[i][4], c.conflictCount > 0 ? ctx.chalk.red(plain[i][5]) : plain[i][5]]);
  // The claim and its status shrink last: "conflict (unresolved)" split over two lines is easy to miss.
  return `${table(["claim", "type", "status", "sources (groups)", "range / answer", "conflicts"], styled, ctx, plain, [0, 2])}\n`;
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
    // The parties to a conflict are its origins: a relay is evidence of its origin's view (SPEC §6 v2).
    for (const { origins } of c.conflicts) for (const o of origins) stats.get(o)?.conflicts.add(c.id);
  }
  const plain = report.sources.map((s) => {
    const r = stats.get(s.id)!;
    return [
      sanitizeLine(s.id),
      s.type,
      sanitizeLine(s.side ?? "—"),
      String(r.statements),
      String(r.claims.size),
      r.conflicts.size ? sanitizeLine(clipCell([...r.conflicts].join(", "))) : "—",
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
  if (omitted.length > 0) parts.push(`${ctx.chalk.red(`${count(omitted.length, "claim")} left out of the table for errors (see above):`)} ${omitted.map((o) => `${sanitizeLine(o.id)} (${sanitizeLine(o.file)}:${o.line}:${o.column})`).join(", ")}\n`);
  for (const claim of report.claims) if (claim.status === "conflict") parts.push(claimDetail(claim, ctx, report));
  parts.push(summaryLine(report, ctx));
  return parts.join("\n");
}
