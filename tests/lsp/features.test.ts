/**
 * `claims lsp` answering a real client: completion, hover, definition, references, quick fixes
 * (applied, and the diagnostic gone) and document symbols, on a small ledger with known text.
 */
import { readFileSync } from "node:fs";
import {
  CodeActionRequest,
  type CodeAction,
  CompletionRequest,
  type CompletionItem,
  DefinitionRequest,
  DocumentSymbolRequest,
  type DocumentSymbol,
  HoverRequest,
  type Location,
  ReferencesRequest,
  type TextEdit,
} from "vscode-languageserver-protocol/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LspClient, uri } from "../helpers/lsp-client.js";
import { FILES, find, REPORT_TEXT, writeLedger } from "./ledger.js";
import { createHash } from "node:crypto";

let client: LspClient;
let ledger: ReturnType<typeof writeLedger>;
const texts = new Map<string, string>();

beforeAll(async () => {
  ledger = writeLedger();
  client = new LspClient(ledger.root);
  await client.initialize(ledger.root);
  for (const rel of ["claims/toll.yaml", "claims/fired.yaml", "claims/sources.yaml"]) {
    texts.set(rel, FILES[rel]);
    await client.diagnosticsOf(ledger.path(rel), await client.open(ledger.path(rel)));
  }
});
afterAll(() => {
  client.kill();
  ledger.cleanup();
});

/** Sets a file's buffer and waits until the server has checked it. */
async function setText(rel: string, text: string): Promise<void> {
  texts.set(rel, text);
  await client.diagnosticsOf(ledger.path(rel), await client.change(ledger.path(rel), text));
}

const doc = (rel: string) => ({ textDocument: { uri: uri(ledger.path(rel)) } });

async function complete(rel: string, text: string, at: string): Promise<CompletionItem[]> {
  // The cursor goes where `‸` is; the buffer holds the text without it.
  const cursor = find(text, "‸");
  await setText(rel, text.replace("‸", ""));
  const result = await client.connection.sendRequest(CompletionRequest.type, { ...doc(rel), position: cursor });
  // The server answers with a list (null would mean it offers nothing there); `at` names the place.
  expect(result, `completion at ${at}`).not.toBeNull();
  return Array.isArray(result) ? result : (result?.items ?? []);
}

const labels = (items: CompletionItem[]) => items.map((i) => i.label);
const TOLL = FILES["claims/toll.yaml"];

