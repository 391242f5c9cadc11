/** Telling which records an edit really changed, so that only what depends on them is checked again. */
import { isDeepStrictEqual } from "node:util";
import type { Ledger } from "../../core/load/ledger.js";
import type { LoadedFile } from "../../core/load/load-file.js";
import type { LoadedRecord } from "../../core/load/validate.js";

/**
 * A file read again, its unchanged records keeping the data objects they had: a record's identity
 * then says whether it changed, so an edit to one source of a shared sources.yaml changes that
 * source only, and only the claims citing it are checked again.
 */
export function keepUnchanged(fresh: LoadedFile, old: LoadedFile | undefined): LoadedFile {
  if (old === undefined) return fresh;
  const before = new Map<string, LoadedRecord>();
  for (const record of old.records) if (record.data !== undefined) before.set(`${record.kind}\u0000${record.id}`, record);
  const records = fresh.records.map((record) => {
    const previous = before.get(`${record.kind}\u0000${record.id}`);
    return previous !== undefined && record.data !== undefined && isDeepStrictEqual(previous.data, record.data) ? { ...record, data: previous.data } : record;
  });
  return { ...fresh, records };
}

/** Whether an id stands for something else in `after` than in `before`: another kind, another record, or none. */
export function resolutionChanged(before: Ledger, after: Ledger, id: string): boolean {
  return (
    before.declared.get(id) !== after.declared.get(id) ||
    before.sources.get(id)?.data !== after.sources.get(id)?.data ||
    before.documents.get(id)?.data !== after.documents.get(id)?.data ||
    before.claims.get(id)?.data !== after.claims.get(id)?.data
  );
}
