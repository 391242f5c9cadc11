/** The whole flow, one way: files → parsed files → ledger → checks → analysis → report. */
import { analyseClaim, type AnalysisOptions } from "./analysis/analyse-claim.js";
import { type Archives, hasHtmlArchive, readArchives } from "./quotes/archives.js";
import { buildReport, type ClaimTally, emptyTally, reportClaim } from "./report/build.js";
import { LEDGER_CHECKS } from "./analysis/checks/index.js";
import type { ClaimEntry, Ledger } from "./load/ledger.js";
import type { Diagnostic } from "./shared/diagnostics.js";
import { buildLedger } from "./load/validate.js";
import { loadFiles, type ParseOptions, WorkerPool, workersFor } from "./load/parse-pool.js";
import { checkQuotes, type ArchiveTextFn, type QuoteCheck, type QuoteChecks } from "./quotes/check-quotes.js";
import type { ClaimStream, ReportClaim } from "./report/types.js";
import { collectFiles, type Contents, type SkipTest } from "./load/workspace.js";
import { applySeverity, type SeverityOverrides } from "./shared/severity.js";
import { pushAll } from "./shared/arrays.js";

/** Ledgers up to this many claims keep their report entries from the first pass (see `checkRead`). */
const KEEP_ENTRIES = 20_000;

export interface Checked {
  readonly ledger: Ledger;
  readonly report: ClaimStream;
  /**
   * With `render: "json"`, when worker threads analysed the claims: the report's `claims` as JSON
   * text, in pieces that join with ",\n" into the elements of the array as `JSON.stringify(report,
   * null, 2)` writes them. `report.claims` still gives the same claims as objects, built again.
   */
  readonly claimsJson?: readonly string[];
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
  /**
   * The report's claims are wanted as JSON text (`check --format json`): where worker threads
   * analyse them, they write it too (`Checked.claimsJson`).
   */
  readonly render?: "json";
}

/** Reads, parses and validates every file under `paths` and resolves ids across them; no analysis yet. */
export async function loadLedger(paths: readonly string[], cwd: string, options: LedgerOptions = {}): Promise<Ledger> {
  return buildLedger(await loadFiles(collectFiles(paths, cwd, options.ignore, options.contents), options));
}

/**
 * Loads, checks and analyses the ledger under `paths`. Rejects with UsageError only for an unusable
 * path argument. A ledger large enough to parse on worker threads is analysed on them too.
 */
export async function checkLedger(paths: readonly string[], cwd: string, options: LedgerOptions = {}): Promise<Checked> {
  const found = collectFiles(paths, cwd, options.ignore, options.contents);
  const threads = workersFor(found.length, options);
  if (threads <= 1) return checkLoaded(buildLedger(await loadFiles(found, options)), options);
  const pool = await WorkerPool.open(options.worker!, threads);
  try {
    const ledger = buildLedger(await loadFiles(found, { ...options, pool }));
    const archives = readArchives(ledger);
    return await checkReadOn(pool, ledger, archives, await archiveTextFor(archives), options);
  } finally {
    await pool.close();
  }
}

/** Checks and analyses a loaded ledger: archives read, quotes checked, the report built. */
export async function checkLoaded(ledger: Ledger, options: Pick<LedgerOptions, "focus" | "severity" | "conflicts"> = {}): Promise<Checked> {
  const archives = readArchives(ledger);
  return checkRead(ledger, archives, await archiveTextFor(archives), options);
}

/** The HTML parser is loaded only for a ledger that has an HTML archive. */
async function archiveTextFor(archives: Archives): Promise<ArchiveTextFn> {
  return hasHtmlArchive(archives) ? (await import("./quotes/archive-text.js")).archiveText : (raw) => raw;
}

/** Everything after the files and archives are read: cross-references, analysis, quote checks, report. */
export function checkRead(ledger: Ledger, archives: Archives, archiveText: ArchiveTextFn, options: Pick<LedgerOptions, "focus" | "severity" | "conflicts"> = {}): Checked {
  const { quotes, diagnostics } = crossChecks(ledger, archives, archiveText);
  const claims = shownClaims(ledger, options);
  // A first pass counts statuses and collects the analysis diagnostics. Up to KEEP_ENTRIES claims
  // it also keeps their report entries; beyond that it keeps nothing else, and the entries are
  // built again when they are written, one at a time: analysis is cheap next to parsing, and
  // holding every entry of a very large ledger is not.
  const keep = claims.length <= KEEP_ENTRIES;
  const kept: ReportClaim[] = [];
  const tally = emptyTally();
  for (const claim of claims) {
    const analysis = analyseClaim(ledger, claim, diagnostics, options);
    count(tally, analysis);
    if (keep) kept.push(reportClaim(ledger, analysis, quotes));
  }
  return { ledger, report: buildReport(ledger, tally, reported(ledger, diagnostics, options), keep ? () => kept : again(ledger, claims, quotes, options)) };
}

/**
 * `checkRead` with the claims analysed on the pool's threads, a share at a time, in order; the
 * cross-file checks and the quotes stay on this thread (the quotes' search budget is the run's).
 * Results, diagnostics and their order are exactly `checkRead`'s.
 */
