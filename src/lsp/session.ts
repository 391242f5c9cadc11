/**
 * One editor session: the ledger of the workspace, the open buffers feeding it, passes of the
 * checks scheduled after changes (a burst of edits makes one pass), and the diagnostics sent.
 */
import type { Connection, FileEvent } from "vscode-languageserver";
import { FileChangeType } from "vscode-languageserver";
import type { TextDocuments } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { Diagnostic } from "../core/shared/diagnostics.js";
import { applySeverity, type SeverityOverrides } from "../core/shared/severity.js";
import { LedgerEngine, type EngineOptions } from "./ledger/engine.js";
import { pathOf, toLspDiagnostic, uriOf } from "./convert.js";

export class Session {
  private engineOf: LedgerEngine | undefined;
  private options: EngineOptions | undefined;
  /** Severities per code, as `.claims.yaml` sets them (SPEC §13). */
  private severities: SeverityOverrides = {};
  /** Files sent diagnostics by an engine that a new configuration replaced: cleared after its first pass. */
  private replaced = new Map<string, string>();
  /** Files the editor shows diagnostics for. */
  private readonly showing = new Set<string>();
  private readonly openUris = new Map<string, string>();
  private queue: Promise<void> = Promise.resolve();
  private pending = false;
  /** Resolves after the first pass: requests that need the ledger wait for it. */
  readonly ready: Promise<void>;
  private markReady!: () => void;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
  ) {
    this.ready = new Promise((resolve) => (this.markReady = resolve));
  }

  /** The ledger; undefined before the session starts. */
  get engine(): LedgerEngine | undefined {
    return this.engineOf;
  }

  /** Where the ledger is, what is ignored, and the severities: set when the client names its workspace. */
  configure(options: EngineOptions, severities: SeverityOverrides): void {
    this.options = options;
    this.severities = severities;
  }

  /** Loads the workspace's ledger and sends its diagnostics; buffers opened before now are read from the editor. */
  start(): void {
    if (!this.options || this.engineOf) return;
    this.engineOf = new LedgerEngine(this.options);
    for (const document of this.documents.all()) this.opened(document);
    this.schedule();
  }

  /** A new configuration: the ledger is loaded again under it, and files it no longer reports are cleared. */
  reconfigure(options: EngineOptions, severities: SeverityOverrides): void {
    const old = this.engineOf;
    if (old) for (const display of old.diagnostics().keys()) this.replaced.set(display, old.pathNamed(display)!);
    this.engineOf = undefined;
    this.configure(options, severities);
    this.start();
  }

  /** Looks at every closed file again (for clients without a file watcher, on each save). */
  rereadDisk(): void {
    this.engineOf?.rereadDisk();
    this.schedule();
  }

  /** An open document's diagnostics as of the last pass, as the editor shows them (configured severities). */
  diagnosticsOf(document: TextDocument): readonly Diagnostic[] {
    const abs = pathOf(document.uri);
    const display = abs === undefined ? undefined : this.engineOf?.fileAt(abs)?.display;
    return display === undefined ? [] : applySeverity(this.engineOf?.diagnostics().get(display) ?? [], this.severities);
  }

  /** A buffer was opened or changed: its text is what the ledger holds for that file. */
  opened(document: TextDocument): void {
    const abs = pathOf(document.uri);
    if (abs === undefined) return;
    this.openUris.set(abs, document.uri);
    this.engineOf?.setText(abs, document.getText());
    this.schedule();
  }

  /** A buffer was closed: the file on disk counts again, errors and all. */
  closed(document: TextDocument): void {
    const abs = pathOf(document.uri);
    if (abs === undefined) return;
    this.openUris.delete(abs);
    this.engineOf?.setText(abs, undefined);
    this.schedule();
  }

  /** Files changed on disk (the client's file watcher). */
  watched(changes: readonly FileEvent[]): void {
    for (const change of changes) {
      const abs = pathOf(change.uri);
      if (abs === undefined || !this.engineOf) continue;
      if (change.type === FileChangeType.Changed) this.engineOf.changedOnDisk(abs);
      else this.engineOf.createdOrDeleted(abs);
    }
    this.schedule();
  }

  /** The open buffer of a file, if there is one. */
  documentAt(abs: string): TextDocument | undefined {
    const uri = this.openUris.get(abs);
    return uri === undefined ? undefined : this.documents.get(uri);
  }

  /** The URI the editor knows a file by: its own for an open buffer. */
  uriAt(abs: string): string {
    return this.openUris.get(abs) ?? uriOf(abs);
  }

  /** Runs a pass soon; changes arriving before it starts join it, so a burst of edits makes one pass. */
  schedule(): void {
    if (this.pending || !this.engineOf) return;
    this.pending = true;
    this.queue = this.queue
      .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
      .then(() => {
        this.pending = false;
        return this.pass();
      });
  }

  /** Waits until every scheduled pass has run. */
  async settled(): Promise<void> {
    await this.queue;
    if (this.pending) await this.settled();
  }

  private async pass(): Promise<void> {
    const engine = this.engineOf!;
    try {
      const started = performance.now();
      const update = await engine.refresh();
      for (const [display, diagnostics] of update.diagnostics) this.publish(engine, display, diagnostics);
      for (const [display, abs] of this.replaced) if (!update.diagnostics.has(display)) this.send(abs, []);
      this.replaced.clear();
      // Sent only when the client turned tracing on (`$/setTrace`, or `trace` at initialize).
      this.connection.tracer.log(`claims: ${update.parsed} file(s) parsed, ${update.checked} claim(s) checked, ${update.diagnostics.size} file(s) sent in ${Math.round(performance.now() - started)} ms`);
    } catch (error) {
      // A fault in one pass must not end the session; the next edit tries again.
      this.connection.console.error(`claims: a check failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    } finally {
      this.markReady();
    }
  }

  private publish(engine: LedgerEngine, display: string, diagnostics: readonly Diagnostic[]): void {
    const abs = engine.pathNamed(display);
    if (abs !== undefined) this.send(abs, applySeverity(diagnostics, this.severities));
  }

  /**
   * Sends a file's diagnostics (already at their configured severity), ranges cut from its buffer
   * when it is open. An empty list is sent only to clear a file, or for an open one.
   */
  send(abs: string, diagnostics: readonly Diagnostic[]): void {
    const document = this.documentAt(abs);
    // An edit that arrived while the pass ran: these diagnostics are of the text before it, and
    // would be labelled with the new version; the next pass sends that version's own.
    if (document && this.engineOf?.changedSinceRead(abs)) return;
    if (diagnostics.length === 0 && !document && !this.showing.has(abs)) return;
    if (diagnostics.length > 0) this.showing.add(abs);
    else this.showing.delete(abs);
    const line = document ? (n: number) => document.getText({ start: { line: n, character: 0 }, end: { line: n + 1, character: 0 } }).replace(/\r?\n$/, "") : undefined;
    const shown = diagnostics.map((d) => toLspDiagnostic(d, line));
    void this.connection.sendDiagnostics({ uri: this.uriAt(abs), ...(document ? { version: document.version } : {}), diagnostics: shown });
  }
}
