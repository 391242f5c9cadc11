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
import { checkLedger, type LedgerOptions, loadLedger as loadLedgerAt } from "./core/pipeline.js";
import { type ClaimsConfig, loadConfig } from "./core/load/config.js";
import type { Ledger } from "./core/load/ledger.js";
import { planRun } from "./core/load/targets.js";
import { defaultPaths } from "./core/load/workspace.js";
import { materialize, type Report } from "./core/report/types.js";

export interface CheckOptions {
  /** The directory relative paths start from, and that report paths are relative to; default `process.cwd()`. */
  readonly cwd?: string;
  /** Parse threads: 0 or 1 parses on the calling thread; default by ledger size and cores (SPEC's CLAIMS_THREADS). */
  readonly threads?: number;
  /**
   * The configuration (SPEC §13): by default `.claims.yaml` is found from `cwd` as the CLI finds
   * it (its ledger, ignores, severities, and the files git ignores); a loaded one (`loadConfig`)
   * is used as given; `false` reads every file named with no configuration at all.
   */
  readonly config?: ClaimsConfig | false;
  /**
   * Texts to read instead of files on disk, by absolute path: an editor's unsaved buffers, or a
   * change to check before writing it. A path not on disk joins the ledger where a folder root
   * would have found it (a `.yaml`/`.yml` name outside hidden folders, node_modules and ignores).
   */
  readonly contents?: ReadonlyMap<string, string>;
}

/** The built parse worker beside this module, when there is one (it is not, running from source). */
function parseWorker(): URL | undefined {
  const url = new URL("./parse-worker.cjs", import.meta.url);
  return url.protocol === "file:" && existsSync(fileURLToPath(url)) ? url : undefined;
}

/** The paths and options of a run, as the CLI plans them (file lists, ignores, severities). */
function resolved(paths: readonly string[], options: CheckOptions): { paths: readonly string[]; cwd: string; run: LedgerOptions } {
  const cwd = options.cwd ?? process.cwd();
  const parse = { worker: parseWorker(), threads: options.threads, contents: options.contents };
  if (options.config === false) return { paths: paths.length > 0 ? paths : defaultPaths(cwd), cwd, run: parse };
  const plan = planRun(paths, cwd, options.config ?? loadConfig(cwd));
  return { paths: plan.paths, cwd, run: { ...parse, ignore: plan.ignore, focus: plan.focus, severity: plan.severity } };
}

/**
 * Loads, checks and analyses the ledger under `paths` (files or folders, SPEC §1; none: `./claims`
 * if it exists, else the working directory) and gives the §11 report, as `claims check --format
 * json` prints it, under `.claims.yaml` as the CLI reads it (see `CheckOptions.config`). Rejects
 * with `UsageError` for a path that cannot be read, and `ConfigError` (a `UsageError`) for a bad
 * configuration.
 */
export async function check(paths: readonly string[] = [], options: CheckOptions = {}): Promise<Report> {
  const at = resolved(paths, options);
  const { report } = await checkLedger(at.paths, at.cwd, at.run);
  return materialize(report);
}

/** Loads the ledger under `paths` (as `check` does) without analysing it: records, files and their diagnostics. */
export async function loadLedger(paths: readonly string[] = [], options: CheckOptions = {}): Promise<Ledger> {
  const at = resolved(paths, options);
  return loadLedgerAt(at.paths, at.cwd, at.run);
}

// Stages, for programs that need more than the report.
export { checkLedger, checkLoaded, checkRead, type Checked, type LedgerOptions } from "./core/pipeline.js";

// Configuration (SPEC §13) and what a run reads (SPEC §10): the seam an editor uses too.
export { CONFIG_FILE, ConfigError, findConfig, loadConfig, type ClaimsConfig } from "./core/load/config.js";
export { planRun, type RunPlan, type SkippedPath } from "./core/load/targets.js";
export { applySeverity, LOCKED_CODES, SEVERITY_LEVELS, type SeverityLevel, type SeverityOverrides } from "./core/shared/severity.js";
export { fingerprints, findingKey } from "./core/shared/fingerprint.js";

// What changed since a git revision (SPEC §10 v2, `claims diff`).
export { checkRevision, type Revision } from "./core/diff/revision.js";
export { compareReports, DIFF_VERSION, type ClaimChange, type DiffClaim, type DiffPosition, type DiffVerdict, type PositionChange, type ReportDiff } from "./core/diff/compare.js";
export { DIFF_FORMATTERS, type DiffFormat, type DiffFormatter } from "./formats/diff/index.js";
export { analyseClaim, valueContext, STATUSES, type ClaimAnalysis, type AnalysedStatement, type Position, type Status, type StatementError } from "./core/analysis/analyse-claim.js";
export { reportClaim } from "./core/report/build.js";
export { UsageError } from "./core/load/workspace.js";
export type { ClaimEntry, Entry, Kind, Ledger, LedgerFile } from "./core/load/ledger.js";
export { CLAIM_TYPES, RATINGS, SOURCE_TYPES, type BooleanClaimInput, type ChoiceClaimInput, type ClaimInput, type DateClaimInput, type DocumentInput, type QuantityClaimInput, type Rating, type SettingsInput, type SourceInput, type SourceType, type StatementInput, type VerdictInput } from "./core/load/records.js";
export { ledgerJsonSchema } from "./core/load/json-schema.js";

// Editing the ledger's files, as `claims add` and `claims fix` do (SPEC §10 v2): every byte outside the change kept.
export { addToText, fixTexts } from "./core/edit/index.js";
export { EditInvalid, EditRefused, type AppliedFix, type FileText, type Fixed, type Insertion } from "./core/edit/types.js";
export { findFixes, type Fix, type FixInput, type FixKind } from "./core/edit/fix-find.js";
export { addedDiagnostics, checkChange, type CheckedChange, type FileEdit } from "./core/edit/verify.js";

// The value grammar (SPEC §5).
export { compatible, formatSet, parseValue, sameSet, widen, type ClaimType, type ParseResult, type ValueContext, type ValueSet } from "./core/values/index.js";

// Diagnostics (SPEC §9) and the report (SPEC §11).
export { DIAGNOSTIC_CODES, type Diagnostic, type DiagnosticCode, type Position as DiagnosticPosition, type Severity } from "./core/shared/diagnostics.js";
export { materialize, REPORT_VERSION, type ClaimStream, type QuoteCheck, type Report, type ReportClaim, type ReportConflict, type ReportDocument, type ReportInterval, type ReportOmittedClaim, type ReportPosition, type ReportSource, type ReportStatement, type ReportVerdict } from "./core/report/types.js";

// Formatters: pure functions from a report (or its diagnostics) to text.
export { EXPORT_FORMATTERS, EXPORT_FORMATS, type ExportFormat, type ExportFormatter, type ExportOptions } from "./formats/exports/index.js";
export { ClaimReviewRefused, planClaimReview, type ClaimReviewPlan, type ClaimReviewSetting } from "./formats/exports/claimreview.js";
export { FINDING_CODES, findingsOf, LINT_FORMATTERS, type FailOn, type Finding, type FindingCode, type LintContext, type LintFormat, type LintFormatter, type LintItem } from "./formats/lint/index.js";
export { checkText, claimDetail, sourceTable, type TextContext } from "./formats/text/text.js";
export { PLAIN, type Stylist } from "./formats/style.js";
export { sanitize } from "./formats/sanitize.js";