async function checkReadOn(pool: WorkerPool, ledger: Ledger, archives: Archives, archiveText: ArchiveTextFn, options: LedgerOptions): Promise<Checked> {
  const claims = shownClaims(ledger, options);
  if (claims.length > KEEP_ENTRIES) return checkRead(ledger, archives, archiveText, options);
  const { quotes, diagnostics } = crossChecks(ledger, archives, archiveText);
  const context = { sources: ledger.sources, documents: ledger.documents, declared: ledger.declared };
  const size = Math.max(1, Math.ceil(claims.length / (pool.size * 4)));
  const jobs: Promise<AnalysedShare>[] = [];
  for (let i = 0; i < claims.length; i += size) {
    const share = claims.slice(i, i + size);
    const job: AnalyseJob = { kind: "analyse", context, claims: share, quotes: share.map((c) => quotes.byClaim.get(c.id) ?? []), conflicts: options.conflicts, render: options.render };
    jobs.push(pool.run<AnalysedShare>(job));
  }
  const tally = emptyTally();
  const entries: ReportClaim[] = [];
  const json: string[] = [];
  for (const share of await Promise.all(jobs)) {
    for (const status of Object.keys(tally.status) as (keyof typeof tally.status)[]) tally.status[status] += share.tally.status[status];
    tally.statements += share.tally.statements;
    tally.unresolved += share.tally.unresolved;
    pushAll(diagnostics, share.diagnostics);
    if (share.json !== undefined) json.push(share.json);
    else pushAll(entries, share.entries);
  }
  const report = buildReport(ledger, tally, reported(ledger, diagnostics, options), options.render === "json" ? again(ledger, claims, quotes, options) : () => entries);
  return options.render === "json" ? { ledger, report, claimsJson: json.filter((text) => text !== "") } : { ledger, report };
}

/** A share of a ledger's claims, as the pipeline sends it to a worker thread (`analyseShare`). */
export interface AnalyseJob {
  readonly kind: "analyse";
  /** What the analysis reads of the ledger besides the claims. */
  readonly context: Pick<Ledger, "sources" | "documents" | "declared">;
  readonly claims: readonly ClaimEntry[];
  /** Each claim's quote checks (`QuoteChecks.byClaim`). */
  readonly quotes: readonly (readonly (QuoteCheck | null)[])[];
  readonly conflicts?: AnalysisOptions["conflicts"];
  readonly render?: "json";
}

export interface AnalysedShare {
  readonly tally: ClaimTally;
  /** The analysis diagnostics, in claim order. */
  readonly diagnostics: readonly Diagnostic[];
  readonly entries: readonly ReportClaim[];
  /** With `render: "json"`, the entries as JSON text instead (filled in by the worker script). */
  readonly json?: string;
}

/** Analyses a share of the claims as `checkRead` does, on whichever thread it is given to. */
export function analyseShare(job: AnalyseJob): AnalysedShare {
  const ledger: Ledger = { ...job.context, files: [], claims: new Map(), diagnostics: [], settings: {}, citedByInvalid: new Set(), omittedClaims: [] };
  const quotes: QuoteChecks = { byClaim: new Map(job.claims.map((c, i) => [c.id, job.quotes[i]])), diagnostics: [] };
  const tally = emptyTally();
  const diagnostics: Diagnostic[] = [];
  const entries = job.claims.map((claim) => {
    const analysis = analyseClaim(ledger, claim, diagnostics, { conflicts: job.conflicts });
    count(tally, analysis);
    return reportClaim(ledger, analysis, quotes);
  });
  return { tally, diagnostics, entries };
}

/** The checks across files and the quote checks, and every diagnostic before the analysis's. */
function crossChecks(ledger: Ledger, archives: Archives, archiveText: ArchiveTextFn): { quotes: QuoteChecks; diagnostics: Diagnostic[] } {
  const quotes = checkQuotes(ledger, archives, archiveText);
  return { quotes, diagnostics: [...ledger.diagnostics, ...LEDGER_CHECKS.flatMap((check) => check(ledger)), ...archives.diagnostics, ...quotes.diagnostics] };
}

/** The claims a run reports, in file order: with `focus`, those of the files it accepts. */
function shownClaims(ledger: Ledger, options: Pick<LedgerOptions, "focus">): ClaimEntry[] {
  const { focus } = options;
  const all = [...ledger.claims.values()];
  return focus ? all.filter((claim) => focus(claim.file.abs)) : all;
}

function count(tally: ReturnType<typeof emptyTally>, analysis: ReturnType<typeof analyseClaim>): void {
  tally.status[analysis.status]++;
  tally.statements += analysis.statements.length;
  if (analysis.unresolved) tally.unresolved++;
}

/** The report entries built again, one at a time, as they are read. */
function again(ledger: Ledger, claims: readonly ClaimEntry[], quotes: QuoteChecks, options: Pick<LedgerOptions, "conflicts">): () => Iterable<ReportClaim> {
  return function* () {
    for (const claim of claims) yield reportClaim(ledger, analyseClaim(ledger, claim, [], options), quotes);
  };
}

/** The diagnostics a run reports: at their configured severity, and only in the focused files. */
function reported(ledger: Ledger, diagnostics: readonly Diagnostic[], options: Pick<LedgerOptions, "focus" | "severity">): readonly Diagnostic[] {
  const adjusted = options.severity ? applySeverity(diagnostics, options.severity) : diagnostics;
  if (!options.focus) return adjusted;
  const focused = new Set(ledger.files.filter((f) => options.focus!(f.abs)).map((f) => f.display));
  return adjusted.filter((d) => focused.has(d.file));
}
