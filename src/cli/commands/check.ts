/** `claims check`: diagnostics, the claim table, each conflict, a summary. */
import pkg from "../../../package.json" with { type: "json" };
import { materialize, type Report } from "../../core/report.js";
import { chalkFor } from "../colour.js";
import type { Io } from "../io.js";
import { LINT_FORMATTERS } from "../lint-formats/index.js";
import { claimDetail, claimTable, summaryLine, type TextContext } from "../render/text.js";
import { checkPaths, writeJson, writeOut } from "./common.js";

export interface CheckOptions {
  readonly format: "text" | "json" | "markdown";
  readonly failOn: "error" | "conflict" | "unresolved";
  readonly color: boolean;
}

/** Checks the ledger and prints the result; the exit code follows `--fail-on`. */
export async function runCheck(io: Io, paths: readonly string[], options: CheckOptions): Promise<number> {
  const { report: stream } = await checkPaths(io, paths);
  if (options.format === "json") {
    // Streamed: claims are built one at a time as they are written.
    writeJson(io, stream);
    return exitCodeFor(stream, options.failOn);
  }
  const report = materialize(stream);
  if (options.format === "markdown") {
    const { EXPORT_FORMATTERS } = await import("../exports/index.js");
    writeOut(io, EXPORT_FORMATTERS.markdown(report, { all: false, publisher: null }));
  } else {
    const chalk = await chalkFor(io, options.color);
    writeOut(io, checkText(report, { chalk, width: io.columns }, io.cwd), chalk);
  }
  return exitCodeFor(report, options.failOn);
}

/** The text output, in the order SPEC §10 gives: diagnostics, claim table, conflicts, summary. */
export function checkText(report: Report, ctx: TextContext, cwd: string): string {
  const parts: string[] = [];
  const diagnostics = LINT_FORMATTERS.stylish(report.diagnostics, { chalk: ctx.chalk, version: pkg.version, cwd });
  if (diagnostics) parts.push(diagnostics.trimEnd() + "\n");
  const table = claimTable(report, ctx);
  if (table) parts.push(table);
  for (const claim of report.claims) if (claim.status === "conflict") parts.push(claimDetail(claim, ctx));
  parts.push(summaryLine(report, ctx));
  return parts.join("\n");
}

/** 1 when anything reaches the threshold: errors always, then conflicts or unresolved conflicts. */
export function exitCodeFor(report: Pick<Report, "summary">, failOn: CheckOptions["failOn"]): number {
  if (report.summary.errors > 0) return 1;
  if (failOn === "conflict" && report.summary.status.conflict > 0) return 1;
  if (failOn === "unresolved" && report.summary.unresolved > 0) return 1;
  return 0;
}
