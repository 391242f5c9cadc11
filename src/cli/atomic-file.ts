/** Replacing a file in one step: a reader or a crash sees the old file or the new one, never half of one. */
import { randomBytes } from "node:crypto";
import { closeSync, fchmodSync, fsyncSync, linkSync, openSync, renameSync, unlinkSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";

export interface ReplaceOptions {
  /** The mode to give the file (a file being replaced keeps its own); default: `newMode`. */
  readonly mode?: number;
  /** The mode of a new file; default 0o666 less the umask, as any program creating a file gets. */
  readonly newMode?: number;
  /** Fail with EEXIST, leaving it alone, if a file appears at `destination` meanwhile. */
  readonly exclusive?: boolean;
}

/**
 * Writes `bytes` to a temporary file beside `destination` (same folder, so the same file
 * system), syncs it, and renames it over `destination` — or, with `exclusive`, links it there,
 * which fails rather than replace a file that appeared since.
 */
export function replaceAtomically(destination: string, bytes: Uint8Array, options: ReplaceOptions = {}): void {
  const temporary = join(dirname(destination), `.${basename(destination)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);
  // "wx": never follow or reuse something already at the temporary name.
  const fd = openSync(temporary, "wx", options.newMode ?? 0o666);
  try {
    try {
      if (options.mode !== undefined) fchmodSync(fd, options.mode & 0o7777);
      let written = 0;
      while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (options.exclusive) {
      linkSync(temporary, destination);
      unlinkSync(temporary);
    } else {
      renameSync(temporary, destination);
    }
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // Already gone (the rename may have happened); the first error is the one to report.
    }
    throw error;
  }
}
