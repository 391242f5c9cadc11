/** What every ledger command shares: paths, output, thresholds. */
import type { Stylist } from "../../formats/style.js";
import { checkLedger, type Checked } from "../../core/pipeline.js";
import type { Report } from "../../core/report/types.js";
import { loadConfig, type ClaimsConfig } from "../../core/load/config.js";
import { planRun, type RunPlan } from "../../core/load/targets.js";
import { UsageError } from "../../core/load/workspace.js";
import type { Io } from "../io.js";
import { count } from "../../formats/count.js";
import { jsonChunks } from "../../formats/json-chunks.js";
import { sanitize, sanitizeKeepingColour } from "../../formats/sanitize.js";

/** What every ledger command is told besides its paths: `--no-ignore` clears `ignore`. */
export interface LedgerFlags {
  readonly ignore: boolean;
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
export async function checkPaths(io: Io, paths: readonly string[], flags: LedgerFlags = { ignore: true }): Promise<CheckedRun> {
  const config = loadConfig(io.cwd, { useIgnores: flags.ignore });
  const plan = planRun(paths, io.cwd, config);
  for (const skipped of plan.skipped) io.stderr(sanitize(`claims: ${skipped.path} is ignored (${skipped.reason}), so it was not read; --no-ignore reads it\n`));
  for (const notice of plan.notices) io.stderr(sanitize(`claims: ${notice}\n`));
  const checked = await checkLedger(plan.paths, io.cwd, { worker: io.parseWorker, threads: threadsFrom(io.env), ignore: plan.ignore, focus: plan.focus, severity: plan.severity });
  return { ...checked, config, plan };
}

/** `CLAIMS_THREADS=N` sets the number of parse workers (0 or 1: none); unset, it follows the ledger's size. */
function threadsFrom(env: Io["env"]): number | undefined {
  const value = env.CLAIMS_THREADS;
  if (value === undefined || value === "") return undefined;
  if (!/^\d{1,3}$/.test(value)) throw new UsageError(`CLAIMS_THREADS must be a whole number of threads, not '${value}'`);
  return Number(value);
}

/** Writes program output; pieces were sanitised before styling, and this pass catches anything left. */
export function writeOut(io: Io, text: string, chalk?: Stylist): void {
  if (text === "") return;
  io.stdout(chalk && chalk.level > 0 ? sanitizeKeepingColour(text) : sanitize(text));
}

/** Writes a value as pretty JSON, sanitised, in batches: the whole text is never held at once. */
export function writeJson(io: Io, value: object): void {
  let batch = "";
  for (const chunk of jsonChunks(value)) {
    batch += chunk;
    if (batch.length >= 1 << 16) {
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

