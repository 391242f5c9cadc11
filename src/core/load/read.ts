/** Reading files safely (SPEC §9 `unreadable-file`): regular files only, bounded, strict UTF-8, no NUL. */
import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import { isUtf8 } from "node:buffer";

export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export type ReadResult =
  | { readonly ok: true; readonly text: string; readonly bytes: Buffer }
  /** `offset` is a UTF-16 offset into the text read so far, when the fault has a place. */
  | { readonly ok: false; readonly message: string; readonly line?: number; readonly column?: number };

/**
 * Reads a file as UTF-8 text without ever blocking on a FIFO or reading an endless device:
 * the file is opened non-blocking, checked with fstat on the same descriptor, and read up to its size.
 */
export function readTextFile(path: string): ReadResult {
  const read = readFileBytes(path);
  return read.ok ? decode(read.bytes) : read;
}

/** A file's bytes, read as `readTextFile` reads them (regular files only, bounded), not decoded. */
export function readFileBytes(path: string): { readonly ok: true; readonly bytes: Buffer } | { readonly ok: false; readonly message: string } {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return { ok: false, message: `cannot open: ${describeFsError(error)}` };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { ok: false, message: `not a regular file (${kindOf(stat)}); only regular files are read` };
    if (stat.size > MAX_FILE_BYTES) return { ok: false, message: `file is ${formatMiB(stat.size)}, over the 10 MiB limit` };
    // Every byte is overwritten by the reads below (a short read is cut off), so no zero-fill.
    const bytes = Buffer.allocUnsafe(stat.size);
    let read = 0;
    while (read < stat.size) {
      const n = readSync(fd, bytes, read, stat.size - read, read);
      if (n === 0) break;
      read += n;
    }
    return { ok: true, bytes: bytes.subarray(0, read) };
  } catch (error) {
    return { ok: false, message: `cannot read: ${describeFsError(error)}` };
  } finally {
    closeSync(fd);
  }
}

/**
 * Text given in memory instead of a file (an editor's unsaved buffer, a change not yet written),
 * held to the same rules as a file read from disk: the size limit, one leading BOM, no NUL; and
 * nothing UTF-8 cannot encode: a JavaScript string may hold an unpaired surrogate, which encoding
 * would silently turn into U+FFFD.
 */
export function readGivenText(text: string): ReadResult {
  // With the `u` flag, \p{Surrogate} matches only a surrogate that is not half of a pair.
  const unpaired = text.search(/\p{Surrogate}/u);
  if (unpaired !== -1) {
    const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    return { ok: false, message: "text holds an unpaired surrogate, which UTF-8 cannot encode; save the file as UTF-8", ...placeOf(text.slice(bom), unpaired - bom) };
  }
  const bytes = Buffer.from(text, "utf8");
  if (bytes.length > MAX_FILE_BYTES) return { ok: false, message: `file is ${formatMiB(bytes.length)}, over the 10 MiB limit` };
  return decode(bytes);
}

/** Strict UTF-8 decoding with one leading BOM allowed and NUL refused, each fault with its place. */
export function decode(bytes: Buffer): ReadResult {
  if (startsUtf16(bytes)) {
    return { ok: false, message: "file is UTF-16, not UTF-8; save it as UTF-8", line: 1, column: 1 };
  }
  if (!isUtf8(bytes)) {
    const offset = firstInvalidUtf8(bytes);
    const valid = bytes.subarray(0, offset).toString("utf8");
    return { ok: false, message: `not valid UTF-8 at byte ${offset}; save the file as UTF-8`, ...placeOf(valid, valid.length) };
  }
  let text = bytes.toString("utf8");
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const nul = text.indexOf("\0");
  if (nul !== -1) return { ok: false, message: "file holds a NUL character; it is binary or corrupted", ...placeOf(text, nul) };
  return { ok: true, text, bytes };
}

function startsUtf16(bytes: Buffer): boolean {
  return bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
}

/** The offset of the first byte that is not part of a valid UTF-8 sequence (binary search on valid prefixes). */
function firstInvalidUtf8(bytes: Buffer): number {
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (validPrefix(bytes.subarray(0, mid))) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function validPrefix(bytes: Buffer): boolean {
  try {
    // stream: true tolerates a sequence cut at the end, so validity is monotonic in the prefix length.
    new TextDecoder("utf-8", { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * 1-based line and UTF-16 column of an offset in a text. CRLF, a bare CR and LF each end a line,
 * as YAML 1.2 (§5.4) counts them and as the parser's positions do (`normaliseLineBreaks`).
 */
export function placeOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const lineBreak = /\r\n?|\n/g;
  for (let found = lineBreak.exec(text); found !== null && found.index < offset; found = lineBreak.exec(text)) {
    line++;
    lineStart = found.index + found[0].length;
  }
  return { line, column: Math.max(1, offset - lineStart + 1) };
}

function kindOf(stat: import("node:fs").Stats): string {
  if (stat.isDirectory()) return "a directory";
  if (stat.isFIFO()) return "a FIFO";
  if (stat.isCharacterDevice()) return "a character device";
  if (stat.isBlockDevice()) return "a block device";
  if (stat.isSocket()) return "a socket";
  return "not a file";
}

function formatMiB(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/** A short reason from a Node fs error, without its stack. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case "ENOENT": return "no such file";
    case "EACCES": case "EPERM": return "permission denied";
    case "ELOOP": return "symbolic link loop";
    case "EISDIR": return "is a directory";
    case "ENAMETOOLONG": return "name too long";
    default: return code ?? (error instanceof Error ? error.message : String(error));
  }
}
