/**
 * The ledger as the language server holds it, kept up to date edit by edit. The files are loaded
 * once; after that a pass re-reads only the files that changed (from the editor's buffer when one
 * is open), reassembles the ledger from the records every file already gave, runs the
 * cross-reference checks over the whole ledger (lookups in maps, cheap), and re-checks only the
 * claims the change can reach: those of a changed file, and those that read an id whose record
 * changed. The outcome is the same as a full `claims check` of the same contents
 * (tests/lsp-engine.test.ts holds it to that).
 */
import { existsSync, statSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import { LEDGER_CHECKS } from "../../core/analysis/checks/index.js";
import { checkReferences } from "../../core/analysis/checks/references.js";
import { checkUnused, reportUnused } from "../../core/analysis/checks/unused.js";
import type { Diagnostic } from "../../core/shared/diagnostics.js";
import type { Kind, Ledger, LedgerFile } from "../../core/load/ledger.js";
import { type LoadedFile, loadFile } from "../../core/load/load-file.js";
import { loadFiles, type ParseOptions } from "../../core/load/parse-pool.js";
import { collectFiles, isInside, type SkipTest, type WorkspaceFile } from "../../core/load/workspace.js";
import { type ArchiveFile, type Archives, type ArchiveState, hasHtmlArchive, readArchives } from "../../core/quotes/archives.js";
import type { ArchiveTextFn, PreparedArchives } from "../../core/quotes/check-quotes.js";
import { Assembly } from "./assembly.js";
import { checkClaim, type ClaimResult, ClaimResults } from "./claim-results.js";
import { groupByFile, PublishedDiagnostics } from "./diagnostic-sets.js";
import { keepUnchanged } from "./records.js";

export interface EngineOptions {
  /** The workspace folder: ledger paths start here, and diagnostics name files relative to it. */
  readonly cwd: string;
  /** The ledger's roots (files or folders), relative to `cwd` or absolute. */
  readonly paths: readonly string[];
  /** Worker threads for loading many files at once (the first pass). */
  readonly parse?: ParseOptions;
  /** Files and folders not to read (SPEC §13: the configuration's ignores, and what git ignores). */
  readonly ignore?: SkipTest;
}

/** What one pass changed. */
export interface Update {
  /** Per file (display path) whose diagnostics changed, or that was edited: all its diagnostics now. */
  readonly diagnostics: ReadonlyMap<string, readonly Diagnostic[]>;
  /** The incremental work done: files parsed and claims checked again. */
  readonly parsed: number;
  readonly checked: number;
}

export class LedgerEngine {
  private files: readonly WorkspaceFile[] = [];
  private byAbs = new Map<string, WorkspaceFile>();
  private byDisplay = new Map<string, WorkspaceFile>();
  /** Files the ledger no longer has, by display path: their diagnostics are cleared in the editor. */
  private readonly gone = new Map<string, string>();
  private readonly loaded = new Map<string, LoadedFile>();
  private readonly supplied = new Map<string, string>();
  private readonly dirty = new Set<string>();
  /** Size and modification time of each file as last read from disk. */
  private readonly stamps = new Map<string, string>();
  private relistNeeded = true;
  private archivesStale = true;
  private readonly assembly = new Assembly();
  private archives: Archives = { byDocument: new Map(), diagnostics: [] };
  private readonly archiveFiles = new Map<string, ArchiveFile>();
  private readonly prepared: PreparedArchives = new WeakMap();
  private archiveText: ArchiveTextFn = (raw) => raw;
  private readonly results = new ClaimResults();
  private readonly published = new PublishedDiagnostics();

  constructor(private readonly options: EngineOptions) {}

  get ledger(): Ledger {
    return this.assembly.ledger;
  }

  /** The ledger file at an absolute path, if the ledger has one there. */
  fileAt(abs: string): WorkspaceFile | undefined {
    return this.byAbs.get(abs);
  }

  /** The ledger file a diagnostic or a report names by its display path. */
  fileNamed(display: string): WorkspaceFile | undefined {
    return this.byDisplay.get(display);
  }

  /** The absolute path of a file named by its display path, also of a file the ledger had and lost. */
  pathNamed(display: string): string | undefined {
    return this.byDisplay.get(display)?.abs ?? this.gone.get(display);
  }

  /** The loaded form of a file: its LedgerFile (positions) and records, valid or not. */
  loadedAt(abs: string): LoadedFile | undefined {
    return this.loaded.get(abs);
  }

  /** Every diagnostic of the ledger as of the last pass, by file. */
  diagnostics(): ReadonlyMap<string, readonly Diagnostic[]> {
    return this.published.all;
  }

  /** Where an id is declared first, valid record or not: its kind and file. */
  declaration(id: string): { readonly kind: Kind; readonly file: LedgerFile } | undefined {
    for (const file of this.files) {
      const loaded = this.loaded.get(file.abs);
      const record = loaded?.records.find((r) => r.id === id && r.badId === undefined);
      if (loaded && record) return { kind: record.kind, file: loaded.file };
    }
    return undefined;
  }

  /** One claim's checks, as of the last pass. */
  claim(id: string): ClaimResult | undefined {
    return this.results.get(id);
  }

  /** The claims whose last check read an id (those citing a source or a document), in ledger order. */
  claimsReading(id: string): ClaimResult[] {
    const readers = this.results.readersOf([id]);
    return [...this.ledger.claims.keys()].filter((claim) => readers.has(claim)).flatMap((claim) => this.results.get(claim) ?? []);
  }

  /** A document's archive as last read. */
  archiveOf(documentId: string): ArchiveState | undefined {
    return this.archives.byDocument.get(documentId);
  }

  /** Whether a path lies under one of the ledger's roots, so that a new file there joins the ledger. */
  underRoots(abs: string): boolean {
    return this.options.paths.some((p) => isInside(isAbsolute(p) ? p : join(this.options.cwd, p), abs));
  }

  /** The editor's text for a file (opened or edited), or undefined to read it from disk again (closed). */
  setText(abs: string, text: string | undefined): void {
    if (text === undefined) this.supplied.delete(abs);
    else this.supplied.set(abs, text);
    // A file only in the editor (new, never saved) leaves the ledger when closed.
    if (this.byAbs.has(abs) && (text !== undefined || existsSync(abs))) this.dirty.add(abs);
    else if (this.underRoots(abs)) this.relistNeeded = true;
  }

  /**
   * Whether the editor changed a file after this pass read it: its diagnostics from this pass
   * belong to an older version, and the pass already scheduled will send the right ones.
   */
  changedSinceRead(abs: string): boolean {
    return this.dirty.has(abs);
  }

  /** A file changed on disk: a ledger file not open in the editor is read again; any other may be an archive. */
  changedOnDisk(abs: string): void {
    if (this.byAbs.has(abs)) {
      if (!this.supplied.has(abs)) this.dirty.add(abs);
      return;
    }
    // An archive may be reached through links or shared: forget every archive read (hashes too), re-resolve all.
    this.archiveFiles.clear();
    this.archivesStale = true;
  }

  /**
   * Looks at every file not open in the editor again, by size and modification time, and at every
   * archive: for clients that watch no files, after a save.
   */
  rereadDisk(): void {
    this.relistNeeded = true;
    for (const abs of this.byAbs.keys()) if (!this.supplied.has(abs) && this.stamps.get(abs) !== stampOf(abs)) this.dirty.add(abs);
    this.archiveFiles.clear();
    this.archivesStale = true;
  }

  /** A file was created or deleted: the list of files is read again. */
  createdOrDeleted(abs: string): void {
    this.relistNeeded = true;
    this.changedOnDisk(abs);
  }

  /** Brings everything up to date and says what changed. The first pass loads the whole ledger. */
  async refresh(): Promise<Update> {
    const touched = new Map<string, LoadedFile | undefined>();
    const relisted = this.relistNeeded && (await this.relist(touched));
    for (const abs of this.dirty) {
      const file = this.byAbs.get(abs);
      if (!file) continue;
      const old = this.loaded.get(abs);
      touched.set(abs, old);
      this.loaded.set(abs, keepUnchanged(loadFile(this.withText(file)), old));
      this.stamp(abs);
    }
    this.dirty.clear();
    const changedIds = this.assembly.apply(touched, (abs) => this.loaded.get(abs), this.files, relisted);
    const ledger = this.assembly.ledger;
    const documentsTouched = [...touched].some(([abs, old]) => [...(old?.records ?? []), ...(this.loaded.get(abs)?.records ?? [])].some((r) => r.kind === "documents"));
    if (this.archivesStale || documentsTouched || [...changedIds].some((id) => ledger.documents.has(id) || this.archives.byDocument.has(id))) {
      await this.rereadArchives(changedIds);
    }

    // The claims to check again: those that read a changed id, and those changed themselves.
    const recheck = this.results.readersOf(changedIds);
    const claimFiles = new Set<string>();
    for (const id of changedIds) {
      if (ledger.claims.has(id)) recheck.add(id);
      const gone = this.results.get(id);
      if (gone && !ledger.claims.has(id)) {
        claimFiles.add(gone.entry.file.display);
        this.results.delete(id);
      }
    }
    if (this.results.size + [...recheck].filter((id) => !this.results.get(id)).length !== ledger.claims.size) {
      // Not expected; a full reconciliation keeps the results right whatever happened.
      for (const id of ledger.claims.keys()) if (!this.results.get(id)) recheck.add(id);
      for (const id of [...this.results.ids()]) if (!ledger.claims.has(id)) (claimFiles.add(this.results.get(id)!.entry.file.display), this.results.delete(id));
    }
    const context = { ledger, archives: this.archives, archiveText: this.archiveText, prepared: this.prepared };
    for (const id of recheck) {
      const old = this.results.get(id);
      if (old) claimFiles.add(old.entry.file.display);
      const entry = ledger.claims.get(id);
      if (!entry) continue;
      this.results.set(checkClaim(context, entry));
      claimFiles.add(entry.file.display);
    }

    // Ledger-wide diagnostics: loading (parse, schema, duplicate ids, settings), other checks, unused records, archives.
    const others = LEDGER_CHECKS.filter((check) => check !== checkReferences && check !== checkUnused).flatMap((check) => check(ledger));
    const unused = reportUnused(ledger, { has: (id) => this.results.isCited(id) || ledger.citedByInvalid.has(id) });
    const ledgerWide = groupByFile([...ledger.diagnostics, ...others, ...unused, ...this.archives.diagnostics]);
    // Open files and files changed or gone are sent even when unchanged: the editor learns that
    // this version was checked. A file read for the first time is sent only with diagnostics.
    const edited = [...touched].flatMap(([abs, old]) => (old !== undefined || this.supplied.has(abs) ? (this.byAbs.get(abs)?.display ?? old?.file.display ?? []) : []));
    const touchedFiles = [...touched].flatMap(([abs, old]) => this.byAbs.get(abs)?.display ?? old?.file.display ?? []);
    const diagnostics = this.published.update(ledgerWide, (file) => this.results.ofFile(file).flatMap((r) => r.diagnostics), [...touchedFiles, ...claimFiles], edited);
    return { diagnostics, parsed: touched.size, checked: recheck.size };
  }

  /** Lists the files again; files new or gone count as touched, and new ones are read (on workers, when many). True when the list changed. */
  private async relist(touched: Map<string, LoadedFile | undefined>): Promise<boolean> {
    this.relistNeeded = false;
    const files = collectFiles(this.options.paths, this.options.cwd, this.options.ignore, this.supplied).map(({ text: _, ...file }) => file);
    const next = new Map(files.map((f) => [f.abs, f]));
    for (const [abs, old] of this.loaded) {
      if (next.has(abs)) continue;
      touched.set(abs, old);
      this.gone.set(old.file.display, abs);
      this.loaded.delete(abs);
    }
    const fresh = files.filter((f) => !this.loaded.has(f.abs) || this.byAbs.get(f.abs)?.fault !== f.fault || this.byAbs.get(f.abs)?.display !== f.display);
    const read = await loadFiles(fresh.map((f) => this.withText(f)), this.options.parse);
    fresh.forEach((f, i) => {
      touched.set(f.abs, this.loaded.get(f.abs));
      this.loaded.set(f.abs, read[i]);
      this.stamp(f.abs);
    });
    const reordered = files.length !== this.files.length || files.some((f, i) => f.abs !== this.files[i].abs);
    this.files = files;
    this.byAbs = next;
    this.byDisplay = new Map(files.map((f) => [f.display, f]));
    return reordered || fresh.length > 0;
  }

  /** Reads the archives again (through the kept files); documents whose archive state changed join `changedIds`. */
  private async rereadArchives(changedIds: Set<string>): Promise<void> {
    const old = this.archives.byDocument;
    this.archives = readArchives(this.ledger, this.archiveFiles);
    this.archivesStale = false;
    for (const [id, state] of this.archives.byDocument) if (!sameState(old.get(id), state)) changedIds.add(id);
    for (const id of old.keys()) if (!this.archives.byDocument.has(id)) changedIds.add(id);
    // The HTML reader is loaded only once a ledger has an HTML archive, as the CLI does.
    if (hasHtmlArchive(this.archives)) this.archiveText = (await import("../../core/quotes/archive-text.js")).archiveText;
  }

  private stamp(abs: string): void {
    if (this.supplied.has(abs)) this.stamps.delete(abs);
    else this.stamps.set(abs, stampOf(abs));
  }

  private withText(file: WorkspaceFile): WorkspaceFile {
    const text = this.supplied.get(file.abs);
    return text === undefined || file.fault !== undefined ? file : { ...file, text };
  }
}

/** A file's size and modification time, to tell whether it changed since it was read. */
function stampOf(abs: string): string {
  try {
    const stat = statSync(abs);
    return `${stat.size}:${stat.mtimeMs}`;
  } catch {
    return "gone";
  }
}

/** Read archives are the same by identity (kept until their file changes); "none" and "unreadable" by their status. */
function sameState(a: ArchiveState | undefined, b: ArchiveState): boolean {
  return a === b || (a !== undefined && a.status !== "ok" && a.status === b.status);
}
