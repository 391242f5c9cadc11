/** What every ledger command shares: paths, output, thresholds. */
import type { Stylist } from "../../formats/style.js";
import { checkLedger, type Checked, type LedgerOptions } from "../../core/pipeline.js";
import type { Report } from "../../core/report/types.js";
import { loadConfig, type ClaimsConfig } from "../../core/load/config.js";
import { planRun, type RunPlan } from "../../core/load/targets.js";
import { displayPath, type SkipTest, UsageError } from "../../core/load/workspace.js";
import { dirname, resolve } from "node:path";
import { existsSync, statSync } from "node:fs";
import pkg from "../../../package.json" with { type: "json" };
import type { Io } from "../io.js";
import { count } from "../../formats/count.js";
import { jsonChunks } from "../../formats/json-chunks.js";
import { neutraliseCommands, sanitize, sanitizeKeepingColour } from "../../formats/sanitize.js";

/** What every ledger command is told besides its paths: `--no-ignore` clears `ignore`; `--cache`, `--no-cache`, `--cache-location`. */
export interface LedgerFlags {
  readonly ignore: boolean;
  /** False where an empty ledger is expected (`claims add` starting one): no note that nothing was read. */
  readonly noteEmpty?: boolean;
  /** Paths named that are gone from the working tree, for `claims diff` to read at its revision (see planRun). */
  readonly gone?: ReadonlySet<string>;
  /** Unset: as `.claims.yaml`'s `cache` says. */
  readonly cache?: boolean;
  readonly cacheLocation?: string;
}

/** A checked ledger with the configuration and plan it was read under. */
export interface CheckedRun extends Checked {
  readonly config: ClaimsConfig;
  readonly plan: RunPlan;
}

/**
 * Loads and checks the ledger under the given paths (or the configured or default ledger), under
 * `.claims.yaml`; says on stderr which named paths are ignored. Throws ConfigError for a bad configuration.
 */
export async function checkPaths(io: Io, paths: readonly string[], flags: LedgerFlags = { ignore: true }, analysis: Pick<LedgerOptions, "conflicts"> = {}): Promise<CheckedRun> {
  const config = loadConfig(io.cwd, { useIgnores: flags.ignore });
  const plan = planRun(paths, io.cwd, config, flags.gone);
  for (const skipped of plan.skipped) io.stderr(sanitize(`claims: ${skipped.path} is ignored (${skipped.reason}), so it was not read; --no-ignore reads it\n`));
  for (const notice of plan.notices) io.stderr(sanitize(`claims: ${notice}\n`));
  // What the walk skips as ignored, to say why a run that read nothing read nothing.
  const ignored: Ignored = { first: [], count: 0, reasons: new Set() };
  const ignore: SkipTest = (abs, isDirectory) => {
    const reason = plan.ignore(abs, isDirectory);
    if (reason !== undefined) {
      if (ignored.count++ < 3) ignored.first.push(`${displayPath(io.cwd, abs)}${isDirectory ? "/" : ""}`);
      if (ignored.reasons.size < 3) ignored.reasons.add(reason);
    }
    return reason;
  };
  const cache = (flags.cache ?? config.cache) ? await openCache(io, plan, flags.cacheLocation) : undefined;
  const checked = await checkLedger(plan.paths, io.cwd, { ...runOptions(io, plan), ...analysis, ignore, ...(cache ? { cache } : {}) });
  if (cache) {
    try {
      cache.save();
    } catch (error) {
      // The run's result stands; only the next run is slower.
      io.stderr(sanitize(`claims: could not write the cache ${cache.path}: ${error instanceof Error ? error.message : String(error)}\n`));
    }
  }
  if (checked.ledger.files.length === 0 && plan.paths.length > 0 && flags.noteEmpty !== false) io.stderr(sanitize(`claims: ${nothingRead(io, plan, ignored)}\n`));
  return { ...checked, config, plan };
}

/**
 * Why a run read no file: a note, not an error (an empty ledger is a ledger), since a run that
 * checks nothing passes, and a wrong folder or an ignore that hides everything must not pass unseen.
 */
function nothingRead(io: Io, plan: RunPlan, ignored: Ignored): string {
  const where = plan.paths.map((path) => displayPath(io.cwd, resolve(io.cwd, path))).join(", ");
  const lead = `no file was read under ${where}, so nothing was checked`;
  if (ignored.count === 0) return `${lead}: a ledger is the *.yaml and *.yml files there (hidden folders and node_modules are skipped)`;
  const { first, count } = ignored;
  const list = count > 3 ? `${first.join(", ")} and ${count - 3} more` : first.length === 1 ? first[0] : `${first.slice(0, -1).join(", ")} and ${first.at(-1)}`;
  const them = count === 1 ? "it" : "them";
  const why = ignored.reasons.size > 2 ? "git or .claims.yaml's ignore" : [...ignored.reasons].map((r) => r.replace(/ it$/, ` ${them}`)).join("; ");
  return `${lead}: what is there is ignored — ${list} (${why}); --no-ignore reads ${them}`;
}

