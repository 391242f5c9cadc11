/**
 * A real LSP client (vscode-languageserver-protocol's client side, over vscode-jsonrpc) driving the
 * built `claims lsp --stdio` as a subprocess: what an editor does, message by message.
 */
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import {
  type ClientCapabilities,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  type FileEvent,
  InitializedNotification,
  InitializeRequest,
  type InitializeResult,
  type ProtocolConnection,
  PublishDiagnosticsNotification,
  type PublishDiagnosticsParams,
  RegistrationRequest,
  type Registration,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
} from "vscode-languageserver-protocol/node";
import { BIN } from "./run.js";

export const uri = (abs: string) => pathToFileURL(abs).href;

const CAPABILITIES: ClientCapabilities = {
  workspace: { didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true },
  textDocument: {
    synchronization: { didSave: true, dynamicRegistration: false },
    completion: { completionItem: { snippetSupport: true } },
    hover: { contentFormat: ["markdown"] },
    publishDiagnostics: { versionSupport: true },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ["quickfix"] } } },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
  },
};

export class LspClient {
  readonly connection: ProtocolConnection;
  readonly process: ChildProcessWithoutNullStreams;
  /** The latest diagnostics sent for each URI. */
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  /** Every notification of diagnostics, in order. */
  readonly published: PublishDiagnosticsParams[] = [];
  readonly registrations: Registration[] = [];
  stderr = "";
  private readonly versions = new Map<string, number>();
  private ended = false;
  private waiters: { test: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];

  constructor(cwd: string, env: Record<string, string> = {}, paths: readonly string[] = []) {
    this.process = spawn(process.execPath, [BIN, "lsp", "--stdio", ...paths], { cwd, env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env } });
    this.process.stderr.on("data", (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout), new StreamMessageWriter(this.process.stdin));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.diagnostics.set(params.uri, params);
      this.published.push(params);
      this.waiters = this.waiters.filter((w) => (w.test(params) ? (w.resolve(params), false) : true));
    });
    this.connection.onRequest(RegistrationRequest.type, (params) => void this.registrations.push(...params.registrations));
    this.connection.listen();
  }

  /** initialize and initialized, with the given folder as the workspace. */
  async initialize(root: string, capabilities: ClientCapabilities = CAPABILITIES): Promise<InitializeResult> {
    const result = await this.connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: uri(root), capabilities, workspaceFolders: [{ uri: uri(root), name: "ledger" }] });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return result;
  }

  /** The next diagnostics notification that passes `test` (already received ones included when `seen`). */
  waitFor(test: (p: PublishDiagnosticsParams) => boolean, timeoutMs = 60_000): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no such diagnostics within ${timeoutMs} ms; stderr: ${this.stderr}`)), timeoutMs);
      this.waiters.push({ test, resolve: (p) => (clearTimeout(timer), resolve(p)) });
    });
  }

  /**
   * The first publication, already received or still to come, that passes `test`. The server
   * publishes the whole ledger as soon as it is initialised, so a test that waits only for what is
   * still to come can miss what arrived while it awaited something else.
   */
  sent(test: (p: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams> {
    const seen = this.published.find(test);
    return seen ? Promise.resolve(seen) : this.waitFor(test);
  }

  /** The diagnostics of a file's version: sent after each edit, even when unchanged. */
  diagnosticsOf(abs: string, version: number): Promise<PublishDiagnosticsParams> {
    return this.sent((p) => p.uri === uri(abs) && p.version === version);
  }

  async open(abs: string, text = readFileSync(abs, "utf8")): Promise<number> {
    this.versions.set(abs, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: uri(abs), languageId: "yaml", version: 1, text } });
    return 1;
  }

  /** Replaces the whole text (an editor may also send ranges; both are tested). */
  async change(abs: string, text: string): Promise<number> {
    const version = (this.versions.get(abs) ?? 0) + 1;
    this.versions.set(abs, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: uri(abs), version }, contentChanges: [{ text }] });
    return version;
  }

  /** Replaces one range of the text, as editors send keystrokes. */
  async edit(abs: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }, text: string): Promise<number> {
    const version = (this.versions.get(abs) ?? 0) + 1;
    this.versions.set(abs, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: uri(abs), version }, contentChanges: [{ range, text }] });
    return version;
  }

  async close(abs: string): Promise<void> {
    this.versions.delete(abs);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: uri(abs) } });
  }

  async watched(changes: FileEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  /** shutdown, then exit; resolves with the server's exit code. */
  async shutdown(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.process.once("exit", (code) => resolve(code)));
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    const code = await exited;
    this.kill();
    return code;
  }

  /** Ends the connection and the server, whatever state they are in (again is harmless). */
  kill(): void {
    if (this.ended) return;
    this.ended = true;
    this.connection.dispose();
    this.process.kill();
  }
}
