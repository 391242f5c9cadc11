/**
 * `--cache`: the files of a ledger as one run loaded them, kept in one file for the next run, so
 * that a run parses only the files whose bytes changed (ESLint's `--cache` in spirit).
 *
 * The cache file holds, after a magic line and the build it was written by, one entry per file:
 * its path (absolute, as shown, its root), the SHA-256 of the bytes it was loaded from, a CRC-32
 * of the entry, and the loaded file serialised as worker threads pass it (v8's structured clone).
 * Anything that does not read back exactly so — another program's file, a truncated or corrupted
 * one, another build's — is ignored and rewritten; it is never trusted. It is written atomically
 * (a temporary file renamed over it) and never inside a ledger folder.
 */
import { crc32 } from "node:zlib";
import { mkdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join, resolve, sep } from "node:path";
import { deserialize, serialize } from "node:v8";
import { createHash } from "node:crypto";
import type { FileCache } from "../core/load/file-cache.js";
import type { LoadedFile } from "../core/load/load-file.js";
import { isInside, realOrSelf, UsageError, type WorkspaceFile } from "../core/load/workspace.js";
import { replaceAtomically } from "./atomic-file.js";

const MAGIC = Buffer.from("claims cache 1\n", "latin1");
/** A cache file larger than this is not read (and is replaced): the ledger's files are 10 MiB each at most. */
const MAX_CACHE_BYTES = 4 * 1024 * 1024 * 1024 - 1;

interface Entry {
  readonly sha256: string;
  readonly crc: number;
  readonly data: Uint8Array;
}

/** A FileCache kept in one file; `save` writes it back when the run changed it. */
export class CacheFile implements FileCache {
  private readonly entries = new Map<string, Entry>();
  private readonly used = new Set<string>();
  private changed = false;

  private constructor(
    readonly path: string,
    private readonly build: string,
  ) {}

  /** Opens the cache at `path` for this build; an unreadable, foreign or damaged file reads as empty. */
  static open(path: string, build: string): CacheFile {
    const cache = new CacheFile(path, build);
    let bytes: Buffer;
    try {
      if (statSync(path).size > MAX_CACHE_BYTES) throw new Error("too large");
      bytes = readFileSync(path);
    } catch {
      cache.changed = true; // none yet (or unreadable): one is written
      return cache;
    }
    if (!cache.read(bytes)) {
      cache.entries.clear();
      cache.changed = true;
    }
    return cache;
  }

  get(found: WorkspaceFile, sha256: string): LoadedFile | undefined {
    const key = keyOf(found);
    const entry = this.entries.get(key);
    if (entry === undefined || entry.sha256 !== sha256) return undefined;
    const loaded = crc32(entry.data) === entry.crc ? revive(entry.data, found) : undefined;
    if (loaded === undefined) {
      this.entries.delete(key);
      this.changed = true;
      return undefined;
    }
    this.used.add(key);
    return loaded;
  }

  set(found: WorkspaceFile, sha256: string, loaded: LoadedFile): void {
    const key = keyOf(found);
    const data = serialize(loaded);
    this.entries.set(key, { sha256, crc: crc32(data), data });
    this.used.add(key);
    this.changed = true;
  }

  /** Writes the entries this run used or made, when anything changed (a file edited, added, removed). */
  save(): void {
    const stale = [...this.entries.keys()].filter((key) => !this.used.has(key));
    if (!this.changed && stale.length === 0) return;
    for (const key of stale) this.entries.delete(key);
    const parts: Uint8Array[] = [MAGIC, lengthPrefixed(Buffer.from(this.build, "utf8")), u32(this.entries.size)];
    for (const [key, entry] of this.entries) {
      parts.push(lengthPrefixed(Buffer.from(key, "utf8")), Buffer.from(entry.sha256, "hex"), u32(entry.crc), lengthPrefixed(entry.data));
    }
    mkdirSync(dirname(this.path), { recursive: true, mode: 0o700 });
    replaceAtomically(this.path, Buffer.concat(parts), { newMode: 0o600 });
    this.changed = false;
  }

