/**
 * Files named on the command line (SPEC §10 v2), as pre-commit and lint-staged name a commit's
 * files: inside the ledger folder they are checked against the whole ledger and only their own
 * diagnostics are reported; outside it each is its own root; an ignored one is said to be ignored.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { gitRepo, removeTempDirs, writeFiles } from "./helpers/git.js";
import { runBin, runInProcess } from "./helpers/run.js";

afterAll(removeTempDirs);

/** A repository holding the example ledger in claims/ (so ./claims is the ledger folder). */
function exampleRepo(files: Readonly<Record<string, string>> = {}): string {
  return gitRepo(files, { exampleLedgerAt: "claims", commit: "the example ledger" });
}

function diagnostics(stdout: string): string[] {
  return (JSON.parse(stdout) as { code: string; severity: string; file: string; line: number; column: number; message: string }[]).map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code}: ${d.message}`);
}

function edit(repo: string, file: string, from: string, to: string): void {
  const path = join(repo, file);
  const text = readFileSync(path, "utf8");
  expect(text).toContain(from);
  writeFileSync(path, text.replace(from, to));
}

describe("a file named inside the ledger folder", () => {
  it("is checked against the whole ledger: a typo in it is the only diagnostic", async () => {
    const repo = exampleRepo();
    edit(repo, "claims/death-toll.yaml", "source: prosecutor-general", "source: prosecuter-general");
    const result = await runInProcess(["lint", "--format", "json", "claims/death-toll.yaml"], { cwd: repo });
    expect(diagnostics(result.stdout)).toEqual(["claims/death-toll.yaml:13:17 error unknown-source: unknown source 'prosecuter-general' — did you mean 'prosecutor-general'?"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("");
  });

  it("a clean named file gives nothing, as the built CLI runs it for lint-staged (one file per run)", () => {
    const repo = exampleRepo();
    for (const file of ["claims/death-toll.yaml", "claims/sources.yaml", "claims/who-fired-first.yaml"]) {
      expect(runBin(["lint", "--max-warnings", "0", file], { cwd: repo }), file).toEqual({ code: 0, stdout: "", stderr: "" });
    }
  });

  it("sources.yaml alone gives no false 'unused' warnings, but a truly unused source is still found", async () => {
    const repo = exampleRepo();
    expect(await runInProcess(["lint", "--format", "json", "claims/sources.yaml"], { cwd: repo })).toEqual({ code: 0, stdout: "[]\n", stderr: "" });
    edit(repo, "claims/sources.yaml", "sources:\n", "sources:\n  nobody:\n    name: Nobody\n    type: other\n");
    const result = await runInProcess(["lint", "--format", "json", "claims/sources.yaml"], { cwd: repo });
    expect(diagnostics(result.stdout)).toEqual(["claims/sources.yaml:4:3 warning unused-source: source 'nobody' is not cited by any statement; cite it or remove it"]);
  });

  it("leaves out the diagnostics of files not named, and a duplicate id is reported where it stands", async () => {
    const repo = exampleRepo({ "claims/zz-broken.yaml": "claims:\n  death-toll:\n    question: again?\n    type: boolean\n    statements:\n      - source: nobody\n        says: true\n" });
    const named = await runInProcess(["lint", "--format", "json", "claims/death-toll.yaml"], { cwd: repo });
    expect(named).toEqual({ code: 0, stdout: "[]\n", stderr: "" });
    const broken = await runInProcess(["lint", "--format", "json", "claims/zz-broken.yaml"], { cwd: repo });
    expect(diagnostics(broken.stdout)).toEqual([
      "claims/zz-broken.yaml:2:3 error duplicate-id: id 'death-toll' is already declared (a claim at claims/death-toll.yaml:2:3); rename one, since ids are global across files and kinds",
    ]);
  });

  it("check shows only the named files' claims, with their diagnostics", async () => {
    const repo = exampleRepo();
    const result = await runInProcess(["check", "--format", "json", "claims/who-fired-first.yaml", "claims/death-toll.yaml"], { cwd: repo });
    const report = JSON.parse(result.stdout);
    expect(report.claims.map((c: { id: string }) => c.id)).toEqual(["death-toll", "who-fired-first"]);
    expect(report.summary).toMatchObject({ claims: 2, status: { conflict: 2, corroborated: 0, "single-source": 0, unsourced: 0 }, unresolved: 1 });
    expect(result.code).toBe(0);
  });

  it("the configured ledger is the ledger folder, and a named folder inside it counts too", async () => {
    const repo = gitRepo({ ".claims.yaml": "ledger: facts\n" });
    writeFiles(repo, { "facts/sources.yaml": "sources:\n  a:\n    name: A\n    type: other\n", "facts/sub/c.yaml": "claims:\n  c:\n    question: Q?\n    type: boolean\n    statements:\n      - source: a\n        says: yes\n" });
    expect(await runInProcess(["lint", "--format", "json", "facts/sub"], { cwd: repo })).toEqual({ code: 0, stdout: "[]\n", stderr: "" });
    expect(await runInProcess(["lint", "--format", "json", "facts/sub/c.yaml"], { cwd: repo })).toEqual({ code: 0, stdout: "[]\n", stderr: "" });
  });
});

describe("a file named outside the ledger folder", () => {
  it("is its own root, as SPEC §1 says", async () => {
    const repo = exampleRepo({ "elsewhere/claim.yaml": "claims:\n  c:\n    question: Q?\n    type: boolean\n    statements:\n      - source: prosecutor-general\n        says: yes\n" });
    const result = await runInProcess(["lint", "--format", "json", "elsewhere/claim.yaml"], { cwd: repo });
    expect(diagnostics(result.stdout)).toEqual(["elsewhere/claim.yaml:6:17 error unknown-source: unknown source 'prosecutor-general'"]);
  });

  it("named beside ledger files, it is read with the ledger and reported whole", async () => {
    const repo = exampleRepo({ "elsewhere/claim.yaml": "claims:\n  c:\n    question: Q?\n    type: boolean\n    statements:\n      - source: prosecutor-general\n        says: yes\n" });
    const result = await runInProcess(["lint", "--format", "json", "claims/sources.yaml", "elsewhere/claim.yaml"], { cwd: repo });
    expect(result).toEqual({ code: 0, stdout: "[]\n", stderr: "" });
  });
});

describe("a file named that is ignored", () => {
  it("says so on stderr and is not read, even inside the ledger folder", async () => {
    const repo = exampleRepo({ ".gitignore": "claims/scratch.yaml\n", "claims/scratch.yaml": "not: a ledger\n" });
    const run = runBin(["lint", "claims/scratch.yaml", "claims/death-toll.yaml"], { cwd: repo });
    expect(run).toEqual({ code: 0, stdout: "", stderr: "claims: claims/scratch.yaml is ignored (git ignores it), so it was not read; --no-ignore reads it\n" });
    // The whole ledger run skips it too.
    expect(runBin(["lint"], { cwd: repo })).toEqual({ code: 0, stdout: "", stderr: "" });
  });
});

describe("a file named inside the ledger folder that is not *.yaml or *.yml", () => {
  const NOTICE = (path: string) =>
    `claims: ${path} is not a ledger file, so it was not read: in the ledger folder claims only *.yaml and *.yml files hold records (an archive is checked through the document that cites it); rename it to .yaml if it holds records\n`;

  it("says on stderr it is not a ledger file, and is not read (notes with YAML faults give no diagnostic)", () => {
    const repo = exampleRepo({ "claims/notes.txt": "to check: [the morgue count\n" });
    expect(runBin(["lint", "claims/notes.txt"], { cwd: repo })).toEqual({ code: 0, stdout: "", stderr: NOTICE("claims/notes.txt") });
    // Named with a ledger file, that file is still checked and reported.
    edit(repo, "claims/death-toll.yaml", "source: prosecutor-general", "source: prosecuter-general");
    const both = runBin(["lint", "--format", "json", "claims/notes.txt", "claims/death-toll.yaml"], { cwd: repo });
    expect(diagnostics(both.stdout)).toEqual(["claims/death-toll.yaml:13:17 error unknown-source: unknown source 'prosecuter-general' — did you mean 'prosecutor-general'?"]);
    expect(both.stderr).toBe(NOTICE("claims/notes.txt"));
    expect(both.code).toBe(1);
  });

  it("an archive named by a commit hook is not read as YAML either; check says so too", async () => {
    const repo = exampleRepo();
    const result = await runInProcess(["check", "--format", "json", "claims/archive/aljazeera-2011-12-17.txt"], { cwd: repo });
    expect(result.stderr).toBe(NOTICE("claims/archive/aljazeera-2011-12-17.txt"));
    expect((JSON.parse(result.stdout) as { claims: unknown[] }).claims).toEqual([]);
    expect(result.code).toBe(0);
  });

  it("a .YML name in another case is a ledger file, as the walk takes it", async () => {
    const repo = exampleRepo({ "claims/extra.YML": "sources:\n  odak:\n    name: Odak\n    type: union\n" });
    const result = await runInProcess(["lint", "--format", "json", "claims/extra.YML"], { cwd: repo });
    expect(diagnostics(result.stdout)).toEqual(["claims/extra.YML:2:3 warning unused-source: source 'odak' is not cited by any statement; cite it or remove it"]);
    expect(result.stderr).toBe("");
  });
});

describe("claims show <claim> with files named", () => {
  it("a claim declared in a file not named is named with its file and the fix, not called unknown (exit 2)", () => {
    const repo = exampleRepo();
    expect(runBin(["show", "death-toll", "claims/sources.yaml"], { cwd: repo })).toEqual({
      code: 2,
      stdout: "",
      stderr: "claims: claim 'death-toll' is declared in claims/death-toll.yaml, which is not among the paths named (claims/sources.yaml); name that file, or no path, to show it\n",
    });
    const named = runBin(["show", "death-toll", "claims/death-toll.yaml"], { cwd: repo });
    expect(named.stdout.split("\n")[0]).toBe("death-toll (quantity, cumulative, claims/death-toll.yaml) — conflict");
    expect(named.code).toBe(0);
  });

  it("an unknown claim gets its 'did you mean' from the whole ledger, not only the named files", () => {
    const repo = exampleRepo();
    expect(runBin(["show", "deth-toll", "claims/sources.yaml"], { cwd: repo })).toEqual({
      code: 2,
      stdout: "",
      stderr: "claims: no claim 'deth-toll' in the ledger — did you mean 'death-toll'? (run 'claims check' to list the claims)\n",
    });
  });
});
