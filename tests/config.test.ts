/** `.claims.yaml` (SPEC §13): where it is found, what it is checked for, and what it changes; ignores, git's included. */
import { readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/core/load/config.js";
import { ConfigError } from "../src/core/load/config.js";
import { git, gitRepo, removeTempDirs, tempDir, writeFiles } from "./helpers/git.js";
import { runBin, runInProcess } from "./helpers/run.js";

afterAll(removeTempDirs);

const SOURCES = "sources:\n  police:\n    name: Police\n    type: official\n  unused:\n    name: Nobody cites me\n    type: other\n";
const CLAIM = "claims:\n  toll:\n    question: How many?\n    type: quantity\n    statements:\n      - source: police\n        says: 10\n        quote: ten\n";
const LEDGER = { "ledger/sources.yaml": SOURCES, "ledger/toll.yaml": CLAIM };

/** `lint --format json` in `cwd`: exit code, diagnostics as `code file:line:col`, stderr. */
async function lint(cwd: string, ...args: string[]): Promise<{ code: number; found: string[]; stderr: string }> {
  const result = await runInProcess(["lint", "--format", "json", ...args], { cwd });
  const found = result.stdout === "" ? [] : (JSON.parse(result.stdout) as { code: string; file: string; line: number; column: number; severity: string }[]).map((d) => `${d.severity} ${d.code} ${d.file}:${d.line}:${d.column}`);
  return { code: result.code, found, stderr: result.stderr };
}

describe("where .claims.yaml is found", () => {
  it("in the working directory, and in its nearest ancestor up to the top of the work tree", async () => {
    const repo = gitRepo({ ...LEDGER, ".claims.yaml": "ledger: ledger\nseverity:\n  unused-source: off\n  quote-unchecked: off\n" });
    expect(await lint(repo)).toEqual({ code: 0, found: [], stderr: "" });
    writeFiles(repo, { "sub/deeper/.keep": "" });
    // From a folder below, the ledger path still counts from the configuration's own folder.
    expect(await lint(join(repo, "sub", "deeper"))).toEqual({ code: 0, found: [], stderr: "" });
    expect(loadConfig(join(repo, "sub", "deeper")).ledger).toEqual([join(repo, "ledger")]);
  });

  it("never above the top of the work tree", () => {
    const outer = tempDir("claims-outer-");
    writeFiles(outer, { ".claims.yaml": "severity:\n  unused-source: off\n" });
    const inner = join(outer, "repo");
    writeFiles(inner, LEDGER);
    git(inner, "init", "-q");
    expect(loadConfig(inner).file).toBeNull();
    expect(loadConfig(outer).file).toBe(join(outer, ".claims.yaml"));
  });

  it("outside a work tree, only in the working directory", () => {
    const outer = tempDir("claims-nogit-");
    writeFiles(outer, { ".claims.yaml": "severity:\n  unused-source: off\n", "sub/x.yaml": "" });
    expect(loadConfig(join(outer, "sub")).file).toBeNull();
    expect(loadConfig(outer).severity).toEqual({ "unused-source": "off" });
  });
});

describe("a bad configuration stops the run with file, line, column and the fix", () => {
  const cases: readonly [string, string, readonly string[]][] = [
    ["unknown key", "ledgr: ledger\n", [".claims.yaml:1:1  unknown key 'ledgr' — did you mean 'ledger'?"]],
    ["unknown code", "severity:\n  unused-sorce: off\n", [".claims.yaml:2:3  unknown diagnostic code 'unused-sorce' — did you mean 'unused-source'?"]],
    ["bad level", "severity:\n  unused-source: of\n", [".claims.yaml:2:18  severity of 'unused-source' must be one of error, warning, info, off, not 'of' — did you mean 'off'?"]],
    ["a locked code lowered", "severity:\n  schema: warning\n", [".claims.yaml:2:11  'schema' cannot be lowered (it keeps the ledger readable); remove this line or set it to error"]],
    ["ignore not a list", "ignore: drafts\n", [".claims.yaml:1:9  'ignore' must be a list of patterns, not 'drafts'; write it as a list: ignore: ['drafts']"]],
    ["a pattern that is not text", "ignore:\n  - 3\n", [".claims.yaml:2:5  item 1 of 'ignore' must be text (a pattern), not 3"]],
    ["a pattern reaching out", "ignore:\n  - ../other/**\n", [".claims.yaml:2:5  ignore pattern '../other/**' reaches outside this folder; patterns are relative to .claims.yaml, as in .gitignore"]],
    ["ledger not a path", "ledger: {a: 1}\n", [".claims.yaml:1:9  'ledger' must be a path or a list of paths, not a mapping"]],
    ["a ledger that does not exist", "ledger: [ledger, legder]\n", [".claims.yaml:1:18  ledger path 'legder' does not exist (paths are relative to .claims.yaml); create it or correct the path"]],
    ["not a mapping", "- ledger\n", [".claims.yaml:1:1  a configuration is a mapping with the keys ledger, ignore, severity, cache, not a list"]],
    ["YAML faults", "ledger: a\nledger: b\n", [".claims.yaml:2:1  key 'ledger' is written twice in this mapping; remove one of them"]],
    ["several faults, in file order", "severity:\n  schema: off\nledgr: x\n", [".claims.yaml:2:11  'schema' cannot be lowered (it keeps the ledger readable); remove this line or set it to error", ".claims.yaml:3:1  unknown key 'ledgr' — did you mean 'ledger'?"]],
    // A line break inside a fault is the file's, shown as \n: one fault is one line, and none starts a workflow command.
    ["a key holding a line break", '"ledgr\\n::error::Forged": x\nseverity: []\n', [".claims.yaml:1:1  unknown key 'ledgr\\n::error::Forged'; the keys are ledger, ignore, severity, cache", ".claims.yaml:2:11  'severity' must be a mapping from diagnostic code to error, warning, info or off, not a list"]],
  ];
  it.each(cases)("%s", async (_, text, lines) => {
    const repo = gitRepo({ ...LEDGER, ".claims.yaml": text });
    const result = await runInProcess(["lint"], { cwd: repo });
    expect(result).toEqual({ code: 2, stdout: "", stderr: `claims: .claims.yaml is not a valid configuration, so nothing was checked:\n${lines.map((l) => `  ${l}\n`).join("")}` });
  });

  it("refuses a ledger path outside the work tree, also through a symbolic link", async () => {
    const outside = tempDir("claims-elsewhere-");
    writeFiles(outside, LEDGER);
    const repo = gitRepo({ ".claims.yaml": "ledger: link\n" });
    symlinkSync(join(outside, "ledger"), join(repo, "link"));
    const result = await runInProcess(["check"], { cwd: repo });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`claims: .claims.yaml is not a valid configuration, so nothing was checked:\n  .claims.yaml:1:9  ledger path 'link' is outside the working tree (${repo}); a configuration names only paths inside it\n`);
  });

  it("gives the diagnostics as data to programs", () => {
    const repo = gitRepo({ ".claims.yaml": "severty: {}\n" });
    let caught: unknown;
    try {
      loadConfig(repo);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).diagnostics).toEqual([{ code: "schema", severity: "error", message: "unknown key 'severty' — did you mean 'severity'?", file: ".claims.yaml", line: 1, column: 1 }]);
  });

  it("a hostile configuration gets a diagnostic and nothing else", async () => {
    const cases: readonly [string, string | Buffer, RegExp][] = [
      ["an alias", "a: &x [1]\nledger: *x\n", /\.claims\.yaml:1:4  anchor &x is not allowed/],
      ["a NUL", Buffer.from("ledger: a\u0000b\n"), /\.claims\.yaml:1:10  file holds a NUL character/],
      ["not UTF-8", Buffer.from([0x6c, 0x3a, 0x20, 0xff, 0x0a]), /\.claims\.yaml:1:4  not valid UTF-8 at byte 3/],
      ["deep nesting", `ignore: ${"[".repeat(200)}${"]".repeat(200)}\n`, /nesting deeper than 100 levels/],
      ["an escape sequence in a key", "\"\\e]0;title\\a\": 1\n", /unknown key '\\u001b\]0;title\\u0007'/],
      ["a reserved key", "__proto__: {}\n", /key '__proto__' is reserved/],
    ];
    for (const [name, text, message] of cases) {
      const repo = gitRepo({ ...LEDGER });
      writeFileSync(join(repo, ".claims.yaml"), text);
      const result = await runInProcess(["lint"], { cwd: repo });
      expect(result.code, name).toBe(2);
      expect(result.stdout, name).toBe("");
      expect(result.stderr, name).toMatch(message);
      expect(result.stderr, name).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    }
  });

  it("accepts empty keys and an empty file", async () => {
    for (const text of ["", "# nothing yet\n", "ignore:\nseverity:\n", "ignore: []\nseverity: {}\n"]) {
      const repo = gitRepo({ ...LEDGER, ".claims.yaml": text });
      expect((await lint(repo, "ledger")).code, text).toBe(0);
    }
  });
});

