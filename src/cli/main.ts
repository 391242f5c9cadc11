/** The command line: options in, exit code out. Commands load their modules only when run. */
import { Command, CommanderError, InvalidArgumentError, Option } from "@commander-js/extra-typings";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import pkg from "../../package.json" with { type: "json" };
import type { ExportFormat } from "../formats/exports/index.js";
import { describeWriteError, type Io } from "./io.js";
import type { LintFormat } from "../formats/lint/index.js";
import { neutraliseCommands, sanitize, sanitizeLine } from "../formats/sanitize.js";
import { UsageError } from "../core/load/workspace.js";
import type { All } from "./choices.js";
import type { CheckFormat } from "./commands/check.js";
import { defineDiff } from "./define-diff.js";
import { defineLsp } from "./define-lsp.js";
import { addEditCommands } from "./edit-commands.js";

export { nodeIo } from "./io.js";
export { sanitize } from "../formats/sanitize.js";
export type { Io } from "./io.js";

// The formatter registries are loaded only by the commands that use them, so their names are
// listed here; `All` makes the compiler reject a list that misses or invents a registry key.
const CHECK_FORMATS: All<CheckFormat, readonly ["text", "json", "markdown", "github", "sarif", "junit", "gitlab"]> = ["text", "json", "markdown", "github", "sarif", "junit", "gitlab"];
const LINT_FORMATS: All<LintFormat, readonly ["stylish", "json", "github", "sarif", "junit", "gitlab"]> = ["stylish", "json", "github", "sarif", "junit", "gitlab"];
const EXPORT_FORMATS: All<ExportFormat, readonly ["markdown", "csv", "json", "claimreview", "html"]> = ["markdown", "csv", "json", "claimreview", "html"];
const FAIL_ON = ["error", "conflict", "unresolved"] as const;

const PATHS_HELP = `
Paths are files or folders of YAML files (*.yaml, *.yml). With none, the ledger of .claims.yaml
is used, else ./claims if it exists, else the current folder. Folders are walked recursively,
skipping hidden entries, node_modules, files git ignores and those .claims.yaml ignores
(--no-ignore reads them). A file named inside the ledger folder is checked against the whole
ledger, and only its own diagnostics are reported (as pre-commit and lint-staged need); one
there that is not *.yaml or *.yml (notes, an archive) is not read, and stderr says so.`;

const EXIT_HELP = `
Exit codes: 0 nothing at or above the failure threshold, 1 findings at or above it,
2 the tool could not do its job (bad usage, unreadable path). Set CLAIMS_DEBUG=1 to see
stack traces of internal errors; CLAIMS_THREADS=N sets the parse threads (0: none).`;

// Commander prints (and exits through exitOverride) only for its own InvalidArgumentError; any
// other error thrown here escapes parsing and would end the run with exit 2 and no message.
function nonNegativeInteger(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError("It takes a whole number ≥ 0.");
  return Number(value);
}

