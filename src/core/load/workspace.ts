/** Finding the ledger's files (SPEC §1): roots, recursive walk, symlink rules, stable order. */
import { lstatSync, readdirSync, realpathSync, statSync } from "node:fs";
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { describeFsError } from "./read.js";
import { pushAll } from "../shared/arrays.js";

export interface WorkspaceFile {
  /** Absolute path as found (may be a symlink inside the root). */
  readonly abs: string;
  /** Path relative to the working directory, with `/`, as every output shows it. */
  readonly display: string;
  /** The real path of the workspace root the file was found under. */
  readonly root: string;
  /** Set when the file must be reported and skipped rather than read. */
  readonly fault?: string;
  /** The file's text given in memory (`contents`), read instead of the file on disk. */
  readonly text?: string;
}

/**
 * Texts to read instead of files on disk, by absolute path: an editor's unsaved buffers, or a
 * change checked before it is written. A path not on disk joins the ledger when a folder root
 * would have found it there (a `.yaml`/`.yml` name, no hidden folder or node_modules on the way).
 */
export type Contents = ReadonlyMap<string, string>;

/**
 * A path argument that cannot be used: the tool cannot do its job (exit 2). `lines` is the message
 * as the lines it is meant to be shown in; a line break inside one of them (a path or id that holds
 * one) is the input's, and a printer shows it visibly rather than as a line of its own.
 */
export class UsageError extends Error {
  readonly lines: readonly string[];
  constructor(message: string, lines: readonly string[] = [message]) {
    super(message);
    this.lines = lines;
  }
}

const LEDGER_EXTENSIONS = new Set([".yaml", ".yml"]);

/** True for a name a walk of the ledger reads (*.yaml, *.yml, in any case). */
export function isLedgerFile(path: string): boolean {
  return LEDGER_EXTENSIONS.has(extname(path).toLowerCase());
}

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

/**
 * Lists the files of every root in root order, then by relative path in code-unit order; `skip`
 * prunes the walk. Files of `contents` are read from memory, and those not on disk are placed as
 * if they were.
 */
export function collectFiles(paths: readonly string[], cwd: string, skip?: SkipTest, contents?: Contents): WorkspaceFile[] {
  const files: WorkspaceFile[] = [];
  const seen = new Set<string>();
  for (const path of paths) {
    const abs = resolve(cwd, path);
    let stat;
    try {
      stat = statSync(abs);
    } catch (error) {
      if (contents?.has(abs)) {
        add(files, seen, { abs, display: displayPath(cwd, abs), root: realpathSync(dirname(abs)) }, contents);
        continue;
      }
      throw new UsageError(`cannot read '${path}': ${describeFsError(error)}`);
    }
    if (stat.isDirectory()) {
      const root = realpathSync(abs);
      // Under a root inside the working directory, a file's display path is the root's followed by
      // its path inside the root; elsewhere (a root above the working directory leads back through
      // it) it is worked out for each file.
      const rootDisplay = isInside(cwd, abs) ? relative(cwd, abs).split(sep).join("/") : undefined;
      const found = walk(abs, root, skip);
      if (contents) pushAll(found, notOnDisk(abs, found, contents, skip));
      for (const each of found.sort(compareCodeUnits)) {
        const display = each.rel === "" || rootDisplay === undefined ? displayPath(cwd, each.abs) : rootDisplay === "" ? each.rel : `${rootDisplay}/${each.rel}`;
        add(files, seen, { ...each, display, root }, contents);
      }
    } else {
      // A file named explicitly is read whatever its extension; its directory is the root.
      const root = realpathSync(dirname(abs));
      add(files, seen, { abs, display: displayPath(cwd, abs), root }, contents);
    }
  }
  return files;
}

function add(files: WorkspaceFile[], seen: Set<string>, file: WorkspaceFile, contents: Contents | undefined): void {
  if (seen.has(file.abs)) return; // the same file named twice (a root and a file inside it) is read once
  seen.add(file.abs);
  // A file the walk refuses (a symbolic link out of the root, a FIFO) stays refused whatever is given for it.
  const text = file.fault === undefined ? contents?.get(file.abs) : undefined;
  files.push(text === undefined ? file : { ...file, text });
}

/** The files of `contents` under the folder `dir` that are not on disk, placed where the walk would have found them. */
function notOnDisk(dir: string, found: readonly Found[], contents: Contents, skip: SkipTest | undefined): Found[] {
  const known = new Set(found.map((f) => f.abs));
  const out: Found[] = [];
  for (const abs of contents.keys()) {
    if (known.has(abs) || !isAbsolute(abs) || !isInside(dir, abs) || abs === dir) continue;
    const segments = relative(dir, abs).split(sep);
    if (segments.some((s) => s.startsWith(".") || s === "node_modules") || !isLedgerFile(abs)) continue;
    if (lstatOrNull(abs) !== null) continue; // on disk: the walk has already judged it
    // Ignored as the walk ignores: the file itself, or any folder on the way to it.
    const folders = segments.slice(0, -1).map((_, i) => join(dir, ...segments.slice(0, i + 1)));
    if (skip && (folders.some((folder) => skip(folder, true) !== undefined) || skip(abs, false) !== undefined)) continue;
    out.push({ abs, rel: segments.join("/") });
  }
  return out;
}

function lstatOrNull(path: string): ReturnType<typeof lstatSync> | null {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
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
      if (!isLedgerFile(entry.name) || skip?.(abs, false) !== undefined) continue;
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

/** The real path of `path` (symlinks resolved), or `path` itself when it does not exist or cannot be resolved. */
export function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
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
