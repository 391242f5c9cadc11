/**
 * Nothing lost (issue 5, part 5): no command writes to a ledger file, and `export` writes only its
 * `-o` target (and `add` and `fix`, the commands whose job is to write, write nothing when there
 * is nothing valid to write or with --dry-run). The example ledger is copied to a temporary folder; every file's bytes, size, mode
 * and mtime are snapshotted (hidden entries too), every command runs through the real CLI, and the
 * snapshot must come back the same, with no new file except the `-o` target.
 */
import { cpSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, runBin } from "../helpers/run.js";
import { removeDir, tempDir } from "../fixtures/hazards/hazards.js";
import { changes, snapshot, type Snapshot } from "../helpers/snapshot.js";

const READ_ONLY_RUNS: readonly (readonly string[])[] = [
  ["check"],
  ["check", "--format", "json"],
  ["check", "--format", "markdown"],
  ["check", "--fail-on", "unresolved"],
  ["lint"],
  ["lint", "--format", "json"],
  ["lint", "--format", "github"],
  ["lint", "--format", "sarif"],
  ["lint", "--max-warnings", "0"],
  ["export"],
  ["export", "--all", "--format", "markdown"],
  ["export", "--all", "--format", "csv"],
  ["export", "--all", "--format", "json"],
  ["export", "--all", "--format", "claimreview", "--publisher", "Example"],
  ["export", "--all", "--format", "html"],
  ["sources"],
  ["show", "death-toll"],
  ["show", "no-such-claim"],
  ["schema"],
  ["--help"],
  ["--version"],
  // init refuses an existing ledger folder, before writing anything.
  ["init", "claims"],
  // add and fix write only when they have a valid change to make, and not in a dry run.
  ["add", "statement", "death-toll", "--source", "aljazeera", "--says", "12", "--dry-run"],
  ["add", "statement", "death-toll", "--source", "nobody", "--says", "12"],
  ["add", "source", "aljazeera", "--name", "Al Jazeera", "--type", "media"],
  ["add", "statement", "death-toll"],
  ["fix"],
  ["fix", "--dry-run"],
];

let work: string;
let before: Snapshot;

beforeAll(() => {
  work = tempDir("nothing-written");
  // The example ledger as ./claims, so every command also runs with its default path.
  cpSync(join(ROOT, "claims"), join(work, "claims"), { recursive: true });
  symlinkSync("claims/sources.yaml", join(work, "sources-link.yaml"));
  before = snapshot(work);
});
afterAll(() => removeDir(work));

describe("no command writes to the ledger", () => {
  it("the copied ledger is the real example, and clean", () => {
    expect([...before.keys()].filter((p) => p.endsWith(".yaml")).length).toBeGreaterThan(5);
    const result = runBin(["check"], { cwd: work });
    expect(result.code).toBe(0);
  });

  for (const args of READ_ONLY_RUNS) {
    it(`claims ${args.join(" ")} changes nothing`, () => {
      const result = runBin(args, { cwd: work, timeout: 30_000 });
      expect([0, 1, 2]).toContain(result.code);
      expect(changes(before, snapshot(work))).toEqual([]);
    });
  }
});

describe("export writes only its -o target", () => {
  it("export -o report.md adds report.md and nothing else", () => {
    const result = runBin(["export", "--all", "-o", "report.md"], { cwd: work });
    expect(result.code).toBe(0);
    expect(changes(before, snapshot(work))).toEqual(["added report.md"]);
    // Written again over itself: still only that file (no temporary file is left behind).
    expect(runBin(["export", "--all", "--format", "html", "-o", "report.md"], { cwd: work }).code).toBe(0);
    expect(changes(before, snapshot(work))).toEqual(["added report.md"]);
    removeDir(join(work, "report.md"));
  });

  const REFUSED: readonly { label: string; target: string }[] = [
    { label: "a ledger file", target: "claims/death-toll.yaml" },
    { label: "the shared sources file, by another spelling", target: "claims/../claims/./sources.yaml" },
    { label: "an archive", target: "claims/archive/aljazeera-2011-12-17.txt" },
    { label: "a symlink to a ledger file", target: "sources-link.yaml" },
    { label: "the ledger folder itself", target: "claims" },
  ];

  for (const { label, target } of REFUSED) {
    it(`export -o onto ${label} is refused with exit 2, and nothing changes`, () => {
      for (const format of ["markdown", "html"]) {
        const result = runBin(["export", "--all", "--format", format, "-o", target], { cwd: work });
        expect(result.code).toBe(2);
        expect(result.stdout).toBe("");
        expect(result.stderr).toMatch(/^claims: /);
        expect(result.stderr).not.toMatch(/^\s+at /m);
        expect(changes(before, snapshot(work))).toEqual([]);
      }
    });
  }

  it("export -o onto an archive named by an absolute path is refused too", () => {
    const result = runBin(["export", "-o", join(work, "claims", "archive", "aljazeera-2011-12-17.txt")], { cwd: work });
    expect(result.code).toBe(2);
    expect(changes(before, snapshot(work))).toEqual([]);
  });
});