/** What a walk skipped as ignored: the first few paths (folders end in /), how many, and why. */
interface Ignored {
  readonly first: string[];
  count: number;
  readonly reasons: Set<string>;
}

/** The run's cache file, opened (loaded only when a run uses it). Throws UsageError for a location inside the ledger. */
async function openCache(io: Io, plan: RunPlan, location: string | undefined) {
  const { CacheFile, cacheFilePath } = await import("../cache.js");
  const roots = plan.paths.map((p) => {
    const abs = resolve(io.cwd, p);
    return existsSync(abs) && !statSync(abs).isDirectory() ? dirname(abs) : abs;
  });
  return CacheFile.open(cacheFilePath({ cwd: io.cwd, location, roots, env: io.env }), buildId());
}

/** What a cache entry is only good for: this version and build of claims, on this version of Node. */
function buildId(): string {
  return `${pkg.version} ${typeof __CLAIMS_BUILD__ === "string" ? __CLAIMS_BUILD__ : "source"} ${process.version}`;
}

declare const __CLAIMS_BUILD__: string | undefined;

/** What every load of a run is told: its parse workers and threads, and the plan's ignores, focus and severities. */
export function runOptions(io: Io, plan: RunPlan): LedgerOptions {
  return { worker: io.parseWorker, threads: threadsFrom(io.env), ignore: plan.ignore, focus: plan.focus, severity: plan.severity };
}

/** `CLAIMS_THREADS=N` sets the number of parse workers (0 or 1: none); unset, it follows the ledger's size. */
export function threadsFrom(env: Io["env"]): number | undefined {
  const value = env.CLAIMS_THREADS;
  if (value === undefined || value === "") return undefined;
  if (!/^\d{1,3}$/.test(value)) throw new UsageError(`CLAIMS_THREADS must be a whole number of threads, not '${value}'`);
  return Number(value);
}

/**
 * Writes program output; pieces were sanitised before styling, and this pass catches anything
 * left. No line may start a CI workflow command unless `commands` says the format writes its own.
 */
export function writeOut(io: Io, text: string, chalk?: Stylist, { commands = false } = {}): void {
  if (text === "") return;
  const safe = chalk && chalk.level > 0 ? sanitizeKeepingColour(text) : sanitize(text);
  io.stdout(commands ? safe : neutraliseCommands(safe));
}

/** Writes a value as pretty JSON, sanitised, in batches: the whole text is never held at once. */
export function writeJson(io: Io, value: object): void {
  let batch = "";
  for (const chunk of jsonChunks(value)) {
    batch += chunk;
    // Written at 16K characters: with the next piece, still under V8's large-object size (see jsonChunks).
    if (batch.length >= 1 << 14) {
      io.stdout(sanitize(batch));
      batch = "";
    }
  }
  io.stdout(sanitize(`${batch}\n`));
}

/** Says on stderr that the ledger has errors, and gives the exit code: 1 with errors, else 0. */
export function ledgerErrors(io: Io, report: Pick<Report, "summary">): number {
  if (report.summary.errors === 0) return 0;
  io.stderr(`claims: the ledger has ${count(report.summary.errors, "error")}; run 'claims lint' to see them\n`);
  return 1;
}


/** What a lint format needs to know of the run: the folder paths are relative to, every file read, the top of the repository. */
export function lintContext(io: Io, run: CheckedRun): { cwd: string; files: string[]; root: string } {
  return { cwd: io.cwd, files: run.ledger.files.filter((f) => run.plan.focus?.(f.abs) ?? true).map((f) => f.display), root: run.config.gitTop ?? io.cwd };
}

/**
 * Writes a command's result: to stdout, or with `output` atomically to that file, which may be
 * none of the ledger's files or archives, nor its configuration or any `.claims.yaml`, nor a new
 * YAML file in its folders, nor inside `.git` (see write-output.ts).
 */
export async function writeResult(io: Io, run: CheckedRun, text: string, output: string | undefined, chalk?: Stylist, { commands = false } = {}): Promise<void> {
  if (output === undefined) return writeOut(io, text, chalk, { commands });
  const { writeOutputAtomic, OutputRefused } = await import("../write-output.js");
  const { ledger } = run;
  // Every file the ledger is made of is off limits, archives included.
  const archives = [...ledger.documents.values()].flatMap((d) => (d.data.archive === undefined ? [] : [resolve(dirname(d.file.abs), d.data.archive)]));
  try {
    const roots = [...new Set(ledger.files.map((f) => f.root))];
    const configFiles = run.config.file === null ? [] : [run.config.file];
    writeOutputAtomic(output, commands ? sanitize(text) : neutraliseCommands(sanitize(text)), { cwd: io.cwd, ledgerFiles: ledger.files.map((f) => f.abs), archives, roots, configFiles });
  } catch (error) {
    if (error instanceof OutputRefused) throw new UsageError(error.message);
    throw new UsageError(`cannot write '${output}': ${error instanceof Error ? error.message : String(error)}`);
  }
}
