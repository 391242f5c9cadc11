/** Writes an export to `-o FILE` atomically, and never over a file the ledger or its configuration is made of. */
import { CONFIG_FILE } from "../core/load/config.js";
import { isInside, realOrSelf } from "../core/load/workspace.js";
import { realpathSync, statSync, type Stats } from "node:fs";
import { replaceAtomically } from "./atomic-file.js";
import { basename, dirname, join, resolve, sep } from "node:path";

/** The output path was refused before anything was written; the message names the file and the fix. */
export class OutputRefused extends Error {
  override readonly name = "OutputRefused";
}

/** What `writeOutputAtomic` must not overwrite, and where relative paths start. */
export interface OutputProtection {
  readonly cwd: string;
  /** Absolute paths of the ledger's YAML files. */
  readonly ledgerFiles: readonly string[];
  /** Absolute paths of the documents' archives. */
  readonly archives: readonly string[];
  /** Real paths of the workspace roots: a new YAML file there would join the ledger on the next run. */
  readonly roots: readonly string[];
  /** Absolute paths of the configuration files the run read (`.claims.yaml`, as found). */
  readonly configFiles?: readonly string[];
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

/**
 * Writes `content` to `target` (relative to `protect.cwd`): first to a temporary file beside the
 * target, then renamed over it, so a reader or a crash never sees half a report. Refuses, with
 * `OutputRefused`, a target that is a ledger file, an archive or the configuration read (after
 * symlinks), any file named `.claims.yaml`, anything inside a `.git` folder, a directory or
 * another non-regular file, or one whose folder does not exist. A symlinked target is followed:
 * the file it points to is replaced and the link kept.
 */
export function writeOutputAtomic(target: string, content: string, protect: OutputProtection): void {
  const requested = resolve(protect.cwd, target);
  let folder: string;
  try {
    folder = realpathSync(dirname(requested));
  } catch {
    throw new OutputRefused(`cannot write '${target}': its folder '${dirname(requested)}' does not exist; create it first or choose another path`);
  }
  if (!statSync(folder).isDirectory()) throw new OutputRefused(`cannot write '${target}': '${dirname(requested)}' is not a folder; choose another path`);

  let destination = join(folder, basename(requested));
  // realpath of the target itself: a symlink to a ledger file must be caught here.
  if (statOrNull(destination) !== null) destination = realpathSync(destination);
  const existing = statOrNull(destination);
  if (existing?.isDirectory()) throw new OutputRefused(`cannot write '${target}': it is a folder; give a file name, such as '${join(target, "report")}'`);
  // A FIFO or a device (/dev/null, a terminal) would be replaced by the rename, not written to.
  if (existing !== null && !existing.isFile()) throw new OutputRefused(`cannot write '${target}': it is not a regular file; choose another path, or leave out -o to write to stdout`);

  const protectedFiles = [
    ...(protect.configFiles ?? []).map((file) => ({ file, kind: "the configuration (.claims.yaml) this run read" })),
    ...protect.ledgerFiles.map((file) => ({ file, kind: "a ledger file of the ledger being exported" })),
    ...protect.archives.map((file) => ({ file, kind: "an archive of the ledger being exported" })),
  ];
  for (const { file, kind } of protectedFiles) {
    const real = realOrSelf(resolve(file));
    const stats = existing === null ? null : statOrNull(real);
    // Same path, or the same inode: the latter catches a case-insensitive file system's other spelling.
    const same = real === destination || (stats !== null && existing !== null && stats.dev === existing.dev && stats.ino === existing.ino);
    if (same) throw new OutputRefused(`refusing to write '${target}': it is ${kind} ('${file}'); choose another output path`);
  }
  // Any .claims.yaml, read by this run or not: a report written there becomes the configuration
  // of the next run in that folder (or below it), and a bad one stops every run there.
  if ([requested, destination].some((path) => basename(path).toLowerCase() === CONFIG_FILE)) {
    throw new OutputRefused(`refusing to write '${target}': a file named ${CONFIG_FILE} is a claims configuration, which the next run would read; choose another output path`);
  }
  // Git's own folder holds its hooks and configuration: a report written there could be run by git.
  if ([requested, destination].some((path) => path.split(sep).includes(".git"))) {
    throw new OutputRefused(`refusing to write '${target}': it is inside a .git folder, which belongs to git (its hooks and configuration); choose a path outside it`);
  }

  if (/\.ya?ml$/i.test(destination) && protect.roots.some((root) => isInside(root, destination))) {
    throw new OutputRefused(`refusing to write '${target}': a YAML file inside the ledger's folder would be read as part of the ledger next time; write it outside, or give it another extension`);
  }

  // Keep the mode of a file being replaced (say, a report made group-writable on purpose).
  replaceAtomically(destination, Buffer.from(content, "utf8"), { mode: existing?.mode, newMode: 0o644 });
}