  /** Reads every entry's place; false at the first thing that is not exactly as written. */
  private read(bytes: Buffer): boolean {
    if (bytes.length < MAGIC.length || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return false;
    let at = MAGIC.length;
    const take = (n: number): Buffer | undefined => {
      if (n < 0 || at + n > bytes.length) return undefined;
      const piece = bytes.subarray(at, at + n);
      at += n;
      return piece;
    };
    const number = (): number | undefined => take(4)?.readUInt32LE(0);
    const sized = (): Buffer | undefined => {
      const n = number();
      return n === undefined ? undefined : take(n);
    };
    const build = sized();
    if (build === undefined || build.toString("utf8") !== this.build) return false;
    const count = number();
    if (count === undefined) return false;
    for (let i = 0; i < count; i++) {
      const key = sized();
      const sha = take(32);
      const crc = number();
      const data = sized();
      if (key === undefined || sha === undefined || crc === undefined || data === undefined) return false;
      this.entries.set(key.toString("utf8"), { sha256: sha.toString("hex"), crc, data });
    }
    return at === bytes.length;
  }
}

/** An entry read back, if it is a loaded file of this very path; anything else is not used. */
function revive(data: Uint8Array, found: WorkspaceFile): LoadedFile | undefined {
  try {
    const value = deserialize(data) as Partial<LoadedFile> | null;
    const file = value?.file;
    if (!file || file.abs !== found.abs || file.display !== found.display || file.root !== found.root) return undefined;
    if (!Array.isArray(value.records) || !Array.isArray(value.diagnostics)) return undefined;
    return value as LoadedFile;
  } catch {
    return undefined;
  }
}

function keyOf(found: WorkspaceFile): string {
  return `${found.abs}\0${found.display}\0${found.root}`;
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0, 0);
  return b;
}

function lengthPrefixed(bytes: Uint8Array): Buffer {
  return Buffer.concat([u32(bytes.length), bytes]);
}

/** What a run tells `cacheFilePath`: its folder, `--cache-location`, the ledger's roots, the environment. */
export interface CacheWhere {
  readonly cwd: string;
  readonly location: string | undefined;
  /** The ledger's folders (a file's own folder for a file), absolute. */
  readonly roots: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly platform?: NodeJS.Platform;
  readonly home?: string;
}

/**
 * The cache file of a run: `--cache-location` (a file, or a folder when it ends in a separator or
 * is one), else `node_modules/.cache/claims/` of the project around the working directory (the
 * nearest folder with a package.json), else the operating system's cache folder. Inside a folder,
 * the file is named after the ledger's roots, so that two ledgers keep two caches. Never inside a
 * ledger folder: a location given there is refused, and a project folder there is passed over.
 */
export function cacheFilePath(where: CacheWhere): string {
  const roots = where.roots.map(realOrSelf);
  const name = `ledger-${createHash("sha256").update(JSON.stringify([...roots].sort())).digest("hex").slice(0, 16)}.cache`;
  const insideLedger = (path: string) => roots.find((root) => isInside(root, realAsFarAsItExists(path)));
  if (where.location !== undefined) {
    const given = resolve(where.cwd, where.location);
    const file = /[\\/]$/.test(where.location) || isFolder(given) ? join(given, name) : given;
    const root = insideLedger(file);
    if (root !== undefined) throw new UsageError(`--cache-location '${where.location}' is inside the ledger folder ${root}; a cache is never written among the ledger's files, so choose a place outside it`);
    return file;
  }
  const project = projectOf(where.cwd);
  if (project !== undefined) {
    const file = join(project, "node_modules", ".cache", "claims", name);
    if (insideLedger(file) === undefined) return file;
  }
  return join(osCacheFolder(where.env, where.platform ?? process.platform, where.home ?? homedir()), "claims", name);
}

/** The operating system's folder for caches: XDG_CACHE_HOME or ~/.cache, ~/Library/Caches on macOS, LOCALAPPDATA on Windows. */
export function osCacheFolder(env: CacheWhere["env"], platform: NodeJS.Platform, home: string): string {
  if (platform === "win32") return env.LOCALAPPDATA || join(home, "AppData", "Local");
  if (platform === "darwin") return join(home, "Library", "Caches");
  return env.XDG_CACHE_HOME && env.XDG_CACHE_HOME.startsWith("/") ? env.XDG_CACHE_HOME : join(home, ".cache");
}

function projectOf(cwd: string): string | undefined {
  for (let dir = cwd; ; dir = dirname(dir)) {
    if (isFile(join(dir, "package.json"))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The real path of the deepest existing folder of `path`, with the rest appended: where a file there would really be. */
function realAsFarAsItExists(path: string): string {
  let rest = "";
  for (let dir = path; ; dir = dirname(dir)) {
    try {
      return realpathSync(dir) + rest;
    } catch {
      if (dirname(dir) === dir) return path;
      rest = `${sep}${dir.slice(dirname(dir).length).replace(/^[\\/]/, "")}${rest}`;
    }
  }
}
