/**
 * What a run may keep of each file for the next one (`--cache`): the file as loaded (its validated
 * records, its own diagnostics and the statement places they point at), keyed by the SHA-256 of
 * its bytes and by its path as the run names it. The library only asks and tells; where and how
 * entries are kept is the caller's (the CLI keeps them in one file, see src/cli/cache.ts).
 */
import { createHash } from "node:crypto";
import type { LoadedFile } from "./load-file.js";
import { readFileBytes } from "./read.js";
import type { WorkspaceFile } from "./workspace.js";

export interface FileCache {
  /** What an earlier run loaded from a file of this path (abs, display, root) and these bytes, if it was kept. */
  get(found: WorkspaceFile, sha256: string): LoadedFile | undefined;
  /** Keeps what was loaded from the file's bytes of this hash. */
  set(found: WorkspaceFile, sha256: string, loaded: LoadedFile): void;
}

/** The SHA-256 of bytes, as hex. */
export function sha256Of(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * A file's current hash, read as a load would read it; undefined when it cannot be read (or is
 * given in memory, or faulted), which a load then reports: such a file is never taken from a cache.
 */
export function currentHash(found: WorkspaceFile): string | undefined {
  if (found.fault !== undefined || found.text !== undefined) return undefined;
  const read = readFileBytes(found.abs);
  return read.ok ? sha256Of(read.bytes) : undefined;
}
