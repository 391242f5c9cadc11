/**
 * `claims lsp`: a Language Server Protocol server over a pair of streams (stdin and stdout). It
 * holds the workspace's ledger (see ledger/engine.ts), reads unsaved buffers from the editor,
 * follows files changed on disk through the client's file watcher, and answers with the core's
 * diagnostics, completion, hover, definitions, references, quick fixes and document symbols.
 */
import {
  type ClientCapabilities,
  CodeActionKind,
  createConnection,
  DidChangeWatchedFilesNotification,
  type InitializeParams,
  type InitializeResult,
  MessageType,
  ShowMessageNotification,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocumentSyncKind,
  TextDocuments,
} from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { basename } from "node:path";
import { CONFIG_FILE } from "../core/load/config.js";
import type { ParseOptions } from "../core/load/parse-pool.js";
import { pathOf } from "./convert.js";
import { codeActions } from "./features/actions.js";
import { complete } from "./features/completion.js";
import { hover } from "./features/hover.js";
import { definition, references } from "./features/navigation.js";
import { documentSymbols } from "./features/symbols.js";
import { planWorkspace, type WorkspacePlan } from "./plan.js";
import { Session } from "./session.js";

export interface ServerOptions {
  readonly input: NodeJS.ReadableStream;
  readonly output: NodeJS.WritableStream;
  /** The folder to check when the client names no workspace folder. */
  readonly cwd: string;
  readonly version: string;
  /** Parse workers for the first load of a large ledger. */
  readonly parse?: ParseOptions;
  /** The ledger's paths, relative to the workspace folder; none: `.claims.yaml`'s ledger, else `./claims` if it exists, else the folder, as the CLI. */
  readonly paths?: readonly string[];
  /** False with `--no-ignore`: the configuration's ignores and what git ignores are read too. */
  readonly useIgnores?: boolean;
}

/** The workspace folder the client names (the first one), else `cwd`. */
function rootOf(params: InitializeParams, cwd: string): string {
  const uri = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
  return (uri ? pathOf(uri) : undefined) ?? params.rootPath ?? cwd;
}

/**
 * Starts the server on the given streams. The protocol's `exit` notification ends the process (as
 * the protocol library does it); the promise resolves when the input closes first, with the exit
 * code the protocol prescribes: 0 after a `shutdown` request, else 1.
 */
export function startServer(options: ServerOptions): Promise<number> {
  const connection = createConnection(new StreamMessageReader(options.input), new StreamMessageWriter(options.output));
  const documents = new TextDocuments(TextDocument);
  let session: Session | undefined;
  let client: ClientCapabilities = {};
  let root = options.cwd;
  let plan: WorkspacePlan | undefined;
  /** Plans the folder (`.claims.yaml`), shows the configuration's faults on it, and sets the session to the plan. */
  const planned = (target: Session, reload = false): WorkspacePlan => {
    const next = planWorkspace(root, options.paths ?? [], options.useIgnores ?? true);
    const engine = { cwd: root, paths: next.paths, ignore: next.ignore, ...(options.parse ? { parse: options.parse } : {}) };
    if (reload) {
      target.reconfigure(engine, next.severity);
      report(target, next);
    } else target.configure(engine, next.severity);
    return next;
  };
  /** Tells the user about the plan: the configuration's faults on its file (cleared once valid), and notices. */
  const report = (target: Session, current: WorkspacePlan): void => {
    if (current.configFile !== undefined) target.send(current.configFile, current.faults);
    for (const notice of current.notices) connection.console.warn(`claims: ${notice}`);
    if (current.faults.length > 0) {
      const message = `claims: ${current.configFile ?? CONFIG_FILE} is not a valid configuration; the ledger is checked without it until it is fixed (see its diagnostics).`;
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message });
    }
  };
  /** Whether a changed file is the configuration (or could become it). */
  const isConfig = (abs: string | undefined) => abs !== undefined && (abs === plan?.configFile || basename(abs) === CONFIG_FILE);

  connection.onInitialize((params): InitializeResult => {
    client = params.capabilities;
    root = rootOf(params, options.cwd);
    session = new Session(connection, documents);
    plan = planned(session);
    return {
      capabilities: {
        positionEncoding: "utf-16",
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        completionProvider: { triggerCharacters: [":", " ", "-", "[", ","] },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        documentSymbolProvider: true,
      },
      serverInfo: { name: "claims", version: options.version },
    };
  });

  connection.onInitialized(() => {
    if (client.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      // Ledger files, and archives of any extension: every file under the workspace folder.
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: "**/*" }] });
    }
    if (session && plan) report(session, plan);
    session?.start();
  });

  documents.onDidOpen((event) => session?.opened(event.document));
  documents.onDidChangeContent((event) => session?.opened(event.document));
  documents.onDidClose((event) => session?.closed(event.document));
  // Without a file watcher, a save is the moment files changed by other tools are looked at again.
  documents.onDidSave((event) => {
    if (session && isConfig(pathOf(event.document.uri))) plan = planned(session, true);
    else if (!client.workspace?.didChangeWatchedFiles?.dynamicRegistration) session?.rereadDisk();
  });
  connection.onDidChangeWatchedFiles((params) => {
    // A changed `.claims.yaml` changes what the ledger is: it is planned and loaded again.
    if (session && params.changes.some((change) => isConfig(pathOf(change.uri)))) plan = planned(session, true);
    else session?.watched(params.changes);
  });

  const snippets = () => client.textDocument?.completion?.completionItem?.snippetSupport === true;
  /** Runs a request on an open document once the ledger is loaded; nothing for a document the server does not hold. */
  const withDocument = <P extends { textDocument: { uri: string } }, R>(empty: R, answer: (s: Session, d: TextDocument, p: P) => R) => async (params: P): Promise<R> => {
    const document = documents.get(params.textDocument.uri);
    if (!session || !document) return empty;
    await session.ready;
    await session.settled();
    return session.engine ? answer(session, document, params) : empty;
  };

  connection.onCompletion(withDocument([], (s, d, p) => complete(s.engine!, d, p.position, snippets())));
  connection.onHover(withDocument(null, (s, d, p) => hover(s.engine!, d, p.position)));
  connection.onDefinition(withDocument(null, (s, d, p) => definition(s.engine!, (abs) => s.uriAt(abs), d, p.position)));
  connection.onReferences(withDocument([], (s, d, p) => references(s.engine!, (abs) => s.uriAt(abs), d, p.position, p.context.includeDeclaration)));
  connection.onCodeAction(withDocument([], (s, d, p) => codeActions(d, s.diagnosticsOf(d), p.range)));
  connection.onDocumentSymbol(withDocument([], (_, d) => documentSymbols(d)));

  let shutdown = false;
  connection.onShutdown(() => {
    shutdown = true;
  });
  documents.listen(connection);
  connection.listen();
  return new Promise((resolve) => {
    const ended = () => resolve(shutdown ? 0 : 1);
    options.input.once("end", ended);
    options.input.once("close", ended);
  });
}
