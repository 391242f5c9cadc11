/** What every ledger command shares: paths, output, thresholds. */
import type { ChalkInstance } from "chalk";
import { checkLedger, type Checked } from "../../core/pipeline.js";
import { defaultPaths } from "../../core/workspace.js";
import type { Io } from "../io.js";
import { sanitize, sanitizeKeepingColour } from "../sanitize.js";

/** Loads and checks the ledger under the given paths (or the default workspace). */
export function checkPaths(io: Io, paths: readonly string[]): Checked {
  return checkLedger(paths.length > 0 ? paths : defaultPaths(io.cwd), io.cwd);
}

/** Writes program output; pieces were sanitised before styling, and this pass catches anything left. */
export function writeOut(io: Io, text: string, chalk?: ChalkInstance): void {
  if (text === "") return;
  io.stdout(chalk && chalk.level > 0 ? sanitizeKeepingColour(text) : sanitize(text));
}

/** Plural noun with its count: "1 claim", "2 claims". */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}
