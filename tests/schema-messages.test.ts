/** Schema messages name the fix for the record they are about (SPEC §9): a source is not told claim types. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { closest } from "../src/core/shared/suggest.js";
import { runInProcess } from "./helpers/run.js";

/** Lints a one-file ledger: each diagnostic as [line, column, message], and the exit code. */
async function lint(yaml: string): Promise<{ found: [number, number, string][]; code: number }> {
  const dir = mkdtempSync(join(tmpdir(), "claims-messages-"));
  writeFileSync(join(dir, "ledger.yaml"), yaml);
  const result = await runInProcess(["lint", "--format", "json", dir], { cwd: dir });
  const diagnostics = JSON.parse(result.stdout) as { line: number; column: number; message: string }[];
  return { found: diagnostics.map((d) => [d.line, d.column, d.message]), code: result.code };
}

const LEDGER = `sources:
  s1: {name: S, type: media, options: [a], unit: x}
  s2: {name: S, type: media, colour: red}
documents:
  d: {title: T, publisher: P, unit: x, foo: 1, published: 2011}
settings: {foo: 1}
extra: 1
claims:
  c:
    question: Q?
    type: boolean
    colour: red
    statements:
      - {source: s1, says: yes, on: 2011, retracted: maybe, sorce: x}
      - {source: s2, says: yes, retracted: 2011-02-30}
    verdict: {rating: fals, finding: yes}
  q:
    question: How many?
    type: quantity
    option: [a]
    statements:
      - {source: s1, says: 3}
`;

describe("schema messages", () => {
  it("suggest and list only the keys of the record at hand, and say what a date field takes", async () => {
    const { found, code } = await lint(LEDGER);
    expect(found).toEqual([
      [2, 30, "unknown key 'options'; a source takes name, type, side, reliability, url, note"],
      [2, 44, "unknown key 'unit'; a source takes name, type, side, reliability, url, note"],
      [3, 30, "unknown key 'colour'; a source takes name, type, side, reliability, url, note"],
      [5, 31, "unknown key 'unit'; a document takes title, publisher, url, published, archive, sha256"],
      [5, 40, "unknown key 'foo'; a document takes title, publisher, url, published, archive, sha256"],
      [5, 59, "'published': expected a date written YYYY-MM-DD, got 2011"],
      [6, 12, "unknown key 'foo'; settings take publisher, url"],
      [7, 1, "unknown key 'extra'; a ledger file holds settings, sources, documents, claims"],
      [12, 5, "unknown key 'colour'; a boolean claim takes question, tags, statements, verdict, type"],
      [14, 37, "'on': expected a date written YYYY-MM-DD, got 2011"],
      [14, 54, "'retracted': expected true or a date written YYYY-MM-DD, got 'maybe'"],
      [14, 61, "unknown key 'sorce' — did you mean 'source'?"],
      [15, 44, "'retracted': not a real calendar date"],
      [16, 23, "'rating' must be one of true, mostly-true, mixed, mostly-false, false, unproven, not 'fals' — did you mean 'false'?"],
      [20, 5, "unknown key 'option'; a quantity claim takes question, tags, statements, verdict, type, unit, cumulative, margin, tolerance"],
    ]);
    expect(code).toBe(1);
  });
});

describe("choice options", () => {
  it("are each listed once", async () => {
    const { found, code } = await lint("sources:\n  s: {name: S, type: media}\nclaims:\n  c:\n    question: Who?\n    type: choice\n    options: [police, police]\n    statements:\n      - {source: s, says: police}\n");
    expect(found).toEqual([[7, 14, "'options': an option is listed twice; list each option once"]]);
    expect(code).toBe(1);
  });
});

describe("did you mean", () => {
  it.each([
    ["tpye", ["type", "name"], "type"],
    ["sorce", ["source", "says"], "source"],
    ["g", ["A", "G"], "G"], // the same letters in another case come first
    ["G", ["A", "B"], undefined], // one letter, all of it changed: not a typo
    ["ab", ["ac", "zz"], "ac"],
    ["fals", ["true", "false"], "false"],
    ["colour", ["name", "type"], undefined],
    ["Flase", ["true", "false"], "false"], // case is no distance
    ["Polize", ["police", "protesters"], "police"],
  ])("%s among %j → %s", (word, candidates, expected) => {
    expect(closest(word, candidates)).toBe(expected);
  });
});

describe("a record or part of one that is not a mapping", () => {
  it("is told what it should hold, in YAML's words", async () => {
    const { found, code } = await lint("sources:\n  s:\n  t: [a]\ndocuments:\n  d: 3\nclaims:\n  c:\n    question: Q\n    type: boolean\n    statements:\n      - 5\n      - {source: s, says: yes}\n    verdict: no\n    tags: yes\n");
    expect(found).toEqual([
      [2, 5, "a source must be a mapping (keys: name, type, side, reliability, url, note); got null"],
      [3, 6, "a source must be a mapping (keys: name, type, side, reliability, url, note); got a list"],
      [5, 6, "a document must be a mapping (keys: title, publisher, url, published, archive, sha256); got 3"],
      [11, 9, "a statement must be a mapping (keys: source, says, quote, in, on, via, retracted, as-of, url, note); got 5"],
      [13, 14, "a verdict must be a mapping (keys: finding, rating, claim, claimant, note, by, on); got 'no'"],
      [14, 11, "'tags': expected a list, got 'yes'"],
    ]);
    expect(code).toBe(1);
  });
});

describe("a claim without a known type", () => {
  it("has a misspelt key pointed out, and no key taken for an inherited property", async () => {
    const { found, code } = await lint("sources: {a: {name: A, type: media}}\nclaims:\n  c:\n    typo: boolean\n    question: Q\n    statements: [{source: a, says: yes}]\n  d:\n    type: choice\n    options: [x]\n    toString: 1\n    question: Q\n    statements: [{source: a, says: x}]\n");
    expect(found).toEqual([
      [3, 3, "missing required key 'type' (quantity, choice, boolean or date)"],
      [4, 5, "unknown key 'typo' — did you mean 'type'?"],
      [10, 5, "unknown key 'toString'; a choice claim takes question, tags, statements, verdict, type, options"],
    ]);
    expect(code).toBe(1);
  });

  it("has its other faults reported in the same run", async () => {
    const { found, code } = await lint("sources:\n  s: {name: S, type: media}\nclaims:\n  c:\n    statements:\n      - {source: s, says: 3, on: 2011}\n  d:\n    type: quantty\n    question: 5\n    statements: []\n");
    expect(found).toEqual([
      [4, 3, "missing required key 'type' (quantity, choice, boolean or date)"],
      [4, 3, "missing required key 'question'"],
      [6, 34, "'on': expected a date written YYYY-MM-DD, got 2011"],
      [8, 11, "'type' must be one of quantity, choice, boolean, date, not 'quantty' — did you mean 'quantity'?"],
      [9, 15, "'question': expected text (a YAML string; quote it if it looks like a number or date), got 5"],
      [10, 17, "'statements': a claim needs at least one statement"],
    ]);
    expect(code).toBe(1);
  });
});
