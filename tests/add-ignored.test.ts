/**
 * `claims add --file` into a file git ignores (newcomer review, item 3): the file does not exist
 * yet, so a listing of what git ignores never names it, and the record would be written where no
 * later run reads it. The add is refused with exit 2, naming the file, why and the fix; and a file
 * git tracks (deleted from the work tree) is not taken for an ignored one, as git would not.
 */
import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { commitAll, git, gitRepo, removeTempDirs, writeFiles } from "./helpers/git.js";
import { runBin, runInProcess } from "./helpers/run.js";
import { changes, snapshot } from "./helpers/snapshot.js";

afterAll(() => removeTempDirs());

const SOURCE = ["add", "source", "odak", "--name", "Odak", "--type", "union"];

function repo(): string {
  const dir = gitRepo({ ".gitignore": "claims/drafts-*.yaml\n" }, { exampleLedgerAt: "claims", commit: "ledger" });
  return dir;
}

describe.each([
  ["in-process", (args: readonly string[], cwd: string) => runInProcess(args, { cwd })],
  ["as the built bin", async (args: readonly string[], cwd: string) => runBin(args, { cwd })],
])("claims add --file into an ignored new file (%s)", (_, run) => {
  it("refuses a file git ignores, with exit 2, the file, why and the fix; nothing is written", async () => {
    const dir = repo();
    const before = snapshot(dir);
    const result = await run([...SOURCE, "--file", "claims/drafts-odak.yaml"], dir);
    expect(result.stderr).toBe(
      "claims: the ledger does not read claims/drafts-odak.yaml (git ignores it), so the source would be lost; choose another --file, or stop ignoring the file\nNothing was written.\n",
    );
    expect(result.code).toBe(2);
    expect(existsSync(join(dir, "claims", "drafts-odak.yaml"))).toBe(false);
    expect(changes(before, snapshot(dir))).toEqual([]);
  });

  it("refuses the same with --dry-run, which would otherwise show a diff that could not be kept", async () => {
    const dir = repo();
    const result = await run([...SOURCE, "--file", "claims/drafts-odak.yaml", "--dry-run"], dir);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^claims: the ledger does not read claims\/drafts-odak\.yaml \(git ignores it\)/);
  });

  it("names a .claims.yaml ignore pattern as the rule", async () => {
    const dir = repo();
    writeFiles(dir, { ".claims.yaml": "ignore: ['claims/old-*.yaml']\n" });
    const result = await run([...SOURCE, "--file", "claims/old-odak.yaml"], dir);
    expect(result.code).toBe(2);
    expect(result.stderr.split("\n")[0]).toBe(
      "claims: the ledger does not read claims/old-odak.yaml ('claims/old-*.yaml' in .claims.yaml ignores it), so the source would be lost; choose another --file, or stop ignoring the file",
    );
  });

  it("adds to a tracked file that matches an ignore rule but was deleted: git tracks it, so it is read", async () => {
    const dir = repo();
    writeFiles(dir, { "claims/drafts-kept.yaml": "sources: {}\n" });
    git(dir, "add", "-f", "claims/drafts-kept.yaml");
    commitAll(dir, "a tracked draft");
    rmSync(join(dir, "claims", "drafts-kept.yaml"));
    const result = await run([...SOURCE, "--file", "claims/drafts-kept.yaml"], dir);
    expect(result.stderr).not.toMatch(/does not read|ignor|internal error/);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Added source 'odak' to claims\/drafts-kept\.yaml \(a new file\), lines? /);
  });

  it("adds to a new file that no rule ignores, though its name has wildcard and pathspec-magic characters", async () => {
    const dir = repo();
    const result = await run([...SOURCE, "--file", "claims/:(top)drafts*.yaml"], dir);
    expect(result.stderr).not.toMatch(/does not read|ignor|internal error/);
    expect(result.code).toBe(0);
    expect(existsSync(join(dir, "claims", ":(top)drafts*.yaml"))).toBe(true);
  });
});
