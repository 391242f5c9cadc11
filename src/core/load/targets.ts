/**
 * What a run reads and what it reports (SPEC §1, §10 v2, §13): the paths given, or the
 * configuration's ledger, or the default; files that are ignored; and, for a file named inside
 * the ledger folder (as pre-commit and lint-staged name the files of a commit), the whole ledger
 * as context with only the named files' diagnostics reported.
 */
import { realpathSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import type { SeverityOverrides } from "../shared/severity.js";
import type { ClaimsConfig } from "./config.js";
import { type IgnoreTest, ignoreRules } from "./ignore.js";
import { defaultPaths, displayPath, isInside, isLedgerFile } from "./workspace.js";

/** A path given on the command line that is not read, and why. */
export interface SkippedPath {
  readonly path: string;
  readonly reason: string;
}

export interface RunPlan {
  /** The roots to read, in order: the ledger's first when it gives context to named files. */
  readonly paths: readonly string[];
  /** Skips ignored files and folders while walking. */
  readonly ignore: IgnoreTest;
  /** When set, only diagnostics (and claims) of the files it accepts (absolute paths) are reported. */
  readonly focus?: (abs: string) => boolean;
  /** Paths given that are ignored, so not read; the user is told. */
  readonly skipped: readonly SkippedPath[];
  /** Anything else the user should hear about the plan (git could not be asked, a named file that is no ledger file). */
  readonly notices: readonly string[];
  readonly severity: SeverityOverrides;
  /** Paths named that are gone from the working tree but held by the revision `claims diff` compares with: read on that side only. */
  readonly revisionOnly?: readonly string[];
}

function real(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** The ledger folders for §10's rule: the configuration's `ledger`, else `./claims` if it exists. */
export function ledgerFolders(config: ClaimsConfig, cwd: string): string[] {
  if (config.ledger !== null) return [...config.ledger];
  const claims = resolve(cwd, "claims");
  try {
    return statSync(claims).isDirectory() ? [claims] : [];
  } catch {
    return [];
  }
}

/**
 * Plans a run over `args` (as given on the command line) in `cwd` under `config`. `gone` holds
 * args removed from the working tree that `claims diff` reads at its revision: inside the ledger
 * folder they are named (so their old records are reported), outside it they are revision-only.
 */
export function planRun(args: readonly string[], cwd: string, config: ClaimsConfig, gone: ReadonlySet<string> = new Set()): RunPlan {
  const severity = config.severity;
  if (args.length === 0) {
    const paths = config.ledger ?? defaultPaths(cwd);
    const rules = ignoreRules(config, paths.map((p) => resolve(cwd, p)));
    return { paths, ignore: rules.test, skipped: [], notices: rules.notice ? [rules.notice] : [], severity };
  }
  const folders = ledgerFolders(config, cwd);
  const rules = ignoreRules(config, [...folders, ...args.map((a) => resolve(cwd, a))]);
  const skipped: SkippedPath[] = [];
  const notLedger: string[] = [];
  const revisionOnly: string[] = [];
  let inLedger = false;
  const others: string[] = [];
  // What was named, to report: files by path, folders (and paths that do not exist) by prefix.
  const files = new Set<string>();
  const folderPrefixes: string[] = [];
  for (const arg of args) {
    const abs = resolve(cwd, arg);
    let isDirectory: boolean;
    try {
      isDirectory = statSync(abs).isDirectory();
    } catch {
      const folder = gone.has(arg) ? folders.find((f) => isInside(real(f), abs)) : undefined;
      if (folder !== undefined) {
        folderPrefixes.push(join(folder, relative(real(folder), abs))); // a file or a folder then
        inLedger = true;
      } else if (gone.has(arg)) revisionOnly.push(arg);
      else others.push(arg); // reading it will say what is wrong with it
      continue;
    }
    const reason = rules.test(abs, isDirectory);
    if (reason !== undefined) {
      skipped.push({ path: displayPath(cwd, abs), reason });
      continue;
    }
    const folder = folders.find((f) => isInside(real(f), real(abs)));
    if (folder !== undefined && !isDirectory && !isLedgerFile(abs)) {
      notLedger.push(notLedgerNotice(displayPath(cwd, abs), displayPath(cwd, folder)));
      continue;
    }
    // Inside the ledger, a path is named as the walk of the ledger will meet it (through a
    // symlinked folder or `..`, it is spelt differently but is the same file).
    const named = folder === undefined ? abs : join(folder, relative(real(folder), real(abs)));
    if (isDirectory) folderPrefixes.push(named);
    else files.add(named);
    if (folder !== undefined) inLedger = true;
    else others.push(arg);
  }
  const notices = [...(rules.notice ? [rules.notice] : []), ...notLedger];
  if (!inLedger) return { paths: others, ignore: rules.test, skipped, notices, severity, revisionOnly };
  // The ledger is read first, so its files keep the order (and "first declaration") of a whole run.
  const focus = (abs: string) => files.has(abs) || folderPrefixes.some((folder) => isInside(folder, abs));
  return { paths: [...folders, ...others], ignore: rules.test, focus, skipped, notices, severity, revisionOnly };
}

/**
 * A file named inside the ledger folder that is not *.yaml or *.yml (notes, an archive's text) is
 * not read: §1 reads a named file whatever its extension, but inside the ledger folder a file is
 * checked as the ledger's own (§10), and a whole run never reads this one; read here, it would
 * add records (or faults) that no other run sees. The run says so instead of passing in silence.
 */
function notLedgerNotice(path: string, folder: string): string {
  return `${path} is not a ledger file, so it was not read: in the ledger folder ${folder} only *.yaml and *.yml files hold records (an archive is checked through the document that cites it); rename it to .yaml if it holds records`;
}
