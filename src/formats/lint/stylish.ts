/** `lint --format stylish`: diagnostics grouped by file, in aligned columns, like ESLint's stylish. */
import type { Stylist } from "../style.js";
import { compareDiagnostics, countSeverities, type Severity } from "../../core/shared/diagnostics.js";
import { count } from "../count.js";
import { sanitizeLine } from "../sanitize.js";
import type { LintContext, LintItem } from "./types.js";

/** Width in code points, so that a letter outside the BMP counts once. */
function width(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

function severityStyle(chalk: Stylist, severity: Severity): (s: string) => string {
  return severity === "error" ? chalk.red : severity === "warning" ? chalk.yellow : chalk.blue;
}

interface Row {
  readonly cells: readonly string[];
  readonly styles: readonly ((s: string) => string)[];
}

/** ESLint-style report: underlined file names, `line:column  severity  message  code` rows, a summary; empty when there is nothing to say. */
export function formatStylish(diagnostics: readonly LintItem[], ctx: Pick<LintContext, "chalk">): string {
  if (diagnostics.length === 0) return "";
  const { chalk } = ctx;
  const sorted = [...diagnostics].sort(compareDiagnostics);

  const byFile = new Map<string, LintItem[]>();
  for (const d of sorted) {
    const list = byFile.get(d.file);
    if (list) list.push(d);
    else byFile.set(d.file, [d]);
  }

  const blocks: string[] = [];
  for (const [file, list] of byFile) {
    // Every ledger-derived string is sanitised before it is styled, so escapes come only from us.
    const rows: Row[] = list.map((d) => ({
      cells: [`${d.line}:${d.column}`, d.severity, sanitizeLine(d.message), d.code],
      styles: [chalk.dim, severityStyle(chalk, d.severity), (s) => s, chalk.dim],
    }));
    // A loop, not Math.max(...rows): a file with a hundred thousand diagnostics overflowed the stack.
    const widths = rows[0].cells.map((_, i) => {
      let widest = 0;
      for (const r of rows) widest = Math.max(widest, width(r.cells[i]));
      return widest;
    });
    const lines = rows.map((r) => {
      const last = r.cells.length - 1;
      // Padding goes outside the styling, so no underline or colour runs into the gaps.
      const cells = r.cells.map((c, i) => r.styles[i](c) + (i < last ? " ".repeat(widths[i] - width(c)) : ""));
      return `  ${cells.join("  ")}`;
    });
    blocks.push([chalk.underline(sanitizeLine(file)), ...lines].join("\n"));
  }

  const counts = countSeverities(sorted);
  const summary = `\u2716 ${count(sorted.length, "problem")} (${count(counts.error, "error")}, ${count(counts.warning, "warning")}, ${count(counts.info, "info")})`;
  const summaryStyle = counts.error > 0 ? chalk.red.bold : counts.warning > 0 ? chalk.yellow.bold : chalk.blue.bold;
  return `${blocks.join("\n\n")}\n\n${summaryStyle(summary)}\n`;
}
