/**
 * A change is checked before it is written: the whole ledger is loaded and checked with the new
 * texts in memory, and what the change adds to the diagnostics is what decides.
 */
import { checkLedger, type Checked, type LedgerOptions } from "../pipeline.js";
import type { Diagnostic } from "../shared/diagnostics.js";

/** One file's change: its text before (null for a new file) and after. */
export interface FileEdit {
  /** The path as the ledger finds it (a symbolic link inside the ledger stays a link). */
  readonly abs: string;
  /** The path as outputs show it, relative to the working directory. */
  readonly display: string;
  readonly before: string | null;
  readonly after: string;
}

export interface CheckedChange {
  /** Errors the change would add to the ledger. */
  readonly errors: readonly Diagnostic[];
  /** Warnings and infos it would add (an unused new source, say): told, not refused. */
  readonly notes: readonly Diagnostic[];
  /** The ledger as it would be. */
  readonly after: Checked;
}

/** Checks the ledger under `paths` as it would be with `edits`, against its diagnostics before them. */
export async function checkChange(paths: readonly string[], cwd: string, edits: readonly FileEdit[], before: readonly Diagnostic[], options: LedgerOptions = {}): Promise<CheckedChange> {
  const contents = new Map(edits.map((edit) => [edit.abs, edit.after]));
  const after = await checkLedger(paths, cwd, { ...options, contents });
  const added = addedDiagnostics(before, after.report.diagnostics);
  return { errors: added.filter((d) => d.severity === "error"), notes: added.filter((d) => d.severity !== "error"), after };
}

/**
 * The diagnostics of `after` that `before` does not have. Lines move when text is inserted, so a
 * diagnostic is known by its code, file and message, with the places a message quotes left out
 * ("already declared at claims/a.yaml:12:3"); of several alike, the extra ones are the added.
 */
export function addedDiagnostics(before: readonly Diagnostic[], after: readonly Diagnostic[]): Diagnostic[] {
  const key = (d: Diagnostic) => `${d.code}\u0000${d.file}\u0000${d.message.replace(/:\d+:\d+/g, ":_:_")}`;
  const seen = new Map<string, number>();
  for (const d of before) seen.set(key(d), (seen.get(key(d)) ?? 0) + 1);
  const added: Diagnostic[] = [];
  for (const d of after) {
    const left = seen.get(key(d)) ?? 0;
    if (left > 0) seen.set(key(d), left - 1);
    else added.push(d);
  }
  return added;
}
