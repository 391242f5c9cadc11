/** What every ledger command shares: paths, output, thresholds. */
import type { Stylist } from "../../formats/style.js";
import { checkLedger, type Checked } from "../../core/pipeline.js";
import type { Report } from "../../core/report/types.js";
import { defaultPaths, UsageError } from "../../core/load/workspace.js";
import type { Io } from "../io.js";
import { count } from "../../formats/count.js";
import { jsonChunks } from "../../formats/json-chunks.js";
import { sanitize, sanitizeKeepingColour } from "../../formats/sanitize.js";

/** Loads and checks the ledger under the given paths (or the default workspace). */
export function checkPaths(io: Io, paths: readonly string[]): Promise<Checked> {
  return checkLedger(paths.length > 0 ? paths : defaultPaths(io.cwd), io.cwd, { worker: io.parseWorker, threads: threadsFrom(io.env) });
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

