/**
 * Which files a run skips (SPEC §13): those the configuration's `ignore` patterns match (read by
 * the `ignore` package, gitignore syntax relative to the configuration file) and those git
 * ignores. Git is asked itself, once per run, rather than its ignore files read here: only git
 * knows every source of its rules (nested .gitignore files, .git/info/exclude, core.excludesFile)
 * and that a tracked file is never ignored, whatever a pattern says.
 */
import ignore from "ignore";
import { lstatSync } from "node:fs";
import { isAbsolute, relative, sep } from "node:path";
import { GitError, nulFields, runGit } from "../shared/git.js";
import type { ClaimsConfig } from "./config.js";
import { displayPath, isInside, type SkipTest } from "./workspace.js";

/** Why a file or folder is skipped, or undefined to read it. `abs` is absolute; folders are walked only when not skipped. */
export type IgnoreTest = SkipTest;

export interface IgnoreRules {
  readonly test: IgnoreTest;
  /** Said to the user: git could not be asked, so what it ignores is read. */
  readonly notice?: string;
}

const NOTHING: IgnoreRules = { test: () => undefined };

/** The ignore rules of a run over `roots` (absolute paths) under `config`. */
export function ignoreRules(config: ClaimsConfig, roots: readonly string[]): IgnoreRules {
  if (!config.useIgnores) return NOTHING;
  const fromConfig = configPatterns(config);
  let fromGit: IgnoreTest = () => undefined;
  let notice: string | undefined;
  if (config.gitTop !== null) {
    try {
      fromGit = gitIgnored(config.gitTop, roots);
    } catch (error) {
      if (!(error instanceof GitError)) throw error;
      notice = `cannot ask git which files it ignores (${error.message}); they are read; use --no-ignore to say that is intended`;
    }
  }
  if (fromConfig === undefined && config.gitTop === null) return NOTHING;
  return { test: (abs, isDirectory) => fromConfig?.(abs, isDirectory) ?? fromGit(abs, isDirectory), ...(notice ? { notice } : {}) };
}

/** The `ignore` patterns as a test, or undefined when there are none. */
function configPatterns(config: ClaimsConfig): IgnoreTest | undefined {
  if (config.ignore.length === 0) return undefined;
  const rules = ignore().add([...config.ignore]);
  // gitignore cannot re-include a file whose folder is excluded, and `ignore` judges a folder on
  // its own; so with a negation (`!drafts/keep.yaml`) folders are never skipped whole, and each
  // file is judged with its full path instead.
  const pruneFolders = !config.ignore.some((p) => p.trimStart().startsWith("!"));
  const where = config.file === null ? "the configuration" : displayPath(config.dir, config.file);
  return (abs, isDirectory) => {
    if (isDirectory && !pruneFolders) return undefined;
    const rel = relative(config.dir, abs);
    if (rel === "" || rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return undefined; // patterns reach only below their file
    const result = rules.checkIgnore(rel.split(sep).join("/") + (isDirectory ? "/" : ""));
    return result.ignored ? `'${result.rule?.pattern ?? "?"}' in ${where} ignores it` : undefined;
  };
}

/**
 * What git ignores under `roots` (untracked files matching its rules), asked in one call; and a
 * file not on disk (one `claims add` is about to make, an editor's unsaved buffer) asked of git by
 * its own path, since a listing names only what exists.
 */
function gitIgnored(top: string, roots: readonly string[]): IgnoreTest {
  const specs = roots.filter((root) => isInside(top, root)).map((root) => relative(top, root).split(sep).join("/") || ".");
  if (specs.length === 0) return () => undefined;
  // `--directory` names a wholly ignored folder once (`build/`) instead of every file in it.
  const listed = nulFields(runGit(["ls-files", "-z", "--others", "--ignored", "--exclude-standard", "--directory", "--", ...specs], top).stdout);
  const files = new Set(listed.filter((p) => !p.endsWith("/")));
  const folders = new Set(listed.filter((p) => p.endsWith("/")));
  const unseen = new Map<string, boolean>();
  return (abs, isDirectory) => {
    if (!isInside(top, abs)) return undefined;
    const rel = relative(top, abs).split(sep).join("/");
    if (!isDirectory && files.has(rel)) return "git ignores it";
    // The file or folder itself, or one of the folders it lies in.
    for (let end = isDirectory ? rel.length : rel.lastIndexOf("/"); end > 0; end = rel.lastIndexOf("/", end - 1)) {
      if (folders.has(`${rel.slice(0, end)}/`)) return "git ignores it";
    }
    if (isDirectory || rel === "" || onDisk(abs)) return undefined;
    // Without --no-index, so a tracked file deleted from the work tree is not ignored, as git would
    // track it again once it is written. check-ignore matches the path it is given, not a pattern.
    let ignored = unseen.get(rel);
    if (ignored === undefined) unseen.set(rel, (ignored = runGit(["check-ignore", "-q", "--", `./${rel}`], top, { ok: [0, 1], literal: false }).status === 0));
    return ignored ? "git ignores it" : undefined;
  };
}

function onDisk(abs: string): boolean {
  try {
    lstatSync(abs);
    return true;
  } catch {
    return false;
  }
}
