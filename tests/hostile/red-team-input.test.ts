/**
 * Issue 18, input that cost time or memory without bound, or crashed: each class as a regression
 * test of what the fix must keep true (the doubling test, budget.test.ts, times them). The linear
 * rewrites give the answers the old code gave, checked against the old algorithms as properties.
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { archiveText } from "../../src/core/quotes/archive-text.js";
import { checkQuote, CLOSEST_LIMITS, findFragment, prepareArchive, splitGaps } from "../../src/core/quotes/match.js";
import { loadFile } from "../../src/core/load/load-file.js";
import { buildLedger, MAX_LIST_ITEMS, MAX_LISTED_BAD_STATEMENTS } from "../../src/core/load/validate.js";
import { collectFiles } from "../../src/core/load/workspace.js";
import { LEDGER_CHECKS } from "../../src/core/analysis/checks/index.js";
import { conflictIndexPairs } from "../../src/core/analysis/conflicts.js";
import { checkLedger } from "../../src/core/pipeline.js";
import { levenshtein } from "../../src/core/shared/distance.js";
import { closest, SUGGESTION_LIMITS } from "../../src/core/shared/suggest.js";
import { isWordUnit } from "../../src/core/quotes/words.js";
import { removeDir, tempDir } from "../fixtures/hazards/hazards.js";
import { runBin, runInProcess } from "../helpers/run.js";
import { shape, writeFiles } from "./shapes.js";

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeDir));
function ledger(name: string, files: Record<string, string>): string {
  const dir = tempDir(`red-team-${name}`);
  dirs.push(dir);
  writeFiles(dir, files);
  return dir;
}

interface Diag {
  readonly code: string;
  readonly message: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

async function lintBothWays(dir: string): Promise<Diag[]> {
  const bin = runBin(["lint", "--format", "json", "."], { cwd: dir, timeout: 300_000 });
  const inProcess = await runInProcess(["lint", "--format", "json", "."], { cwd: dir });
  expect(bin.stderr).not.toMatch(/internal error/);
  expect(bin.code).toBe(inProcess.code);
  expect(bin.stdout).toBe(inProcess.stdout);
  return JSON.parse(bin.stdout) as Diag[];
}

describe("a file with 10⁵ bad statements is reported, not a crash (Zod spread its issues into one call)", () => {
  it("99,000 empty statements: the first 1,000 listed, the rest counted, exit 1", { timeout: 600_000 }, async () => {
    const dir = ledger("bad-statements", shape("bad-statements").files(99_000));
    const diagnostics = await lintBothWays(dir);
    // Each empty statement lacks `source` and `says`.
    expect(diagnostics.filter((d) => d.message === "missing required key 'source'")).toHaveLength(MAX_LISTED_BAD_STATEMENTS);
    expect(diagnostics.filter((d) => d.message.startsWith("missing required key 'says'"))).toHaveLength(MAX_LISTED_BAD_STATEMENTS);
    const more = diagnostics.filter((d) => d.message.includes("more statements have faults"));
    expect(more).toEqual([expect.objectContaining({ code: "schema", file: "claim.yaml", line: 5, column: 5, message: "98,000 more statements have faults, not listed one by one (the first 1,000 are); fix those and run again" })]);
    // And the two sources, which no statement that stands cites.
    expect(diagnostics.filter((d) => d.code !== "schema").map((d) => `${d.code}@${d.line}`)).toEqual(["unused-source@2", "unused-source@3"]);
    expect(diagnostics).toHaveLength(2 * MAX_LISTED_BAD_STATEMENTS + 3);
  });
});

describe("messages are bounded", () => {
  it("an invalid choice lists ten options and counts the rest", async () => {
    const dir = ledger("option-list", shape("option-list").files(300));
    const diagnostics = (await lintBothWays(dir)).filter((d) => d.code === "invalid-value");
    expect(diagnostics).toHaveLength(300);
    expect(diagnostics[0].message).toBe(
      `"nothing-0" is not one of the options; write one of ${Array.from({ length: 10 }, (_, i) => `option-${i}`).join(", ")}, … and 290 more, a list of them, or unknown`,
    );
    for (const d of diagnostics) expect(d.message.length).toBeLessThan(300);
  });

  it("an unknown key as long as its file is quoted to 64 characters", async () => {
    const key = "k".repeat(10_000);
    const dir = ledger("long-key", { "s.yaml": `sources:\n  a: {name: A, type: other, ${key}: 1}\n` });
    const [d] = await lintBothWays(dir);
    expect(d.message).toMatch(new RegExp(`^unknown key '${"k".repeat(63)}…'; a source takes `));
  });

  it(`a list of more than ${MAX_LIST_ITEMS.toLocaleString("en-US")} options, tags or unit words is refused at the list, and its claim left out`, async () => {
    const many = Array.from({ length: MAX_LIST_ITEMS + 1 }, (_, i) => `t${i}`).join(", ");
    const dir = ledger("long-list", {
      "l.yaml": `sources:\n  a: {name: A, type: other}\nclaims:\n  q:\n    question: Q?\n    type: boolean\n    tags: [${many}]\n    statements:\n      - {source: a, says: yes}\n`,
    });
    const diagnostics = await lintBothWays(dir);
    expect(diagnostics.map((d) => `${d.code}@${d.line}:${d.column} ${d.message}`)).toEqual(["schema@7:11 `tags` lists 10,001 items; a claim takes at most 10,000"]);
  });

  it("a unit of more than 60 characters is a schema error at the unit", async () => {
    const dir = ledger("long-unit", {
      "u.yaml": `sources:\n  a: {name: A, type: other}\nclaims:\n  q:\n    question: Q?\n    type: quantity\n    unit: ${"people ".repeat(20).trim()}\n    statements:\n      - {source: a, says: 10}\n`,
    });
    const diagnostics = await lintBothWays(dir);
    expect(diagnostics.map((d) => `${d.code}@${d.line}:${d.column}`)).toEqual(["schema@7:11"]);
    expect(diagnostics[0].message).toContain("at most 60 characters");
  });
});

describe("no file is parsed a second time to place what the checks across files report", () => {
  it("duplicate ids and unused sources keep their places after the files are gone", () => {
    const dir = ledger("reparse", {
      "a.yaml": "sources:\n  one: {name: One, type: other}\n  two: {name: Two, type: other}\n",
      "b.yaml": "# again\nsources:\n  two: {name: Two again, type: other}\ndocuments:\n  d: {title: T, publisher: P, archive: missing.txt}\n",
    });
    const ledgerOf = buildLedger(collectFiles(["."], dir).map(loadFile));
    // With the files deleted, a second parse would find nothing and place everything at 1:1.
    rmSync(join(dir, "a.yaml"));
    rmSync(join(dir, "b.yaml"));
    const places = [...ledgerOf.diagnostics, ...LEDGER_CHECKS.flatMap((check) => check(ledgerOf))].map((d) => `${d.code}@${d.file}:${d.line}:${d.column}`);
    expect(places.sort()).toEqual(["duplicate-id@b.yaml:3:3", "unused-document@b.yaml:5:3", "unused-source@a.yaml:2:3", "unused-source@a.yaml:3:3"].sort());
    expect(ledgerOf.diagnostics[0].message).toContain("(a source at a.yaml:3:3)");
  });
});

describe("quote checks: the linear paths give the old answers", () => {
  const GAP = /\.{3,}|\[[^\]]*\]/g;

  it("gaps split as the old pattern split them", () => {
    const text = fc.string({ unit: fc.constantFrom(".", "[", "]", "a", " "), maxLength: 40 });
    fc.assert(
      fc.property(text, (s) => {
        expect(splitGaps(s)).toEqual(s.split(GAP));
      }),
    );
    expect(splitGaps("ten [were [ [ killed")).toEqual(["ten [were [ [ killed"]);
    expect(splitGaps("a [b] c ... d [e")).toEqual(["a ", " c ", " d [e"]);
  });

  it("a fragment is found where the old search found it, however often its first occurrences fail their word edges", () => {
    const old = (text: string, frag: string, from: number) => {
      const wordAtStart = isWordUnit(frag, 0);
      const wordAtEnd = isWordUnit(frag, frag.length - 1);
      for (let at = text.indexOf(frag, from); at >= 0; at = text.indexOf(frag, at + 1)) {
        const end = at + frag.length;
        if ((!wordAtStart || at === 0 || !isWordUnit(text, at - 1)) && (!wordAtEnd || end === text.length || !isWordUnit(text, end))) return at;
      }
      return -1;
    };
    const piece = fc.string({ unit: fc.constantFrom("a", "b", " ", "ab", "ba"), minLength: 1, maxLength: 8 });
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom("a", "b", " "), maxLength: 60 }), piece, fc.nat(60), (text, frag, from) => {
      fc.pre(/[ab]/.test(frag));
      expect(findFragment(text, frag, from % (text.length + 1))).toBe(old(text, frag, from % (text.length + 1)));
    }));
  });

  it("a deeply nested HTML archive gives its text", () => {
    const html = `${"<div><form>".repeat(50_000)}<p>Police said <b>ten</b> people&nbsp;were killed.</p>${"</i>".repeat(50_000)}<script>var x = "not text";</script>`;
    expect(archiveText(html, ".html").replace(/[ \n]+/g, " ").trim()).toBe("Police said ten people\u00A0were killed.");
  });

  it(`closest passages are searched up to ${CLOSEST_LIMITS.perArchiveFactor} times an archive's length, then the quote is reported without one`, async () => {
    // An archive of 50,000 normalised units affords floor(64 × 50,000 / 50,001) = 63 searches (each costs its length + 1).
    const archive = "police ".repeat(7_143).slice(0, 50_000);
    const statements = Array.from({ length: 100 }, (_, i) => `      - {source: a, says: ${i}, in: d, on: 2011-12-${String(1 + (i % 28)).padStart(2, "0")}, quote: "strikers ${i}"}\n`);
    const dir = ledger("closest-budget", {
      "l.yaml": `sources:\n  a: {name: A, type: other}\ndocuments:\n  d: {title: T, publisher: P, archive: a.txt}\nclaims:\n  q:\n    question: Q?\n    type: quantity\n    statements:\n${statements.join("")}`,
      "a.txt": archive,
    });
    const result = await runInProcess(["check", "--format", "json", "."], { cwd: dir });
    const notFound = (JSON.parse(result.stdout) as { diagnostics: Diag[] }).diagnostics.filter((d) => d.code === "quote-not-found");
    expect(notFound).toHaveLength(100);
    const searched = notFound.filter((d) => d.message.includes("closest passage ("));
    const skipped = notFound.filter((d) => d.message.includes("is not searched"));
    expect([searched.length, skipped.length]).toEqual([63, 37]);
    expect(prepareArchive(archive).normalized.length).toBe(50_000);
    expect(checkQuote("strikers", prepareArchive(archive)).result).toBe("not-found");
  });
});

describe('"did you mean" is bounded, and gives the old answer for ledgers of ordinary size', () => {
  /** The old search: every candidate, in order, the first of the nearest. */
  function oldClosest(word: string, candidates: readonly string[]): string | undefined {
    const folded = word.toLowerCase();
    let best: string | undefined;
    let bestDistance = Math.min(Math.max(2, Math.floor(word.length / 3)), word.length - 1) + 1;
    for (const candidate of candidates) {
      if (candidate === word || Math.abs(candidate.length - word.length) >= bestDistance) continue;
      const d = levenshtein(folded, candidate.toLowerCase(), bestDistance - 1);
      if (d < bestDistance) {
        bestDistance = d;
        best = candidate;
      }
    }
    return best;
  }

  it("agrees with the old search on lists of up to a hundred ids", () => {
    const id = fc.string({ unit: fc.constantFrom("a", "b", "c", "-", "A"), minLength: 0, maxLength: 9 });
    fc.assert(fc.property(fc.array(id, { maxLength: 100 }), fc.array(id, { maxLength: 5 }), (list, words) => {
      for (const word of words) expect(closest(word, list)).toBe(oldClosest(word, list));
    }), { numRuns: 300 });
  });

  it("answers ten thousand misspellings against ten thousand ids, each a right suggestion or none", () => {
    const ids = Array.from({ length: 10_000 }, (_, i) => `source-${i}`);
    let suggested = 0;
    for (let i = 0; i < 10_000; i++) {
      const word = `sourse-${i}`;
      const guess = closest(word, ids);
      if (guess !== undefined) {
        expect(levenshtein(guess, word)).toBeLessThanOrEqual(Math.max(2, Math.floor(word.length / 3)));
        suggested++;
      }
    }
    // Within the bounds, most are answered; never more work than the bounds allow.
    expect(suggested).toBeGreaterThan(SUGGESTION_LIMITS.perCandidate * 10);
  });
});

