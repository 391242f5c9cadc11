/**
 * `claims add statement|source|document|claim` (SPEC §10 v2): a record from options, written into
 * the ledger's files with every other byte kept, and only if the ledger it makes has no new error.
 */
import { realpathSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { addEdit, holdsRecord, placeRecord, type AddEdit, type AddKind, type Placement } from "../../core/edit/add.js";
import { EditInvalid, EditRefused } from "../../core/edit/types.js";
import { checkNewQuote } from "../../core/edit/quote-first.js";
import { checkChange } from "../../core/edit/verify.js";
import type { Diagnostic } from "../../core/shared/diagnostics.js";
import { UsageError } from "../../core/load/workspace.js";
import type { Ledger } from "../../core/load/ledger.js";
import { unifiedDiff } from "../../formats/unified-diff.js";
import { formatStylish } from "../../formats/lint/stylish.js";
import { count } from "../../formats/count.js";
import { sanitize } from "../../formats/sanitize.js";
import { PLAIN } from "../../formats/style.js";
import { chalkFor } from "../colour.js";
import type { Io } from "../io.js";
import { commitWrites, ledgerFingerprint, readForEdit, withEditLock, WriteRefused } from "../ledger-write.js";
import { PromptCancelled } from "../prompt.js";
import { completeInput, recordFor, type AddOptions } from "./add-input.js";
import { checkPaths, runOptions, writeOut } from "./common.js";

export type { AddOptions } from "./add-input.js";

/** Adds one record; the exit code is 0 written (or shown with --dry-run), 1 refused for what it would break, 2 not done. */
export async function runAdd(io: Io, kind: AddKind, id: string | undefined, options: AddOptions & { readonly color: boolean; readonly ignore: boolean }): Promise<number> {
  try {
    return await add(io, kind, id, options);
  } catch (error) {
    if (error instanceof EditInvalid) {
      io.stderr(sanitize(`claims: not added — ${error.message}\nNothing was written.\n`));
      return 1;
    }
    if (error instanceof EditRefused || error instanceof WriteRefused) {
      io.stderr(sanitize(`claims: ${error.message}\nNothing was written.\n`));
      return 2;
    }
    if (error instanceof PromptCancelled) {
      io.stderr("claims: cancelled; nothing was written\n");
      return 2;
    }
    throw error;
  }
}

async function add(io: Io, kind: AddKind, givenId: string | undefined, given: AddOptions & { readonly color: boolean; readonly ignore: boolean }): Promise<number> {
  if (given.ledger !== undefined && !isFolder(resolve(io.cwd, given.ledger))) throw new UsageError(`the ledger folder '${given.ledger}' does not exist or is not a folder; give it with --ledger`);
  // The ledger: --ledger, else .claims.yaml's `ledger`, else ./claims or . (SPEC §1, §13).
  const before = await checkPaths(io, given.ledger === undefined ? [] : [given.ledger], { ignore: given.ignore, noteEmpty: false });
  const { ledger, plan } = before;
  const folder = plan.paths.find((path) => isFolder(resolve(io.cwd, path)));
  if (folder === undefined) throw new UsageError("the ledger has no folder to add to; give one with --ledger");
  const root = resolve(io.cwd, folder);
  // The whole ledger is checked, whatever files were named: a change can break another file.
  const checkOptions = { ...runOptions(io, plan), focus: undefined };
  const { id, options } = await completeInput(io, kind, givenId, given, ledger);
  const place = placeRecord(ledger, root, io.cwd, { kind, id, ...(options.file === undefined ? {} : { file: resolve(io.cwd, options.file) }) });
  const request = { kind, id, record: recordFor(io, kind, id, options, ledger, place, root) };
  if (options.quote !== undefined && options.in !== undefined && (kind === "statement" || kind === "claim")) {
    const match = await checkNewQuote(ledger, options.in, options.quote);
    if (match?.result === "not-found") {
      const closest = match.closest === "" ? "the archive has no similar passage" : `closest passage (${match.similarity}% similar): "${match.closest}"`;
      io.stderr(sanitize(`claims: not added — the quote is not in the archive of '${options.in}'; ${closest}\nNothing was written.\n`));
      return 1;
    }
  }
  const rootReal = realpathSync(root);
  // The change is made and checked first without the lock, so a refused or dry run leaves the
  // ledger folder untouched; under the lock it is made again if anything changed meanwhile.
  const attempt = async () => {
    const fingerprint = ledgerFingerprint(plan.paths, io.cwd, plan.ignore);
    const read = readForEdit(place.abs, place.display, rootReal);
    const edit = addEdit(place, read.text, request);
    const change = await checkChange(plan.paths, io.cwd, [edit], before.report.diagnostics, checkOptions);
    if (change.errors.length === 0 && !holdsRecord(change.after.ledger, request, place)) {
      // An ignored file is named with its rule's owner, so the fix is plain; git is asked even of
      // a file not yet made (see ignore.ts), since `--file` usually names a new one.
      const ignored = plan.ignore(place.abs, false);
      if (ignored !== undefined) throw new EditRefused(`the ledger does not read ${place.display} (${ignored}), so the ${kind} would be lost; choose another --file, or stop ignoring the file`);
      throw new EditRefused(`the ledger does not read ${place.display} (a hidden folder, node_modules, or another ledger folder?), so the ${kind} would be lost; choose another --file`);
    }
    return { fingerprint, read, edit, change };
  };
  let made = await attempt();
  if (made.change.errors.length > 0) return refused(io, kind, made.change.errors);
  const chalk = await chalkFor(io, given.color);
  if (options.dryRun) {
    io.stdout(unifiedDiff(made.edit, chalk)); // sanitised by unifiedDiff, keeping the CRs and BOM a patch needs
    io.stderr("claims: dry run; nothing was written\n");
    return 0;
  }
  return withEditLock(rootReal, async () => {
    if (ledgerFingerprint(plan.paths, io.cwd, plan.ignore) !== made.fingerprint) {
      made = await attempt();
      if (made.change.errors.length > 0) return refused(io, kind, made.change.errors);
    }
    commitWrites([{ display: place.display, read: made.read, after: made.edit.after }]);
    writeOut(io, `${summary(kind, id, place, made.edit, made.change.after.ledger)}\n`);
    if (made.change.notes.length > 0) io.stderr(`\n${formatStylish(made.change.notes, { chalk })}`);
    return 0;
  });
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function refused(io: Io, kind: AddKind, errors: readonly Diagnostic[]): number {
  io.stderr(`claims: not added — the ${kind} would add ${count(errors.length, "error")} to the ledger (lines as the file would read):\n\n`);
  io.stderr(formatStylish(errors, { chalk: PLAIN }));
  io.stderr("Nothing was written.\n");
  return 1;
}

/** "Added statement 4 of 'death-toll' to claims/death-toll.yaml, lines 24–27." */
function summary(kind: AddKind, id: string, place: Placement, edit: AddEdit, after: Ledger): string {
  const lead = edit.inserted.length - edit.inserted.trimStart().length;
  const first = lineOf(edit.after, edit.at + lead);
  const last = lineOf(edit.after, edit.at + edit.inserted.trimEnd().length - 1);
  const lines = first === last ? `line ${first}` : `lines ${first}–${last}`;
  const what = kind === "statement" ? `statement ${after.claims.get(id)?.data.statements.length ?? "?"} of '${id}'` : `${kind} '${id}'`;
  return sanitize(`Added ${what} to ${place.display}${edit.before === null ? " (a new file)" : ""}, ${lines}.`);
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) line++;
  return line;
}
