/** A small ledger for the language server's tests, written into a temporary folder: each file's text is known to the line. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { LspClient } from "../helpers/lsp-client.js";

export const REPORT_TEXT = "Ten people were killed as a result of mass disorder. It was police that was shooting.\n";

export const FILES: Record<string, string> = {
  "claims/sources.yaml": [
    "sources:",
    "  prosecutor-general:",
    "    name: Prosecutor-General",
    "    type: official",
    "    side: government",
    "    reliability: B",
    "  union:",
    "    name: Oil workers' union",
    "    type: union",
    "    side: workers",
    "documents:",
    "  report:",
    "    title: Security clampdown",
    "    publisher: Paper",
    "    published: 2011-12-17",
    "    archive: archive/report.txt",
    `    sha256: ${"ab".repeat(32)}`,
    "",
  ].join("\n"),
  "claims/archive/report.txt": REPORT_TEXT,
  "claims/toll.yaml": [
    "claims:",
    "  toll:",
    "    question: How many people were killed?",
    "    type: quantity",
    "    unit: people",
    "    statements:",
    "      - source: prosecutor-general",
    "        says: 10",
    "        quote: Ten people were killed as a result of mass disorder.",
    "        in: report",
    "      - source: union",
    "        says: about 60",
    "        on: 2011-12-18",
    "",
  ].join("\n"),
  "claims/fired.yaml": [
    "claims:",
    "  fired:",
    "    question: Who fired first?",
    "    type: choice",
    "    options: [police, protesters]",
    "    statements:",
    "      - source: union",
    "        says: police",
    "        in: report",
    "      - source: prosecutor-general",
    "        says: protesters",
    "",
  ].join("\n"),
};

/** Writes the ledger (and any extra files) into a new temporary folder; returns it and a cleanup. */
export function writeLedger(extra: Record<string, string> = {}): { readonly root: string; readonly path: (rel: string) => string; readonly cleanup: () => void } {
  const root = mkdtempSync(join(tmpdir(), "claims-lsp-"));
  for (const [rel, text] of Object.entries({ ...FILES, ...extra })) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  return { root, path: (rel) => join(root, rel), cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** The 0-based line of the first line of `text` that holds `needle`, and the character where it starts (plus `offset`). */
export function find(text: string, needle: string, offset = 0): { line: number; character: number } {
  const lines = text.split("\n");
  const line = lines.findIndex((l) => l.includes(needle));
  if (line < 0) throw new Error(`'${needle}' is not in the text`);
  return { line, character: lines[line].indexOf(needle) + offset };
}

const running: { readonly client: LspClient; readonly cleanup: () => void }[] = [];

/** Keeps a server and its folder to be ended by `endServers`. */
export function track(client: LspClient, cleanup: () => void): LspClient {
  running.push({ client, cleanup });
  return client;
}

/** Ends every server a test started and removes its folders: each test file calls it after each test. */
export function endServers(): void {
  for (const { client, cleanup } of running.splice(0)) {
    client.kill();
    cleanup();
  }
}

/** The test ledger (with `extra` files) in a new folder and a server on it (with `paths`), initialized. */
export async function serve(extra: Record<string, string> = {}, paths: readonly string[] = []): Promise<{ ledger: ReturnType<typeof writeLedger>; client: LspClient }> {
  const ledger = writeLedger(extra);
  const client = track(new LspClient(ledger.root, {}, paths), ledger.cleanup);
  await client.initialize(ledger.root);
  return { ledger, client };
}
