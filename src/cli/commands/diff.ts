/** `claims diff <git-rev> [paths…]`: what changed in the ledger since a revision. */
import { compareReports, type ReportDiff } from "../../core/diff/compare.js";
import { checkRevision, diffTop, goneSince, resolveCommit } from "../../core/diff/revision.js";
import { materialize } from "../../core/report/types.js";
import { DIFF_FORMATTERS, type DiffFormat } from "../../formats/diff/index.js";
import { chalkFor } from "../colour.js";
import type { Io } from "../io.js";
import { checkPaths, type LedgerFlags, threadsFrom, writeOut } from "./common.js";

/** What `--fail-on` can fail a diff on. */
export const DIFF_FAIL_ON = ["new-error", "new-conflict"] as const;
export type DiffFailOn = (typeof DIFF_FAIL_ON)[number];

export interface DiffOptions extends LedgerFlags {
  readonly format: DiffFormat;
  readonly failOn: readonly DiffFailOn[];
  readonly color: boolean;
}

/** Compares the ledger at `revision` with the working tree and prints the changes; exit 1 when `--fail-on` finds what it names. */
export async function runDiff(io: Io, revision: string, paths: readonly string[], options: DiffOptions): Promise<number> {
  // Git first: without a work tree, the revision or the paths named there is nothing to compare,
  // and reading the working ledger first would only print its notes before the real error.
  const top = diffTop(io.cwd);
  const commit = resolveCommit(revision, top);
  const gone = goneSince(paths, io.cwd, top, commit, revision);
  const now = await checkPaths(io, paths, { ...options, gone });
  const then = await checkRevision(revision, io.cwd, now.config, now.plan, { worker: io.parseWorker, threads: threadsFrom(io.env) });
  const diff = compareReports(materialize(then.checked.report), materialize(now.report), { revision, commit: then.commit }, then.renames);
  const chalk = await chalkFor(io, options.color && options.format === "text");
  writeOut(io, DIFF_FORMATTERS[options.format](diff, chalk), chalk);
  return failed(diff, options.failOn) ? 1 : 0;
}

/** Whether the diff holds what `--fail-on` names: a new error, or a new conflicting pair. */
export function failed(diff: ReportDiff, failOn: readonly DiffFailOn[]): boolean {
  return (failOn.includes("new-error") && diff.summary.errorsNew > 0) || (failOn.includes("new-conflict") && diff.summary.conflictsNew > 0);
}