describe("mutually conflicting sources: pairs listed up to 1,000 per claim, all counted", () => {
  it("2,000 sources that all disagree: the report lists 1,000 pairs, counts 1,999,000, and says so; lint lists none", { timeout: 300_000 }, async () => {
    const dir = ledger("conflicting-sources", shape("conflicting-sources").files(2_000));
    const bin = runBin(["check", "--format", "json", "."], { cwd: dir, timeout: 300_000 });
    const inProcess = await runInProcess(["check", "--format", "json", "."], { cwd: dir });
    expect(bin.stdout).toBe(inProcess.stdout);
    const report = JSON.parse(bin.stdout) as { claims: { status: string; conflicts: unknown[]; conflictCount: number; statements: { conflictsWith: string[] }[] }[]; diagnostics: Diag[] };
    const [claim] = report.claims;
    expect([claim.status, claim.conflicts.length, claim.conflictCount]).toEqual(["conflict", 1_000, (2_000 * 1_999) / 2]);
    expect(report.diagnostics.map((d) => `${d.code}@${d.file}:${d.line}:${d.column} ${d.message}`)).toEqual([
      "conflicts-truncated@claim.yaml:2:3 claim 'toll' has 1,999,000 conflicting pairs; the report lists the first 1,000 (`conflictCount` counts them all)",
    ]);
    // Each statement's conflictsWith comes from the listed pairs: 2,000 in all, both ends of 1,000.
    expect(claim.statements.reduce((n, s) => n + s.conflictsWith.length, 0)).toBe(2_000);
    // The text output says how many more, and stays small.
    const text = runBin(["check", "."], { cwd: dir, timeout: 300_000 });
    expect(text.stdout).toContain("… and 1,998,000 more conflicting pairs (1,999,000 in all; the report lists the first 1,000)");
    expect(text.stdout.length).toBeLessThan(1_000_000);
    // Lint shows no pair, so lists none and says nothing of it.
    expect(JSON.parse(runBin(["lint", "--format", "json", "."], { cwd: dir }).stdout)).toEqual([]);
  });

  it("lint's analysis lists and counts no pair: the first one found gives the status", async () => {
    const dir = ledger("conflicting-status", shape("conflicting-sources").files(2_000));
    const { report } = await checkLedger(["."], dir, { conflicts: "status" });
    const [claim] = report.claims();
    expect([claim.status, claim.conflicts.length, claim.conflictCount]).toEqual(["conflict", 0, 0]);
    expect(report.diagnostics.map((d) => d.code)).not.toContain("conflicts-truncated");
    // What it asks for: one pair, found without going through the others (2,000 points all conflict).
    const points = Array.from({ length: 2_000 }, (_, i) => ({ wide: { kind: "interval", lo: i, hi: i, loOpen: false, hiOpen: false } as const, asOf: null }));
    expect(conflictIndexPairs(points, false, 1)).toEqual([[0, 1]]);
  });

  it("ambiguous revisions name each statement's earliest rival, without listing every pair", async () => {
    const dir = ledger("ambiguous", shape("ambiguous-revisions").files(2_000));
    const diagnostics = await lintBothWays(dir);
    // Every statement after the first saying the other figure has a rival: 1,999 warnings.
    expect(diagnostics.filter((d) => d.code === "ambiguous-revision")).toHaveLength(1_999);
    expect(diagnostics.map((d) => d.code).filter((c) => c !== "ambiguous-revision")).toEqual(["unused-source"]);
  });
});
