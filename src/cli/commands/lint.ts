/** `claims lint`: diagnostics only. */
import pkg from "../../../package.json" with { type: "json" };
import { countSeverities } from "../../core/shared/diagnostics.js";
import { chalkFor } from "../colour.js";
import type { Io } from "../io.js";
import { LINT_FORMATTERS, type LintFormat } from "../../formats/lint/index.js";
import { count } from "../../formats/count.js";
import { checkPaths, type LedgerFlags, lintContext, writeResult } from "./common.js";

export interface LintOptions extends LedgerFlags {
  readonly format: LintFormat;
  readonly maxWarnings?: number;
  readonly outputFile?: string;
  readonly color: boolean;
}

/** Prints the diagnostics in the chosen format (or writes them to `--output-file`); exit 1 on any error or too many warnings. */
export async function runLint(io: Io, paths: readonly string[], options: LintOptions): Promise<number> {
  // Lint shows no pair of conflicting positions, so none is listed or counted: a claim of thousands
  // of sources that all disagree costs their number, not their pairs.
  const run = await checkPaths(io, paths, options, { conflicts: "status" });
  const { report } = run;
  const chalk = await chalkFor(io, options.color && options.format === "stylish" && options.outputFile === undefined);
  await writeResult(io, run, LINT_FORMATTERS[options.format](report.diagnostics, { chalk, version: pkg.version, ...lintContext(io, run) }), options.outputFile, chalk, { commands: options.format === "github" });
  const counts = countSeverities(report.diagnostics);
  const tooManyWarnings = options.maxWarnings !== undefined && counts.warning > options.maxWarnings;
  // Said on stderr for every format (as ESLint does): stdout stays machine-readable, and a CI log
  // that shows only warning annotations still says why the step failed.
  if (tooManyWarnings) io.stderr(`claims: ${count(counts.warning, "warning")}, more than --max-warnings ${options.maxWarnings}\n`);
  return counts.error > 0 || tooManyWarnings ? 1 : 0;
}
