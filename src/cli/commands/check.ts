/** `claims check`: diagnostics, the claim table, each conflict, a summary. */
import { materialize, type Report } from "../../core/report/types.js";
import { chalkFor } from "../colour.js";
import type { Io } from "../io.js";
import { checkText } from "../../formats/text/text.js";
import { checkPaths, writeJson, writeOut } from "./common.js";

export interface CheckOptions {
  readonly format: "text" | "json" | "markdown";
  readonly failOn: "error" | "conflict" | "unresolved";
  readonly color: boolean;
  readonly ignore: boolean;
}

/** Checks the ledger and prints the result; the exit code follows `--fail-on`. */
export async function runCheck(io: Io, paths: readonly string[], options: CheckOptions): Promise<number> {
  const { report: stream } = await checkPaths(io, paths, options);
  if (options.format === "json") {
    // Streamed: claims are built one at a time as they are written.
    writeJson(io, stream);
    return exitCodeFor(stream, options.failOn);
  }
  const report = materialize(stream);
  if (options.format === "markdown") {
    const { EXPORT_FORMATTERS } = await import("../../formats/exports/index.js");
    writeOut(io, EXPORT_FORMATTERS.markdown(report, { all: false, publisher: null }));
  } else {
    const chalk = await chalkFor(io, options.color);
    writeOut(io, checkText(report, { chalk, width: io.columns }), chalk);
  }
  return exitCodeFor(report, options.failOn);
}

/** 1 when anything reaches the threshold: errors always, then conflicts or unresolved conflicts. */
export function exitCodeFor(report: Pick<Report, "summary">, failOn: CheckOptions["failOn"]): number {
  if (report.summary.errors > 0) return 1;
  if (failOn === "conflict" && report.summary.status.conflict > 0) return 1;
  if (failOn === "unresolved" && report.summary.unresolved > 0) return 1;
  return 0;
}
