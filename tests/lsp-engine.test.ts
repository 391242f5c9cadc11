/**
 * The language server's incremental ledger: after every edit its diagnostics are exactly those of
 * a full check of the same contents (open buffers supplied in memory), and it re-parses and
 * re-checks only what the edit can reach.
 */
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { checkLedger } from "../src/core/pipeline.js";
import { compareDiagnostics, type Diagnostic } from "../src/core/shared/diagnostics.js";
import { LedgerEngine } from "../src/lsp/ledger/engine.js";
import { FIXTURES } from "./helpers/run.js";

let dir: string;
let supplied: Map<string, string>;
let engine: LedgerEngine;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "claims-engine-"));
  cpSync(join(FIXTURES, "wider"), join(dir, "ledger"), { recursive: true });
  cpSync(join(FIXTURES, "every-fault", "toll.yaml"), join(dir, "ledger", "toll.yaml"));
  supplied = new Map();
  engine = new LedgerEngine({ cwd: dir, paths: ["ledger"] });
  await engine.refresh();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const at = (name: string) => join(dir, "ledger", name);
const text = (name: string) => supplied.get(at(name)) ?? readFileSync(at(name), "utf8");

function edit(name: string, change: (text: string) => string): void {
  const next = change(text(name));
  supplied.set(at(name), next);
  engine.setText(at(name), next);
}

