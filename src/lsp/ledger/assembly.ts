/**
 * The ledger assembled from its files' records, as the core's `buildLedger` builds it, kept up to
 * date file by file. An edit that involves no id declared twice and no settings changes only the
 * edited file's part of the ledger: its entries (at the file's place in each map's file order),
 * its declarations and its diagnostics. That part is replaced: each entry where it stands when
 * the file declares the same ids of that kind as before (typing inside a record), else by
 * re-threading that one map, a pass over its entries that allocates none of them. Anything else
 * builds the ledger again with `buildLedger`.
 */
import type { ClaimEntry, Kind, Ledger, LedgerFile } from "../../core/load/ledger.js";
import type { LoadedFile } from "../../core/load/load-file.js";
import type { ClaimInput, DocumentInput, SourceInput } from "../../core/load/records.js";
import { buildLedger, type LoadedRecord } from "../../core/load/validate.js";
import { keysOf } from "./claim-results.js";
import { resolutionChanged } from "./records.js";

type Entry = { readonly id: string; readonly file: LedgerFile; readonly data: SourceInput | DocumentInput | ClaimInput; readonly statementIndexes?: readonly number[] };
const MAPS = ["sources", "documents", "claims"] as const;
/** The ledger as this module writes it (the core's type is read-only to everyone else). */
type Writable = { files: LedgerFile[]; diagnostics: Ledger["diagnostics"]; declared: Map<string, Kind> } & Record<(typeof MAPS)[number], Map<string, Entry>>;

export class Assembly {
  private current: Ledger = buildLedger([]);
  /** Ids declared more than once: the messages of their duplicates name each other's places. */
  private duplicated = new Set<string>();
  private indexOf = new Map<string, number>();
  /** The file (by path) of each id's first declaration. */
  private declaredIn = new Map<string, string>();

  get ledger(): Ledger {
    return this.current;
  }

