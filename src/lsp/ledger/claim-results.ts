/**
 * One claim's share of the checks, computed alone and kept: its references, quote checks,
 * analysis diagnostics and report entry. Each result records the ids it looked up in the ledger
 * while it was computed (through `ReadingMap`), so that a change to a source or document
 * re-checks exactly the claims that read it, whatever the checks read now or later.
 */
import { analyseClaim } from "../../core/analysis/analyse-claim.js";
import { checkReferences } from "../../core/analysis/checks/references.js";
import { citationsOf } from "../../core/analysis/checks/unused.js";
import type { Diagnostic } from "../../core/shared/diagnostics.js";
import type { ClaimEntry, Ledger } from "../../core/load/ledger.js";
import type { Archives } from "../../core/quotes/archives.js";
import { type ArchiveTextFn, checkQuotes, type PreparedArchives } from "../../core/quotes/check-quotes.js";
import { reportClaim } from "../../core/report/build.js";
import type { ReportClaim } from "../../core/report/types.js";

/** What a computation looked up: ids, and `keysOf(map)` for a map whose ids it listed. */
export type Reads = Set<string>;

/** The pseudo-id a computation reads by listing a map's ids (for "did you mean"): it changes when an id comes or goes. */
export function keysOf(map: string): string {
  return `\u0000keys of ${map}`;
}

/**
 * A map that notes every id looked up in it, and notes `keysOf(name)` when it is iterated.
 * Iteration can be narrowed to some entries (`only`), so that a view of the ledger shows one
 * claim to a check that walks every claim, while lookups see them all.
 */
export class ReadingMap<V> implements ReadonlyMap<string, V> {
  constructor(
    private readonly name: string,
    private readonly map: ReadonlyMap<string, V>,
    private readonly reads: Reads,
    private readonly only?: ReadonlyMap<string, V>,
  ) {}
  get(id: string): V | undefined {
    this.reads.add(id);
    return this.map.get(id);
  }
  has(id: string): boolean {
    this.reads.add(id);
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
    this.reads.add(keysOf(this.name));
    return this.map;
  }
}

export interface ClaimResult {
  readonly entry: ClaimEntry;
  readonly diagnostics: readonly Diagnostic[];
  readonly report: ReportClaim;
  readonly reads: Reads;
  /** The ids its statements cite, for `unused-source` and `unused-document`. */
  readonly cites: readonly string[];
}

/** The shared inputs of every claim's checks in one pass. */
export interface ClaimContext {
  readonly ledger: Ledger;
  readonly archives: Archives;
  readonly archiveText: ArchiveTextFn;
  readonly prepared: PreparedArchives;
}

/**
 * Checks one claim as the whole-ledger pipeline does (`checkRead`): its references, quotes,
 * analysis and report entry, with the ledger seen through maps that note what is read.
 */
export function checkClaim(context: ClaimContext, entry: ClaimEntry): ClaimResult {
  const reads: Reads = new Set();
  const { ledger } = context;
  const view: Ledger = {
    ...ledger,
    sources: new ReadingMap("sources", ledger.sources, reads),
    documents: new ReadingMap("documents", ledger.documents, reads),
    declared: new ReadingMap("declared", ledger.declared, reads),
    claims: new ReadingMap("claims", ledger.claims, reads, new Map([[entry.id, entry]])),
  };
  const archives: Archives = { byDocument: new ReadingMap("archives", context.archives.byDocument, reads), diagnostics: [] };
  const quotes = checkQuotes(view, archives, context.archiveText, context.prepared);
  const diagnostics = [...checkReferences(view), ...quotes.diagnostics];
  const analysis = analyseClaim(view, entry, diagnostics);
  return { entry, diagnostics, report: reportClaim(view, analysis, quotes), reads, cites: citationsOf(entry) };
}

/**
 * Every claim's result, kept between passes, with an index from each id to the claims that read
 * it (what a change to that id must re-check), the claims of each file, and how many statements
 * cite each id.
 */
export class ClaimResults {
  private readonly results = new Map<string, ClaimResult>();
  private readonly readers = new Map<string, Set<string>>();
  private readonly inFile = new Map<string, Set<string>>();
  private readonly citations = new Map<string, number>();

  get size(): number {
    return this.results.size;
  }

  get(id: string): ClaimResult | undefined {
    return this.results.get(id);
  }

  ids(): IterableIterator<string> {
    return this.results.keys();
  }

  /** The claims whose last check read one of `ids`. */
  readersOf(ids: Iterable<string>): Set<string> {
    const out = new Set<string>();
    for (const id of ids) for (const claim of this.readers.get(id) ?? []) out.add(claim);
    return out;
  }

  /** The results of the claims of a file (by display path). */
  ofFile(display: string): ClaimResult[] {
    return [...(this.inFile.get(display) ?? [])].flatMap((id) => this.results.get(id) ?? []);
  }

  /** Whether a statement of some claim cites an id. */
  isCited(id: string): boolean {
    return (this.citations.get(id) ?? 0) > 0;
  }

  set(result: ClaimResult): void {
    const id = result.entry.id;
    this.delete(id);
    this.results.set(id, result);
    for (const read of result.reads) add(this.readers, read, id);
    add(this.inFile, result.entry.file.display, id);
    for (const cited of result.cites) this.citations.set(cited, (this.citations.get(cited) ?? 0) + 1);
  }

  delete(claimId: string): void {
    const old = this.results.get(claimId);
    if (!old) return;
    this.results.delete(claimId);
    for (const read of old.reads) remove(this.readers, read, claimId);
    remove(this.inFile, old.entry.file.display, claimId);
    for (const cited of old.cites) {
      const n = (this.citations.get(cited) ?? 1) - 1;
      if (n === 0) this.citations.delete(cited);
      else this.citations.set(cited, n);
    }
  }
}

function add(index: Map<string, Set<string>>, key: string, value: string): void {
  const set = index.get(key);
  if (set) set.add(value);
  else index.set(key, new Set([value]));
}

function remove(index: Map<string, Set<string>>, key: string, value: string): void {
  const set = index.get(key);
  set?.delete(value);
  if (set?.size === 0) index.delete(key);
}
