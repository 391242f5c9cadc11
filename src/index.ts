/**
 * claims as a library: the front door programs import, never a deep path. It loads and checks a
 * ledger, analyses a claim, reads a value with the §5 grammar, and formats a report, with the same
 * code the command line runs; nothing here prints, exits or reads the environment.
 *
 *     import { check, EXPORT_FORMATTERS } from "claims";
 *     const report = await check(["claims"]);
 *     console.log(report.summary.status.conflict, EXPORT_FORMATTERS.markdown(report, { all: false, publisher: null }));
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { checkLedger, loadLedger as loadLedgerAt } from "./core/pipeline.js";
import type { Ledger } from "./core/load/ledger.js";
import { defaultPaths } from "./core/load/workspace.js";
import { materialize, type Report } from "./core/report/types.js";

export interface CheckOptions {
  /** The directory relative paths start from, and that report paths are relative to; default `process.cwd()`. */
  readonly cwd?: string;
  /** Parse threads: 0 or 1 parses on the calling thread; default by ledger size and cores (SPEC's CLAIMS_THREADS). */
  readonly threads?: number;
}

/** The built parse worker beside this module, when there is one (it is not, running from source). */
function parseWorker(): URL | undefined {
  const url = new URL("./parse-worker.cjs", import.meta.url);
  return url.protocol === "file:" && existsSync(fileURLToPath(url)) ? url : undefined;
}

function resolved(paths: readonly string[], options: CheckOptions): { paths: readonly string[]; cwd: string } {
  const cwd = options.cwd ?? process.cwd();
  return { paths: paths.length > 0 ? paths : defaultPaths(cwd), cwd };
}

/**
 * Loads, checks and analyses the ledger under `paths` (files or folders, SPEC §1; none: `./claims`
 * if it exists, else the working directory) and gives the §11 report, as `claims check --format
 * json` prints it. Rejects with `UsageError` for a path that cannot be read.
 */
export async function check(paths: readonly string[] = [], options: CheckOptions = {}): Promise<Report> {
  const at = resolved(paths, options);
  const { report } = await checkLedger(at.paths, at.cwd, { worker: parseWorker(), threads: options.threads });
  return materialize(report);
}

/** Loads the ledger under `paths` (as `check` does) without analysing it: records, files and their diagnostics. */
export async function loadLedger(paths: readonly string[] = [], options: CheckOptions = {}): Promise<Ledger> {
  const at = resolved(paths, options);
  return loadLedgerAt(at.paths, at.cwd, { worker: parseWorker(), threads: options.threads });
}

// Stages, for programs that need more than the report.
export { checkLedger, checkRead, type Checked } from "./core/pipeline.js";
export { analyseClaim, valueContext, STATUSES, type ClaimAnalysis, type AnalysedStatement, type Position, type Status, type StatementError } from "./core/analysis/analyse-claim.js";
export { reportClaim } from "./core/report/build.js";
export { UsageError } from "./core/load/workspace.js";
export type { ClaimEntry, Entry, Kind, Ledger, LedgerFile } from "./core/load/ledger.js";
export { CLAIM_TYPES, RATINGS, SOURCE_TYPES, type BooleanClaimInput, type ChoiceClaimInput, type ClaimInput, type DateClaimInput, type DocumentInput, type QuantityClaimInput, type Rating, type SettingsInput, type SourceInput, type SourceType, type StatementInput, type VerdictInput } from "./core/load/records.js";
export { ledgerJsonSchema } from "./core/load/json-schema.js";

// The value grammar (SPEC §5).
export { compatible, formatSet, parseValue, sameSet, widen, type ClaimType, type ParseResult, type ValueContext, type ValueSet } from "./core/values/index.js";

// Diagnostics (SPEC §9) and the report (SPEC §11).
export { DIAGNOSTIC_CODES, type Diagnostic, type DiagnosticCode, type Position as DiagnosticPosition, type Severity } from "./core/shared/diagnostics.js";
export { materialize, REPORT_VERSION, type ClaimStream, type QuoteCheck, type Report, type ReportClaim, type ReportDocument, type ReportInterval, type ReportPosition, type ReportSource, type ReportStatement, type ReportVerdict } from "./core/report/types.js";

// Formatters: pure functions from a report (or its diagnostics) to text.
export { EXPORT_FORMATTERS, EXPORT_FORMATS, type ExportFormat, type ExportFormatter, type ExportOptions } from "./formats/exports/index.js";
export { LINT_FORMATTERS, type LintContext, type LintFormat, type LintFormatter } from "./formats/lint/index.js";
export { checkText, claimDetail, sourceTable, type TextContext } from "./formats/text/text.js";
export { PLAIN, type Stylist } from "./formats/style.js";
export { sanitize } from "./formats/sanitize.js";
