/** `claims check`: diagnostics, the claim table, each conflict, a summary; or all of it as JSON, Markdown or a CI format. */
import pkg from "../../../package.json" with { type: "json" };
import { compareDiagnostics } from "../../core/shared/diagnostics.js";
import { materialize, type Report } from "../../core/report/types.js";
import { chalkFor } from "../colour.js";
import type { Io } from "../io.js";
import { checkText } from "../../formats/text/text.js";
import { checkPaths, type LedgerFlags, lintContext, writeJson, writeResult } from "./common.js";
import { jsonChunks } from "../../formats/json-chunks.js";
import type { FailOn } from "../../formats/lint/findings.js";

/** The CI formats `check` shares with `lint`, where its conflicts and unresolved claims join the diagnostics. */
export const CHECK_LINT_FORMATS = ["github", "sarif", "junit", "gitlab"] as const;
export type CheckFormat = "text" | "json" | "markdown" | (typeof CHECK_LINT_FORMATS)[number];

export interface CheckOptions extends LedgerFlags {
  readonly format: CheckFormat;
  readonly failOn: FailOn;
  readonly outputFile?: string;
  readonly color: boolean;
}

/** Checks the ledger and prints the result; the exit code follows `--fail-on`. */
export async function runCheck(io: Io, paths: readonly string[], options: CheckOptions): Promise<number> {
  const run = await checkPaths(io, paths, options);
  const { report: stream } = run;
  const output = options.outputFile;
  if (options.format === "json") {
    // Streamed: claims are built one at a time as they are written.
    if (output === undefined) writeJson(io, stream);
    else await writeResult(io, run, `${[...jsonChunks(stream)].join("")}\n`, output);
    return exitCodeFor(stream, options.failOn);
  }
  const report = materialize(stream);
  if (options.format === "markdown") {
    const { EXPORT_FORMATTERS } = await import("../../formats/exports/index.js");
    await writeResult(io, run, EXPORT_FORMATTERS.markdown(report, { all: false, publisher: null, diagnostics: true }), output);
  } else if (options.format === "text") {
    const chalk = await chalkFor(io, options.color && output === undefined);
    await writeResult(io, run, checkText(report, { chalk, width: output === undefined ? io.columns : undefined }), output, chalk);
  } else {
    const [{ LINT_FORMATTERS, findingsOf }, chalk] = await Promise.all([import("../../formats/lint/index.js"), chalkFor(io, false)]);
    const items = [...report.diagnostics, ...findingsOf(report, options.failOn)].sort(compareDiagnostics);
    await writeResult(io, run, LINT_FORMATTERS[options.format](items, { chalk, version: pkg.version, ...lintContext(io, run) }), output, chalk, { commands: options.format === "github" });
  }
  return exitCodeFor(report, options.failOn);
}

/** 1 when anything reaches the threshold: errors always, then conflicts or unresolved conflicts. */
export function exitCodeFor(report: Pick<Report, "summary">, failOn: FailOn): number {
  if (report.summary.errors > 0) return 1;
  if (failOn === "conflict" && report.summary.status.conflict > 0) return 1;
  if (failOn === "unresolved" && report.summary.unresolved > 0) return 1;
  return 0;
}
