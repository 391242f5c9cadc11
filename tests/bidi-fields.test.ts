/**
 * Bidi controls in `url` and `note` (newcomer review, item 12): an RLO in a URL makes
 * `…/gnp.exe` read `…/exe.png`, so a `url` holding a control, bidi or invisible character is
 * refused by the schema (it is no valid http(s) URL as written; the WHATWG parser would quietly
 * percent-encode it); a note is free text, kept as typed, and every text output shows it escaped.
 * Through the built CLI.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { removeDir, tempDir } from "./fixtures/hazards/hazards.js";
import { writeLedger } from "./helpers/edit.js";
import { runBin } from "./helpers/run.js";

const BIDI = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"];
const RAW_BIDI = /[\u202a-\u202e\u2066-\u2069]/;
const URL_MESSAGE = "'url': not a valid http(s) URL: it holds a control, bidi or invisible character that can disguise where it leads; remove it, or write it percent-encoded";

/** A small ledger; `url` and the notes are given per test. */
function ledger(parts: { sourceUrl?: string; documentUrl?: string; statementUrl?: string; note?: string }): Record<string, string> {
  const q = (text: string) => JSON.stringify(text); // a YAML double-quoted scalar, escapes as JSON writes them
  return {
    "ledger.yaml": [
      "sources:",
      "  ngo:",
      "    name: NGO",
      "    type: ngo",
      `    note: ${q(`calls it \u202ecilbup\u202c officially${parts.note ?? ""}`)}`,
      ...(parts.sourceUrl === undefined ? [] : [`    url: ${q(parts.sourceUrl)}`]),
      "  police:",
      "    name: Police",
      "    type: official",
      "    url: https://example.org/police",
      "documents:",
      "  rep:",
      "    title: Report",
      "    publisher: NGO",
      ...(parts.documentUrl === undefined ? [] : [`    url: ${q(parts.documentUrl)}`]),
      "settings:",
      "  publisher: Example Fact Check",
      "  url: https://example.org/checks",
      "claims:",
      "  toll:",
      "    question: How many?",
      "    type: quantity",
      "    statements:",
      "      - source: ngo",
      "        says: 10",
      "        in: rep",
      `        note: ${q("as \u202dtold\u202c")}`,
      ...(parts.statementUrl === undefined ? [] : [`        url: ${q(parts.statementUrl)}`]),
      "      - source: police",
      "        says: 20",
      "    verdict:",
      "      rating: false",
      "      claimant: police",
      "      claim: Twenty died.",
      `      note: ${q(`the count \u2066was\u2069 \u202eeslaf\u202c${parts.note ?? ""}`)}`,
      "",
    ].join("\n"),
  };
}

let work: string;
beforeAll(() => {
  work = tempDir("bidi-fields");
});
afterAll(() => removeDir(work));

function lintJson(dir: string): { line: number; column: number; code: string; message: string }[] {
  const result = runBin(["lint", "--format", "json", "."], { cwd: dir });
  expect(result.stderr).toBe("");
  return JSON.parse(result.stdout) as { line: number; column: number; code: string; message: string }[];
}

describe("a url holding a bidi control is refused by the schema", () => {
  it.each(BIDI.map((ch) => [`U+${ch.charCodeAt(0).toString(16).toUpperCase()}`, ch]))("%s in a source's, a document's and a statement's url", (_, ch) => {
    const dir = `${work}/url-${ch.charCodeAt(0).toString(16)}`;
    writeLedger(dir, ledger({ sourceUrl: `https://example.org/${ch}gnp.exe`, documentUrl: `https://exa${ch}mple.org/r`, statementUrl: `https://example.org/a${ch}` }));
    const found = lintJson(dir).filter((d) => d.code === "schema").map((d) => `${d.line}:${d.column} ${d.message}`);
    expect(found).toEqual([`6:10 ${URL_MESSAGE}`, `15:10 ${URL_MESSAGE}`, `28:14 ${URL_MESSAGE}`]);
    expect(runBin(["lint", "."], { cwd: dir }).code).toBe(1);
  });

  it("a clean url, and one with a percent-encoded RLO, are accepted", () => {
    const dir = `${work}/url-clean`;
    writeLedger(dir, ledger({ sourceUrl: "https://example.org/%E2%80%AEgnp.exe", documentUrl: "https://example.org/r", statementUrl: "https://example.org/a" }));
    expect(lintJson(dir).filter((d) => d.code === "schema")).toEqual([]);
  });
});

describe("a note holding bidi controls is shown escaped in every text output", () => {
  const OUTPUTS: readonly (readonly string[])[] = [
    ["check", "."],
    ["check", "--format", "markdown", "."],
    ["check", "--format", "json", "."],
    ["lint", "."],
    ["show", "toll", "."],
    ["sources", "."],
    ["export", "--all", "--format", "markdown", "."],
    ["export", "--all", "--format", "csv", "."],
    ["export", "--all", "--format", "json", "."],
    ["export", "--all", "--format", "html", "."],
    ["export", "--all", "--format", "claimreview", "."],
  ];
  /** Outputs that show the verdict's note, and so must show it escaped, not drop it. */
  const SHOWS_NOTE = new Set(["show", "markdown", "html", "claimreview"]);

  it.each(OUTPUTS.map((args) => [args.join(" "), args] as const))("claims %s", (_, args) => {
    const dir = `${work}/notes`;
    writeLedger(dir, ledger({ sourceUrl: "https://example.org/ngo" }));
    const result = runBin(args, { cwd: dir });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(RAW_BIDI);
    if (args.some((a) => SHOWS_NOTE.has(a))) expect(result.stdout).toContain("the count \\u2066was\\u2069 \\u202eeslaf\\u202c");
  });
});
