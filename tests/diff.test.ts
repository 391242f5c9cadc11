/**
 * `claims diff <git-rev>` (SPEC §10 v2) on real git repositories built in temporary folders: a
 * branch that adds a conflict and resolves another, renames, a deleted file, a file broken at the
 * old revision, the formats read back, and the work tree and index left exactly as they were.
 */
import { readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import { gfmTable } from "micromark-extension-gfm-table";
import { afterAll, describe, expect, it } from "vitest";
import { commitAll, git, gitRepo, removeTempDirs, tempDir, writeFiles } from "./helpers/git.js";
import { runBin, runInProcess } from "./helpers/run.js";

afterAll(removeTempDirs);

/** A repository with the example ledger committed on main, and a branch `feature` checked out. */
function exampleOnBranch(): string {
  const repo = gitRepo({}, { exampleLedgerAt: "claims", commit: "the example ledger" });
  git(repo, "checkout", "-q", "-b", "feature");
  return repo;
}

function edit(repo: string, file: string, from: string, to: string): void {
  const path = join(repo, file);
  const text = readFileSync(path, "utf8");
  expect(text, file).toContain(from);
  writeFileSync(path, text.replace(from, to));
}

/** The branch: a conflict added (strikers-gathered), one resolved (who-fired-first, by a retraction). */
function conflictAddedAndResolved(repo: string): void {
  edit(repo, "claims/strikers-gathered.yaml", "        in: aljazeera-2011-12-17\n", "        in: aljazeera-2011-12-17\n      - source: authorities\n        says: hundreds\n");
  edit(repo, "claims/who-fired-first.yaml", "        note: Told to reporters in Astana.\n", "        note: Told to reporters in Astana.\n        retracted: 2011-12-20\n");
}

async function diffJson(repo: string, ...args: string[]) {
  const result = await runInProcess(["diff", ...args, "--format", "json"], { cwd: repo });
  expect(result.stderr).toBe("");
  return { code: result.code, diff: JSON.parse(result.stdout) };
}

describe("claims diff", () => {
  it("reports the conflict a branch adds and the one it resolves, from the built CLI", () => {
    const repo = exampleOnBranch();
    conflictAddedAndResolved(repo);
    commitAll(repo, "the branch");
    const commit = git(repo, "rev-parse", "main").trim();
    const result = runBin(["diff", "main"], { cwd: repo });
    expect(result).toEqual({
      code: 0,
      stderr: "",
      stdout: [
        `Changes to the ledger since main (${commit.slice(0, 7)}):`,
        "",
        "claims changed:",
        "  strikers-gathered (claims/strikers-gathered.yaml)",
        "    status: single-source → conflict",
        "    now unresolved: in conflict with no verdict",
        "    + conflict authorities ↔ odak-union",
        "    position of authorities: none → hundreds (authorities, undated)",
        "  who-fired-first (claims/who-fired-first.yaml)",
        "    status: conflict → single-source",
        "    no longer unresolved",
        "    - conflict prosecutor-general ↔ striking-workers (resolved)",
        "    position of prosecutor-general: protesters (prosecutor-general, 2011-12-17) → none",
        "",
        "0 claims added, 0 removed, 2 changed · 1 conflict new, 1 resolved · 0 errors new, 0 fixed · 0 warnings new, 0 fixed",
        "",
      ].join("\n"),
    });
    expect(runBin(["diff", "main", "--fail-on", "new-conflict"], { cwd: repo }).code).toBe(1);
    expect(runBin(["diff", "main", "--fail-on", "new-error"], { cwd: repo }).code).toBe(0);
  });

  it("json: the same changes as data, with the commit compared", async () => {
    const repo = exampleOnBranch();
    conflictAddedAndResolved(repo);
    const { diff } = await diffJson(repo, "main");
    expect(diff.version).toBe(1);
    expect(diff.from).toEqual({ revision: "main", commit: git(repo, "rev-parse", "main").trim() });
    expect(diff.summary).toEqual({ claimsAdded: 0, claimsRemoved: 0, claimsChanged: 2, conflictsNew: 1, conflictsResolved: 1, errorsNew: 0, errorsFixed: 0, warningsNew: 0, warningsFixed: 0 });
    const [gathered, fired] = diff.changed;
    expect(gathered).toEqual({
      id: "strikers-gathered",
      file: "claims/strikers-gathered.yaml",
      question: "How many strikers and supporters gathered on the central square of Zhanaozen on 16 December 2011?",
      moved: null,
      status: { from: "single-source", to: "conflict" },
      unresolved: { from: false, to: true },
      conflicts: { new: [["authorities", "odak-union"]], resolved: [] },
      positions: [{ origin: "authorities", from: null, to: { says: "hundreds", source: "authorities", on: null } }],
      verdict: null,
    });
    expect(fired.conflicts).toEqual({ new: [], resolved: [["prosecutor-general", "striking-workers"]] });
  });

  it("markdown: tables a Markdown parser reads back, conflicts first", async () => {
    const repo = exampleOnBranch();
    conflictAddedAndResolved(repo);
    const result = await runInProcess(["diff", "main", "--format", "markdown"], { cwd: repo });
    const tree = fromMarkdown(result.stdout, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] });
    const headings = tree.children.filter((n) => n.type === "heading").map(plain);
    expect(headings).toEqual([`Ledger changes since main (${git(repo, "rev-parse", "--short=7", "main").trim()})`, "Conflicts", "Status", "Positions"]);
    const conflicts = tree.children.find((n) => n.type === "table") as { children: { children: unknown[] }[] };
    expect(conflicts.children.map((row) => row.children.map(plain))).toEqual([
      ["claim", "between", "change"],
      ["strikers-gathered", "authorities ↔ odak-union", "new"],
      ["who-fired-first", "prosecutor-general ↔ striking-workers", "resolved"],
    ]);
  });

  it("an unchanged ledger has no changes: archives at the revision are read too, so quotes check the same", async () => {
    const repo = exampleOnBranch();
    expect(await runInProcess(["diff", "main"], { cwd: repo })).toEqual({ code: 0, stdout: `Changes to the ledger since main (${git(repo, "rev-parse", "--short=7", "main").trim()}): none.\n`, stderr: "" });
    expect((await runInProcess(["diff", "main", "--format", "markdown"], { cwd: repo })).stdout).toMatch(/\n\nNo changes to the ledger\.\n$/);
  });

  it("a renamed file moves its claims and keeps its diagnostics: nothing added, removed, new or fixed", async () => {
    const repo = gitRepo({}, { exampleLedgerAt: "claims", commit: "example" });
    // A warning in the file to be renamed: it must not read as fixed in one file and new in the other.
    edit(repo, "claims/death-toll.yaml", "      - source: morgue-witnesses\n", "      - source: morgue-witnesses\n        says: 10\n      - source: morgue-witnesses\n");
    commitAll(repo, "an ambiguous revision");
    git(repo, "checkout", "-q", "-b", "rename");
    git(repo, "mv", "claims/death-toll.yaml", "claims/toll.yaml");
    const { diff } = await diffJson(repo, "main");
    expect(diff.summary).toMatchObject({ claimsAdded: 0, claimsRemoved: 0, claimsChanged: 1, warningsNew: 0, warningsFixed: 0 });
    expect(diff.changed.map((c: { id: string; moved: unknown }) => [c.id, c.moved])).toEqual([["death-toll", { from: "claims/death-toll.yaml", to: "claims/toll.yaml" }]]);
    expect(diff.diagnostics).toEqual({ new: [], fixed: [] });
  });

  it("a deleted file: its claim is removed, and deleting the sources is a lot of new errors", async () => {
    const repo = exampleOnBranch();
    git(repo, "rm", "-q", "claims/order-restored.yaml");
    const removed = await diffJson(repo, "main");
    expect(removed.diff.removed).toEqual([{ id: "order-restored", file: "claims/order-restored.yaml", question: expect.stringMatching(/order/i), status: "single-source", unresolved: false, conflicts: [] }]);
    rmSync(join(repo, "claims/sources.yaml")); // deleted in the work tree only, not staged
    const result = await runInProcess(["diff", "main", "--fail-on", "new-error", "--format", "json"], { cwd: repo });
    expect(result.code).toBe(1);
    const diff = JSON.parse(result.stdout);
    expect(diff.summary.errorsNew).toBeGreaterThan(5);
    expect(new Set(diff.diagnostics.new.map((d: { code: string }) => d.code))).toEqual(new Set(["unknown-source", "unknown-document"]));
    expect(diff.diagnostics.new.every((d: { severity: string; code: string }) => d.severity === "error" && d.code.startsWith("unknown-"))).toBe(true);
  });

  it("a file broken at the old revision: its error is fixed and its claim is new", async () => {
    const repo = gitRepo({}, { exampleLedgerAt: "claims", commit: "example" });
    const good = readFileSync(join(repo, "claims/who-fired-first.yaml"), "utf8");
    writeFileSync(join(repo, "claims/who-fired-first.yaml"), good.replace("options: [police, protesters]", "options: [police, protesters"));
    commitAll(repo, "broken");
    git(repo, "checkout", "-q", "-b", "fix");
    writeFileSync(join(repo, "claims/who-fired-first.yaml"), good);
    const { diff } = await diffJson(repo, "main", "--fail-on", "new-error");
    expect(diff.summary).toMatchObject({ claimsAdded: 1, errorsFixed: 1, errorsNew: 0, conflictsNew: 1 });
    expect(diff.added.map((c: { id: string; conflicts: unknown }) => [c.id, c.conflicts])).toEqual([["who-fired-first", [["prosecutor-general", "striking-workers"]]]]);
    // Unreadable then, the file cited nobody: its sources were unused, and that warning is fixed too.
    expect(diff.diagnostics.fixed.map((d: { code: string; file: string; message: string }) => `${d.code} ${d.file} ${d.code === "unused-source" ? d.message.split("'")[1] : ""}`)).toEqual([
      "unused-source claims/sources.yaml striking-workers",
      "yaml-syntax claims/who-fired-first.yaml ",
    ]);
    const markdown = await runInProcess(["diff", "main", "--format", "markdown"], { cwd: repo });
    const tree = fromMarkdown(markdown.stdout, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] });
    expect(tree.children.filter((n) => n.type === "heading").map(plain).slice(1)).toEqual(["Conflicts", "Claims added and removed", "Errors and warnings"]);
    const tables = tree.children.filter((n) => n.type === "table") as { children: { children: unknown[] }[] }[];
    expect(tables[1].children.map((row) => row.children.map(plain))).toEqual([
      ["claim", "change", "status", "question", "file"],
      ["who-fired-first", "added", "conflict (unresolved)", "Who used firearms first in the Zhanaozen clash?", "claims/who-fired-first.yaml"],
    ]);
    expect(tables[2].children.map((row) => row.children.map(plain)[0] + " " + row.children.map(plain)[3])).toEqual(["change code", "fixed unused-source", "fixed yaml-syntax"]);
  });

  it("a verdict added and one changed: the claim is no longer unresolved, and both verdicts are shown", async () => {
    const repo = exampleOnBranch();
    edit(repo, "claims/who-fired-first.yaml", "        note: Told to reporters in Astana.\n", "        note: Told to reporters in Astana.\n    verdict:\n      rating: unproven\n      by: desk\n");
    edit(repo, "claims/death-toll.yaml", "      rating: unproven", "      rating: mostly-false");
    const { diff } = await diffJson(repo, "main");
    expect(diff.changed.map((c: { id: string; verdict: unknown; unresolved: unknown; status: unknown }) => [c.id, c.verdict, c.unresolved, c.status])).toEqual([
      ["death-toll", { from: { rating: "unproven", finding: "at least 10", by: "claims example ledger", on: null }, to: { rating: "mostly-false", finding: "at least 10", by: "claims example ledger", on: null } }, null, null],
      ["who-fired-first", { from: null, to: { rating: "unproven", finding: null, by: "desk", on: null } }, { from: true, to: false }, null],
    ]);
    const text = (await runInProcess(["diff", "main"], { cwd: repo })).stdout;
    expect(text).toContain("    verdict: unproven — finding: at least 10 (claims example ledger) → mostly-false — finding: at least 10 (claims example ledger)\n");
    expect(text).toContain("    verdict: none → unproven (desk)\n");
  });

  it("a file list limits the comparison to the named files", async () => {
    const repo = exampleOnBranch();
    conflictAddedAndResolved(repo);
    const { diff } = await diffJson(repo, "main", "claims/who-fired-first.yaml");
    expect(diff.changed.map((c: { id: string }) => c.id)).toEqual(["who-fired-first"]);
    expect(diff.summary.conflictsNew).toBe(0);
  });

  it("never touches the work tree or the index", async () => {
    const repo = exampleOnBranch();
    conflictAddedAndResolved(repo);
    git(repo, "add", "claims/strikers-gathered.yaml");
    const status = git(repo, "status", "--porcelain=v2");
    const index = readFileSync(join(repo, ".git", "index"));
    const indexTime = statSync(join(repo, ".git", "index")).mtimeMs;
    // Stat information made stale, which `git status` (not plumbing) would refresh and write.
    writeFileSync(join(repo, "claims/death-toll.yaml"), readFileSync(join(repo, "claims/death-toll.yaml")));
    expect(runBin(["diff", "main"], { cwd: repo }).code).toBe(0);
    expect(readFileSync(join(repo, ".git", "index")).equals(index)).toBe(true);
    expect(statSync(join(repo, ".git", "index")).mtimeMs).toBe(indexTime);
    expect(git(repo, "status", "--porcelain=v2")).toBe(status);
  });

  it("exit 2 with a clear message: a bad revision, an option for a revision, a folder outside git, a bad --fail-on", async () => {
    const repo = exampleOnBranch();
    expect(await runInProcess(["diff", "nope"], { cwd: repo })).toEqual({
      code: 2,
      stdout: "",
      stderr: "claims: unknown revision 'nope': git has no commit by that name (it may be misspelt, or not fetched yet); fetch it with 'git fetch origin nope', or in CI check out with full history (actions/checkout: fetch-depth: 0)\n",
    });
    expect((await runInProcess(["diff", "--", "--output=x"], { cwd: repo })).stderr).toBe("claims: '--output=x' is not a git revision; give a branch, tag or commit id (main, origin/main, HEAD~1)\n");
    const plain = tempDir("claims-nogit-");
    writeFiles(plain, { "claims/a.yaml": "" });
    expect(await runInProcess(["diff", "main"], { cwd: plain })).toEqual({ code: 2, stdout: "", stderr: `claims: claims diff compares with a git revision, and '${plain}' is not inside a git work tree; run it in a clone of the ledger's repository\n` });
    expect(runBin(["diff", "main"], { cwd: repo, env: { PATH: "/nonexistent" } })).toEqual({
      code: 2,
      stdout: "",
      stderr: "claims: claims diff asks git, and git is not installed (or not on PATH)\n",
    });
    // Outside a work tree the message comes first and alone: a broken ledger there is not read.
    writeFiles(plain, { "claims/a.yaml": "claims: [" });
    expect(runBin(["diff", "main"], { cwd: plain })).toEqual({ code: 2, stdout: "", stderr: `claims: claims diff compares with a git revision, and '${plain}' is not inside a git work tree; run it in a clone of the ledger's repository\n` });
    const bad = await runInProcess(["diff", "main", "--fail-on", "new-warning"], { cwd: repo });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/argument 'new-warning' is invalid\. Allowed choices are new-error, new-conflict\./);
  });
});

