/** The whole flow, one way: files → parsed files → ledger → checks → analysis → report. */
import { analyseClaim, type AnalysisOptions } from "./analysis/analyse-claim.js";
import { type Archives, hasHtmlArchive, readArchives } from "./quotes/archives.js";
import { buildReport, emptyTally, reportClaim } from "./report/build.js";
import { LEDGER_CHECKS } from "./analysis/checks/index.js";
import type { Ledger } from "./load/ledger.js";
import type { Diagnostic } from "./shared/diagnostics.js";
import { buildLedger } from "./load/validate.js";
import { loadFiles, type ParseOptions } from "./load/parse-pool.js";
import { checkQuotes, type ArchiveTextFn } from "./quotes/check-quotes.js";
import type { ClaimStream, ReportClaim } from "./report/types.js";
import { collectFiles, type Contents, type SkipTest } from "./load/workspace.js";
import { applySeverity, type SeverityOverrides } from "./shared/severity.js";

/** Ledgers up to this many claims keep their report entries from the first pass (see `checkRead`). */
const KEEP_ENTRIES = 20_000;

export interface Checked {
  readonly ledger: Ledger;
  readonly report: ClaimStream;
}

/**
 * What a run may be told besides where its files are; `planRun` (load/targets.ts) makes these
 * from the command line and `.claims.yaml`, and an editor can pass the same.
 */
export interface LedgerOptions extends ParseOptions, AnalysisOptions {
  /** Files and folders not to read (ignored ones). */
  readonly ignore?: SkipTest;
  /** Only the diagnostics and claims of the files it accepts (absolute paths) are reported; the rest of the ledger is context. */
  readonly focus?: (abs: string) => boolean;
  /** Severities per diagnostic code; `off` drops a code. */
  readonly severity?: SeverityOverrides;
  /**
   * Texts to read instead of the files on disk, by absolute path (as `resolve(cwd, root)` and the
   * file's path inside it give it): unsaved buffers, or a change checked before it is written.
   * A path not on disk joins the ledger where a folder root would have found it.
   */
  readonly contents?: Contents;
}

/** Reads, parses and validates every file under `paths` and resolves ids across them; no analysis yet. */
export async function loadLedger(paths: readonly string[], cwd: string, options: LedgerOptions = {}): Promise<Ledger> {
  return buildLedger(await loadFiles(collectFiles(paths, cwd, options.ignore, options.contents), options));
}

/** Loads, checks and analyses the ledger under `paths`. Rejects with UsageError only for an unusable path argument. */
export async function checkLedger(paths: readonly string[], cwd: string, options: LedgerOptions = {}): Promise<Checked> {
  return checkLoaded(await loadLedger(paths, cwd, options), options);
}

/** Checks and analyses a loaded ledger: archives read, quotes checked, the report built. */
export async function checkLoaded(ledger: Ledger, options: Pick<LedgerOptions, "focus" | "severity" | "conflicts"> = {}): Promise<Checked> {
  const archives = readArchives(ledger);
  // The HTML parser is loaded only for a ledger that has an HTML archive.
  const archiveText: ArchiveTextFn = hasHtmlArchive(archives) ? (await import("./quotes/archive-text.js")).archiveText : (raw) => raw;
  return checkRead(ledger, archives, archiveText, options);
}

/** Everything after the files and archives are read: cross-references, analysis, quote checks, report. */
export function checkRead(ledger: Ledger, archives: Archives, archiveText: ArchiveTextFn, options: Pick<LedgerOptions, "focus" | "severity" | "conflicts"> = {}): Checked {
  const quotes = checkQuotes(ledger, archives, archiveText);
  const diagnostics = [...ledger.diagnostics, ...LEDGER_CHECKS.flatMap((check) => check(ledger)), ...archives.diagnostics, ...quotes.diagnostics];
  // A first pass counts statuses and collects the analysis diagnostics. Up to KEEP_ENTRIES claims
  // it also keeps their report entries; beyond that it keeps nothing else, and the entries are
  // built again when they are written, one at a time: analysis is cheap next to parsing, and
  // holding every entry of a very large ledger is not.
  const keep = ledger.claims.size <= KEEP_ENTRIES;
  const kept: ReportClaim[] = [];
  const tally = emptyTally();
  const { focus } = options;
  const shown = focus ? (claim: { file: { abs: string } }) => focus(claim.file.abs) : () => true;
  for (const claim of ledger.claims.values()) {
    if (!shown(claim)) continue;
    const analysis = analyseClaim(ledger, claim, diagnostics, options);
    tally.status[analysis.status]++;
    tally.statements += analysis.statements.length;
    if (analysis.unresolved) tally.unresolved++;
    if (keep) kept.push(reportClaim(ledger, analysis, quotes));
  }
  const claims = keep
    ? () => kept
    : function* (): Generator<ReportClaim> {
        for (const claim of ledger.claims.values()) if (shown(claim)) yield reportClaim(ledger, analyseClaim(ledger, claim, [], options), quotes);
      };
  return { ledger, report: buildReport(ledger, tally, reported(ledger, diagnostics, options), claims) };
}

/** The diagnostics a run reports: at their configured severity, and only in the focused files. */
function reported(ledger: Ledger, diagnostics: readonly Diagnostic[], options: Pick<LedgerOptions, "focus" | "severity">): readonly Diagnostic[] {
  const adjusted = options.severity ? applySeverity(diagnostics, options.severity) : diagnostics;
  if (!options.focus) return adjusted;
  const focused = new Set(ledger.files.filter((f) => options.focus!(f.abs)).map((f) => f.display));
  return adjusted.filter((d) => focused.has(d.file));
}
