/**
 * Hostile buffers sent to `claims lsp`: a 10 MiB file, one over the limit, deep nesting, control
 * characters, an unpaired surrogate, bytes that are not UTF-8. Each gets its diagnostic and
 * nothing else: the server neither crashes nor hangs, and keeps answering.
 */
import { writeFileSync } from "node:fs";
import { CompletionRequest, DocumentSymbolRequest, HoverRequest } from "vscode-languageserver-protocol/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LspClient, uri } from "../helpers/lsp-client.js";
import { FILES, find, writeLedger } from "./ledger.js";

let client: LspClient;
let ledger: ReturnType<typeof writeLedger>;

beforeAll(async () => {
  ledger = writeLedger();
  client = new LspClient(ledger.root);
  await client.initialize(ledger.root);
  await client.diagnosticsOf(ledger.path("claims/toll.yaml"), await client.open(ledger.path("claims/toll.yaml")));
});
afterAll(() => {
  client.kill();
  ledger.cleanup();
});

/** The server still answers: a hover on a clean file gives the source's name. */
async function stillAnswers(): Promise<void> {
  const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uri(ledger.path("claims/toll.yaml")) }, position: find(FILES["claims/toll.yaml"], "source: union", 10) });
  expect((hover?.contents as { value: string }).value).toMatch(/^\*\*Oil workers\\' union\*\* · `union`\n/);
  expect(client.process.exitCode).toBeNull();
}

/** Opens a hostile buffer, returns its diagnostics as "line:column code message", and asks every feature about it. */
async function openHostile(name: string, text: string): Promise<string[]> {
  const path = ledger.path(`claims/${name}`);
  const published = await client.diagnosticsOf(path, await client.open(path, text));
  const position = { line: 0, character: 1 };
  const textDocument = { uri: uri(path) };
  await client.connection.sendRequest(HoverRequest.type, { textDocument, position });
  await client.connection.sendRequest(CompletionRequest.type, { textDocument, position });
  await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument });
  await client.close(path);
  return published.diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.message}`);
}

const MiB = 1024 * 1024;

describe("claims lsp on hostile input", () => {
  it("reads a 10 MiB buffer", async () => {
    const line = `# ${"x".repeat(1021)}\n`;
    const text = `${line.repeat(10 * 1024 - 1)}sources:\n  s:\n    name: S\n    type: other\n`;
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(10 * MiB);
    expect(await openHostile("big.yaml", text)).toEqual([`${10 * 1024 + 1}:3 unused-source source 's' is not cited by any statement; cite it or remove it`]);
    await stillAnswers();
  });

  it("refuses a buffer over 10 MiB, without parsing it", async () => {
    const text = `sources: {}\n${"#".repeat(10 * MiB)}\n`;
    expect(await openHostile("over.yaml", text)).toEqual(["1:1 unreadable-file file is 10.0 MiB, over the 10 MiB limit"]);
    await stillAnswers();
  });

  it("refuses nesting 100,000 levels deep", async () => {
    expect(await openHostile("deep.yaml", `claims: ${"[".repeat(100_000)}`)).toEqual(["1:108 yaml-syntax nesting deeper than 100 levels; ledger records are never that deep"]);
    await stillAnswers();
  });

  it("shows control and invisible characters as escapes, never raw", async () => {
    const text = "sources:\n  a:\n    name: \u001b]0;pwned\u0007\n    type: other\n    \u001b[2Jkey\u202e: 1\n";
    const shown = await openHostile("control.yaml", text);
    // The source has a schema error, so it is not analysed (and not reported unused).
    expect(shown).toEqual([
      expect.stringMatching(/^5:5 schema unknown key '\\u001b\[2Jkey\\u202e'; a source takes name, type, side, reliability, url, note$/),
    ]);
    expect(shown.join("\n")).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/);
    await stillAnswers();
  });

  it("refuses an unpaired surrogate at its place", async () => {
    expect(await openHostile("surrogate.yaml", "sources:\n  a:\n    name: \uD800\n")).toEqual(["3:11 unreadable-file text holds an unpaired surrogate, which UTF-8 cannot encode; save the file as UTF-8"]);
    await stillAnswers();
  });

  it("survives a message whose bytes are not UTF-8, and a closed file that is not UTF-8", async () => {
    const path = ledger.path("claims/bytes.yaml");
    const head = Buffer.from(JSON.stringify({ jsonrpc: "2.0", method: "textDocument/didOpen", params: { textDocument: { uri: uri(path), languageId: "yaml", version: 1, text: "sources:\n  a:\n    name: XX\n    type: other\n" } } }));
    const body = Buffer.from(head.toString().replace("XX", "\u0001\u0002"));
    const at = body.indexOf(Buffer.from([1, 2]));
    body[at] = 0xff;
    body[at + 1] = 0xfe;
    client.process.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]));
    const published = await client.waitFor((p) => p.uri === uri(path) && p.version === 1);
    expect(published.diagnostics.map((d) => d.code)).toEqual(["unused-source"]);
    await client.close(path);
    writeFileSync(ledger.path("claims/latin1.yaml"), Buffer.from([0x61, 0x3a, 0x20, 0xe9, 0x0a]));
    const latin1 = client.waitFor((p) => p.uri === uri(ledger.path("claims/latin1.yaml")));
    await client.watched([{ uri: uri(ledger.path("claims/latin1.yaml")), type: 1 }]);
    expect((await latin1).diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual(["unreadable-file not valid UTF-8 at byte 4; save the file as UTF-8"]);
    await stillAnswers();
  });
});
