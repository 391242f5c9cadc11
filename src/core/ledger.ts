/** The loaded ledger: validated records with their places, ids resolved across files (SPEC §1–§4). */
import type { Document, LineCounter } from "yaml";
import type { Diagnostic, Position } from "./diagnostics.js";
import type { ClaimInput, DocumentInput, SettingsInput, SourceInput } from "./schema.js";
import { nodeAt } from "./parse.js";

export type Kind = "sources" | "documents" | "claims";

/** One file of the ledger, parsed or not. */
export interface LedgerFile {
  readonly abs: string;
  readonly display: string;
  readonly root: string;
  readonly doc?: Document.Parsed;
  readonly lineCounter?: LineCounter;
}

/** A validated record and where it stands. */
export interface Entry<T> {
  readonly id: string;
  readonly data: T;
  readonly file: LedgerFile;
}

/** A claim; statements malformed in the file are left out, so each kept one remembers its index there. */
export interface ClaimEntry extends Entry<ClaimInput> {
  readonly statementIndexes: readonly number[];
}

export interface Ledger {
  readonly files: readonly LedgerFile[];
  readonly sources: ReadonlyMap<string, Entry<SourceInput>>;
  readonly documents: ReadonlyMap<string, Entry<DocumentInput>>;
  /** Claims in file order. */
  readonly claims: ReadonlyMap<string, ClaimEntry>;
  /** Every id declared, valid record or not, with its kind: so a broken record does not cascade into unknown-id errors. */
  readonly declared: ReadonlyMap<string, Kind>;
  readonly diagnostics: Diagnostic[];
  /** Ledger-wide settings, from the one file that gives them. */
  readonly settings: SettingsInput;
}

/** Where a key (`"key"`) or its value (`"value"`) stands in a file; the nearest existing ancestor if it is absent. */
export function locate(file: LedgerFile, path: readonly PropertyKey[], part: "key" | "value" = "value"): Position {
  if (!file.doc || !file.lineCounter) return { file: file.display, line: 1, column: 1 };
  const { node, key, reached } = nodeAt(file.doc, path);
  const target = part === "key" || !reached ? (key ?? node) : node;
  const offset = target?.range?.[0] ?? 0;
  const { line, col } = file.lineCounter.linePos(offset);
  return { file: file.display, line, column: col };
}

/** The position of a UTF-16 offset of a file's text. */
export function positionAt(file: LedgerFile, offset: number): Position {
  if (!file.lineCounter) return { file: file.display, line: 1, column: 1 };
  const { line, col } = file.lineCounter.linePos(offset);
  return { file: file.display, line, column: col };
}
