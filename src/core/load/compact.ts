/**
 * One copy of what a ledger's claims repeat. Every statement's `source`, `in` and dates arrive as
 * strings of their own (parsed from their own file, then cloned from a parse worker), so a ledger
 * of a million statements held a million copies of a few thousand ids; and nearly every claim's
 * statement indexes are 0, 1, … n−1. Loading keeps one of each (`loadFiles`): at 200,000 files
 * that is some 100 MB less to hold, at the cost of a Map lookup per field.
 */
import type { LoadedFile } from "./load-file.js";
import type { ClaimInput, StatementInput, VerdictInput } from "./records.js";

/** Longer strings (quotes, notes, questions) rarely repeat, and hashing them would cost more than it saves. */
const MAX_SHARED_LENGTH = 64;

const STATEMENT_FIELDS = ["source", "says", "in", "on", "via", "as-of", "retracted"] as const satisfies readonly (keyof StatementInput)[];
const VERDICT_FIELDS = ["finding", "rating", "by", "on", "claimant"] as const satisfies readonly (keyof VerdictInput)[];

export class Compactor {
  readonly #strings = new Map<string, string>();
  readonly #identities: (readonly number[])[] = [];

  /** The first equal copy of a short string; anything else as it is. */
  share<T>(value: T): T {
    if (typeof value !== "string" || value.length > MAX_SHARED_LENGTH) return value;
    const kept = this.#strings.get(value);
    if (kept !== undefined) return kept as T;
    this.#strings.set(value, value);
    return value;
  }

  /** A claim's statement indexes, as one shared list for each length when they are 0, 1, … n−1. */
  indexes(list: readonly number[]): readonly number[] {
    for (let i = 0; i < list.length; i++) if (list[i] !== i) return list;
    return (this.#identities[list.length] ??= Object.freeze([...list]));
  }

  /**
   * A loaded file's claims with their strings and indexes shared, in place, as soon as the file
   * arrives: the copies it brought then die young, where kept until the ledger was assembled
   * they filled the old generation, and the heap grew by a multiple of them.
   */
  loaded(file: LoadedFile): LoadedFile {
    for (const record of file.records) {
      if (record.kind !== "claims" || record.data === undefined) continue;
      this.claim(record.data as ClaimInput);
      if (record.statementIndexes !== undefined) (record as { statementIndexes?: readonly number[] }).statementIndexes = this.indexes(record.statementIndexes);
    }
    return file;
  }

  /** The claim with its repeated strings shared, changed in place (the records are the loader's own). */
  claim(data: ClaimInput): ClaimInput {
    const claim = data as unknown as Record<string, unknown>;
    claim.type = this.share(data.type);
    if (data.type === "quantity" && data.unit !== undefined) claim.unit = typeof data.unit === "string" ? this.share(data.unit) : this.list(data.unit);
    if (data.type === "choice") this.list(data.options);
    if (data.tags !== undefined) this.list(data.tags);
    for (const statement of data.statements) this.fields(statement, STATEMENT_FIELDS);
    if (data.verdict !== undefined) this.fields(data.verdict, VERDICT_FIELDS);
    return data;
  }

  private list(items: string[]): string[] {
    for (let i = 0; i < items.length; i++) items[i] = this.share(items[i]);
    return items;
  }

  private fields<T extends object>(record: T, fields: readonly (keyof T)[]): void {
    const writable = record as Record<keyof T, unknown>;
    for (const field of fields) if (typeof record[field] === "string") writable[field] = this.share(record[field]);
  }
}
