/**
 * `-o FILE` (lint, check, export) never overwrites what a run reads or what git runs: the
 * configuration read (through a symbolic link too), any `.claims.yaml`, anything in `.git/`.
 * From the built CLI and in-process, on real git repositories.
 */
import { existsSync, mkdirSync, readFileSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { gitRepo, removeTempDirs } from "./helpers/git.js";
import { runBin, runInProcess, type RunResult } from "./helpers/run.js";

afterAll(removeTempDirs);

const CONFIG = "ledger: claims\nseverity:\n  unused-source: off\n";
const LEDGER = {
  ".claims.yaml": CONFIG,
  "claims/sources.yaml": "sources:\n  police: {name: Police, type: official}\n",
  "claims/toll.yaml": "claims:\n  toll:\n    question: How many?\n    type: quantity\n    statements:\n      - {source: police, says: 10}\n",
};

type Runner = (args: readonly string[], cwd: string) => Promise<RunResult> | RunResult;
const RUNNERS: readonly [string, Runner][] = [
  ["in-process", (args, cwd) => runInProcess(args, { cwd })],
  ["built CLI", (args, cwd) => runBin(args, { cwd })],
];

describe.each(RUNNERS)("-o guards the configuration and git (%s)", (_, run) => {
  it("refuses the .claims.yaml the run just read, with lint, check and export, and leaves it as it was", async () => {
    const repo = gitRepo(LEDGER, { commit: "ledger" });
    for (const args of [
      ["lint", "--format", "json", "-o", ".claims.yaml"],
      ["check", "--output-file", ".claims.yaml"],
      ["export", "-o", ".claims.yaml"],
    ]) {
      const result = await run(args, repo);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stdout).toBe("");
      expect(result.stderr).toBe(`claims: refusing to write '.claims.yaml': it is the configuration (.claims.yaml) this run read ('${join(repo, ".claims.yaml")}'); choose another output path\n`);
      expect(readFileSync(join(repo, ".claims.yaml"), "utf8")).toBe(CONFIG);
    }
  });

  it("refuses it through a symbolic link, and the file a symlinked configuration points to", async () => {
    const repo = gitRepo(LEDGER);
    symlinkSync(".claims.yaml", join(repo, "cfg-link"));
    const viaLink = await run(["export", "-o", "cfg-link"], repo);
    expect(viaLink.code).toBe(2);
    expect(viaLink.stderr).toContain("refusing to write 'cfg-link': it is the configuration (.claims.yaml) this run read");
    expect(readFileSync(join(repo, ".claims.yaml"), "utf8")).toBe(CONFIG);

    // The configuration is itself a link to a file kept elsewhere in the work tree.
    const { ".claims.yaml": _, ...files } = LEDGER;
    const linked = gitRepo({ ...files, "config/claims.yml": CONFIG });
    symlinkSync("config/claims.yml", join(linked, ".claims.yaml"));
    const target = await run(["lint", "-o", "config/claims.yml"], linked);
    expect(target.code).toBe(2);
    expect(target.stderr).toContain("it is the configuration (.claims.yaml) this run read");
    expect(readFileSync(join(linked, "config", "claims.yml"), "utf8")).toBe(CONFIG);
  });

  it("refuses any file named .claims.yaml, read by this run or not, which the next run would read", async () => {
    const repo = gitRepo(LEDGER);
    mkdirSync(join(repo, "reports"));
    const result = await run(["lint", "--format", "json", "-o", "reports/.claims.yaml"], repo);
    expect(result).toEqual({ code: 2, stdout: "", stderr: "claims: refusing to write 'reports/.claims.yaml': a file named .claims.yaml is a claims configuration, which the next run would read; choose another output path\n" });
    expect(existsSync(join(repo, "reports", ".claims.yaml"))).toBe(false);
  });

  it("refuses a path inside .git (a hook git would run), and writes beside it", async () => {
    const repo = gitRepo(LEDGER, { commit: "ledger" });
    for (const path of [".git/hooks/pre-commit", ".git/config", "./.git/../.git/info/x"]) {
      const result = await run(["export", "-o", path], repo);
      expect(result, path).toEqual({ code: 2, stdout: "", stderr: `claims: refusing to write '${path}': it is inside a .git folder, which belongs to git (its hooks and configuration); choose a path outside it\n` });
    }
    expect(existsSync(join(repo, ".git", "hooks", "pre-commit"))).toBe(false);
    expect(readFileSync(join(repo, ".git", "config"), "utf8")).toContain("[core]");
    // A link out of the tree into .git is caught after following it.
    symlinkSync(".git/description", join(repo, "notes.md"));
    const viaLink = await run(["export", "-o", "notes.md"], repo);
    expect(viaLink.code).toBe(2);
    expect(viaLink.stderr).toContain("it is inside a .git folder");
    expect((await run(["export", "-o", "report.md"], repo)).code).toBe(0);
    expect(readFileSync(join(repo, "report.md"), "utf8")).toMatch(/^# /);
  });
});

describe("-o and --output-file are one option on every command that writes a file (built CLI)", () => {
  const COMMANDS: readonly (readonly string[])[] = [["lint", "--format", "json"], ["check", "--format", "json"], ["export", "--format", "csv"]];

  it.each(COMMANDS)("%s: both spellings write the same file, and --help lists them together", (...command) => {
    const repo = gitRepo(LEDGER, { commit: "ledger" });
    const short = runBin([...command, "-o", "short.out"], { cwd: repo });
    const long = runBin([...command, "--output-file", "long.out"], { cwd: repo });
    const joined = runBin([...command, "--output-file=joined.out"], { cwd: repo });
    for (const result of [short, long, joined]) expect(result).toEqual({ code: 0, stdout: "", stderr: "" });
    const text = readFileSync(join(repo, "short.out"), "utf8");
    expect(text.length).toBeGreaterThan(0);
    expect(readFileSync(join(repo, "long.out"), "utf8")).toBe(text);
    expect(readFileSync(join(repo, "joined.out"), "utf8")).toBe(text);
    expect(runBin([command[0], "--help"]).stdout).toMatch(/^ {2}-o, --output-file <file> {2,}write/m);
  });

  it("export still takes --output, its earlier name, and refuses it naming another file than -o", () => {
    const repo = gitRepo(LEDGER, { commit: "ledger" });
    expect(runBin(["export", "--output", "old.md"], { cwd: repo })).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(existsSync(join(repo, "old.md"))).toBe(true);
    expect(runBin(["export", "--output", "a.md", "-o", "b.md"], { cwd: repo })).toEqual({ code: 2, stdout: "", stderr: "claims: -o/--output-file and --output name two files; give one\n" });
    expect(existsSync(join(repo, "a.md")) || existsSync(join(repo, "b.md"))).toBe(false);
  });
});
