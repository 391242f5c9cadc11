/** The loaded ledger: validated records with the files they stand in, ids resolved across files (SPEC §1–§4). */
import type { Diagnostic, Position } from "../shared/diagnostics.js";
import type { ClaimInput, DocumentInput, SettingsInput, SourceInput } from "./records.js";

export type Kind = "sources" | "documents" | "claims";

/**
 * One file of the ledger, as plain data (it crosses worker threads). Its YAML syntax tree is not
 * kept: most files never need a position, and holding ten thousand trees costs more in garbage
 * collection than parsing the few that do a second time (see `syntaxOf`).
 */
export interface LedgerFile {
  readonly abs: string;
  readonly display: string;
  readonly root: string;
  /** False when the file could not be read or parsed: its faults point at 1:1 or carry their own place. */
  readonly parsed: boolean;
  /**
   * Places of the statement fields most diagnostics point at, found while the file was first
   * parsed (see `statementHints`), so that reporting them needs no second parse.
   */
  readonly hints?: StatementHints;
  /** The text it was read from when that was given in memory (`contents`), not read from disk. */
  readonly text?: string;
}

/**
 * The places of what diagnostics and reports point at, found while the file was first parsed (see
 * `statementHints`), so that reporting them needs no second parse. Kept for every file of a
 * ledger, so kept small: two lists of ids and one string of numbers (packed.ts), where a typed
 * array and an object keyed by the file's own ids cost about 1.3 KB per file in objects and
 * hidden classes.
 */
export interface StatementHints {
  /** The claims whose statements are placed, in file order. */
  readonly claims: readonly string[];
  /**
   * What the checks across files point at, by `recordHintKey`: each record's key (a duplicate id,
   * an unused source), and a document's `archive` and `sha256` values. Without them, ids declared
   * again in a file that cycles through more files than the parse cache holds re-parsed a whole
   * file for each one.
   */
  readonly records: readonly string[];
  /**
   * Packed numbers: for each of `claims`, the pair its statements start at; then line and column
   * pairs, first one for each of `records`, then per claim its id key's and, for each statement,
   * one for each of `HINTED_FIELDS`.
   */
  readonly places: string;
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
  /** Ids cited (`source`, `via`, `in`) by statements left out for schema errors, or by claims left out for a duplicate or malformed id: still citations. */
  readonly citedByInvalid: ReadonlySet<string>;
  /** Claims left out of the analysis for an error of their own, in file order: outputs say why a claim is missing. */
  readonly omittedClaims: readonly OmittedClaim[];
}

/** A claim the analysis does not see: its id is not a slug (`id`), was declared before (`duplicate-id`), or the claim has schema errors outside its statements (`schema`). */
export interface OmittedClaim {
  readonly id: string;
  readonly reason: "id" | "duplicate-id" | "schema";
  /** Its id key. */
  readonly at: Position;
}