describe("completion", () => {
  it("offers source ids with their names after `source:` and `via:`", async () => {
    const items = await complete("claims/toll.yaml", TOLL.replace("      - source: union", "      - source: ‸"), "source");
    expect(items.map((i) => [i.label, i.detail])).toEqual([["prosecutor-general", "Prosecutor-General"], ["union", "Oil workers' union"]]);
    expect(items[0].textEdit).toEqual({ range: { start: { line: 10, character: 16 }, end: { line: 10, character: 16 } }, newText: "prosecutor-general" });
    const claimant = await complete("claims/toll.yaml", `${TOLL}    verdict:\n      claimant: ‸`, "claimant");
    expect(labels(claimant)).toEqual(["prosecutor-general", "union"]);
    const via = await complete("claims/toll.yaml", TOLL.replace("        on: 2011-12-18", "        on: 2011-12-18\n        via: pro‸"), "via");
    expect(labels(via)).toEqual(["prosecutor-general", "union"]);
    expect(via[0].textEdit).toEqual({ range: { start: { line: 13, character: 13 }, end: { line: 13, character: 16 } }, newText: "prosecutor-general" });
  });

  it("offers document ids after `in:`", async () => {
    const items = await complete("claims/toll.yaml", TOLL.replace("        in: report", "        in: ‸"), "in");
    expect(items.map((i) => [i.label, i.detail])).toEqual([["report", "Security clampdown — Paper, 2011-12-17"]]);
  });

  it("offers a choice claim's options after `says:`, in a flow list too", async () => {
    const fired = FILES["claims/fired.yaml"];
    expect(labels(await complete("claims/fired.yaml", fired.replace("says: police", "says: ‸"), "says"))).toEqual(["police", "protesters", "unknown"]);
    expect(labels(await complete("claims/fired.yaml", fired.replace("says: police", "says: [police, ‸"), "says list"))).toEqual(["police", "protesters", "unknown"]);
  });

  it("offers the §5 forms for a quantity's `says:`, as snippets", async () => {
    const items = await complete("claims/toll.yaml", TOLL.replace("says: about 60", "says: ‸"), "says");
    expect(labels(items)).toEqual(["N", "at least N", "more than N", "at most N", "fewer than N", "almost N", "about N", "between N and M", "{min: N, max: M}", "several", "dozens", "hundreds", "thousands", "tens of thousands", "unknown"]);
    expect(items[1]).toMatchObject({ insertTextFormat: 2, textEdit: { newText: "at least ${1:10}" }, detail: "[N, ∞): also no fewer than N, N or more, N+" });
  });

  it("offers the keys a record of that kind takes and does not have yet", async () => {
    const statement = await complete("claims/toll.yaml", TOLL.replace("        on: 2011-12-18", "        on: 2011-12-18\n        ‸"), "statement");
    expect(labels(statement)).toEqual(["quote", "in", "via", "retracted", "as-of", "url", "note"]);
    expect(statement[1]).toMatchObject({ detail: "a statement", textEdit: { newText: "in: " }, documentation: { kind: "markdown", value: "The document id where it was said." } });
    expect(labels(await complete("claims/toll.yaml", `${TOLL}    ‸`, "quantity claim"))).toEqual(["tags", "verdict", "cumulative", "margin", "tolerance"]);
    expect(labels(await complete("claims/fired.yaml", `${FILES["claims/fired.yaml"]}    ‸`, "choice claim"))).toEqual(["tags", "verdict"]);
    expect(labels(await complete("claims/toll.yaml", `${TOLL}    verdict:\n      ‸`, "verdict"))).toEqual(["finding", "rating", "claim", "claimant", "note", "by", "on"]);
    const sources = FILES["claims/sources.yaml"];
    expect(labels(await complete("claims/sources.yaml", sources.replace("    side: workers", "    side: workers\n    ‸"), "source"))).toEqual(["reliability", "url", "note"]);
    expect(labels(await complete("claims/sources.yaml", `${sources}    ‸`, "document"))).toEqual(["url"]);
    expect(labels(await complete("claims/sources.yaml", `${sources}‸`, "file"))).toEqual(["settings", "claims"]);
    expect(labels(await complete("claims/sources.yaml", sources.replace("    type: union", "    type: ‸"), "type"))).toEqual(["official", "company", "union", "eyewitness", "media", "journalist", "ngo", "expert", "other"]);
    await setText("claims/sources.yaml", sources);
    await setText("claims/toll.yaml", TOLL);
    await setText("claims/fired.yaml", FILES["claims/fired.yaml"]);
  });
});

async function hoverAt(rel: string, needle: string, offset = 0): Promise<string> {
  const result = await client.connection.sendRequest(HoverRequest.type, { ...doc(rel), position: find(texts.get(rel)!, needle, offset) });
  return (result?.contents as { value: string } | undefined)?.value ?? "";
}

describe("hover", () => {
  it("on a source id: name, type, side, reliability and its positions", async () => {
    expect(await hoverAt("claims/toll.yaml", "prosecutor-general", 3)).toBe(
      [
        "**Prosecutor\\-General** · `prosecutor-general`",
        "",
        "official (A state body or office holder speaking in that role) · side `government` · reliability B (usually reliable)",
        "",
        "Positions (2):",
        "- `fired`: protesters — conflicts with `union`",
        "- `toll`: 10 — conflicts with `union`",
        "",
        "Declared in `claims/sources.yaml`.",
      ].join("\n"),
    );
  });

  it("on a source that only relays: what it relays and whether that is its origin's position, not 'no positions'", async () => {
    const sources = FILES["claims/sources.yaml"].replace("documents:", "  wire:\n    name: Wire\n    type: media\ndocuments:");
    await setText("claims/sources.yaml", sources);
    await setText("claims/toll.yaml", `${TOLL}      - {source: wire, via: prosecutor-general, says: 10}\n      - {source: wire, via: union, says: 30}\n`);
    expect((await hoverAt("claims/toll.yaml", "source: wire", 9)).split("\n").slice(2)).toEqual([
      "media (A news outlet speaking in its own voice) · no side (its own group) · reliability not graded",
      "",
      "Relays of other origins' statements (2):",
      "- `toll`: 10, reporting `prosecutor-general` — agrees with its position",
      "- `toll`: 30, reporting `union` — not its position",
      "",
      "Declared in `claims/sources.yaml`.",
    ]);
    // This order once failed the next test: sources.yaml's diagnostics were sent for its new
    // version from a pass that had read the old one, so the test went on before the server had.
    await setText("claims/toll.yaml", TOLL);
    await setText("claims/sources.yaml", FILES["claims/sources.yaml"]);
  });

  it("on a document id: title, publisher, date and archive", async () => {
    const text = await hoverAt("claims/toll.yaml", "in: report", 5);
    expect(text.split("\n")).toEqual([
      "**Security clampdown** · `report`",
      "",
      "Paper, 2011-12-17",
      "",
      `Archive \`archive/report.txt\`: ${REPORT_TEXT.length} characters, SHA-256 recorded; quotes are checked against it.`,
      "",
      "Cited by 2 claim(s). Declared in `claims/sources.yaml`.",
    ]);
  });

  it("on a claim id: status, range, window and conflicts", async () => {
    expect((await hoverAt("claims/toll.yaml", "toll:", 1)).split("\n")).toEqual([
      "**How many people were killed\\?** · `toll`",
      "",
      "quantity · **conflict** (unresolved: no verdict yet) · 2 independence group(s)",
      "",
      "Range: 10–66 people",
      "Window: none \\(the positions allow no common value\\)",
      "",
      "Conflicts:",
      "- `prosecutor-general` ↔ `union`",
    ]);
  });

  it("on `says`: the set it reads as", async () => {
    expect((await hoverAt("claims/toll.yaml", "about 60", 2)).split("\n")[0]).toBe("`about 60` — Reads as **54–66** people.");
    expect((await hoverAt("claims/toll.yaml", "says: 10", 1)).split("\n")[0]).toBe("`10` — Reads as **10** people.");
    expect((await hoverAt("claims/fired.yaml", "says: police", 7)).split("\n")[0]).toBe("`police` — Reads as **police**.");
  });

  it("on a key: what it means", async () => {
    expect(await hoverAt("claims/toll.yaml", "unit:")).toBe("`unit` (a quantity claim): Quantity claims: the unit word values may carry (`10 people`), singular or plural; or a list of words (`[people, dead, killed]`), any of which may follow a number, the first shown.");
    expect(await hoverAt("claims/sources.yaml", "reliability: B", 13)).toBe("`B`: Usually reliable.");
  });
});

