/**
 * One file → its parse faults and validated records: everything about a file that does not
 * depend on the other files. What the parse workers run; the ledger is assembled from the
 * results on the main thread (`buildLedger`).
 */
import { diagnostic, type Diagnostic } from "../shared/diagnostics.js";
import type { LedgerFile } from "./ledger.js";
import { keepSyntax, statementHints, type Syntax, withSyntax } from "./locate.js";
import { type FileRecords, validateFile } from "./validate.js";
import { parseYaml } from "./parse.js";
import { readGivenText, readTextFile } from "./read.js";
import { createHash } from "node:crypto";
import type { WorkspaceFile } from "./workspace.js";

export interface ParsedLedgerFile {
  readonly file: LedgerFile;
  /** The file's plain data; undefined when it could not be read or parsed. */
  readonly value: unknown;
  readonly diagnostics: readonly Diagnostic[];
  /** SHA-256 (hex) of the bytes parsed, when asked for (see `loadHashed`); what a file cache is keyed by. */
  readonly sha256?: string;
}

/**
 * A parse with its syntax tree, kept while the file's own records are validated (then let go).
 * Not exported: the tree is `yaml`'s type, which the library bundles and its declarations must not name.
 */
interface ParsedWithSyntax extends ParsedLedgerFile {
  readonly syntax?: Syntax;
}

export interface LoadedFile extends FileRecords {
  readonly file: LedgerFile;
}

/** A loaded file with the SHA-256 of the very bytes it was loaded from (none when it could not be read). */
export interface HashedFile {
  readonly loaded: LoadedFile;
  readonly sha256: string | undefined;
}

/** Reads, parses and validates one file; a broken file gives diagnostics and no records. */
export function loadFile(found: WorkspaceFile): LoadedFile {
  return loadHashed(found, false).loaded;
}

/**
 * `loadFile`, and with `hash` the SHA-256 of the bytes it read: a cache must be keyed by what was
 * parsed, not by a second read that a concurrent edit could make differ.
 */
export function loadHashed(found: WorkspaceFile, hash: boolean): HashedFile {
  const { file, value, diagnostics, syntax, sha256 } = parseWithSyntax(found, hash);
  // The places of the file's schema faults come from this parse, not a second one.
  const records = syntax ? withSyntax(file, syntax, () => validateFile(file, value)) : validateFile(file, value);
  return { loaded: { file, ...records, diagnostics: [...diagnostics, ...records.diagnostics] }, sha256 };
}

/** Reads and parses one file; a broken file gives diagnostics and no value. */
export function parseFile(found: WorkspaceFile): ParsedLedgerFile {
  return parseWithSyntax(found);
}

function parseWithSyntax(found: WorkspaceFile, hash = false): ParsedWithSyntax {
  const bare: LedgerFile = { abs: found.abs, display: found.display, root: found.root, parsed: false };
  const at = (line = 1, column = 1) => ({ file: found.display, line, column });
  if (found.fault) return { file: bare, value: undefined, diagnostics: [diagnostic("unreadable-file", found.fault, at())] };
  const read = found.text !== undefined ? readGivenText(found.text) : readTextFile(found.abs);
  if (!read.ok) return { file: bare, value: undefined, diagnostics: [diagnostic("unreadable-file", read.message, at(read.line, read.column))] };
  const parsed = parseYaml(read.text);
  const value = parsed.faults.some((f) => f.code === "yaml-syntax") ? undefined : parsed.value;
  const hints = parsed.doc && value !== undefined ? statementHints(parsed.doc, parsed.lineCounter) : undefined;
  const file: LedgerFile = { ...bare, parsed: parsed.doc !== undefined, ...(hints ? { hints } : {}), ...(found.text !== undefined ? { text: found.text } : {}) };
  if (found.text !== undefined && parsed.doc) keepSyntax(file, { doc: parsed.doc, lineCounter: parsed.lineCounter });
  const diagnostics = parsed.faults.map((f) => {
    const { line, col } = parsed.lineCounter.linePos(f.offset);
    return diagnostic(f.code, f.message, at(line, col));
  });
  return { file, value, diagnostics, ...(hash ? { sha256: createHash("sha256").update(read.bytes).digest("hex") } : {}), ...(parsed.doc ? { syntax: { doc: parsed.doc, lineCounter: parsed.lineCounter } } : {}) };
}
