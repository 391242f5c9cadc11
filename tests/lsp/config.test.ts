/**
 * `claims lsp` under `.claims.yaml` (SPEC §13), as `claims lint` runs there: its ledger, its
 * ignores and its severities; a faulty configuration shown on its own file, and a changed one
 * read again.
 */
import { writeFileSync } from "node:fs";
import { FileChangeType, ShowMessageNotification, type PublishDiagnosticsParams } from "vscode-languageserver-protocol/node";
import { afterEach, describe, expect, it } from "vitest";
import { LspClient, uri } from "../helpers/lsp-client.js";
import { runBin } from "../helpers/run.js";
import { endServers, track, writeLedger } from "./ledger.js";

afterEach(endServers);

const shown = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code}`);

const STRAY = { "claims/drafts/broken.yaml": "claims: [\n", "claims/extra.yaml": "sources:\n  nobody:\n    name: Nobody\n    type: other\n" };

/** Waits (a few seconds at most) until `ready` holds. */
async function until(ready: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !ready(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
}

/** A server on the test ledger with `files` added, and the messages it shows the user. */
async function serveWith(files: Record<string, string>) {
  const ledger = writeLedger({ ...STRAY, ...files });
  const client = track(new LspClient(ledger.root), ledger.cleanup);
  const messages: string[] = [];
  client.connection.onNotification(ShowMessageNotification.type, (p) => void messages.push(p.message));
  await client.initialize(ledger.root);
  return { ledger, client, messages };
}

describe("claims lsp under .claims.yaml", () => {
  it("applies its ignores and severities, as claims lint does", async () => {
    const config = "ignore:\n  - claims/drafts/**\nseverity:\n  unused-source: off\n  archive-changed: warning\n";
    const { ledger, client } = await serveWith({ ".claims.yaml": config });
    const sources = await client.sent((p) => p.uri === uri(ledger.path("claims/sources.yaml")));
    // archive-changed lowered to a warning (2); the ignored draft and the unused source are not reported.
    expect(shown(sources)).toEqual(["17:13 2 archive-changed"]);
    const lint = JSON.parse(runBin(["lint", "--format", "json"], { cwd: ledger.root }).stdout) as { file: string; code: string; severity: string }[];
    expect(lint.map((d) => `${d.file} ${d.code} ${d.severity}`)).toEqual(["claims/sources.yaml archive-changed warning"]);
    // An ignored file opened in the editor is not part of the ledger: nothing is sent for it.
    const draft = ledger.path("claims/drafts/broken.yaml");
    await client.open(draft);
    const toll = ledger.path("claims/toll.yaml");
    await client.diagnosticsOf(toll, await client.open(toll));
    expect(client.published.filter((p) => p.uri === uri(draft) || p.uri === uri(ledger.path("claims/extra.yaml")))).toEqual([]);
  });

  it("reads the ledger the configuration names", async () => {
    const { ledger, client } = await serveWith({ ".claims.yaml": "ledger: data\n", "data/only.yaml": "sources:\n  lonely:\n    name: Lonely\n    type: other\n" });
    const only = await client.sent((p) => p.uri === uri(ledger.path("data/only.yaml")));
    expect(shown(only)).toEqual(["2:3 2 unused-source"]);
    expect(client.published.filter((p) => p.uri.includes("/claims/"))).toEqual([]);
  });

  it("shows a faulty configuration's faults on it, checks without it, and reads it again once fixed", async () => {
    const { ledger, client, messages } = await serveWith({ ".claims.yaml": "severity:\n  unused-sourc: off\n" });
    const fault = await client.sent((p) => p.uri === uri(ledger.path(".claims.yaml")));
    expect(fault.diagnostics.map((d) => [d.range.start.line + 1, d.range.start.character + 1, d.code, d.message])).toEqual([[2, 3, "schema", expect.stringContaining("unused-sourc")]]);
    await until(() => messages.length > 0);
    expect(messages).toEqual([expect.stringMatching(/\.claims\.yaml is not a valid configuration; the ledger is checked without it until it is fixed/)]);
    // Checked without it: the unused source is reported.
    const extra = await client.sent((p) => p.uri === uri(ledger.path("claims/extra.yaml")));
    expect(shown(extra)).toEqual(["2:3 2 unused-source"]);
    // Fixed on disk: the configuration's faults are cleared and its severities apply.
    writeFileSync(ledger.path(".claims.yaml"), "severity:\n  unused-source: off\n");
    const cleared = client.waitFor((p) => p.uri === uri(ledger.path(".claims.yaml")) && p.diagnostics.length === 0);
    const unreported = client.waitFor((p) => p.uri === uri(ledger.path("claims/extra.yaml")) && p.diagnostics.length === 0);
    await client.watched([{ uri: uri(ledger.path(".claims.yaml")), type: FileChangeType.Changed }]);
    await Promise.all([cleared, unreported]);
  });
});
