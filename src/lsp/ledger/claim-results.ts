/**
 * One claim's share of the checks, computed alone and kept: its quote checks, its analysis
 * diagnostics and its report entry. Each result records the ids it looked up in the ledger while
 * it was computed (through `ReadingMap`), so that a change to a source or document re-analyses
 * exactly the claims that read it, whatever the analysis reads now or later.
 */
import { analyseClaim } from "../../core/analysis/analyse-claim.js";
import type { Diagnostic } from "../../core/shared/diagnostics.js";
import type { ClaimEntry, Ledger } from "../../core/load/ledger.js";
import type { Archives } from "../../core/quotes/archives.js";
import { type ArchiveTextFn, checkQuotes, type PreparedArchives } from "../../core/quotes/check-quotes.js";
import { reportClaim } from "../../core/report/build.js";
import type { ReportClaim } from "../../core/report/types.js";

/** What a computation looked up: ids, or everything (it iterated a whole map). */
export interface Reads {
  readonly ids: Set<string>;
  all: boolean;
}

/**
 * A map that notes every id looked up in it. Iterating it reads everything: a result computed so
 * depends on the whole ledger. Iteration can be narrowed to some entries (`only`), so that a
 * view of the ledger shows one claim to a check that walks every claim.
 */
export class ReadingMap<V> implements ReadonlyMap<string, V> {
  constructor(
    private readonly map: ReadonlyMap<string, V>,
    private readonly reads: Reads,
    private readonly only?: ReadonlyMap<string, V>,
  ) {}
  get(id: string): V | undefined {
    this.reads.ids.add(id);
    return this.map.get(id);
  }
  has(id: string): boolean {
    this.reads.ids.add(id);
    return this.map.has(id);
  }
  get size(): number {
    return this.walked().size;
  }
  forEach(callback: (value: V, key: string, map: ReadonlyMap<string, V>) => void): void {
    this.walked().forEach((value, key) => callback(value, key, this));
  }
  entries(): MapIterator<[string, V]> {
    return this.walked().entries();
  }
  keys(): MapIterator<string> {
    return this.walked().keys();
  }
  values(): MapIterator<V> {
    return this.walked().values();
  }
  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.walked().entries();
  }
  private walked(): ReadonlyMap<string, V> {
    if (this.only) return this.only;
    this.reads.all = true;
    return this.map;
  }
}

export interface ClaimResult {
  readonly entry: ClaimEntry;
  readonly diagnostics: readonly Diagnostic[];
  readonly report: ReportClaim;
  readonly reads: Reads;
}

/** The shared inputs of every claim's checks in one pass. */
export interface ClaimContext {
  readonly ledger: Ledger;
  readonly archives: Archives;
  readonly archiveText: ArchiveTextFn;
  readonly prepared: PreparedArchives;
}

/**
 * Checks one claim as the whole-ledger pipeline does (`checkRead`): its quotes, its analysis, its
 * report entry, with the ledger seen through maps that note what is read.
 */
export function checkClaim(context: ClaimContext, entry: ClaimEntry): ClaimResult {
  const reads: Reads = { ids: new Set(), all: false };
  const { ledger } = context;
  const view: Ledger = {
    ...ledger,
    sources: new ReadingMap(ledger.sources, reads),
    documents: new ReadingMap(ledger.documents, reads),
    declared: new ReadingMap(ledger.declared, reads),
    claims: new ReadingMap(ledger.claims, reads, new Map([[entry.id, entry]])),
  };
  const archives: Archives = { byDocument: new ReadingMap(context.archives.byDocument, reads), diagnostics: [] };
  const quotes = checkQuotes(view, archives, context.archiveText, context.prepared);
  const diagnostics = [...quotes.diagnostics];
  const analysis = analyseClaim(view, entry, diagnostics);
  return { entry, diagnostics, report: reportClaim(view, analysis, quotes), reads };
}

/**
 * Every claim's result, kept between passes, with an index from each id to the claims that read
 * it: what a change to that id must re-check.
 */
export class ClaimResults {
  private readonly results = new Map<string, ClaimResult>();
  private readonly readers = new Map<string, Set<string>>();
  /** Claims that read everything, re-checked on every change. */
  private readonly readingAll = new Set<string>();

  get(id: string): ClaimResult | undefined {
    return this.results.get(id);
  }

  values(): IterableIterator<ClaimResult> {
    return this.results.values();
  }

  /** The claims whose last check read one of `ids` (or everything). */
  readersOf(ids: Iterable<string>): Set<string> {
    const out = new Set(this.readingAll);
    for (const id of ids) for (const claim of this.readers.get(id) ?? []) out.add(claim);
    return out;
  }

  set(result: ClaimResult): void {
    this.delete(result.entry.id);
    this.results.set(result.entry.id, result);
    if (result.reads.all) this.readingAll.add(result.entry.id);
    for (const id of result.reads.ids) {
      const set = this.readers.get(id);
      if (set) set.add(result.entry.id);
      else this.readers.set(id, new Set([result.entry.id]));
    }
  }

  delete(claimId: string): void {
    const old = this.results.get(claimId);
    if (!old) return;
    this.results.delete(claimId);
    this.readingAll.delete(claimId);
    for (const id of old.reads.ids) {
      const set = this.readers.get(id);
      set?.delete(claimId);
      if (set?.size === 0) this.readers.delete(id);
    }
  }

  /** Drops the results of claims the ledger no longer has. */
  keepOnly(ids: ReadonlyMap<string, unknown>): void {
    for (const id of [...this.results.keys()]) if (!ids.has(id)) this.delete(id);
  }
}
