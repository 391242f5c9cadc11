/**
 * The CLI's cases, defined once and run two ways (as markdownlint-cli2 does): in-process through
 * `main` with captured streams, and as the built bin in a subprocess. Both must give the same exit
 * code, stdout and stderr. Run `npm run build` first (`npm test` does).
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import pkg from "../package.json" with { type: "json" };
import { describeBuilt, FIXTURES, MUTATION_RUN, ROOT, runBin, runInProcess, type RunResult } from "./helpers/run.js";

const WARNINGS = "tests/fixtures/cli/warnings";
const ERRORS = "tests/fixtures/cli/errors";
const ERRORS_FILE = `${ERRORS}/ledger.yaml`;

const ESC = "\u001b";
const SGR = /\u001b\[[0-9;]*m/;
const STACK = /^\s+at .+:\d+:\d+\)?$/m;

/** An assertion on one stream's text. */
type Check = (text: string) => void;

const exact = (expected: string): Check => (t) => expect(t).toBe(expected);
const empty: Check = (t) => expect(t).toBe("");
const firstLine = (expected: string): Check => (t) => expect(t.split("\n")[0]).toBe(expected);
const has = (...patterns: (RegExp | string)[]): Check => (t) => {
  for (const p of patterns) typeof p === "string" ? expect(t).toContain(p) : expect(t).toMatch(p);
};
const lacks = (...patterns: (RegExp | string)[]): Check => (t) => {
  for (const p of patterns) typeof p === "string" ? expect(t).not.toContain(p) : expect(t).not.toMatch(p);
};
const json = (assert: (value: any) => void): Check => (t) => assert(JSON.parse(t));
const noColour: Check = (t) => expect(t).not.toContain(ESC);
const colour: Check = (t) => expect(t).toMatch(SGR);
/** Every line of a box-drawn table is at most `n` columns wide (colour sequences not counted). */
const tableFits = (n: number): Check => (t) => {
  const tableLines = t.replace(/\u001b\[[0-9;]*m/g, "").split("\n").filter((l) => /^[┌│├└]/.test(l));
  expect(tableLines.length).toBeGreaterThan(0);
  for (const l of tableLines) expect([...l].length, l).toBeLessThanOrEqual(n);
};
/** Borders and heads of every box-drawn table carry no colour, even when the cells do. */
const plainBorders: Check = (t) => {
  const borders = t.split("\n").filter((l) => /^[┌├└]/.test(l));
  expect(borders.length).toBeGreaterThan(0);
  for (const l of borders) expect(l).not.toContain(ESC);
};

/** A fresh empty folder per run, so that the two ways of running never see each other's files. */
const made: string[] = [];
function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "claims-cli-"));
  made.push(dir);
  return dir;
}
/** A folder in which `claims init ledger` already ran, with a marker in the file a second init must not touch. */
function initialisedDir(): string {
  const dir = freshDir();
  mkdirSync(join(dir, "ledger"));
  writeFileSync(join(dir, "ledger", "sources.yaml"), "# mine, not init's\n");
  return dir;
}

/** A folder holding a plain file, `notes.txt`, where init might be asked to write a ledger. */
function dirWithFile(): string {
  const dir = freshDir();
  writeFileSync(join(dir, "notes.txt"), "notes\n");
  return dir;
}

interface Case {
  readonly name: string;
  readonly args: readonly string[];
  /** Working directory: relative to the repository root, or made fresh for each run. */
  readonly cwd?: string | (() => string);
  readonly env?: Record<string, string>;
  /** Terminal settings, which only the in-process run can fake: such a case runs in-process only. */
  readonly tty?: boolean;
  readonly columns?: number;
  readonly code: 0 | 1 | 2;
  readonly stdout?: Check | readonly Check[];
  readonly stderr?: Check | readonly Check[];
  /** Checks on the run's working directory after it ended. */
  readonly after?: (cwd: string) => void | Promise<void>;
}

// The top-level help calls its examples "Start here".
const helpChecks = [has(/^Usage: claims /m, "Exit codes: 0", /(Examples?|Start here):\n  claims /)];

