/**
 * What the editing stage gives its callers, in types that do not mention yaml's syntax tree: the
 * library's declarations stand alone (tests/package.test.ts), and yaml is bundled, not installed.
 */
import type { Fix } from "./fix-find.js";
import type { FileEdit } from "./verify.js";

/** An edit that cannot be made safely; the message says why and, where there is one, the fix. */
export class EditRefused extends Error {
  override readonly name: string = "EditRefused";
}

/** Refused because the ledger would have an error after the edit (a taken or malformed id). */
export class EditInvalid extends EditRefused {
  override readonly name = "EditInvalid";
}

/** A text with one entry inserted. */
export interface Insertion {
  /** The whole new text of the file. */
  readonly text: string;
  /** Where the inserted text starts, as a UTF-16 offset into both texts. */
  readonly at: number;
  readonly inserted: string;
}

/** A fix as made, with where it stood in the file when it was made. */
export interface AppliedFix extends Fix {
  readonly line: number;
  readonly column: number;
}

/** A ledger file's path and exact text (a BOM included). */
export interface FileText {
  readonly abs: string;
  readonly display: string;
  readonly text: string;
}

/** The fixes made across files, and each changed file's edit. */
export interface Fixed {
  readonly applied: readonly AppliedFix[];
  readonly edits: readonly FileEdit[];
}