describe("navigation", () => {
  it("counts a verdict's claimant among a source's references", async () => {
    const withVerdict = `${TOLL}    verdict:\n      rating: mixed\n      claimant: union\n`;
    await setText("claims/toll.yaml", withVerdict);
    const refs = await client.connection.sendRequest(ReferencesRequest.type, { ...doc("claims/toll.yaml"), position: find(withVerdict, "claimant: union", 12), context: { includeDeclaration: false } });
    expect(refs?.map((r) => `${r.uri.split("/").pop()}:${r.range.start.line + 1}:${r.range.start.character + 1}`)).toEqual(["fired.yaml:7:17", "toll.yaml:11:17", "toll.yaml:16:17"]);
    await setText("claims/toll.yaml", TOLL);
  });

  const location = (rel: string, needle: string, length: number, offset = 0): Location => {
    const start = find(FILES[rel], needle, offset);
    return { uri: uri(ledger.path(rel)), range: { start, end: { line: start.line, character: start.character + length } } };
  };

  it("goes from a cited source or document to its declaration", async () => {
    expect(await client.connection.sendRequest(DefinitionRequest.type, { ...doc("claims/toll.yaml"), position: find(TOLL, "source: union", 9) })).toEqual(location("claims/sources.yaml", "  union:", 5, 2));
    expect(await client.connection.sendRequest(DefinitionRequest.type, { ...doc("claims/toll.yaml"), position: find(TOLL, "in: report", 4) })).toEqual(location("claims/sources.yaml", "  report:", 6, 2));
    expect(await client.connection.sendRequest(DefinitionRequest.type, { ...doc("claims/toll.yaml"), position: find(TOLL, "toll:", 0) })).toEqual(location("claims/toll.yaml", "toll:", 4));
  });

  it("finds every statement that cites a source, across files", async () => {
    const refs = await client.connection.sendRequest(ReferencesRequest.type, { ...doc("claims/sources.yaml"), position: find(FILES["claims/sources.yaml"], "  union:", 3), context: { includeDeclaration: true } });
    expect(refs).toEqual([location("claims/sources.yaml", "  union:", 5, 2), location("claims/fired.yaml", "source: union", 5, 8), location("claims/toll.yaml", "source: union", 5, 8)]);
    const withoutDeclaration = await client.connection.sendRequest(ReferencesRequest.type, { ...doc("claims/toll.yaml"), position: find(TOLL, "in: report", 5), context: { includeDeclaration: false } });
    expect(withoutDeclaration).toEqual([location("claims/fired.yaml", "in: report", 6, 4), location("claims/toll.yaml", "in: report", 6, 4)]);
  });
});