const cases: readonly Case[] = [
  // Version and help.
  { name: "--version prints the package version", args: ["--version"], code: 0, stdout: exact(`${pkg.version}\n`), stderr: empty },
  { name: "-V is --version", args: ["-V"], code: 0, stdout: exact(`${pkg.version}\n`), stderr: empty },
  { name: "--help", args: ["--help"], code: 0, stdout: [...helpChecks, has("check [options] [paths...]", "init [dir]")], stderr: empty },
  { name: "help (the command)", args: ["help"], code: 0, stdout: helpChecks, stderr: empty },
  ...["check", "lint", "export", "sources", "show", "diff", "schema", "init"].map(
    (command): Case => ({ name: `${command} --help`, args: [command, "--help"], code: 0, stdout: [...helpChecks, has(`Usage: claims ${command} `)], stderr: empty }),
  ),
  { name: "help check is check --help", args: ["help", "check"], code: 0, stdout: has("Usage: claims check ", "--fail-on <level>"), stderr: empty },
  // Every new option is in the help, with an example.
  { name: "check --help shows the CI formats and -o", args: ["check", "--help"], code: 0, stdout: has("the CI formats of lint (github, sarif, junit, gitlab)", "-o, --output-file <file>", "claims check --format github --fail-on conflict"), stderr: empty },
  {
    // SPEC §6 (v2): one position per origin; a relay is evidence of its origin's words, not a view.
    name: "check --help speaks of origins and relays as SPEC §6 v2 does",
    args: ["check", "--help"],
    code: 0,
    stdout: [
      has("Positions belong to origins: a statement's origin is its via, else its source. Each origin has\none position at most", "A relay is evidence of what its origin said,\nnot a position of the relaying outlet", "Statuses: conflict (two origins' positions cannot both be true)", "an origin's side, else the origin"),
      lacks("sources' positions"),
    ],
    stderr: empty,
  },
  { name: "lint --help: junit, gitlab and -o", args: ["lint", "--help"], code: 0, stdout: has("junit (JUnit XML", "gitlab (GitLab Code Quality JSON)", "-o, --output-file <file>", "claims lint --format junit -o claims-junit.xml"), stderr: empty },
  { name: "diff --help explains the revision and --fail-on", args: ["diff", "--help"], code: 0, stdout: has("Usage: claims diff [options] <git-rev> [paths...]", "--fail-on <what>", "claims diff main ", "$GITHUB_STEP_SUMMARY"), stderr: empty },
  { name: "--help shows --no-ignore and diff", args: ["--help"], code: 0, stdout: has("--no-ignore", "diff [options] <git-rev> [paths...]"), stderr: empty },
  { name: "--help shows --cache, --no-cache and --cache-location", args: ["--help"], code: 0, stdout: has("--cache ", "--no-cache", "--cache-location <path>", "node_modules/.cache/claims/"), stderr: empty },
  { name: "check --help has a --cache example", args: ["check", "--help"], code: 0, stdout: has("claims check --cache "), stderr: empty },

  // Bad usage: exit 2, one clear message on stderr, nothing on stdout.
  { name: "no arguments: the help on stderr", args: [], code: 2, stdout: empty, stderr: [firstLine("Usage: claims [options] [command]"), ...helpChecks] },
  { name: "unknown command", args: ["chek"], code: 2, stdout: empty, stderr: [firstLine("error: unknown command 'chek'"), has("claims --help")] },
  { name: "unknown option", args: ["check", "--bogus"], code: 2, stdout: empty, stderr: firstLine("error: unknown option '--bogus'") },
  { name: "unknown global option", args: ["--bogus"], code: 2, stdout: empty, stderr: firstLine("error: unknown option '--bogus'") },
  {
    name: "bad --format choice",
    args: ["check", "--format", "xml"],
    code: 2,
    stdout: empty,
    stderr: firstLine("error: option '-f, --format <format>' argument 'xml' is invalid. Allowed choices are text, json, markdown, github, sarif, junit, gitlab."),
  },
  { name: "bad lint --format choice", args: ["lint", "--format", "xml"], code: 2, stdout: empty, stderr: has("argument 'xml' is invalid. Allowed choices are stylish, json, github, sarif, junit, gitlab.") },
  { name: "bad --fail-on choice", args: ["check", "--fail-on", "warning"], code: 2, stdout: empty, stderr: has("argument 'warning' is invalid. Allowed choices are error, conflict, unresolved.") },
  { name: "--format without a value", args: ["lint", "--format"], code: 2, stdout: empty, stderr: firstLine("error: option '-f, --format <format>' argument missing") },
  ...["x", "-1", "1.5"].map(
    (n): Case => ({
      name: `bad --max-warnings value ${n}`,
      args: ["lint", "--max-warnings", n],
      code: 2,
      stdout: empty,
      stderr: firstLine(`error: option '--max-warnings <n>' argument '${n}' is invalid. It takes a whole number ≥ 0.`),
    }),
  ),
  { name: "show without an id", args: ["show"], code: 2, stdout: empty, stderr: firstLine("error: missing required argument 'claim-id'") },
  { name: "schema takes no arguments", args: ["schema", "extra"], code: 2, stdout: empty, stderr: firstLine("error: too many arguments for 'schema'. Expected 0 arguments but got 1.") },
  { name: "check: a path that does not exist", args: ["check", "no/such/ledger"], code: 2, stdout: empty, stderr: exact("claims: cannot read 'no/such/ledger': no such file\n") },
  { name: "lint: a path that does not exist", args: ["lint", "nope.yaml"], code: 2, stdout: empty, stderr: exact("claims: cannot read 'nope.yaml': no such file\n") },
  { name: "sources: a path that does not exist", args: ["sources", "nope"], code: 2, stdout: empty, stderr: has("cannot read 'nope'") },
  { name: "show: a path that does not exist", args: ["show", "death-toll", "nope"], code: 2, stdout: empty, stderr: has("cannot read 'nope'") },
  { name: "export: a path that does not exist", args: ["export", "nope"], code: 2, stdout: empty, stderr: has("cannot read 'nope'") },
  {
    name: "show: an unknown claim id, with did-you-mean",
    args: ["show", "death-tol"],
    code: 2,
    stdout: empty,
    stderr: exact("claims: no claim 'death-tol' in the ledger — did you mean 'death-toll'? (run 'claims check' to list the claims)\n"),
  },

  // The example ledger (./claims, the default path).
  {
    name: "check on the example ledger",
    args: ["check"],
    code: 0,
    stdout: [has(/^│ death-toll +│ quantity │ conflict /m, /^│ who-fired-first +│ choice +│ conflict \(unresolved\)/m, "no verdict yet: this conflict is unresolved"), has(/^8 claims from 9 sources in 9 files: 2 in conflict \(1 unresolved\).* · 0 errors, 0 warnings, 0 infos$/m), noColour],
    stderr: empty,
  },
  { name: "check claims/ (an explicit path) is the default", args: ["check", "claims/"], code: 0, stdout: has("8 claims from 9 sources in 9 files"), stderr: empty },
  { name: "check --fail-on error", args: ["check", "--fail-on", "error"], code: 0, stderr: empty },
  { name: "check --fail-on conflict: the example has conflicts", args: ["check", "--fail-on", "conflict"], code: 1, stdout: has("2 in conflict"), stderr: empty },
  { name: "check --fail-on unresolved: who-fired-first has no verdict", args: ["check", "--fail-on", "unresolved"], code: 1, stdout: has("(1 unresolved)"), stderr: empty },
  {
    name: "check --format json",
    args: ["check", "--format", "json"],
    code: 0,
    stdout: json((r) => {
      expect(r.version).toBe(1);
      expect(Object.keys(r)).toEqual(expect.arrayContaining(["version", "summary", "diagnostics", "claims"]));
      expect(r.summary).toMatchObject({ files: 9, sources: 9, claims: 8, errors: 0, warnings: 0, status: { conflict: 2, corroborated: 0, "single-source": 6, unsourced: 0 } });
      const toll = r.claims.find((c: any) => c.id === "death-toll");
      expect(toll).toMatchObject({ file: "claims/death-toll.yaml", type: "quantity", status: "conflict", unresolved: false, range: { min: 10, max: null, minOpen: false, maxOpen: true } });
      expect(toll.conflicts).toEqual([{ sources: ["morgue-witnesses", "prosecutor-general"], origins: ["morgue-witnesses", "prosecutor-general"] }]);
      expect(r.claims.find((c: any) => c.id === "who-fired-first")).toMatchObject({ status: "conflict", unresolved: true, verdict: null });
    }),
    stderr: empty,
  },
  { name: "check --format json is never coloured", args: ["check", "--format", "json"], env: { FORCE_COLOR: "1" }, code: 0, stdout: [noColour, json((r) => expect(r.version).toBe(1))] },
  {
    name: "check --format markdown has a table",
    args: ["check", "--format", "markdown"],
    code: 0,
    stdout: [has(/^\|.*claim.*\|.*status.*\|$/m, /^\| *:?-+:? *\|/m, "death-toll", "who-fired-first"), noColour],
    stderr: empty,
  },
  {
    name: "show death-toll",
    args: ["show", "death-toll"],
    code: 0,
    stdout: [
      firstLine("death-toll (quantity, cumulative, claims/death-toll.yaml) — conflict"),
      has("prosecutor-general: 10 people", "morgue-witnesses: 64 people", "aljazeera: at least 10", "range:  ≥ 10 people\n  window: none", "conflicts:\n    ✖ morgue-witnesses ↔ prosecutor-general", "verdict: unproven"),
    ],
    stderr: empty,
  },
  {
    name: "show who-fired-first is unresolved",
    args: ["show", "who-fired-first"],
    code: 0,
    stdout: [firstLine("who-fired-first (choice, claims/who-fired-first.yaml) — conflict (unresolved)"), has("no verdict yet")],
    stderr: empty,
  },
  {
    name: "sources: one row per source",
    args: ["sources"],
    code: 0,
    stdout: (t) => {
      const rows = t.split("\n").filter((l) => /^│ [a-z0-9]/.test(l)).map((l) => l.split("│")[1].trim()).slice(1);
      expect(rows).toEqual(["prosecutor-general", "foreign-ministry", "authorities", "uzenmunaigas", "odak-union", "striking-workers", "morgue-witnesses", "aljazeera", "forestier-walker"]);
      expect(t.split("\n")[1]).toMatch(/^│ source +│ type +│ side +│/);
    },
    stderr: empty,
  },
  { name: "lint on the example ledger is clean", args: ["lint", "claims/"], code: 0, stdout: empty, stderr: empty },
  { name: "lint --max-warnings 0 on the example ledger", args: ["lint", "--max-warnings", "0"], code: 0, stdout: empty, stderr: empty },
  { name: "lint --format json on a clean ledger: []", args: ["lint", "--format", "json"], code: 0, stdout: json((d) => expect(d).toEqual([])), stderr: empty },
  { name: "lint --format github on a clean ledger says nothing", args: ["lint", "--format", "github"], code: 0, stdout: empty, stderr: empty },
  { name: "export on the example ledger", args: ["export"], code: 0, stdout: has("death-toll", "who-fired-first"), stderr: empty },
  { name: "export --format json is the check report", args: ["export", "--format", "json"], code: 0, stdout: json((r) => expect(r).toMatchObject({ version: 1, summary: { claims: 8 } })), stderr: empty },
  {
    name: "schema: draft-07 JSON Schema",
    args: ["schema"],
    code: 0,
    stdout: json((s) => {
      expect(s.$schema).toBe("http://json-schema.org/draft-07/schema#");
      expect(Object.keys(s.properties)).toEqual(expect.arrayContaining(["sources", "documents", "claims"]));
      expect(s.additionalProperties).toBe(false);
    }),
    stderr: empty,
  },

  // A clean ledger with one warning.
  { name: "check: warnings alone do not fail", args: ["check", WARNINGS], code: 0, stdout: has("0 errors, 1 warning"), stderr: empty },
  {
    name: "lint: warnings alone do not fail",
    args: ["lint", WARNINGS],
    code: 0,
    stdout: exact(
      [
        `${WARNINGS}/ledger.yaml`,
        "  10:3  warning  source 'unused' is not cited by any statement; cite it or remove it  unused-source",
        "",
        "✖ 1 problem (0 errors, 1 warning, 0 infos)",
        "",
      ].join("\n"),
    ),
    stderr: empty,
  },
  { name: "lint --max-warnings 1 allows one warning", args: ["lint", "--max-warnings", "1", WARNINGS], code: 0, stderr: empty },
  { name: "lint --max-warnings 0 fails on one warning", args: ["lint", "--max-warnings", "0", WARNINGS], code: 1, stdout: has("unused-source"), stderr: exact("claims: 1 warning, more than --max-warnings 0\n") },
  {
    name: "lint --max-warnings 0 --format json: stdout stays JSON, the reason goes to stderr",
    args: ["lint", "--max-warnings", "0", "--format", "json", WARNINGS],
    code: 1,
    stdout: json((d) => expect(d.map((x: any) => x.code)).toEqual(["unused-source"])),
    stderr: exact("claims: 1 warning, more than --max-warnings 0\n"),
  },

  // A ledger with an error (and a warning): every ledger command exits 1.
  {
    name: "check: a ledger with an error",
    args: ["check", ERRORS],
    code: 1,
    stdout: [firstLine(ERRORS_FILE), has("unknown-source", "1 error, 1 warning")],
    stderr: empty,
  },
  { name: "check --format json: a ledger with an error", args: ["check", "--format", "json", ERRORS], code: 1, stdout: json((r) => expect(r.summary).toMatchObject({ errors: 1, warnings: 1 })), stderr: empty },
  {
    name: "lint --format stylish: a ledger with an error",
    args: ["lint", ERRORS],
    code: 1,
    stdout: exact(
      [
        ERRORS_FILE,
        "  6:3    warning  source 'bystander' is not cited by any statement; cite it or remove it    unused-source",
        "  16:17  error    unknown source 'prosecuter-general' — did you mean 'prosecutor-general'?  unknown-source",
        "",
        "✖ 2 problems (1 error, 1 warning, 0 infos)",
        "",
      ].join("\n"),
    ),
    stderr: empty,
  },
  {
    name: "lint --format json: a ledger with an error",
    args: ["lint", "--format", "json", ERRORS],
    code: 1,
    stdout: json((d) =>
      expect(d.map((x: any) => [x.code, x.severity, x.file, x.line, x.column])).toEqual([
        ["unused-source", "warning", ERRORS_FILE, 6, 3],
        ["unknown-source", "error", ERRORS_FILE, 16, 17],
      ]),
    ),
    stderr: empty,
  },
  {
    name: "lint --format github: a ledger with an error",
    args: ["lint", "--format", "github", ERRORS],
    code: 1,
    stdout: exact(
      [
        `::warning file=${ERRORS_FILE},line=6,col=3,title=claims unused-source::source 'bystander' is not cited by any statement; cite it or remove it`,
        `::error file=${ERRORS_FILE},line=16,col=17,title=claims unknown-source::unknown source 'prosecuter-general' — did you mean 'prosecutor-general'?`,
        "",
      ].join("\n"),
    ),
    stderr: empty,
  },
  {
    name: "lint --format sarif: a ledger with an error",
    args: ["lint", "--format", "sarif", ERRORS],
    code: 1,
    stdout: json((log) => {
      expect(log.version).toBe("2.1.0");
      expect(log.runs).toHaveLength(1);
      expect(log.runs[0].tool.driver).toMatchObject({ name: "claims", version: pkg.version });
      const results = log.runs[0].results;
      expect(results).toHaveLength(2);
      expect(results.map((r: any) => [r.ruleId, r.level, r.locations[0].physicalLocation.artifactLocation.uri, r.locations[0].physicalLocation.region])).toEqual([
        ["unused-source", "warning", ERRORS_FILE, { startLine: 6, startColumn: 3 }],
        ["unknown-source", "error", ERRORS_FILE, { startLine: 16, startColumn: 17 }],
      ]);
    }),
    stderr: empty,
  },
  { name: "sources: a ledger with an error", args: ["sources", ERRORS], code: 1, stdout: has(/^│ prosecutor-general /m), stderr: exact("claims: the ledger has 1 error; run 'claims lint' to see them\n") },
  { name: "show: a ledger with an error", args: ["show", "toll", ERRORS], code: 1, stdout: firstLine(`toll (quantity, ${ERRORS_FILE}) — single-source`), stderr: exact("claims: the ledger has 1 error; run 'claims lint' to see them\n") },
  { name: "export: a ledger with an error", args: ["export", ERRORS], code: 1, stderr: exact("claims: the ledger has 1 error; run 'claims lint' to see them\n") },
  { name: "the every-fault ledger fails lint", args: ["lint", "--format", "json", join(FIXTURES, "every-fault")], code: 1, stdout: json((d) => expect(d.length).toBeGreaterThan(3)), stderr: empty },

  // init.
  {
    name: "init <dir> writes a starter ledger that lints clean",
    args: ["init", "ledger"],
    cwd: freshDir,
    code: 0,
    stdout: exact("created ledger/sources.yaml\ncreated ledger/march-turnout.yaml\ncreated ledger/archive/local-paper-2024-05-02.txt\ncreated .claims.yaml\n\nNext: claims check ledger\n"),
    stderr: empty,
    after: async (cwd) => {
      const lint = await runInProcess(["lint", "--max-warnings", "0", "--format", "json", "ledger"], { cwd });
      expect(lint).toEqual({ code: 0, stdout: "[]\n", stderr: "" });
      const check = await runInProcess(["check", "--format", "json", "ledger"], { cwd });
      expect(JSON.parse(check.stdout).diagnostics).toEqual([]);
    },
  },
  {
    name: "init refuses a folder that already has its files, and overwrites nothing",
    args: ["init", "ledger"],
    cwd: initialisedDir,
    code: 2,
    stdout: empty,
    stderr: exact("claims: 'ledger/sources.yaml' already exists; init never overwrites files, so choose an empty folder\n"),
    after: (cwd) => expect(readFileSync(join(cwd, "ledger", "sources.yaml"), "utf8")).toBe("# mine, not init's\n"),
  },

  {
    name: "init into a file is bad usage, not an internal error",
    args: ["init", "notes.txt"],
    cwd: dirWithFile,
    code: 2,
    stdout: empty,
    stderr: exact("claims: 'notes.txt' is not a folder; init writes a ledger into a new or empty folder\n"),
    after: (cwd) => expect(readFileSync(join(cwd, "notes.txt"), "utf8")).toBe("notes\n"),
  },
  {
    name: "init under a file is bad usage, not an internal error",
    args: ["init", "notes.txt/ledger"],
    cwd: dirWithFile,
    code: 2,
    stdout: empty,
    stderr: exact("claims: cannot write 'notes.txt/ledger/sources.yaml': ENOTDIR: not a directory\n"),
  },

  // Colour: --no-color > FORCE_COLOR > NO_COLOR > TTY.
  { name: "FORCE_COLOR=1 colours check", args: ["check"], env: { FORCE_COLOR: "1" }, code: 0, stdout: [colour, plainBorders] },
  { name: "FORCE_COLOR=1 colours sources, not its borders", args: ["sources"], env: { FORCE_COLOR: "1" }, code: 0, stdout: [colour, plainBorders] },
  { name: "FORCE_COLOR=1 colours show", args: ["show", "death-toll"], env: { FORCE_COLOR: "1" }, code: 0, stdout: colour },
  { name: "FORCE_COLOR=1 colours lint stylish", args: ["lint", ERRORS], env: { FORCE_COLOR: "1" }, code: 1, stdout: colour },
  { name: "FORCE_COLOR=1 does not colour lint github", args: ["lint", "--format", "github", ERRORS], env: { FORCE_COLOR: "1" }, code: 1, stdout: [noColour, has("::error ")] },
  { name: "FORCE_COLOR=0 means no colour", args: ["check"], env: { FORCE_COLOR: "0" }, code: 0, stdout: noColour },
  { name: "NO_COLOR=1: no colour", args: ["check"], env: { NO_COLOR: "1" }, code: 0, stdout: noColour },
  { name: "FORCE_COLOR beats NO_COLOR", args: ["check"], env: { NO_COLOR: "1", FORCE_COLOR: "1" }, code: 0, stdout: colour },
  { name: "--no-color beats FORCE_COLOR=1", args: ["--no-color", "check"], env: { FORCE_COLOR: "1" }, code: 0, stdout: noColour },
  { name: "--no-color after the command", args: ["check", "--no-color"], env: { FORCE_COLOR: "1" }, code: 0, stdout: noColour },
  { name: "--no-color on sources", args: ["sources", "--no-color"], env: { FORCE_COLOR: "1" }, code: 0, stdout: noColour },
  { name: "--no-color on show", args: ["show", "death-toll", "--no-color"], env: { FORCE_COLOR: "1" }, code: 0, stdout: noColour },
  { name: "--no-color on lint", args: ["lint", "--no-color", ERRORS], env: { FORCE_COLOR: "1" }, code: 1, stdout: noColour },
  { name: "piped, no env: no colour", args: ["check"], code: 0, stdout: noColour },
  { name: "piped sources: no colour in borders or heads", args: ["sources"], code: 0, stdout: noColour },
  { name: "in-process terminal: colour", args: ["check"], tty: true, columns: 120, code: 0, stdout: [colour, plainBorders] },
  { name: "in-process terminal with NO_COLOR: none", args: ["check"], tty: true, columns: 120, env: { NO_COLOR: "1" }, code: 0, stdout: noColour },
  { name: "in-process terminal with TERM=dumb: none", args: ["sources"], tty: true, columns: 120, env: { TERM: "dumb" }, code: 0, stdout: noColour },

  // Table width follows the terminal.
  { name: "check table fits 60 columns", args: ["check"], tty: true, columns: 60, code: 0, stdout: tableFits(60) },
  { name: "check table fits 80 columns", args: ["check"], tty: true, columns: 80, code: 0, stdout: tableFits(80) },
  { name: "sources table fits 60 columns", args: ["sources"], tty: true, columns: 60, code: 0, stdout: tableFits(60) },
  { name: "sources table fits 80 columns", args: ["sources"], tty: true, columns: 80, code: 0, stdout: tableFits(80) },
  { name: "piped tables stay within 120 columns", args: ["sources"], code: 0, stdout: tableFits(120) },
];

