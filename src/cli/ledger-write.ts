/**
 * Writing ledger files safely (`claims add`, `claims fix`): one edit at a time per ledger folder
 * (a lock file), each file read once and written only if it is still as read, atomically, with
 * its mode kept, and never through a symbolic link that leads out of the ledger.
 */
import { lstatSync, readFileSync, realpathSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { describeFsError, readTextFile } from "../core/load/read.js";
import { collectFiles, isInside, type SkipTest } from "../core/load/workspace.js";
import { replaceAtomically } from "./atomic-file.js";

/** The edit could not be written; nothing was. The message names the file and what to do. */
export class WriteRefused extends Error {
  override readonly name = "WriteRefused";
}

/** The file changed on disk after it was read; it was not overwritten. */
export class ChangedWhileEditing extends WriteRefused {}

/** The lock file, in the ledger folder; hidden, so the ledger never reads it. */
export const LOCK_NAME = ".claims-edit.lock";

export interface LockOptions {
  /** How long to wait for another run's lock before giving up. */
  readonly timeoutMs?: number;
  /** A lock older than this is taken as left behind by a run that did not finish. */
  readonly staleMs?: number;
}

interface Holder {
  readonly raw: string;
  readonly pid?: number;
  readonly host?: string;
  readonly since?: string;
}

/**
 * Runs `work` holding the ledger folder's edit lock: a file created with O_EXCL, so of two runs
 * only one holds it, and the other waits (backing off, up to `timeoutMs`). A lock whose process
 * is gone (same host) or that is older than `staleMs` is removed, so a killed run does not block
 * the ledger for good.
 */
export async function withEditLock<T>(folder: string, work: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const path = join(folder, LOCK_NAME);
  const mine = `${JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() })}\n`;
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  let delay = 5;
  for (;;) {
    try {
      writeFileSync(path, mine, { flag: "wx", mode: 0o644 });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw new WriteRefused(`cannot take the edit lock '${path}': ${describeFsError(error)}`);
    }
    const holder = readHolder(path);
    if (holder !== null && isStale(holder, path, options.staleMs ?? 10 * 60_000)) {
      // Removed only if it is still the lock judged stale, not one another run has just taken.
      if (readHolder(path)?.raw === holder.raw) unlinkQuietly(path);
      continue;
    }
    if (Date.now() > deadline) {
      const who = holder?.pid === undefined ? "another claims run" : `another claims run (process ${holder.pid}${holder.host ? ` on ${holder.host}` : ""}${holder.since ? `, since ${holder.since}` : ""})`;
      throw new WriteRefused(`the ledger is being edited by ${who}; try again, or delete '${path}' if no claims run is going`);
    }
    await sleep(delay + Math.random() * delay);
    delay = Math.min(delay * 2, 200);
  }
  try {
    return await work();
  } finally {
    // Never remove a lock that is not ours (ours may have been judged stale and replaced).
    if (readHolder(path)?.raw === mine) unlinkQuietly(path);
  }
}

function readHolder(path: string): Holder | null {
  let raw: string;
  try {
    raw = readFileSync(path, "utf8");
  } catch {
    return null; // released meanwhile
  }
  try {
    const parsed = JSON.parse(raw) as { pid?: unknown; host?: unknown; since?: unknown };
    return { raw, pid: typeof parsed.pid === "number" ? parsed.pid : undefined, host: typeof parsed.host === "string" ? parsed.host : undefined, since: typeof parsed.since === "string" ? parsed.since : undefined };
  } catch {
    return { raw }; // being written: judged by its age alone
  }
}

function isStale(holder: Holder, path: string, staleMs: number): boolean {
  if (holder.pid !== undefined && holder.host === hostname() && !processAlive(holder.pid)) return true;
  try {
    return Date.now() - statSync(path).mtimeMs > staleMs;
  } catch {
    return false;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, owned by someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}

/**
 * What the ledger's files are, cheaply: each file found with its inode, size and modification
 * time. Taken before a change is checked and again under the lock, it tells whether another run
 * wrote meanwhile (our own writes, and most editors', replace the file, so the inode changes).
 */
export function ledgerFingerprint(paths: readonly string[], cwd: string, ignore?: SkipTest): string {
  return collectFiles(paths, cwd, ignore)
    .map((file) => {
      try {
        const stat = lstatSync(file.abs);
        return `${file.abs}\u0000${stat.ino}\u0000${stat.size}\u0000${stat.mtimeMs}`;
      } catch {
        return `${file.abs}\u0000gone`;
      }
    })
    .join("\n");
}

/** A ledger file as read for editing. */
export interface ReadForEdit {
  /** Where it is written: the file itself, or the target of a symbolic link inside the ledger. */
  readonly real: string;
  /** Its exact text, a BOM included; null when it does not exist yet. */
  readonly text: string | null;
  readonly bytes: Buffer | null;
}

/** Reads a ledger file to edit it; refuses a symbolic link out of `root` (a real path) and anything not a readable UTF-8 file. */
export function readForEdit(abs: string, display: string, root: string): ReadForEdit {
  let link = false;
  try {
    link = lstatSync(abs).isSymbolicLink();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { real: abs, text: null, bytes: null };
    throw new WriteRefused(`cannot edit ${display}: ${describeFsError(error)}`);
  }
  let real = abs;
  if (link) {
    try {
      real = realpathSync(abs);
    } catch (error) {
      throw new WriteRefused(`cannot edit ${display}: it is a symbolic link that cannot be followed (${describeFsError(error)})`);
    }
    if (!isInside(root, real)) throw new WriteRefused(`refusing to edit ${display}: it is a symbolic link to a file outside the ledger folder`);
  }
  const read = readTextFile(real);
  if (!read.ok) throw new WriteRefused(`cannot edit ${display}: ${read.message}`);
  // The BOM the loader drops is kept: it is one of the bytes the edit must not change.
  return { real, text: read.bytes.toString("utf8"), bytes: read.bytes };
}

/** One file to write: where, what it held when read (null: did not exist), and its new text. */
export interface PendingWrite {
  readonly display: string;
  readonly read: ReadForEdit;
  readonly after: string;
}

/**
 * Writes each file, atomically and keeping its mode, after checking that none changed on disk
 * since it was read (ChangedWhileEditing otherwise, and then nothing is written).
 */
export function commitWrites(writes: readonly PendingWrite[]): void {
  for (const { display, read } of writes) if (!unchanged(read)) throw new ChangedWhileEditing(`${display} changed while editing; run again`);
  for (const { display, read, after } of writes) {
    try {
      if (read.bytes === null) replaceAtomically(read.real, Buffer.from(after, "utf8"), { exclusive: true });
      else replaceAtomically(read.real, Buffer.from(after, "utf8"), { mode: statSync(read.real).mode });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST") throw new ChangedWhileEditing(`${display} changed while editing; run again`);
      throw new WriteRefused(`cannot write ${display}: ${describeFsError(error)}`);
    }
  }
}

function unchanged(read: ReadForEdit): boolean {
  try {
    // Only a regular file is read: a FIFO put in its place would block the read.
    if (!lstatSync(read.real).isFile()) return false;
    return read.bytes !== null && readFileSync(read.real).equals(read.bytes);
  } catch (error) {
    return read.bytes === null && (error as NodeJS.ErrnoException).code === "ENOENT";
  }
}
