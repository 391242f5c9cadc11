/**
 * The ledger assembled from its files' records: by the core's `buildLedger` when an edit changes
 * which ids a file declares, and otherwise patched in place, in time proportional to the edited
 * file. Typing inside a record leaves its file's declarations as they were: then the ledger the
 * core would build differs from the last one only in that file's entries and diagnostics.
 */
import { isDeepStrictEqual } from "node:util";
import type { ClaimEntry, Ledger, LedgerFile } from "../../core/load/ledger.js";
import type { LoadedFile } from "../../core/load/load-file.js";
import type { ClaimInput, DocumentInput, SourceInput } from "../../core/load/records.js";
import { buildLedger } from "../../core/load/validate.js";
import { keysOf } from "./claim-results.js";
import { resolutionChanged } from "./records.js";

type Maps = {
  files: LedgerFile[];
  sources: Map<string, { id: string; file: LedgerFile; data: SourceInput }>;
  documents: Map<string, { id: string; file: LedgerFile; data: DocumentInput }>;
  claims: Map<string, ClaimEntry>;
  diagnostics: Ledger["diagnostics"];
};

export class Assembly {
  private current: Ledger = buildLedger([]);
  /** Ids declared more than once: a file declaring one is always rebuilt whole (the messages name each other's places). */
  private duplicated = new Set<string>();
  private indexOf = new Map<string, number>();

  get ledger(): Ledger {
    return this.current;
  }

  /**
   * Puts the touched files' records (`loaded`, by path) into the ledger: patched in place when
   * their declarations are unchanged, else built again from every file. Returns the ids whose
   * record changed, `keysOf` each map whose set of ids changed, and every claim of a touched file
   * (its places may have moved).
   */
  apply(touched: ReadonlyMap<string, LoadedFile | undefined>, loaded: (abs: string) => LoadedFile | undefined, files: readonly { readonly abs: string }[], relisted: boolean): Set<string> {
    const changed = new Set<string>();
    if (touched.size === 0) return changed;
    if (!relisted && [...touched].every(([abs, old]) => old !== undefined && loaded(abs) !== undefined && this.patch(old, loaded(abs)!))) {
      for (const [abs, old] of touched) {
        loaded(abs)!.records.forEach((record, i) => {
          if (record.kind === "claims" || record.data !== old!.records[i].data) changed.add(record.id);
        });
      }
      return changed;
    }
    const before = this.current;
    this.build(files.map((f) => loaded(f.abs)!));
    const after = this.current;
    for (const [abs, old] of touched) {
      for (const record of [...(old?.records ?? []), ...(loaded(abs)?.records ?? [])]) {
        if (resolutionChanged(before, after, record.id) || after.claims.get(record.id)?.file.abs === abs) changed.add(record.id);
        for (const name of ["sources", "documents", "declared"] as const) if (before[name].has(record.id) !== after[name].has(record.id)) changed.add(keysOf(name));
      }
    }
    return changed;
  }

  /** Builds the ledger from every file, as `claims check` does. */
  private build(loaded: readonly LoadedFile[]): void {
    this.current = buildLedger(loaded);
    this.indexOf = new Map(loaded.map((l, i) => [l.file.abs, i]));
    const seen = new Set<string>();
    this.duplicated = new Set();
    for (const { records } of loaded) {
      for (const record of records) {
        if (record.badId) continue;
        if (seen.has(record.id)) this.duplicated.add(record.id);
        seen.add(record.id);
      }
    }
  }

  /**
   * Replaces one file's part of the ledger, when its declarations are unchanged: the same ids and
   * kinds in the same order, each valid or not as before, citing as before, no settings, no id
   * declared twice. Returns false (and changes nothing) otherwise: the caller builds it whole.
   */
  private patch(old: LoadedFile, fresh: LoadedFile): boolean {
    const index = this.indexOf.get(fresh.file.abs);
    if (index === undefined || old.settings !== undefined || fresh.settings !== undefined || old.records.length !== fresh.records.length) return false;
    const same = old.records.every((o, i) => {
      const f = fresh.records[i];
      return o.kind === f.kind && o.id === f.id && !o.badId === !f.badId && (o.data === undefined) === (f.data === undefined) && !this.duplicated.has(f.id) && isDeepStrictEqual(o.cited, f.cited);
    });
    if (!same) return false;
    const ledger = this.current as unknown as Maps;
    const file = fresh.file;
    ledger.files[index] = file;
    for (const record of fresh.records) {
      if (record.badId || record.data === undefined) continue;
      const entry = { id: record.id, file };
      if (record.kind === "sources") ledger.sources.set(record.id, { ...entry, data: record.data as SourceInput });
      else if (record.kind === "documents") ledger.documents.set(record.id, { ...entry, data: record.data as DocumentInput });
      else ledger.claims.set(record.id, { ...entry, data: record.data as ClaimInput, statementIndexes: record.statementIndexes ?? [] });
    }
    // The file's diagnostics of loading: its own, its records' (each a first declaration), its bad ids'.
    const display = old.file.display;
    const all = ledger.diagnostics;
    let kept = 0;
    for (const d of all) if (d.file !== display) all[kept++] = d;
    all.length = kept;
    for (const d of fresh.diagnostics) all.push(d);
    for (const record of fresh.records) for (const d of record.badId ? [record.badId] : record.diagnostics) all.push(d);
    return true;
  }
}