interface Prepared {
  readonly cwd: string;
  readonly result: RunResult;
}

type Mode = "in-process" | "subprocess";

const inProcessOnly = (c: Case): boolean => c.tty !== undefined || c.columns !== undefined;

function cwdOf(c: Case): string {
  if (typeof c.cwd === "function") return c.cwd();
  return c.cwd === undefined ? ROOT : join(ROOT, c.cwd);
}

// Each case runs at most once per mode; the agreement test reuses those runs.
const runs = new Map<string, Promise<Prepared>>();
function run(c: Case, mode: Mode): Promise<Prepared> {
  const key = `${mode}\u0000${c.name}`;
  let p = runs.get(key);
  if (!p) {
    const cwd = cwdOf(c);
    p =
      mode === "in-process"
        ? runInProcess(c.args, { cwd, env: c.env, tty: c.tty, columns: c.columns }).then((result) => ({ cwd, result }))
        : Promise.resolve({ cwd, result: runBin(c.args, { cwd, env: c.env }) });
    runs.set(key, p);
  }
  return p;
}

const list = (x: Check | readonly Check[] | undefined): readonly Check[] => (x === undefined ? [] : typeof x === "function" ? [x] : x);

afterAll(async () => {
  const { rmSync } = await import("node:fs");
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

it("case names are unique", () => {
  expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
});

// The mutation run has no built bin that could see its mutants (tests/helpers/run.ts).
describe.each(MUTATION_RUN ? (["in-process"] as const) : (["in-process", "subprocess"] as const))("%s", (mode) => {
  it.each(cases.filter((c) => mode === "in-process" || !inProcessOnly(c)).map((c) => [c.name, c] as const))("%s", async (_, c) => {
    const { cwd, result } = await run(c, mode);
    const context = `claims ${c.args.join(" ")}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`;
    expect(result.code, context).toBe(c.code);
    for (const check of list(c.stdout)) check(result.stdout);
    for (const check of list(c.stderr)) check(result.stderr);
    // Never a stack trace, never an internal error, whatever went wrong.
    lacks(STACK, "claims: internal error")(result.stderr);
    if (c.code === 2) expect(result.stderr).not.toBe("");
    await c.after?.(cwd);
  });
});

describeBuilt("in-process and subprocess agree", () => {
  it.each(cases.filter((c) => !inProcessOnly(c)).map((c) => [c.name, c] as const))("%s", async (_, c) => {
    const [a, b] = await Promise.all([run(c, "in-process"), run(c, "subprocess")]);
    expect(b.result).toEqual(a.result);
  });
});
