/**
 * The diagnostics the editor holds, per file, kept up to date file by file: a pass recomputes only
 * the files it touched (edited, holding a re-checked claim, or with ledger-wide diagnostics), and
 * sends only those whose diagnostics changed, or that were edited.
 */
import { compareDiagnostics, type Diagnostic } from "../../core/shared/diagnostics.js";

/** Diagnostics grouped by the file they name (its display path). */
export function groupByFile(diagnostics: Iterable<Diagnostic>): Map<string, Diagnostic[]> {
  const groups = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const group = groups.get(d.file);
    if (group) group.push(d);
    else groups.set(d.file, [d]);
  }
  return groups;
}

export class PublishedDiagnostics {
  private readonly lists = new Map<string, readonly Diagnostic[]>();
  private ledgerWide = new Map<string, Diagnostic[]>();

  /** Every file's diagnostics as last sent, in the order every output uses. */
  get all(): ReadonlyMap<string, readonly Diagnostic[]> {
    return this.lists;
  }

  /**
   * Recomputes the files in `touched` and those with ledger-wide diagnostics now or before: each
   * file's list is its ledger-wide diagnostics and its claims' (`ofClaims`). Returns the files
   * whose list changed (an empty list clears a file), and every file of `always`.
   */
  update(ledgerWide: Map<string, Diagnostic[]>, ofClaims: (file: string) => readonly Diagnostic[], touched: Iterable<string>, always: Iterable<string>): Map<string, readonly Diagnostic[]> {
    const files = new Set([...touched, ...always, ...ledgerWide.keys(), ...this.ledgerWide.keys()]);
    this.ledgerWide = ledgerWide;
    const changed = new Map<string, readonly Diagnostic[]>();
    for (const file of files) {
      const list = [...(ledgerWide.get(file) ?? []), ...ofClaims(file)].sort(compareDiagnostics);
      if (!sameList(this.lists.get(file) ?? [], list)) changed.set(file, list);
      if (list.length > 0) this.lists.set(file, list);
      else this.lists.delete(file);
    }
    for (const file of always) changed.set(file, this.lists.get(file) ?? []);
    return changed;
  }
}

function sameList(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  return a.length === b.length && a.every((d, i) => d.code === b[i].code && d.line === b[i].line && d.column === b[i].column && d.message === b[i].message && d.severity === b[i].severity);
}
