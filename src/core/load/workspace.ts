/** Finding the ledger's files (SPEC §1): roots, recursive walk, symlink rules, stable order. */
import { lstatSync, readdirSync, realpathSync, statSync } from "node:fs";
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { describeFsError } from "./read.js";

export interface WorkspaceFile {
  /** Absolute path as found (may be a symlink inside the root). */
  readonly abs: string;
  /** Path relative to the working directory, with `/`, as every output shows it. */
  readonly display: string;
  /** The real path of the workspace root the file was found under. */
  readonly root: string;
  /** Set when the file must be reported and skipped rather than read. */
  readonly fault?: string;
}

/** A path argument that cannot be used: the tool cannot do its job (exit 2). */
export class UsageError extends Error {}

const LEDGER_EXTENSIONS = new Set([".yaml", ".yml"]);

/** The default workspace: `./claims` if it exists, else `.`. */
export function defaultPaths(cwd: string): string[] {
  try {
    if (statSync(join(cwd, "claims")).isDirectory()) return ["claims"];
  } catch {
    // no ./claims: fall back to the working directory
  }
  return ["."];
}

/** Why a file or folder met in a walk is skipped (SPEC §13 ignores), or undefined to take it. */
export type SkipTest = (abs: string, isDirectory: boolean) => string | undefined;

/** Lists the files of every root in root order, then by relative path in code-unit order; `skip` prunes the walk. */
export function collectFiles(paths: readonly string[], cwd: string, skip?: SkipTest): WorkspaceFile[] {
  const files: WorkspaceFile[] = [];
  const seen = new Set<string>();
  for (const path of paths) {
    const abs = resolve(cwd, path);
    let stat;
    try {
      stat = statSync(abs);
    } catch (error) {
      throw new UsageError(`cannot read '${path}': ${describeFsError(error)}`);
    }
    if (stat.isDirectory()) {
      const root = realpathSync(abs);
      // Under a root inside the working directory, a file's display path is the root's followed by
      // its path inside the root; elsewhere (a root above the working directory leads back through
      // it) it is worked out for each file.
      const rootDisplay = isInside(cwd, abs) ? relative(cwd, abs).split(sep).join("/") : undefined;
      for (const found of walk(abs, root, skip).sort(compareCodeUnits)) {
        const display = found.rel === "" || rootDisplay === undefined ? displayPath(cwd, found.abs) : rootDisplay === "" ? found.rel : `${rootDisplay}/${found.rel}`;
        add(files, seen, { ...found, display, root });
      }
    } else {
      // A file named explicitly is read whatever its extension; its directory is the root.
      const root = realpathSync(dirname(abs));
      add(files, seen, { abs, display: displayPath(cwd, abs), root });
    }
  }
  return files;
}

function add(files: WorkspaceFile[], seen: Set<string>, file: WorkspaceFile): void {
  if (seen.has(file.abs)) return; // the same file named twice (a root and a file inside it) is read once
  seen.add(file.abs);
  files.push(file);
}

interface Found {
  readonly abs: string;
  readonly rel: string;
  readonly fault?: string;
}

/** Walks a directory iteratively; hidden entries and node_modules skipped, symlinked directories never followed. */
function walk(dir: string, root: string, skip: SkipTest | undefined): Found[] {
  const found: Found[] = [];
  // Each directory to list, with its path relative to `dir` ("" for `dir` itself, else ending in "/").
  const pending: [string, string][] = [[dir, ""]];
  while (pending.length > 0) {
    const [current, currentRel] = pending.pop()!;
    let entries;
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch (error) {
      found.push({ abs: current, rel: currentRel.slice(0, -1), fault: `cannot list directory: ${describeFsError(error)}` });
      continue;
    }
    for (const entry of entries) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      // Names from a listing have no separators or dot segments: joining them needs no normalising.
      const abs = current.endsWith(sep) ? current + entry.name : current + sep + entry.name;
      if (entry.isDirectory()) {
        if (skip?.(abs, true) === undefined) pending.push([abs, `${currentRel}${entry.name}/`]);
        continue;
      }
      if (!LEDGER_EXTENSIONS.has(extname(entry.name).toLowerCase()) || skip?.(abs, false) !== undefined) continue;
      const rel = currentRel + entry.name;
      if (entry.isSymbolicLink()) {
        const link = symlinkTarget(abs, root);
        if (link === "directory") continue;
        found.push({ abs, rel, ...(link ? { fault: link } : {}) });
      } else if (entry.isFile()) {
        found.push({ abs, rel });
      } else {
        found.push({ abs, rel, fault: "not a regular file; only regular files are read" });
      }
    }
  }
  return found;
}

/** Undefined when a symlinked file may be read; "directory" to skip it; else why it is refused. */
function symlinkTarget(abs: string, root: string): string | "directory" | undefined {
  let target: string;
  try {
    target = realpathSync(abs);
  } catch (error) {
    return `broken symbolic link: ${describeFsError(error)}`;
  }
  try {
    if (lstatSync(target).isDirectory()) return "directory";
  } catch (error) {
    return `cannot read link target: ${describeFsError(error)}`;
  }
  return isInside(root, target) ? undefined : "symbolic link points outside the workspace root; it is not read";
}

/** Whether a real path lies inside (or is) a real root. */
export function isInside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel === "" || (rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

function compareCodeUnits(a: Found, b: Found): number {
  return a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0;
}

/** A path relative to the working directory, with `/`. */
export function displayPath(cwd: string, abs: string): string {
  const rel = relative(cwd, abs);
  return (rel === "" ? basename(abs) : rel).split(sep).join("/");
}
