/**
 * `claims fix` from the built CLI (issue 17): it makes only the fixes with one possible meaning,
 * keeps every other byte, lists what is left (the "did you mean" suggestions among it), and its
 * --dry-run shows exactly what a real run writes.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { removeDir, tempDir } from "./fixtures/hazards/hazards.js";
import { writeLedger } from "./helpers/edit.js";
import { changes, snapshot } from "./helpers/snapshot.js";
import { ROOT, runBin } from "./helpers/run.js";

const FIXABLE = {
  "sources.yaml": "\uFEFF# Sources, with faults a fixer may mend\r\nsources:\r\n  Prosecutor General:   # written as a name\r\n    nmae: Prosecutor-General of Kazakhstan\r\n    type: Official\r\n    reliability: b\r\n  striking-workers: {name: Striking oil workers, Type: eyewitness}\r\n",
  "who-fired-first.yaml": [
    "claims:",
    "  who-fired-first:",
    "    question: Who fired first?",
    "    type: Choice",
    "    options: [police, protesters]",
    "    statements:",
    "      - source: Prosecutor General",
    "        says: 'Protesters'   # as said",
    "        not: a note, or on?",
    "      - sorce: striking-workers",
    "        says: [Police]",
    "      - source: prosecuter-general",
    "        says: police",
    "    verdict: {rating: Mostly-False, finding: Police}",
    "",
  ].join("\n"),
};

const FIXED = {
  "sources.yaml": "\uFEFF# Sources, with faults a fixer may mend\r\nsources:\r\n  prosecutor-general:   # written as a name\r\n    nmae: Prosecutor-General of Kazakhstan\r\n    type: official\r\n    reliability: B\r\n  striking-workers: {name: Striking oil workers, type: eyewitness}\r\n",
  "who-fired-first.yaml": FIXABLE["who-fired-first.yaml"]
    .replace("type: Choice", "type: choice")
    .replace("source: Prosecutor General", "source: prosecutor-general")
    .replace("'Protesters'", "'protesters'")
    .replace("sorce:", "source:")
    .replace("[Police]", "[police]")
    .replace("{rating: Mostly-False, finding: Police}", "{rating: mostly-false, finding: police}"),
};

const LEFT = [
  "4 errors left to fix by hand; suggestions are not applied, as each could change what the ledger means:",
  "",
  "claims/sources.yaml",
  "  3:3  error  missing required key 'name'                schema",
  "  4:5  error  unknown key 'nmae' — did you mean 'name'?  schema",
  "",
  "claims/who-fired-first.yaml",
  "  9:9    error  unknown key 'not' — did you mean 'note'?  schema",
  "  12:17  error  unknown source 'prosecuter-general'       unknown-source",
];

let work: string;
const read = (rel: string) => readFileSync(join(work, "claims", rel), "utf8");

beforeEach(() => {
  work = tempDir("fix");
  writeLedger(join(work, "claims"), FIXABLE);
});
afterEach(() => removeDir(work));

describe("claims fix", () => {
  it("makes the fixes with one meaning, keeps every other byte, and lists what is left (exit 1)", () => {
    const result = runBin(["fix"], { cwd: work });
    expect(read("sources.yaml")).toBe(FIXED["sources.yaml"]);
    expect(read("who-fired-first.yaml")).toBe(FIXED["who-fired-first.yaml"]);
    expect(result.stdout.split("\n").slice(0, 12)).toEqual([
      "Fixed 11 things in 2 files:",
      "  claims/sources.yaml:3:3  id 'Prosecutor General' → 'prosecutor-general'  (an id written as its slug)",
      "  claims/sources.yaml:5:11  'Official' → 'official'  (an option written in another case)",
      "  claims/sources.yaml:6:18  'b' → 'B'  (an option written in another case)",
      "  claims/sources.yaml:7:50  key 'Type' → 'type'  (misspelt key)",
      "  claims/who-fired-first.yaml:4:11  'Choice' → 'choice'  (an option written in another case)",
      "  claims/who-fired-first.yaml:7:17  'Prosecutor General' → 'prosecutor-general'  (a reference written as the id's slug)",
      "  claims/who-fired-first.yaml:8:15  'Protesters' → 'protesters'  (an option written in another case)",
      "  claims/who-fired-first.yaml:10:9  key 'sorce' → 'source'  (misspelt key)",
      "  claims/who-fired-first.yaml:11:16  'Police' → 'police'  (an option written in another case)",
      "  claims/who-fired-first.yaml:14:23  'Mostly-False' → 'mostly-false'  (an option written in another case)",
      "  claims/who-fired-first.yaml:14:46  'Police' → 'police'  (an option written in another case)",
    ]);
    expect(result.stdout).toContain(`\n${LEFT.join("\n")}\n`);
    expect(result.code).toBe(1);
  });

  it("--dry-run writes nothing and prints a patch that git applies to give what fix writes", () => {
    const before = snapshot(work);
    const dry = runBin(["fix", "--dry-run"], { cwd: work });
    expect(dry.code).toBe(1);
    expect(changes(before, snapshot(work))).toEqual([]);
    expect(dry.stderr.split("\n")[0]).toBe("Would fix 11 things in 2 files:");
    expect(dry.stderr).toContain(LEFT[0].replace("by hand;", "by hand (lines as the files would read);"));
    // Applied with git to copies of the files as they are (sources.yaml with a BOM and CRLF line
    // ends, its first line in the patch's context), it gives byte for byte what a real run writes.
    expect(dry.stdout).toContain("\n@@ -1,7 +1,7 @@\n \uFEFF# Sources, with faults a fixer may mend\r\n sources:\r\n-  Prosecutor General:");
    const copy = tempDir("fix-patch");
    try {
      mkdirSync(join(copy, "claims"));
      for (const [rel, text] of Object.entries(FIXABLE)) writeFileSync(join(copy, "claims", rel), text);
      writeFileSync(join(copy, "fix.patch"), dry.stdout);
      const apply = spawnSync("git", ["apply", "fix.patch"], { cwd: copy, encoding: "utf8" });
      expect(apply.stderr).toBe("");
      expect(apply.status).toBe(0);
      expect(runBin(["fix"], { cwd: work }).code).toBe(1);
      for (const rel of Object.keys(FIXABLE)) expect(readFileSync(join(copy, "claims", rel), "utf8"), rel).toBe(read(rel));
    } finally {
      removeDir(copy);
    }
  });

  it("run again, finds nothing more and touches nothing (not even a lock file)", () => {
    expect(runBin(["fix"], { cwd: work }).code).toBe(1);
    const before = snapshot(work);
    const again = runBin(["fix"], { cwd: work });
    expect(again.stdout.split("\n")[0]).toBe("Nothing to fix that has only one possible meaning.");
    expect(again.code).toBe(1);
    expect(changes(before, snapshot(work))).toEqual([]);
  });

  it("named files are the ones fixed; the rest of the ledger is context, and no id is renamed outside them", () => {
    const result = runBin(["fix", "claims/who-fired-first.yaml"], { cwd: work });
    expect(read("sources.yaml")).toBe(FIXABLE["sources.yaml"]);
    // The declaration 'Prosecutor General' stays, so the reference to it is left as written.
    expect(read("who-fired-first.yaml")).toBe(FIXED["who-fired-first.yaml"].replace("source: prosecutor-general", "source: Prosecutor General"));
    expect(result.stdout).toMatch(/^Fixed 6 things in 1 file:\n/);
    // Only the named file's errors are reported.
    expect(result.stdout).not.toContain("claims/sources.yaml");
    expect(result.code).toBe(1);
  });

  it("exits 0 when nothing is left to fix by hand", () => {
    writeFileSync(join(work, "claims", "sources.yaml"), FIXABLE["sources.yaml"].replace("nmae:", "name:"));
    writeFileSync(join(work, "claims", "who-fired-first.yaml"), FIXABLE["who-fired-first.yaml"].replace("not:", "note:").replace("prosecuter-general", "prosecutor general"));
    const result = runBin(["fix"], { cwd: work });
    expect(result.stdout).toMatch(/^Fixed 12 things in 2 files:\n/);
    expect(result.code).toBe(0);
    expect(runBin(["lint"], { cwd: work }).code).toBe(0);
  });

  it("on the clean example ledger, has nothing to do", () => {
    cpSync(join(ROOT, "claims"), join(work, "example"), { recursive: true });
    const before = snapshot(work);
    const result = runBin(["fix", "example"], { cwd: work });
    expect(result).toEqual({ code: 0, stdout: "Nothing to fix that has only one possible meaning.\n", stderr: "" });
    expect(changes(before, snapshot(work))).toEqual([]);
  });
});
