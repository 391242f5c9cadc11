/** Diagnostics per file, and which files' diagnostics a pass changed: only those are sent to the editor again. */
import { compareDiagnostics, type Diagnostic } from "../../core/shared/diagnostics.js";

/** Diagnostics grouped by the file they name (its display path), each group in the order every output uses. */
export function groupByFile(diagnostics: readonly Diagnostic[]): Map<string, readonly Diagnostic[]> {
  const groups = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const group = groups.get(d.file);
    if (group) group.push(d);
    else groups.set(d.file, [d]);
  }
  for (const group of groups.values()) group.sort(compareDiagnostics);
  return groups;
}

/**
 * The files whose diagnostics differ between two passes (a file with none now gets an empty list,
 * which clears it in the editor), and the files in `always`, changed or not.
 */
export function changedGroups(before: ReadonlyMap<string, readonly Diagnostic[]>, after: ReadonlyMap<string, readonly Diagnostic[]>, always: Iterable<string>): Map<string, readonly Diagnostic[]> {
  const changed = new Map<string, readonly Diagnostic[]>();
  for (const [file, group] of after) if (!sameList(before.get(file), group)) changed.set(file, group);
  for (const file of before.keys()) if (!after.has(file)) changed.set(file, []);
  for (const file of always) changed.set(file, after.get(file) ?? []);
  return changed;
}

function sameList(a: readonly Diagnostic[] | undefined, b: readonly Diagnostic[]): boolean {
  if (a === undefined || a.length !== b.length) return false;
  return a.every((d, i) => d.code === b[i].code && d.line === b[i].line && d.column === b[i].column && d.message === b[i].message && d.severity === b[i].severity);
}