describe("severity", () => {
  it("turns a code off, lowers one and raises one, in every output and the exit code", async () => {
    const repo = gitRepo(LEDGER);
    expect(await lint(repo, "ledger")).toEqual({ code: 0, found: ["warning unused-source ledger/sources.yaml:5:3", "info quote-unchecked ledger/toll.yaml:8:16"], stderr: "" });
    writeFileSync(join(repo, ".claims.yaml"), "severity:\n  unused-source: error\n  quote-unchecked: off\n");
    expect(await lint(repo, "ledger")).toEqual({ code: 1, found: ["error unused-source ledger/sources.yaml:5:3"], stderr: "" });
    const check = await runInProcess(["check", "--format", "json", "ledger"], { cwd: repo });
    expect(check.code).toBe(1);
    expect(JSON.parse(check.stdout).summary).toMatchObject({ errors: 1, warnings: 0 });
    writeFileSync(join(repo, ".claims.yaml"), "severity:\n  unused-source: info\n");
    expect(await lint(repo, "--max-warnings", "0", "ledger")).toEqual({ code: 0, found: ["info unused-source ledger/sources.yaml:5:3", "info quote-unchecked ledger/toll.yaml:8:16"], stderr: "" });
  });
});

describe("ignores", () => {
  const STRAY = {
    "docker-compose.yml": "services:\n  web:\n    image: nginx\n",
    "pnpm-lock.yaml": "lockfileVersion: '9.0'\nimporters: {}\n",
    "build/out.yaml": "generated: true\n",
    "notes/draft.yaml": "claims:\n  draft:\n    question: unfinished\n",
    ".gitignore": "build/\n",
  };
  const ROOT_LEDGER = { "sources.yaml": SOURCES.replace(/  unused:\n.*\n.*\n$/, ""), "toll.yaml": CLAIM };

  it("a repository with stray YAML, git-ignored files and a .claims.yaml lints clean", async () => {
    const repo = gitRepo({ ...ROOT_LEDGER, ...STRAY });
    const before = await lint(repo);
    expect(before.code).toBe(1);
    expect(before.found.filter((f) => f.startsWith("error"))).toEqual(["error schema docker-compose.yml:1:1", "error schema notes/draft.yaml:2:3", "error schema notes/draft.yaml:2:3", "error schema pnpm-lock.yaml:1:1", "error schema pnpm-lock.yaml:2:1"]);
    writeFiles(repo, { ".claims.yaml": "ignore:\n  - docker-compose.yml\n  - pnpm-lock.yaml\n  - notes/\n" });
    expect(await lint(repo)).toEqual({ code: 0, found: ["info quote-unchecked toll.yaml:8:16"], stderr: "" });
    // --no-ignore reads them all, build/out.yaml too.
    const all = await lint(repo, "--no-ignore");
    expect(all.found.filter((f) => f.startsWith("error"))).toEqual(["error schema build/out.yaml:1:1", ...before.found.filter((f) => f.startsWith("error"))]);
  });

  it("a named ignored file is said to be ignored, and is not read", async () => {
    const repo = gitRepo({ ...ROOT_LEDGER, ...STRAY, ".claims.yaml": "ignore:\n  - notes/\n" });
    expect(await runInProcess(["lint", "build/out.yaml", "notes/draft.yaml"], { cwd: repo })).toEqual({
      code: 0,
      stdout: "",
      stderr: "claims: build/out.yaml is ignored (git ignores it), so it was not read; --no-ignore reads it\nclaims: notes/draft.yaml is ignored ('notes/' in .claims.yaml ignores it), so it was not read; --no-ignore reads it\n",
    });
    expect((await lint(repo, "--no-ignore", "build/out.yaml")).found).toEqual(["error schema build/out.yaml:1:1"]);
  });

  it("follows git: nested .gitignore, info/exclude, negation, and a tracked file is never ignored", async () => {
    const repo = gitRepo({ ...ROOT_LEDGER, "a/.gitignore": "*.gen.yaml\n", "a/x.gen.yaml": "bad: 1\n", "b/y.yaml": "bad: 2\n", "c/kept.gen.yaml": "bad: 3\n" });
    writeFileSync(join(repo, ".git", "info", "exclude"), "b/\n");
    // Tracked before the rule that would ignore it: git reads it, so do we.
    git(repo, "add", "c/kept.gen.yaml");
    writeFiles(repo, { ".gitignore": "*.gen.yaml\n" });
    expect((await lint(repo)).found.filter((f) => f.startsWith("error"))).toEqual(["error schema c/kept.gen.yaml:1:1"]);
  });

  it("the configuration's patterns: folders, globs and a negation that re-includes a file", async () => {
    const repo = gitRepo({
      ...ROOT_LEDGER,
      "drafts/a.yaml": "bad: 1\n",
      "drafts/keep.yaml": "bad: 2\n",
      "x/y.lock.yaml": "bad: 3\n",
      "notes/n.yaml": "bad: 4\n",
      "sub/notes/n.yaml": "bad: 5\n",
      ".claims.yaml": "ignore:\n  - drafts/**\n  - '!drafts/keep.yaml'\n  - '*.lock.yaml'\n  - /notes/\n",
    });
    // `/notes/` is anchored to the configuration's folder, as in .gitignore: sub/notes/ is read.
    expect((await lint(repo)).found.filter((f) => f.startsWith("error"))).toEqual(["error schema drafts/keep.yaml:1:1", "error schema sub/notes/n.yaml:1:1"]);
  });

  it("without git, the run says it cannot ask git, and reads what git would ignore", () => {
    const repo = gitRepo({ ...ROOT_LEDGER, ".gitignore": "build/\n", "build/out.yaml": "bad: 1\n" });
    const result = runBin(["lint", "--format", "json"], { cwd: repo, env: { PATH: "/nonexistent" } });
    expect(result.stderr).toBe("claims: cannot ask git which files it ignores (git is not installed (or not on PATH)); they are read; use --no-ignore to say that is intended\n");
    expect(JSON.parse(result.stdout).map((d: { file: string }) => d.file)).toContain("build/out.yaml");
    expect(runBin(["lint", "--no-ignore", "--format", "json"], { cwd: repo, env: { PATH: "/nonexistent" } }).stderr).toBe("");
  });

  it("outside a git work tree, only the configuration's patterns apply", async () => {
    const dir = tempDir("claims-nogit-");
    writeFiles(dir, { ...ROOT_LEDGER, ".gitignore": "build/\n", "build/out.yaml": "bad: 1\n", "junk.yaml": "bad: 2\n", ".claims.yaml": "ignore: [junk.yaml]\n" });
    expect((await lint(dir)).found.filter((f) => f.startsWith("error"))).toEqual(["error schema build/out.yaml:1:1"]);
  });
});

describe("claims init", () => {
  it("writes a .claims.yaml naming the new ledger, and never overwrites one", async () => {
    const dir = tempDir("claims-init-");
    expect(await runInProcess(["init", "facts"], { cwd: dir })).toEqual({
      code: 0,
      stdout: "created facts/sources.yaml\ncreated facts/march-turnout.yaml\ncreated facts/archive/local-paper-2024-05-02.txt\ncreated .claims.yaml\n\nNext: claims check facts\n",
      stderr: "",
    });
    expect(readFileSync(join(dir, ".claims.yaml"), "utf8")).toContain("\nledger: facts\n");
    const config = loadConfig(dir);
    expect(config).toMatchObject({ ledger: [join(dir, "facts")], ignore: [] });
    // Not in toMatchObject: `severity: {}` there would match any severity table.
    expect(config.severity).toEqual({});
    // The configured ledger is what `claims check` reads with no path.
    expect((await runInProcess(["lint", "--max-warnings", "0"], { cwd: dir })).code).toBe(0);
    const second = await runInProcess(["init", "more"], { cwd: dir });
    expect(second.stdout).not.toContain(".claims.yaml");
    expect(readFileSync(join(dir, ".claims.yaml"), "utf8")).toContain("\nledger: facts\n");
  });
});