const key = (d: Diagnostic) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`;

/** The engine's diagnostics after a pass, against a full check of the same contents. */
async function expectSameAsFullCheck(): Promise<void> {
  const { ledger, report } = await checkLedger(["ledger"], dir, { threads: 0, contents: supplied });
  const full = [...report.diagnostics].sort(compareDiagnostics).map(key);
  const incremental = [...engine.diagnostics().values()].flat().sort(compareDiagnostics).map(key);
  expect(incremental).toEqual(full);
  // The same ledger, in the same order (file order decides "did you mean" ties and the report's order).
  for (const name of ["sources", "documents", "claims"] as const) expect([name, ...engine.ledger[name].keys()]).toEqual([name, ...ledger[name].keys()]);
  // `declared` is only looked up: the same entries, in any order.
  expect([...engine.ledger.declared].sort()).toEqual([...ledger.declared].sort());
  expect(engine.ledger.files.map((f) => f.display)).toEqual(ledger.files.map((f) => f.display));
  expect([...engine.ledger.citedByInvalid].sort()).toEqual([...ledger.citedByInvalid].sort());
}

describe("the incremental ledger", () => {
  it("starts with the full check's diagnostics", async () => {
    await expectSameAsFullCheck();
    expect(engine.diagnostics().get("ledger/toll.yaml")?.map((d) => d.code)).toContain("unknown-source");
  });

  it("re-parses one file and re-checks only its claims after an edit to a claim file", async () => {
    edit("injured.yaml", (t) => t.replace("says: 86", "says: eighty-six-ish"));
    const update = await engine.refresh();
    expect([update.parsed, update.checked]).toEqual([1, 1]);
    expect(update.diagnostics.get("ledger/injured.yaml")?.map((d) => [d.code, d.line])).toEqual([["invalid-value", 9]]);
    await expectSameAsFullCheck();
  });

  it("re-checks only the claims citing a source whose record changed in sources.yaml", async () => {
    const citing = engine.claimsReading("oil-company").map((r) => r.entry.id).sort();
    expect(citing.length).toBeGreaterThan(0);
    edit("sources.yaml", (t) => t.replace("  oil-company:\n    name: Oil company (generic test source)\n    type: company", "  oil-company:\n    name: Oil company (generic test source)\n    type: company\n    side: government"));
    const update = await engine.refresh();
    expect(update.parsed).toBe(1);
    expect(update.checked).toBe(citing.length);
    await expectSameAsFullCheck();
  });

  it("re-diagnoses the claims that cite a source renamed in sources.yaml, in their own files", async () => {
    edit("sources.yaml", (t) => t.replace("  strike-committee:", "  strike-committe:"));
    const update = await engine.refresh();
    const unknown = update.diagnostics.get("ledger/who-fired-first.yaml")?.filter((d) => d.code === "unknown-source") ?? [];
    expect(unknown.map((d) => d.message)).toEqual(["unknown source 'strike-committee' — did you mean 'strike-committe'?", "unknown source 'strike-committee' — did you mean 'strike-committe'?"]);
    await expectSameAsFullCheck();
  });

  it("gives an unknown id its new 'did you mean' when a near id is declared, re-checking only the claims with unknown ids", async () => {
    const unknown = () => (engine.diagnostics().get("ledger/toll.yaml") ?? []).filter((d) => d.message.startsWith("unknown source 'union'")).map((d) => d.message);
    const count = unknown().length;
    expect(count).toBeGreaterThan(0);
    expect(unknown()).toEqual(Array(count).fill("unknown source 'union'"));
    edit("sources.yaml", (t) => t.replace("sources:\n", "sources:\n  unionn:\n    name: U\n    type: union\n"));
    const update = await engine.refresh();
    expect(unknown()).toEqual(Array(count).fill("unknown source 'union' — did you mean 'unionn'?"));
    // toll is the one claim of the ledger that names an unknown source.
    expect(update.checked).toBe(1);
    await expectSameAsFullCheck();
  });

  it("keeps a closed file's errors from disk, and reads a file changed on disk", async () => {
    edit("injured.yaml", (t) => t.replace("source: health-ministry", "source: health-ministri"));
    await engine.refresh();
    // Closed without saving: the disk's text counts again, which has no such error.
    supplied.delete(at("injured.yaml"));
    engine.setText(at("injured.yaml"), undefined);
    expect((await engine.refresh()).diagnostics.get("ledger/injured.yaml")).toEqual([]);
    // Broken on disk while closed: the error stays until the file is fixed on disk.
    writeFileSync(at("injured.yaml"), readFileSync(at("injured.yaml"), "utf8").replace("says: 86", "says: [86"));
    engine.changedOnDisk(at("injured.yaml"));
    const broken = (await engine.refresh()).diagnostics.get("ledger/injured.yaml") ?? [];
    expect(broken.length).toBeGreaterThan(0);
    expect(new Set(broken.map((d) => d.code))).toEqual(new Set(["yaml-syntax"]));
    await expectSameAsFullCheck();
  });

  it("follows an archive changed on disk, a file created, and a file deleted", async () => {
    appendFileSync(at("archive/wire-bulletin-2011-12-16.txt"), "\nA new paragraph.\n");
    engine.changedOnDisk(at("archive/wire-bulletin-2011-12-16.txt"));
    await engine.refresh();
    await expectSameAsFullCheck();
    writeFileSync(at("new.yaml"), "sources:\n  new-source:\n    name: New\n    type: media\n");
    engine.createdOrDeleted(at("new.yaml"));
    expect((await engine.refresh()).diagnostics.get("ledger/new.yaml")?.map((d) => d.code)).toEqual(["unused-source"]);
    await expectSameAsFullCheck();
    unlinkSync(at("sources.yaml"));
    engine.createdOrDeleted(at("sources.yaml"));
    const update = await engine.refresh();
    expect(update.diagnostics.get("ledger/sources.yaml")).toEqual([]);
    expect(update.diagnostics.get("ledger/injured.yaml")?.map((d) => d.code)).toEqual(["unknown-source", "unknown-source"]);
    await expectSameAsFullCheck();
  });

  it("matches the full check after any sequence of edits", async () => {
    const files = ["sources.yaml", "death-toll.yaml", "who-fired-first.yaml", "injured.yaml", "toll.yaml", "aaa-unsaved.yaml"];
    const changes: readonly ((t: string) => string)[] = [
      (t) => t.replace("strike-committee", "strike-committe"),
      (t) => t.replace("strike-committe:", "strike-committee:"),
      (t) => t.replace(/says: \d+/, "says: about 70"),
      (t) => `${t}\n  extra-claim:\n    question: Q?\n    type: boolean\n    statements:\n      - source: oil-company\n        says: yes\n`,
      (t) => `claims:\n  injured:\n    question: A duplicate id\n    type: boolean\n    statements:\n      - source: oil-company\n        says: no\n${t.replace(/^claims:\n/, "")}`,
      (t) => t.replace("documents:", "documents:\n  wire-report-2011-12-19:\n    title: Twice\n    publisher: P"),
      (t) => t.replace("type: official", "type: offical"),
      (t) => t.replace("in: wire-bulletin-2011-12-16", "in: wire-report-2011-12-19"),
      (t) => t.slice(0, Math.floor(t.length / 2)),
      () => "",
      () => "sources:\n  prosecutor-general:\n    name: Twice\n    type: official\n",
      // Edits inside records, which leave each file's declarations as they were (the ledger is patched).
      (t) => `# a line that moves everything down\n${t}`,
      (t) => t.replace(/name: [^\n]*/, "name: Renamed (patched)"),
      (t) => t.replace("published: 2011-12-16", "published: 2011-12-20"),
      (t) => t.replace(/says: [^\n]*/, "says: not a value at all"),
      (t) => t.replace(/side: [a-z-]+/, "side: someone-else"),
      (t) => `${t}\nnot-a-section: 1\n`,
      // Ids renamed, added and removed in place (the ledger's maps re-threaded).
      (t) => t.replace(/\n  ([a-z][a-z0-9-]*):\n/, "\n  $1-renamed:\n"),
      (t) => t.replace(/^(sources|documents|claims):\n/m, "$1:\n  aaa-first:\n    name: First\n    type: other\n"),
      (t) => t.replace(/\n  [a-z][a-z0-9-]*:\n(    [^\n]*\n)+/, "\n"),
      // A new source near an unknown one ('union' in toll.yaml): only the list of ids changes its "did you mean".
      (t) => t.replace(/^sources:\n/m, "sources:\n  unionn:\n    name: U\n    type: union\n"),
    ];
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom(...files), fc.nat(changes.length - 1), fc.boolean(), fc.boolean()), { minLength: 1, maxLength: 6 }), async (steps) => {
        // Each run starts from the files on disk: every buffer closed.
        for (const path of supplied.keys()) engine.setText(path, undefined);
        supplied.clear();
        await engine.refresh();
        await expectSameAsFullCheck();
        // Some steps are checked together, as a burst of edits to several files makes one pass.
        for (const [file, change, close, together] of steps) {
          if (close && supplied.has(at(file))) {
            supplied.delete(at(file));
            engine.setText(at(file), undefined);
          } else {
            const base = supplied.get(at(file)) ?? (file === "aaa-unsaved.yaml" ? "claims:\n" : readFileSync(at(file), "utf8"));
            supplied.set(at(file), changes[change](base));
            engine.setText(at(file), supplied.get(at(file)));
          }
          if (!together) await engine.refresh();
        }
        await engine.refresh();
        await expectSameAsFullCheck();
      }),
      { numRuns: 60, seed: 16 },
    );
  });
});
