/**
 * `.claims.yaml` (SPEC §13): found in the working directory or its nearest ancestor up to the top
 * of the git work tree, parsed like a ledger file (positions kept, hazards refused) and validated
 * by a Zod schema, so a fault stops the run with its file, line, column and the fix.
 */
import { lstatSync, realpathSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import * as z from "zod/mini";
import { compareDiagnostics, DIAGNOSTIC_CODES, diagnostic, type Diagnostic, type DiagnosticCode } from "../shared/diagnostics.js";
import { gitTopLevel } from "../shared/git.js";
import { LOCKED_CODES, SEVERITY_LEVELS, type SeverityOverrides } from "../shared/severity.js";
import { didYouMean } from "../shared/suggest.js";
import { nodeAt, parseYaml } from "./parse.js";
import { readTextFile } from "./read.js";
import { displayPath, isInside, UsageError } from "./workspace.js";

export const CONFIG_FILE = ".claims.yaml";

/** A run's configuration: the file's settings made absolute, and whether ignores apply. */
export interface ClaimsConfig {
  /** The configuration file (absolute), or null when there is none. */
  readonly file: string | null;
  /** The folder its paths and patterns are relative to: the file's own, else the working directory. */
  readonly dir: string;
  /** The top of the git work tree, or null outside one. */
  readonly gitTop: string | null;
  /** `ledger` as absolute paths, or null for the default (`./claims` if it exists, else `.`). */
  readonly ledger: readonly string[] | null;
  /** `ignore`: gitignore-style patterns relative to `dir`. */
  readonly ignore: readonly string[];
  /** `severity`: the level per code. */
  readonly severity: SeverityOverrides;
  /** `cache: true`: keep each file as loaded for the next run, as `--cache` does. */
  readonly cache: boolean;
  /** False with `--no-ignore`: files git ignores and `ignore` patterns are read like any other. */
  readonly useIgnores: boolean;
}

/** The configuration file is not valid; nothing was checked. `diagnostics` say where and why. */
export class ConfigError extends UsageError {
  override readonly name = "ConfigError";
  constructor(
    readonly diagnostics: readonly Diagnostic[],
    file: string,
  ) {
    const lines = [`${file} is not a valid configuration, so nothing was checked:`, ...diagnostics.map((d) => `  ${d.file}:${d.line}:${d.column}  ${d.message}`)];
    super(lines.join("\n"), lines);
  }
}

const CODES = Object.keys(DIAGNOSTIC_CODES) as DiagnosticCode[];
const KEYS = ["ledger", "ignore", "severity", "cache"] as const;

// A bare path is a list of one, so a fault inside the list points at its item. An empty list or
// an empty path would make every run read nothing (or the configuration's folder) and pass.
const paths = z.pipe(
  z.transform((value: unknown) => (typeof value === "string" ? [value] : value)),
  z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
);
const severity = z.strictObject(Object.fromEntries(CODES.map((code) => [code, z.optional(LOCKED_CODES.has(code) ? z.literal("error") : z.enum(SEVERITY_LEVELS))])));
const configSchema = z.strictObject({
  ledger: z.optional(paths),
  ignore: z.optional(z.nullable(z.array(z.string()))),
  severity: z.optional(z.nullable(severity)),
  cache: z.optional(z.boolean()),
});

/** Where `.claims.yaml` is for a run in `cwd`: there or in the nearest ancestor up to the top of the git work tree. */
export function findConfig(cwd: string, gitTop = gitTopLevel(cwd)): string | undefined {
  // Outside a work tree nothing bounds the project, so only the working directory is looked in:
  // a file in /tmp or a home folder must not silently change every run below it.
  for (let dir = cwd; ; dir = dirname(dir)) {
    const file = join(dir, CONFIG_FILE);
    if (exists(file)) return file;
    if (gitTop === undefined || dir === gitTop || dirname(dir) === dir || !isInside(gitTop, dir)) return undefined;
  }
}

function exists(path: string): boolean {
  try {
    lstatSync(path); // a broken link is found too, and then reported as unreadable
    return true;
  } catch {
    return false;
  }
}

/** The configuration for a run in `cwd`: the file found, validated, or the defaults. Throws ConfigError. */
export function loadConfig(cwd: string, options: { readonly useIgnores?: boolean } = {}): ClaimsConfig {
  const gitTop = gitTopLevel(cwd) ?? null;
  const file = findConfig(cwd, gitTop ?? undefined);
  const useIgnores = options.useIgnores ?? true;
  if (file === undefined) return { file: null, dir: cwd, gitTop, ledger: null, ignore: [], severity: {}, cache: false, useIgnores };
  return { ...readConfig(file, cwd, gitTop), useIgnores };
}

/** Reads and validates one configuration file. */
export function readConfig(file: string, cwd: string, gitTop: string | null): Omit<ClaimsConfig, "useIgnores"> {
  const display = displayPath(cwd, file);
  const dir = dirname(file);
  const fail = (diagnostics: Diagnostic[]): never => {
    throw new ConfigError(diagnostics.sort(compareDiagnostics), display);
  };
  const escape = linkOut(file, gitTop);
  if (escape !== undefined) fail([diagnostic("unreadable-file", escape, { file: display, line: 1, column: 1 })]);
  const read = readTextFile(file);
  if (!read.ok) fail([diagnostic("unreadable-file", read.message, { file: display, line: read.line ?? 1, column: read.column ?? 1 })]);
  const text = read.ok ? read.text : "";
  const parsed = parseYaml(text);
  const at = (path: readonly PropertyKey[], part: "key" | "value" = "value") => {
    const { node, key, reached } = parsed.doc ? nodeAt(parsed.doc, path) : { node: undefined, key: undefined, reached: false };
    const target = part === "key" || !reached ? (key ?? node) : node;
    const { line, col } = parsed.lineCounter.linePos(target?.range?.[0] ?? 0);
    return { file: display, line, column: col };
  };
  if (parsed.faults.length > 0) fail(parsed.faults.map((f) => diagnostic(f.code, f.message, { file: display, ...linePos(parsed.lineCounter, f.offset) })));
  const value = parsed.value ?? {};
  const result = configSchema.safeParse(value);
  if (!result.success) fail(result.error.issues.flatMap((issue) => issueDiagnostics(issue, value, at)));
  const data = result.success ? result.data : {};
  const problems = pathProblems(data, Array.isArray(valueAt(value, ["ledger"])), { dir, tree: realpathSync(gitTop ?? dir), display, at });
  if (problems.length > 0) fail(problems);
  // Only the codes written: an absent key must not read as a level.
  const levels = Object.fromEntries(Object.entries(data.severity ?? {}).filter(([, level]) => level !== undefined)) as SeverityOverrides;
  const ledger = data.ledger === undefined ? null : data.ledger.map((path) => resolve(dir, path));
  return { file, dir, gitTop, ledger, ignore: data.ignore ?? [], severity: levels, cache: data.cache ?? false };
}

/**
 * Why a configuration that is a symbolic link is not read, or undefined: its target must lie in
 * the working tree (the git work tree, or outside one the folder it was found in), as a `ledger`
 * path must. A link to a file elsewhere (`/etc/passwd`, another user's home) is refused before it
 * is opened, so nothing of it is read or shown.
 */
function linkOut(file: string, gitTop: string | null): string | undefined {
  try {
    if (!lstatSync(file).isSymbolicLink()) return undefined;
  } catch {
    return undefined; // gone meanwhile: reading it says so
  }
  let target: string;
  try {
    target = realpathSync(file);
  } catch {
    return undefined; // a broken link: reading it says so
  }
  const tree = realpathSync(gitTop ?? dirname(file));
  if (isInside(tree, target)) return undefined;
  return `${CONFIG_FILE} is a symbolic link to a file outside the working tree (${tree}), so it is not read; put the configuration itself here, or link to a file inside the working tree`;
}

/**
 * What the paths a configuration names get wrong: a ledger path that does not exist or lies
 * outside the working tree (after symbolic links), an ignore pattern that climbs out of its folder.
 */
function pathProblems(data: { ledger?: string[]; ignore?: string[] | null }, listed: boolean, where: { dir: string; tree: string; display: string; at: At }): Diagnostic[] {
  const problems: Diagnostic[] = [];
  (data.ledger ?? []).forEach((path, i) => {
    const at = where.at(listed ? ["ledger", i] : ["ledger"]);
    let real: string;
    try {
      real = realpathSync(resolve(where.dir, path));
    } catch {
      problems.push(diagnostic("schema", `ledger path '${path}' does not exist (paths are relative to ${where.display}); create it or correct the path`, at));
      return;
    }
    if (!isInside(where.tree, real)) problems.push(diagnostic("schema", `ledger path '${path}' is outside the working tree (${where.tree}); a configuration names only paths inside it`, at));
  });
  // A leading `/` anchors a pattern to this folder, as in .gitignore; only `..` climbs out of it.
  (data.ignore ?? []).forEach((pattern, i) => {
    if (/(^|[/!])\.\.(\/|$)/.test(pattern)) problems.push(diagnostic("schema", `ignore pattern '${pattern}' reaches outside this folder; patterns are relative to ${where.display}, as in .gitignore`, where.at(["ignore", i])));
  });
  return problems;
}

function linePos(lineCounter: { linePos(offset: number): { line: number; col: number } }, offset: number): { line: number; column: number } {
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

type At = (path: readonly PropertyKey[], part?: "key" | "value") => { file: string; line: number; column: number };

/** One Zod issue of the configuration as diagnostics that name the fix. */
function issueDiagnostics(issue: z.core.$ZodIssue, value: unknown, at: At): Diagnostic[] {
  const path = issue.path;
  if (issue.code === "unrecognized_keys") {
    const known = path.length === 0 ? KEYS : CODES;
    return issue.keys.map((key) => {
      const what = path.length === 0 ? `unknown key '${key}'` : `unknown diagnostic code '${key}'`;
      const hint = didYouMean(key, known) || `; ${path.length === 0 ? "the keys are" : "the codes are"} ${known.join(", ")}`;
      return diagnostic("schema", `${what}${hint}`, at([...path, key], "key"));
    });
  }
  // A file that is not a configuration at all (a link to some other file, say) is named by its
  // kind and a few characters: its content is not echoed.
  if (path.length === 0) return [diagnostic("schema", `a configuration is a mapping with the keys ${KEYS.join(", ")}, not ${show(value, 20)}`, at([]))];
  const name = path.map(String).join(".");
  const input = valueAt(value, path);
  if (issue.code === "too_small" && path[0] === "ledger") {
    const fix = "name at least one folder or file (ledger: claims), or remove the key for the default (./claims if it exists, else .)";
    if (path.length === 1) return [diagnostic("schema", `'ledger' is an empty list, so every run would read nothing and pass; ${fix}`, at(path))];
    const bare = typeof valueAt(value, ["ledger"]) === "string";
    return [diagnostic("schema", `${bare ? "'ledger'" : `item ${Number(path[1]) + 1} of 'ledger'`} is an empty path; ${fix}`, at(bare ? ["ledger"] : path))];
  }
  if (path[0] === "severity" && path.length === 2) {
    const code = String(path[1]);
    if (LOCKED_CODES.has(code as DiagnosticCode)) return [diagnostic("schema", `'${code}' cannot be lowered (it keeps the ledger readable); remove this line or set it to error`, at(path))];
    const hint = typeof input === "string" ? didYouMean(input, SEVERITY_LEVELS) : "";
    return [diagnostic("schema", `severity of '${code}' must be one of ${SEVERITY_LEVELS.join(", ")}, not ${show(input)}${hint}`, at(path))];
  }
  const expected: Record<string, string> = { ledger: "a path or a list of paths", ignore: "a list of patterns", severity: "a mapping from diagnostic code to error, warning, info or off", cache: "true or false" };
  if (path.length === 1) {
    const fix = path[0] === "ignore" && typeof input === "string" ? `; write it as a list: ignore: ['${input.replace(/'/g, "''")}']` : "";
    return [diagnostic("schema", `'${name}' must be ${expected[String(path[0])]}, not ${show(input)}${fix}`, at(path))];
  }
  return [diagnostic("schema", `item ${Number(path[1]) + 1} of '${String(path[0])}' must be text (a ${path[0] === "ledger" ? "path" : "pattern"}), not ${show(input)}`, at(path))];
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const segment of path) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

/** A value as a message names it: its kind, or a short excerpt on one line (at most `max` characters of it). */
function show(value: unknown, max = 60): string {
  if (value === null || value === undefined) return "empty";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  const flat = String(value).replace(/\s+/g, " ");
  const cut = [...flat].length > max ? `${[...flat].slice(0, max - 1).join("")}…` : flat;
  if (typeof value !== "string") return cut;
  return cut === flat ? `'${flat}'` : `text ('${cut}', ${value.length.toLocaleString("en-US")} characters)`;
}
