/**
 * `claims lsp` over stdio, driven by a real client: initialize; the whole ledger's diagnostics at
 * start (the same as `claims lint`); open, change (unsaved) and close; diagnostics across files;
 * files changed on disk; shutdown and exit.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FileChangeType, type PublishDiagnosticsParams } from "vscode-languageserver-protocol/node";
import { afterEach, describe, expect, it } from "vitest";
import { LspClient, uri } from "../helpers/lsp-client.js";
import { FIXTURES, runBin } from "../helpers/run.js";
import { endServers, FILES, serve, track, writeLedger } from "./ledger.js";

afterEach(endServers);

/** Diagnostics as "line:column code message" (the server sends messages as plain strings). */
const shown = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${typeof d.message === "string" ? d.message : "(markup)"}`);

describe("claims lsp", () => {
  it("initializes with its capabilities and ends with exit code 0 after shutdown", async () => {
    const ledger = writeLedger();
    const client = track(new LspClient(ledger.root), ledger.cleanup);
    const result = await client.initialize(ledger.root);
    expect(result.serverInfo?.name).toBe("claims");
    expect(result.capabilities).toEqual({
      positionEncoding: "utf-16",
      textDocumentSync: { openClose: true, change: 2, save: { includeText: false } },
      completionProvider: { triggerCharacters: [":", " ", "-", "[", ","] },
      hoverProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      codeActionProvider: { codeActionKinds: ["quickfix"] },
      documentSymbolProvider: true,
    });
    // The only diagnostic of this ledger arrives without any file being opened.
    const sources = await client.sent((p) => p.uri === uri(ledger.path("claims/sources.yaml")));
    expect(shown(sources)).toEqual([expect.stringMatching(/^17:13 archive-changed archive 'archive\/report.txt' has SHA-256 [0-9a-f]{64}, not the recorded (ab){32}; /)]);
    expect(client.registrations.map((r) => r.method)).toEqual(["workspace/didChangeWatchedFiles"]);
    expect(await client.shutdown()).toBe(0);
  });

  it("exits with 1 when the client exits without shutdown", async () => {
    const { client } = await serve();
    const exited = new Promise<number | null>((resolve) => client.process.once("exit", resolve));
    await client.connection.sendNotification("exit");
    expect(await exited).toBe(1);
  });

  it("exits with 1 when the client closes the connection without shutdown, and 0 after it", async () => {
    const ledger = writeLedger();
    for (const [shutdown, code] of [[false, 1], [true, 0]] as const) {
      const client = track(new LspClient(ledger.root), () => {});
      await client.initialize(ledger.root);
      if (shutdown) await client.connection.sendRequest("shutdown");
      const exited = new Promise<number | null>((resolve) => client.process.once("exit", resolve));
      client.process.stdin.end();
      expect(await exited).toBe(code);
    }
    ledger.cleanup();
  });

  it("takes the ledger's paths, relative to the workspace folder", async () => {
    const { ledger, client } = await serve({ "elsewhere/ledger/stray.yaml": "sources:\n  stray:\n    name: Stray\n    type: other\n" }, ["elsewhere/ledger"]);
    const stray = await client.sent((p) => p.uri === uri(ledger.path("elsewhere/ledger/stray.yaml")));
    expect(shown(stray)).toEqual(["2:3 unused-source source 'stray' is not cited by any statement; cite it or remove it"]);
    // The default ledger (./claims) is not read: its archive-changed error is never sent.
    expect(client.published.filter((p) => p.uri.includes("/claims/")).length).toBe(0);
  });

  it("explains itself in --help, and refuses a transport it does not speak", () => {
    const help = runBin(["lsp", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: claims lsp \[options\] \[paths\.\.\.\]\n/);
    expect(help.stdout).toContain("--stdio");
    expect(help.stdout).toContain("Editor support");
    const socket = runBin(["lsp", "--socket=5000"]);
    expect([socket.code, socket.stderr]).toEqual([2, expect.stringContaining("unknown option '--socket=5000'")]);
  });

  it("publishes every diagnostic of the whole ledger, exactly as `claims lint` reports them", async () => {
    const root = mkdtempSync(join(tmpdir(), "claims-lsp-faults-"));
    const cleanup = () => rmSync(root, { recursive: true, force: true });
    cpSync(join(FIXTURES, "every-fault"), join(root, "claims"), { recursive: true });
    const lint = runBin(["lint", "--format", "json"], { cwd: root });
    const expected = (JSON.parse(lint.stdout) as { file: string; line: number; column: number; code: string; message: string }[]).map((d) => `${d.file} ${d.line}:${d.column} ${d.code} ${d.message}`);
    const files = new Set(expected.map((e) => e.split(" ")[0]));
    // The seven faults in one claim file that need the whole ledger, among them.
    expect(expected.filter((e) => e.startsWith("claims/toll.yaml")).map((e) => e.split(" ")[2])).toEqual(
      expect.arrayContaining(["unknown-source", "unknown-document", "invalid-value", "quote-not-found", "quote-unchecked"]),
    );
    const client = track(new LspClient(root), cleanup);
    await client.initialize(root);
    await Promise.all([...files].map((file) => client.sent((p) => p.uri === uri(join(root, file)))));
    const got = [...client.diagnostics.values()].flatMap((p) => shown(p).map((d) => `${p.uri.slice(uri(root).length + 1)} ${d}`));
    expect(got.sort()).toEqual([...expected].sort());
  });

  it("checks an unsaved buffer, re-diagnoses the claims citing a changed sources.yaml, and leaves the files on disk alone", async () => {
    const { ledger, client } = await serve();
    const toll = ledger.path("claims/toll.yaml");
    const sources = ledger.path("claims/sources.yaml");
    expect(shown(await client.diagnosticsOf(toll, await client.open(toll)))).toEqual([]);
    // A typo in the open buffer, not saved.
    let version = await client.change(toll, FILES["claims/toll.yaml"].replace("source: union", "source: unoin"));
    expect(shown(await client.diagnosticsOf(toll, version))).toEqual(["11:17 unknown-source unknown source 'unoin' — did you mean 'union'?"]);
    version = await client.edit(toll, { start: { line: 10, character: 16 }, end: { line: 10, character: 21 } }, "union");
    expect(shown(await client.diagnosticsOf(toll, version))).toEqual([]);
    // Renaming a source in sources.yaml: the claim files that cite it hear of it.
    await client.open(sources);
    const fired = ledger.path("claims/fired.yaml");
    const firedSeen = client.waitFor((p) => p.uri === uri(fired) && p.diagnostics.length > 0);
    const tollSeen = client.waitFor((p) => p.uri === uri(toll) && p.diagnostics.length > 0);
    version = await client.change(sources, FILES["claims/sources.yaml"].replace("  union:", "  unions:"));
    expect(shown(await firedSeen)).toEqual(["7:17 unknown-source unknown source 'union' — did you mean 'unions'?"]);
    expect(shown(await tollSeen)).toEqual(["11:17 unknown-source unknown source 'union' — did you mean 'unions'?"]);
    // The edited file's own diagnostics come with its version, whether or not they changed.
    expect(shown(await client.diagnosticsOf(sources, version))).toEqual(["7:3 unused-source source 'unions' is not cited by any statement; cite it or remove it", expect.stringMatching(/^17:13 archive-changed /)]);
    // Closing sources.yaml unsaved: the file on disk counts again, and the claims are clean.
    const cleared = client.waitFor((p) => p.uri === uri(fired) && p.diagnostics.length === 0);
    await client.close(sources);
    await cleared;
    for (const [rel, text] of Object.entries(FILES)) expect(readFileSync(ledger.path(rel), "utf8")).toBe(text);
  });

  it("keeps a closed file's errors until they are fixed on disk", async () => {
    const { ledger, client } = await serve();
    const toll = ledger.path("claims/toll.yaml");
    await client.diagnosticsOf(toll, await client.open(toll));
    // Saved with an error, then closed: the error stays, from the file on disk.
    const broken = FILES["claims/toll.yaml"].replace("says: about 60", "says: about sixty-ish");
    writeFileSync(toll, broken);
    await client.diagnosticsOf(toll, await client.change(toll, broken));
    const afterClose = client.waitFor((p) => p.uri === uri(toll) && p.version === undefined);
    await client.close(toll);
    expect(shown(await afterClose)).toEqual([expect.stringMatching(/^12:15 invalid-value cannot read "about sixty-ish" as a quantity/)]);
    // Fixed by another program: the watcher's notice clears it.
    writeFileSync(toll, FILES["claims/toll.yaml"]);
    const fixed = client.waitFor((p) => p.uri === uri(toll) && p.diagnostics.length === 0);
    await client.watched([{ uri: uri(toll), type: FileChangeType.Changed }]);
    await fixed;
    // An archive changed on disk: the quote it held is no longer found.
    writeFileSync(ledger.path("claims/archive/report.txt"), "Nothing like it.\n");
    const misquoted = client.waitFor((p) => p.uri === uri(toll) && p.diagnostics.some((d) => d.code === "quote-not-found"));
    await client.watched([{ uri: uri(ledger.path("claims/archive/report.txt")), type: FileChangeType.Changed }]);
    expect(shown(await misquoted)).toEqual([expect.stringMatching(/^9:16 quote-not-found quote not found in the archive of 'report'/)]);
  });

  it("adds a new file created on disk to the ledger, and clears a deleted file's diagnostics", async () => {
    const { ledger, client } = await serve();
    const extra = ledger.path("claims/extra.yaml");
    writeFileSync(extra, "sources:\n  nobody:\n    name: Nobody\n    type: other\n");
    const unused = client.waitFor((p) => p.uri === uri(extra));
    await client.watched([{ uri: uri(extra), type: FileChangeType.Created }]);
    expect(shown(await unused)).toEqual(["2:3 unused-source source 'nobody' is not cited by any statement; cite it or remove it"]);
    rmSync(extra);
    const cleared = client.waitFor((p) => p.uri === uri(extra) && p.diagnostics.length === 0);
    await client.watched([{ uri: uri(extra), type: FileChangeType.Deleted }]);
    await cleared;
  });
});
