/**
 * `claims fix [paths…]` (SPEC §10 v2): makes the fixes with one possible meaning, prints what is
 * left to fix by hand (the "did you mean" suggestions among it), and writes safely.
 */
import { realpathSync } from "node:fs";
import { EditRefused } from "../../core/edit/types.js";
import { fixFiles } from "../../core/edit/fix-apply.js";
import type { AppliedFix } from "../../core/edit/types.js";
import { checkChange } from "../../core/edit/verify.js";
import { unifiedDiff } from "../../formats/unified-diff.js";
import { formatStylish } from "../../formats/lint/stylish.js";
import { count } from "../../formats/count.js";
import type { Stylist } from "../../formats/style.js";
import type { Diagnostic } from "../../core/shared/diagnostics.js";
import { sanitize } from "../../formats/sanitize.js";
import { chalkFor } from "../colour.js";
import type { Io } from "../io.js";
import { commitWrites, ledgerFingerprint, readForEdit, withEditLock, WriteRefused, type ReadForEdit } from "../ledger-write.js";
import { checkPaths, runOptions, writeOut } from "./common.js";

export interface FixOptions {
  readonly dryRun: boolean;
  readonly color: boolean;
  /** False with `--no-ignore`. */
  readonly ignore: boolean;
}

const WHY: Record<AppliedFix["kind"], string> = {
  key: "misspelt key",
  case: "an option written in another case",
  id: "an id written as its slug",
  reference: "a reference written as the id's slug",
};

/** Fixes the ledger under `paths`; exit 0 when no error is left, 1 when some are (listed), 2 when it could not. */
export async function runFix(io: Io, given: readonly string[], options: FixOptions): Promise<number> {
  try {
    return await fix(io, given, options);
  } catch (error) {
    if (error instanceof EditRefused || error instanceof WriteRefused) {
      io.stderr(sanitize(`claims: ${error.message}\nNothing was written.\n`));
      return 2;
    }
    throw error;
  }
}

async function fix(io: Io, given: readonly string[], options: FixOptions): Promise<number> {
  const before = await checkPaths(io, given, { ignore: options.ignore });
  const { plan } = before;
  const files = before.ledger.files.filter((f) => f.parsed);
  // Files named inside the ledger are the ones fixed; the rest of the ledger is context (its ids).
  const editable = plan.focus ?? (() => true);
  // Worked out without the lock first, so a run with nothing to write leaves the folders alone;
  // under the lock it is worked out again if any file changed meanwhile.
  const attempt = async () => {
    const fingerprint = ledgerFingerprint(plan.paths, io.cwd, plan.ignore);
    const reads = new Map<string, ReadForEdit>();
    for (const file of files) reads.set(file.abs, readForEdit(file.abs, file.display, file.root));
    const texts = files.flatMap((f) => {
      const text = reads.get(f.abs)!.text;
      return text === null ? [] : [{ abs: f.abs, display: f.display, text }];
    });
    const { applied, edits } = fixFiles(texts, editable);
    const change = await checkChange(plan.paths, io.cwd, edits, before.report.diagnostics, runOptions(io, plan));
    return { fingerprint, reads, applied, edits, change };
  };
  let made = await attempt();
  const chalk = await chalkFor(io, options.color);
  if (options.dryRun) {
    for (const edit of made.edits) io.stdout(unifiedDiff(edit, chalk)); // sanitised by unifiedDiff, keeping the CRs and BOM a patch needs
  } else if (made.edits.length > 0) {
    const commit = async (): Promise<void> => {
      if (ledgerFingerprint(plan.paths, io.cwd, plan.ignore) !== made.fingerprint) made = await attempt();
      commitWrites(made.edits.map((edit) => ({ display: edit.display, read: made.reads.get(edit.abs)!, after: edit.after })));
    };
    // One lock per ledger folder, taken in a fixed order so that two runs never wait on each other.
    const roots = [...new Set(files.map((f) => f.root))].sort();
    await roots.reduceRight<() => Promise<void>>((inner, root) => () => withEditLock(realpathSync(root), inner), commit)();
  }
  return account(io, made.applied, made.edits.length, made.change.after.report.diagnostics, options, chalk);
}

/** What was fixed, and what is left to fix by hand; the exit code. */
function account(io: Io, applied: readonly AppliedFix[], files: number, diagnostics: readonly Diagnostic[], options: FixOptions, chalk: Stylist): number {
  // With --dry-run stdout carries only the patch, so the account goes to stderr.
  const say = options.dryRun ? (text: string) => io.stderr(text) : (text: string) => writeOut(io, text, chalk);
  const sorted = [...applied].sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : a.line - b.line || a.column - b.column));
  const lines = sorted.map((f) => `  ${f.display}:${f.line}:${f.column}  ${f.kind === "id" ? "id " : f.part === "key" ? "key " : ""}'${f.from}' → '${f.to}'  (${WHY[f.kind]})`);
  say(sanitize(applied.length === 0 ? "Nothing to fix that has only one possible meaning.\n" : `${options.dryRun ? "Would fix" : "Fixed"} ${count(applied.length, "thing")} in ${count(files, "file")}:\n${lines.join("\n")}\n`));
  const left = diagnostics.filter((d) => d.severity === "error");
  if (left.length === 0) return 0;
  // What is left includes every "did you mean": suggestions, never applied, for a person to judge.
  say(`\n${count(left.length, "error")} left to fix by hand${options.dryRun ? " (lines as the files would read)" : ""}; suggestions are not applied, as each could change what the ledger means:\n\n`);
  say(formatStylish(left, { chalk }));
  return 1;
}
