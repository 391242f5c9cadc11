/**
 * `claims add` as a library (SPEC §10 v2): where a new record goes, and the edit that puts it
 * there. Nothing here writes: the edit is checked with the whole ledger (verify.ts), then written
 * by the caller.
 */
import { realpathSync } from "node:fs";
import { basename, dirname, extname, join } from "node:path";
import type { Kind, Ledger } from "../load/ledger.js";
import { isId } from "../load/schema.js";
import { displayPath, isInside, realOrSelf } from "../load/workspace.js";
import { didYouMean } from "../shared/suggest.js";
import { openEditable } from "./editable.js";
import { EditInvalid, EditRefused } from "./types.js";
import { insertEntry } from "./insert.js";
import type { FileEdit } from "./verify.js";

export type AddKind = "statement" | "source" | "document" | "claim";

/** Which record, and where the user asked for it to go. */
export interface AddTarget {
  readonly kind: AddKind;
  /** The new record's id; for a statement, the id of its claim. */
  readonly id: string;
  /** An absolute path to write to instead of the usual place (`--file`). */
  readonly file?: string;
}

export interface AddRequest extends AddTarget {
  readonly record: Readonly<Record<string, unknown>>;
}

/** The edit of `addEdit`, and where in the new text the record stands. */
export interface AddEdit extends FileEdit {
  readonly at: number;
  readonly inserted: string;
}

/** Where a record goes: a file, and the mapping (or list) in it. */
export interface Placement {
  readonly abs: string;
  readonly display: string;
  readonly path: readonly string[];
  /** The record's key in that mapping; null for a statement, appended to its claim's list. */
  readonly key: string | null;
}

const SECTION: Record<Exclude<AddKind, "statement">, Kind> = { source: "sources", document: "documents", claim: "claims" };
const NOUN: Record<Kind, string> = { sources: "a source", documents: "a document", claims: "a claim" };

/**
 * Where a record goes (README "Recording statements"): a statement into its claim's list; a
 * source or document into the first file (in file order) that declares such records, else a new
 * `sources.yaml` / `documents.yaml` in the ledger folder; a claim into `<id>.yaml` there. A
 * `file` given overrides each, but must lie in the ledger folder and be a YAML file. `root` is the
 * ledger folder as an absolute path.
 */
export function placeRecord(ledger: Ledger, root: string, cwd: string, request: AddTarget): Placement {
  if (request.kind === "statement") return placeStatement(ledger, request);
  if (!isId(request.id)) throw new EditInvalid(`'${request.id}' is not an id: ids are lower-case letters, digits and '-', starting with a letter or digit, at most 64 characters${slugHint(request.id)}`);
  const section = SECTION[request.kind];
  const declared = ledger.declared.get(request.id);
  if (declared !== undefined) throw new EditInvalid(`id '${request.id}' is already declared as ${NOUN[declared]}${whereDeclared(ledger, request.id)}; ids are global across the ledger, so choose another`);
  const usual = (): string => {
    if (request.kind === "claim") return join(root, `${request.id}.yaml`);
    const first = (section === "sources" ? ledger.sources : ledger.documents).values().next().value;
    return first?.file.abs ?? join(root, `${section}.yaml`);
  };
  const abs = request.file === undefined ? usual() : checkedFile(request.file, root, cwd);
  return { abs, display: displayPath(cwd, abs), path: [section], key: request.id };
}

function placeStatement(ledger: Ledger, request: AddTarget): Placement {
  const claim = ledger.claims.get(request.id);
  if (claim === undefined) {
    const declared = ledger.declared.get(request.id);
    if (declared === "claims") throw new EditRefused(`claim '${request.id}' has errors that keep it out of the ledger; fix them first ('claims lint' shows them)`);
    if (declared !== undefined) throw new EditInvalid(`'${request.id}' is ${NOUN[declared]}, not a claim; statements belong to claims`);
    throw new EditRefused(`unknown claim '${request.id}'${didYouMean(request.id, ledger.claims.keys())}; 'claims add claim ${request.id} …' records a new one`);
  }
  if (request.file !== undefined && realOrSelf(request.file) !== realOrSelf(claim.file.abs)) {
    throw new EditRefused(`claim '${request.id}' is declared in ${claim.file.display}, so its statements go there; leave out --file, or name that file`);
  }
  return { abs: claim.file.abs, display: claim.file.display, path: ["claims", request.id, "statements"], key: null };
}

/** A `--file` path: a YAML file inside the ledger folder. */
function checkedFile(file: string, root: string, cwd: string): string {
  const shown = displayPath(cwd, file);
  if (!/^\.ya?ml$/i.test(extname(file))) throw new EditRefused(`--file '${basename(file)}' is not a .yaml or .yml file, so the ledger would not read it`);
  let folder: string;
  try {
    folder = realpathSync(dirname(file));
  } catch {
    throw new EditRefused(`--file '${shown}': its folder does not exist; create it first`);
  }
  if (!isInside(realOrSelf(root), folder)) throw new EditRefused(`--file '${shown}' is outside the ledger folder '${displayPath(cwd, root)}'; records go into the ledger's own files`);
  return file;
}

function whereDeclared(ledger: Ledger, id: string): string {
  const entry = ledger.sources.get(id) ?? ledger.documents.get(id) ?? ledger.claims.get(id);
  return entry ? ` in ${entry.file.display}` : "";
}

/** " (such as foo-bar)" when the slug of a written id is one. */
function slugHint(id: string): string {
  const slug = id.trim().toLowerCase().replace(/\s+/g, "-");
  return isId(slug) ? ` (such as '${slug}')` : "";
}

/**
 * The edit that adds the record at `place`, given the file's current text (null: the file does
 * not exist yet, and is made). The file's other bytes are kept (insert.ts).
 */
export function addEdit(place: Placement, current: string | null, request: AddRequest): AddEdit {
  try {
    const { text, at, inserted } = insertEntry(openEditable(current ?? ""), place.path, place.key, request.record);
    return { abs: place.abs, display: place.display, before: current, after: text, at, inserted };
  } catch (error) {
    if (error instanceof EditRefused) throw new EditRefused(`cannot add to ${place.display}: ${error.message}`, { cause: error });
    throw error;
  }
}

/**
 * Whether the ledger as it would be reads the record from where it was put: a file the ledger
 * does not read (a hidden folder, another ledger folder) would lose it. For a statement, its
 * claim is read from that file, and the insertion itself made sure the statement is in it.
 */
export function holdsRecord(after: Ledger, request: AddTarget, place: Placement): boolean {
  const entries = request.kind === "source" ? after.sources : request.kind === "document" ? after.documents : after.claims;
  const entry = entries.get(request.id);
  return entry !== undefined && realOrSelf(entry.file.abs) === realOrSelf(place.abs);
}
