/**
 * Nothing lost (issue 5, part 5): no command writes to a ledger file, and `export` writes only its
 * `-o` target. The example ledger is copied to a temporary folder; every file's bytes, size, mode
 * and mtime are snapshotted (hidden entries too), every command runs through the real CLI, and the
 * snapshot must come back the same, with no new file except the `-o` target.
 */
import { cpSync, lstatSync, readdirSync, readFileSync, readlinkSync, symlinkSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, runBin } from "../helpers/run.js";
import { removeDir, tempDir } from "../fixtures/hazards/hazards.js";

type Snapshot = Map<string, string>;

/** Every entry under `dir`, hidden ones included, as path → kind, bytes, mode and mtime. */
function snapshot(dir: string): Snapshot {
  const out: Snapshot = new Map();
  const pending = [dir];
  while (pending.length > 0) {
    const current = pending.pop()!;
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const abs = join(current, entry.name);
      const stat = lstatSync(abs);
      const rel = relative(dir, abs);
      if (stat.isDirectory()) {
        out.set(rel, `dir mode=${stat.mode} mtime=${stat.mtimeMs}`);
        pending.push(abs);
      } else if (stat.isSymbolicLink()) {
        out.set(rel, `link → ${readlinkSync(abs)} mtime=${stat.mtimeMs}`);
      } else {
        out.set(rel, `file mode=${stat.mode} size=${stat.size} mtime=${stat.mtimeMs} bytes=${readFileSync(abs).toString("base64")}`);
      }
    }
  }
  return out;
}

/** What changed between two snapshots, as readable lines. */
function changes(before: Snapshot, after: Snapshot): string[] {
  const lines: string[] = [];
  for (const [path, state] of before) {
    if (!after.has(path)) lines.push(`removed ${path}`);
    else if (after.get(path) !== state) lines.push(`changed ${path}`);
  }
  for (const path of after.keys()) if (!before.has(path)) lines.push(`added ${path}`);
  return lines.sort();
}

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