/** The parse worker beside the built CLI (dist/parse-worker.cjs); running from source, there is none. */
function builtParseWorker(): URL | undefined {
  const url = new URL("./parse-worker.cjs", import.meta.url);
  return url.protocol === "file:" && existsSync(fileURLToPath(url)) ? url : undefined;
}

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function main(argv: readonly string[], given: Io): Promise<number> {
  // Nothing on stderr is a CI workflow command: commander echoes arguments (a file name from a
  // glob can hold a line break) into its messages. A write to stdout that throws (an Io of the
  // caller's, a full disk) ends the output, and the run with one line and exit 2.
  let writeFailure: { error: unknown } | undefined;
  const io: Io = {
    parseWorker: builtParseWorker(),
    ...given,
    stdout: (text) => {
      if (writeFailure !== undefined) return;
      try {
        given.stdout(text);
      } catch (error) {
        writeFailure = { error };
      }
    },
    stderr: (text) => given.stderr(neutraliseCommands(sanitize(text))),
  };
  let exitCode = 0;
  const program = new Command()
    .name("claims")
    .description("Keep attributed statements as YAML under git, and see where sources disagree.")
    .version(pkg.version, "-V, --version", "print the version")
    .helpOption("-h, --help", "show help for a command")
    .option("--no-color", "never colour the output (also NO_COLOR=1; FORCE_COLOR=1 forces colour)")
    .option("--no-ignore", "read the files git ignores and those .claims.yaml's `ignore` lists")
    .option("--cache", "keep each file as loaded and parse only changed files next time (also cache: true in .claims.yaml)")
    .option("--no-cache", "neither read nor write the cache, whatever .claims.yaml says")
    .option("--cache-location <path>", "the cache file, or a folder for it (default: node_modules/.cache/claims/ of the project, else the OS cache folder)")
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout(sanitize(text)),
      writeErr: (text) => io.stderr(sanitize(text)),
    })
    .showHelpAfterError("(run 'claims --help' or 'claims <command> --help' for usage)")
    .addHelpText(
      "after",
      `
Start here:
  claims init my-ledger      write a small starter ledger
  claims check               lint and cross-reference ./claims
  claims show death-toll     one claim's statements, revisions and conflicts
  claims diff main           what this branch changes in the ledger
  claims add statement       record a statement; at a terminal it asks for what is left out
${EXIT_HELP}`,
    );
  const colour = () => program.opts().color;
  const ignore = () => program.opts().ignore;
  const ledger = () => ({ ignore: ignore(), cache: program.opts().cache, cacheLocation: program.opts().cacheLocation });

  program
    .command("check")
    .description("lint and cross-reference: diagnostics, a table of claims with their status, then each conflict")
    .argument("[paths...]", "ledger files or folders")
    .addOption(new Option("-f, --format <format>", "output format").choices(CHECK_FORMATS).default("text" as const))
    .addOption(
      new Option("--fail-on <level>", "exit 1 on errors (default), also on any conflict, or also on any unresolved conflict")
        .choices(FAIL_ON)
        .default("error" as const),
    )
    .option("-o, --output-file <file>", "write the result to this file (atomically) instead of stdout; never a ledger file")
    .addHelpText(
      "after",
      `${PATHS_HELP}

Positions belong to origins: a statement's origin is its via, else its source. Each origin has
one position at most: the latest of its own remaining statements, else of those relaying it
(retracted ones and ones with errors take no part). A relay is evidence of what its origin said,
not a position of the relaying outlet, so a disagreement is one conflict however many outlets
relay it; a relay at odds with its origin's own words is a relay-mismatch or stale-relay warning.

Statuses: conflict (two origins' positions cannot both be true), corroborated (no conflict,
two or more independent groups: an origin's side, else the origin), single-source (one group),
unsourced (no committed position). A conflict with no verdict is unresolved.

Formats: text (for people), json (the versioned report), markdown (the conflict tables and the
diagnostics), and the CI formats of lint (github, sarif, junit, gitlab), where each conflicting
position and each unresolved claim is a result at its line: an error when --fail-on makes it
fail the run, a notice otherwise.

Examples:
  claims check                          the ledger in ./claims
  claims check --format json > r.json   the JSON report (versioned, stable fields)
  claims check --fail-on unresolved     fail CI while a conflict has no verdict
  claims check --format github --fail-on conflict   annotate each conflict on a pull request
  claims check --cache                  parse only the files changed since the last cached run
${EXIT_HELP}`,
    )
    .action(async (paths, options) => {
      const { runCheck } = await import("./commands/check.js");
      exitCode = await runCheck(io, paths, { ...options, color: colour(), ...ledger() });
    });

  program
    .command("lint")
    .description("diagnostics only, for editors and CI")
    .argument("[paths...]", "ledger files or folders")
    .addOption(new Option("-f, --format <format>", "output format").choices(LINT_FORMATS).default("stylish" as const))
    .option("--max-warnings <n>", "exit 1 when there are more warnings than this", nonNegativeInteger)
    .option("-o, --output-file <file>", "write the report to this file (atomically) instead of stdout; never a ledger file")
    .addHelpText(
      "after",
      `${PATHS_HELP}

Formats: stylish (for people), json (an array of diagnostics), github (workflow commands that
annotate pull requests), sarif (SARIF 2.1.0, for code-scanning dashboards), junit (JUnit XML,
for Jenkins and GitLab test reports), gitlab (GitLab Code Quality JSON).

Examples:
  claims lint claims/
  claims lint --format github --max-warnings 0
  claims lint --format junit -o claims-junit.xml
  claims lint --format gitlab -o gl-code-quality-report.json
  claims lint claims/death-toll.yaml    one file, checked against the whole ledger
${EXIT_HELP}`,
    )
    .action(async (paths, options) => {
      const { runLint } = await import("./commands/lint.js");
      exitCode = await runLint(io, paths, { ...options, color: colour(), ...ledger() });
    });

  program
    .command("export")
    .description("conflict tables and more, to stdout or a file")
    .argument("[paths...]", "ledger files or folders")
    .addOption(new Option("-f, --format <format>", "output format").choices(EXPORT_FORMATS).default("markdown" as const))
    .option("--all", "export every claim, not only those in conflict")
    .option("-o, --output-file <file>", "write to this file (atomically) instead of stdout; never a ledger file")
    // `--output` was export's name for -o before every command said --output-file; kept for scripts.
    .addOption(new Option("--output <file>").hideHelp())
    .option("--publisher <name>", "the fact-checking organisation, for claimreview's author (default: the ledger's settings.publisher)")
    .option("--html", "claimreview only: write <script type=\"application/ld+json\"> blocks a web page embeds, instead of a JSON array")
    .addHelpText(
      "after",
      `${PATHS_HELP}

Formats: markdown (GitHub-Flavored: per claim a brief to paste, and its statements, each linked
to where it was said), csv (one row per statement with its link, spreadsheet-safe), json (the
check report), claimreview (schema.org ClaimReview JSON-LD for claims whose verdict names the
claim it rates; needs settings.url and a publisher), html (one self-contained page: briefs, a
range chart per quantity claim, a timeline of dated statements, linked statements).

Every statement links to its url, else its document's; only http(s) addresses become links.
The html page is stamped with the time it was made and the version of claims; set
SOURCE_DATE_EPOCH (seconds since 1970-01-01 UTC) to stamp a fixed time, as reproducible builds do.

Examples:
  claims export > conflicts.md
  claims export --all --format html -o report.html
  claims export --format claimreview --publisher "Example Fact Check"
  claims export --format claimreview --html > claimreview-scripts.html
${EXIT_HELP}`,
    )
    .action(async (paths, options) => {
      const { runExport } = await import("./commands/export.js");
      const { output, ...rest } = options;
      if (output !== undefined && rest.outputFile !== undefined && output !== rest.outputFile) throw new UsageError("-o/--output-file and --output name two files; give one");
      exitCode = await runExport(io, paths, { ...rest, outputFile: rest.outputFile ?? output, ...ledger() });
    });

  program
    .command("sources")
    .description("one row per source: type, side, statements, claims, conflicts, quotes verified")
    .argument("[paths...]", "ledger files or folders")
    .addHelpText("after", `${PATHS_HELP}\n\nExamples:\n  claims sources\n  claims sources claims/ other-ledger/\n${EXIT_HELP}`)
    .action(async (paths) => {
      const { runSources } = await import("./commands/sources.js");
      exitCode = await runSources(io, paths, { color: colour(), ...ledger() });
    });

  program
    .command("show")
    .description("one claim: its statements in time order, revisions, conflicts and verdict")
    .argument("<claim-id>", "the id of the claim")
    .argument("[paths...]", "ledger files or folders; a file named inside the ledger folder must be the one declaring the claim")
    .addHelpText("after", `${PATHS_HELP}\n\nExample:\n  claims show death-toll\n${EXIT_HELP}`)
    .action(async (id, paths) => {
      const { runShow } = await import("./commands/show.js");
      exitCode = await runShow(io, id, paths, { color: colour(), ...ledger() });
    });

  defineDiff(program, io, () => ({ color: colour(), ...ledger() }), { paths: PATHS_HELP, exit: EXIT_HELP }, (code) => (exitCode = code));

  program
    .command("schema")
    .description("print the JSON Schema (draft-07) of a ledger file, for editors")
    .addHelpText(
      "after",
      `
Save it beside your ledger and point yaml-language-server at it from each file.

Example:
  claims schema > claims/claims.schema.json
  # yaml-language-server: $schema=./claims.schema.json   (first line of each ledger file in claims/)

Exit codes: 0 printed, 2 bad usage.`,
    )
    .action(async () => {
      const { runSchema } = await import("./commands/schema.js");
      exitCode = await runSchema(io);
    });

  defineLsp(program, io, ignore, (code) => (exitCode = code));

  program
    .command("init")
    .description("write a small starter ledger that lints clean")
    .argument("[dir]", "folder to create it in", "claims")
    .addHelpText(
      "after",
      "\nIt refuses to overwrite existing files.\n\nExample:\n  claims init && claims check\n\nExit codes: 0 written, 2 a file already exists or cannot be written (nothing is overwritten).",
    )
    .action(async (dir) => {
      const { runInit } = await import("./commands/init.js");
      exitCode = await runInit(io, dir);
    });

  addEditCommands(program, { io, colour, ignore, exit: (code) => (exitCode = code) });

  try {
    await program.parseAsync([...argv], { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof UsageError) {
      // A configuration's faults come one per line; a line break inside one (a path or id that
      // holds one) shows as `\n`, so no input can print a line that looks like the tool's own.
      io.stderr(error.lines.map((line, i) => `${i === 0 ? "claims: " : ""}${sanitizeLine(line)}\n`).join(""));
      return 2;
    }
    throw error;
  }
  if (writeFailure !== undefined) {
    io.stderr(`claims: cannot write the output: ${sanitizeLine(describeWriteError(writeFailure.error))}\n`);
    return 2;
  }
  return exitCode;
}