  /**
   * Puts the touched files' records (`loaded`, by path) into the ledger. Returns the ids whose
   * record changed, `keysOf` each map whose set of ids changed, and every claim of a touched file
   * (its places may have moved).
   */
  apply(touched: ReadonlyMap<string, LoadedFile | undefined>, loaded: (abs: string) => LoadedFile | undefined, files: readonly { readonly abs: string }[], relisted: boolean): Set<string> {
    const changed = new Set<string>();
    if (touched.size === 0) return changed;
    const edits = [...touched].map(([abs, old]) => ({ old, fresh: loaded(abs) }));
    // Every file is judged before any is patched (a half-patched ledger would hide what changed),
    // and together: two files that both declare a new id make a duplicate neither makes alone.
    const ids = edits.flatMap(({ fresh }) => (fresh ? declaredIds(fresh) : []));
    if (!relisted && new Set(ids).size === ids.length && edits.every(({ old, fresh }) => old !== undefined && fresh !== undefined && this.patchable(old, fresh))) {
      for (const { old, fresh } of edits) this.patch(old!, fresh!, changed);
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
    this.duplicated = new Set();
    this.declaredIn = new Map();
    for (const { file, records } of loaded) {
      for (const record of records) {
        if (record.badId) continue;
        if (this.declaredIn.has(record.id)) this.duplicated.add(record.id);
        else this.declaredIn.set(record.id, file.abs);
      }
    }
  }

  /** Whether a file's new records change only its own part of the ledger (see the module's comment). */
  private patchable(old: LoadedFile, fresh: LoadedFile): boolean {
    const abs = fresh.file.abs;
    if (!this.indexOf.has(abs) || old.settings !== undefined || fresh.settings !== undefined) return false;
    if (declaredIds(old).some((id) => this.duplicated.has(id))) return false;
    const ids = declaredIds(fresh);
    if (new Set(ids).size !== ids.length || ids.some((id) => this.current.declared.has(id) && this.declaredIn.get(id) !== abs)) return false;
    // What records left out cite still counts as cited (`citedByInvalid`): it must not change.
    const cited = (file: LoadedFile) => new Set(file.records.flatMap((r) => r.cited));
    const before = cited(old);
    const after = cited(fresh);
    return before.size === after.size && [...after].every((id) => before.has(id));
  }

  private patch(old: LoadedFile, fresh: LoadedFile, changed: Set<string>): void {
    const file = fresh.file;
    const index = this.indexOf.get(file.abs)!;
    const entries = fresh.records.flatMap((r) => (r.badId || r.data === undefined ? [] : [{ kind: r.kind, entry: entryOf(r, file) }]));
    const ledger = this.current as unknown as Writable;
    ledger.files[index] = file;
    const next = { ...ledger };
    for (const name of MAPS) {
      const mine = entries.filter((e) => e.kind === name).map(({ entry }) => [entry.id, entry] as const);
      const had = old.records.filter((r) => r.kind === name && !r.badId && r.data !== undefined).map((r) => r.id);
      if (had.length === mine.length && had.every((id, i) => id === mine[i][0])) {
        // The same ids in the same places: each entry is replaced where it stands.
        for (const [id, entry] of mine) ledger[name].set(id, entry);
      } else {
        next[name] = this.rethread(ledger[name], file.abs, index, mine);
        changed.add(keysOf(name));
      }
    }
    // `declared` is a lookup table (nothing walks it), so its order is not kept.
    const declarations = fresh.records.flatMap((r) => (r.badId ? [] : [[r.id, r.kind] as const]));
    const had = new Set(declaredIds(old));
    if (had.size !== declarations.length || declarations.some(([id]) => !had.has(id))) changed.add(keysOf("declared"));
    for (const id of had) {
      ledger.declared.delete(id);
      this.declaredIn.delete(id);
    }
    for (const [id, kind] of declarations) {
      ledger.declared.set(id, kind);
      this.declaredIn.set(id, file.abs);
    }
    this.current = next as unknown as Ledger;
    // The file's diagnostics of loading: its own, its records' (each a first declaration), its bad ids'.
    const all = (this.current as unknown as Writable).diagnostics;
    let kept = 0;
    for (const d of all) if (d.file !== old.file.display) all[kept++] = d;
    all.length = kept;
    for (const d of fresh.diagnostics) all.push(d);
    for (const record of fresh.records) for (const d of record.badId ? [record.badId] : record.diagnostics) all.push(d);
    // What changed: ids gone, new, or standing for another record; and every claim of the file.
    const before = new Map(old.records.filter((r) => !r.badId).map((r) => [r.id, r]));
    for (const record of fresh.records) {
      if (record.badId) continue;
      const was = before.get(record.id);
      if (record.kind === "claims" || was === undefined || was.kind !== record.kind || was.data !== record.data) changed.add(record.id);
      before.delete(record.id);
    }
    for (const id of before.keys()) changed.add(id);
  }

  /**
   * A map in file order with one file's entries replaced by `pairs`, placed where that file stands:
   * before the first entry of a later file.
   */
  private rethread(map: ReadonlyMap<string, Entry>, abs: string, index: number, pairs: readonly (readonly [string, Entry])[]): Map<string, Entry> {
    const next = new Map<string, Entry>();
    let placed = false;
    for (const [id, value] of map) {
      const from = value.file.abs;
      if (from === abs) continue;
      if (!placed && this.indexOf.get(from)! > index) {
        for (const [k, v] of pairs) next.set(k, v);
        placed = true;
      }
      next.set(id, value);
    }
    if (!placed) for (const [k, v] of pairs) next.set(k, v);
    return next;
  }
}

/** The ids a file declares (its records with a well-formed id). */
function declaredIds(file: LoadedFile): string[] {
  return file.records.flatMap((r) => (r.badId ? [] : [r.id]));
}

/** A record's ledger entry, shaped as `buildLedger` shapes it. */
function entryOf(record: LoadedRecord, file: LedgerFile): Entry {
  const entry = { id: record.id, file };
  return record.kind === "claims" ? ({ ...entry, data: record.data as ClaimInput, statementIndexes: record.statementIndexes ?? [] } satisfies ClaimEntry) : { ...entry, data: record.data as SourceInput | DocumentInput };
}
