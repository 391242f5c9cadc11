/**
 * The loader's in-memory seam (`contents`): texts read instead of the files on disk, and files not
 * on disk placed where a folder root would have found them. `claims add` checks a change with it
 * before writing; an editor's unsaved buffers go through it too.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadLedger as loadLedgerAt } from "../src/core/pipeline.js";
import { check, loadLedger } from "../src/index.js";
import { ROOT } from "./helpers/run.js";

const LEDGER = join(ROOT, "claims");
const DEATH_TOLL = join(LEDGER, "death-toll.yaml");

describe("loading with contents given in memory", () => {
  it("reads a given text instead of the file, with positions in that text", async () => {
    const text = readFileSync(DEATH_TOLL, "utf8").replace("source: morgue-witnesses", "source: morgue-witneses");
    const report = await check(["claims"], { cwd: ROOT, threads: 0, contents: new Map([[DEATH_TOLL, text]]) });
    const unknown = report.diagnostics.filter((d) => d.code === "unknown-source");
    expect(unknown).toHaveLength(1);
    expect(unknown[0]).toMatchObject({ file: "claims/death-toll.yaml", line: 17, column: 17 });
    expect(unknown[0].message).toBe("unknown source 'morgue-witneses' — did you mean 'morgue-witnesses'?");
    // The file on disk is untouched, and a run without contents sees it.
    expect((await check(["claims"], { cwd: ROOT, threads: 0 })).summary.errors).toBe(0);
  });

  it("places a file that is not on disk where the walk would have found it, in file order", async () => {
    const added = join(LEDGER, "d-new.yaml");
    const text = "claims:\n  new-claim:\n    question: Q?\n    type: boolean\n    statements:\n      - source: aljazeera\n        says: yes\n";
    const ledger = await loadLedger(["claims"], { cwd: ROOT, threads: 0, contents: new Map([[added, text]]) });
    expect(ledger.files.map((f) => f.display)).toEqual([
      "claims/city-population.yaml",
      "claims/communications-cut.yaml",
      "claims/d-new.yaml",
      "claims/death-toll.yaml",
      "claims/order-restored.yaml",
      "claims/sources.yaml",
      "claims/strikers-gathered.yaml",
      "claims/who-fired-first.yaml",
      "claims/who-is-to-blame.yaml",
      "claims/workers-sacked.yaml",
    ]);
    expect(ledger.claims.get("new-claim")?.file.display).toBe("claims/d-new.yaml");
    expect(ledger.diagnostics).toEqual([]);
  });

  it.each([
    ["a hidden folder", ".drafts/x.yaml"],
    ["node_modules", "node_modules/x.yaml"],
    ["a name that is not YAML", "x.txt"],
    ["a path outside the root", "../outside.yaml"],
  ])("leaves out a file in %s, as the walk would", async (_, rel) => {
    const text = "claims:\n  ghost:\n    question: Q?\n    type: boolean\n    statements:\n      - source: aljazeera\n        says: yes\n";
    const ledger = await loadLedger(["claims"], { cwd: ROOT, threads: 0, contents: new Map([[join(LEDGER, rel), text]]) });
    expect(ledger.claims.has("ghost")).toBe(false);
    expect(ledger.files).toHaveLength(9);
  });

  it("leaves out a file that is not on disk when the run ignores it or a folder on its way (SPEC §13)", async () => {
    const text = "claims:\n  ghost:\n    question: Q?\n    type: boolean\n    statements:\n      - source: aljazeera\n        says: yes\n";
    const ignore = (abs: string, isDirectory: boolean) => (isDirectory && abs.endsWith("/drafts")) || abs.endsWith("/skipped.yaml") ? "ignored" : undefined;
    for (const rel of ["drafts/ghost.yaml", "skipped.yaml"]) {
      const ledger = await loadLedgerAt(["claims"], ROOT, { threads: 0, ignore, contents: new Map([[join(LEDGER, rel), text]]) });
      expect(ledger.claims.has("ghost"), rel).toBe(false);
    }
    const kept = await loadLedgerAt(["claims"], ROOT, { threads: 0, ignore, contents: new Map([[join(LEDGER, "kept.yaml"), text]]) });
    expect(kept.claims.get("ghost")?.file.display).toBe("claims/kept.yaml");
  });

  it("holds a given text to the rules of a file: a BOM is dropped, a NUL is unreadable", async () => {
    const text = readFileSync(DEATH_TOLL, "utf8");
    const withBom = await check(["claims"], { cwd: ROOT, threads: 0, contents: new Map([[DEATH_TOLL, `\uFEFF${text}`]]) });
    expect(withBom.summary.errors).toBe(0);
    const withNul = await check(["claims"], { cwd: ROOT, threads: 0, contents: new Map([[DEATH_TOLL, `${text}\0`]]) });
    expect(withNul.diagnostics.filter((d) => d.severity === "error").map((d) => [d.code, d.file, d.line])).toEqual([["unreadable-file", "claims/death-toll.yaml", text.split("\n").length]]);
  });

  it("reads a file named on the command line from memory even when it is not on disk", async () => {
    const path = join(LEDGER, "only-in-memory.yaml");
    const text = "sources:\n  someone:\n    name: Someone\n    type: other\n";
    const ledger = await loadLedger([path], { cwd: ROOT, threads: 0, contents: new Map([[path, text]]) });
    expect([...ledger.sources.keys()]).toEqual(["someone"]);
  });
});