/** Applies one quick fix to the buffer and checks the diagnostic it fixes is gone. */
async function fix(rel: string, broken: string, title: string, gone: string): Promise<void> {
  await setText(rel, broken);
  const diagnostics = client.diagnostics.get(uri(ledger.path(rel)))!.diagnostics;
  expect(diagnostics.map((d) => d.code)).toContain(gone);
  const actions = (await client.connection.sendRequest(CodeActionRequest.type, { ...doc(rel), range: { start: { line: 0, character: 0 }, end: { line: 99, character: 0 } }, context: { diagnostics } })) as CodeAction[];
  const action = actions.find((a) => a.title === title);
  expect(action, `${title} among ${actions.map((a) => a.title).join("; ")}`).toBeDefined();
  const fixed = applyEdits(broken, action!.edit!.changes![uri(ledger.path(rel))]);
  await setText(rel, fixed);
  expect(client.diagnostics.get(uri(ledger.path(rel)))!.diagnostics.map((d) => d.code)).not.toContain(gone);
}

function applyEdits(text: string, edits: TextEdit[]): string {
  const lines = text.split("\n");
  for (const edit of [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character)) {
    expect(edit.range.start.line).toBe(edit.range.end.line);
    const line = lines[edit.range.start.line];
    lines[edit.range.start.line] = line.slice(0, edit.range.start.character) + edit.newText + line.slice(edit.range.end.character);
  }
  return lines.join("\n");
}

describe("quick fixes", () => {
  it.each([
    ["an unknown key", "claims/toll.yaml", TOLL.replace("        on: 2011", "        onn: 2011"), "Change 'onn' to 'on'", "schema"],
    ["an unknown source", "claims/toll.yaml", TOLL.replace("source: union", "source: unoin"), "Change 'unoin' to 'union'", "unknown-source"],
    ["an unknown document", "claims/toll.yaml", TOLL.replace("in: report", 'in: "reprt"'), "Change 'reprt' to 'report'", "unknown-document"],
    ["a choice option in another case", "claims/fired.yaml", FILES["claims/fired.yaml"].replace("says: police", "says: Police"), "Change 'Police' to 'police'", "invalid-value"],
    ["a choice option in a list", "claims/fired.yaml", FILES["claims/fired.yaml"].replace("says: police", "says: [protesters, polise]"), "Change 'polise' to 'police'", "invalid-value"],
    ["a source type", "claims/sources.yaml", FILES["claims/sources.yaml"].replace("type: official", "type: offical"), "Change 'offical' to 'official'", "schema"],
  ])("fixes %s", async (_, rel, broken, title, gone) => {
    await fix(rel, broken, title, gone);
    await setText(rel, FILES[rel]);
  });

  it("records the archive's current SHA-256, offered and not preferred", async () => {
    const actual = createHash("sha256").update(readFileSync(ledger.path("claims/archive/report.txt"))).digest("hex");
    await fix("claims/sources.yaml", FILES["claims/sources.yaml"], `Record the archive's current SHA-256 (${actual.slice(0, 12)}…)`, "archive-changed");
    expect(texts.get("claims/sources.yaml")).toContain(`    sha256: ${actual}\n`);
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { ...doc("claims/toll.yaml"), range: { start: { line: 0, character: 0 }, end: { line: 99, character: 0 } }, context: { diagnostics: [] } })) as CodeAction[];
    expect(actions).toEqual([]);
    await setText("claims/sources.yaml", FILES["claims/sources.yaml"]);
  });
});

describe("document symbols", () => {
  const outline = (symbols: DocumentSymbol[]): unknown => symbols.map((s) => [s.name, s.kind, s.detail ?? null, outline(s.children ?? [])]);

  it("lists a file's claims with their statements, and its sources and documents", async () => {
    const toll = (await client.connection.sendRequest(DocumentSymbolRequest.type, doc("claims/toll.yaml"))) as DocumentSymbol[];
    expect(outline(toll)).toEqual([["claims", 3, null, [["toll", 5, "How many people were killed?", [["prosecutor-general: 10", 24, null, []], ["union: about 60", 24, "2011-12-18", []]]]]]]);
    expect(toll[0].children![0].selectionRange).toEqual({ start: { line: 1, character: 2 }, end: { line: 1, character: 6 } });
    const sources = (await client.connection.sendRequest(DocumentSymbolRequest.type, doc("claims/sources.yaml"))) as DocumentSymbol[];
    expect(outline(sources)).toEqual([
      ["sources", 3, null, [["prosecutor-general", 14, "Prosecutor-General", []], ["union", 14, "Oil workers' union", []]]],
      ["documents", 3, null, [["report", 1, "Security clampdown", []]]],
    ]);
  });
});