describe("claims diff with paths named, and in a shallow clone", () => {
  it("a file removed from the working tree is compared as removed, not refused as unreadable", () => {
    const repo = exampleOnBranch();
    rmSync(join(repo, "claims", "death-toll.yaml"));
    const result = runBin(["diff", "main", "--format", "json", "claims/death-toll.yaml"], { cwd: repo });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const diff = JSON.parse(result.stdout) as { removed: { id: string }[]; added: unknown[] };
    expect(diff.removed.map((c) => c.id)).toEqual(["death-toll"]);
    expect(diff.added).toEqual([]);
  });

  it("a removed file outside the ledger folder is read at the revision only", () => {
    const repo = exampleOnBranch();
    writeFiles(repo, { "elsewhere/extra.yaml": "sources:\n  odak:\n    name: Odak\n    type: union\nclaims:\n  odak-count:\n    question: How many?\n    type: quantity\n    statements:\n      - source: odak\n        says: 3000\n" });
    commitAll(repo, "an extra file");
    git(repo, "branch", "-f", "main");
    rmSync(join(repo, "elsewhere", "extra.yaml"));
    const result = runBin(["diff", "main", "--format", "json", "elsewhere/extra.yaml"], { cwd: repo });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as { removed: { id: string }[] }).removed.map((c) => c.id)).toEqual(["odak-count"]);
  });

  it("a path in neither the working tree nor the revision is named as such (exit 2), not read as removed", () => {
    const repo = exampleOnBranch();
    expect(runBin(["diff", "main", "claims/deth-toll.yaml"], { cwd: repo })).toEqual({
      code: 2,
      stdout: "",
      stderr: "claims: 'claims/deth-toll.yaml' is neither in the working tree nor at main; check the path (a file added or removed since is compared as such)\n",
    });
  });

  it("in a shallow clone, an unknown revision is put down to the shallow clone, with the fetch that fixes it", () => {
    const repo = exampleOnBranch();
    edit(repo, "claims/death-toll.yaml", "death-toll:", "death-toll: ");
    commitAll(repo, "a second commit");
    const shallow = tempDir("claims-shallow-");
    git(shallow, "clone", "-q", "--depth", "1", `file://${repo}`, "clone");
    const clone = join(shallow, "clone");
    expect(runBin(["diff", "HEAD~1"], { cwd: clone })).toEqual({
      code: 2,
      stdout: "",
      stderr: "claims: unknown revision 'HEAD~1': git has no commit by that name (this clone is shallow, as CI clones are, so it may not be fetched yet); fetch it with 'git fetch origin HEAD~1', or in CI check out with full history (actions/checkout: fetch-depth: 0)\n",
    });
  });
});

/** The plain text of an mdast node. */
function plain(node: unknown): string {
  const n = node as { value?: string; children?: unknown[] };
  return n.value ?? (n.children ?? []).map(plain).join("");
}
