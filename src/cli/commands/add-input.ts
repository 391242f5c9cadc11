/**
 * What `claims add` needs from the user: the required options of each form, asked for at a
 * terminal (offering the ledger's ids) and named in a usage error anywhere else; then the record
 * built from them.
 */
import { createHash } from "node:crypto";
import { readFileSync, realpathSync, statSync } from "node:fs";
import { dirname, relative, resolve, sep } from "node:path";
import { valueContext } from "../../core/analysis/analyse-claim.js";
import type { AddKind, Placement } from "../../core/edit/add.js";
import { claimRecord, documentRecord, sourceRecord, statementRecord, type StatementFields } from "../../core/edit/records.js";
import type { Ledger } from "../../core/load/ledger.js";
import { CLAIM_TYPES, SOURCE_TYPES } from "../../core/load/records.js";
import { isId } from "../../core/load/schema.js";
import { isInside, UsageError } from "../../core/load/workspace.js";
import { parseValue, type ValueContext } from "../../core/values/index.js";
import type { Io } from "../io.js";
import type { Prompter } from "../prompt.js";

/** Every option of the four forms, as commander gives them. */
export interface AddOptions {
  readonly ledger?: string;
  readonly file?: string;
  readonly dryRun?: boolean;
  readonly source?: string;
  readonly says?: string;
  readonly quote?: string;
  readonly in?: string;
  readonly on?: string;
  readonly asOf?: string;
  readonly via?: string;
  readonly url?: string;
  readonly retracted?: string;
  readonly note?: string;
  readonly name?: string;
  readonly type?: string;
  readonly side?: string;
  readonly reliability?: string;
  readonly title?: string;
  readonly publisher?: string;
  readonly published?: string;
  readonly archive?: string;
  readonly question?: string;
  readonly unit?: readonly string[];
  readonly options?: readonly string[];
  readonly cumulative?: boolean;
  readonly tags?: readonly string[];
}

type Field = "id" | "source" | "says" | "name" | "type" | "title" | "publisher" | "question" | "options";

/** The required fields of each form, in the order they are asked (a claim's type before its options and value). */
const REQUIRED: Record<AddKind, readonly Field[]> = {
  statement: ["id", "source", "says"],
  source: ["id", "name", "type"],
  document: ["id", "title", "publisher"],
  claim: ["id", "question", "type", "options", "source", "says"],
};

export interface Filled {
  readonly id: string;
  readonly options: AddOptions;
}

function missing(kind: AddKind, field: Field, id: string | undefined, options: AddOptions): boolean {
  if (field === "id") return id === undefined || id === "";
  if (field === "options") return kind === "claim" && options.type === "choice" && (options.options ?? []).length === 0;
  const value = options[field];
  return value === undefined || value === "";
}

function flag(kind: AddKind, field: Field): string {
  return field === "id" ? (kind === "statement" ? "<claim-id>" : "<id>") : `--${field}`;
}

/**
 * The id and options with every required one given: asked for at a terminal, else a UsageError
 * naming what is missing (a script never waits on a question it cannot see).
 */
export async function completeInput(io: Io, kind: AddKind, id: string | undefined, options: AddOptions, ledger: Ledger): Promise<Filled> {
  const left = REQUIRED[kind].filter((field) => missing(kind, field, id, options));
  if (left.length === 0) return { id: id!, options };
  if (!io.stdinIsTTY || io.prompter === undefined) {
    const names = left.map((field) => flag(kind, field));
    const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
    throw new UsageError(`missing ${list}; give ${names.length === 1 ? "it" : "them"}, or run at a terminal to be asked (see 'claims add ${kind} --help')`);
  }
  const prompter = await io.prompter();
  let filledId = id;
  const filled: Record<string, unknown> = { ...options };
  for (const field of REQUIRED[kind]) {
    if (!missing(kind, field, filledId, filled as AddOptions)) continue;
    const answer = await ask(prompter, kind, field, filledId, filled as AddOptions, ledger);
    if (field === "id") filledId = answer;
    else filled[field] = field === "options" ? splitList(answer) : answer;
  }
  return { id: filledId!, options: filled as AddOptions };
}

function ask(prompter: Prompter, kind: AddKind, field: Field, id: string | undefined, options: AddOptions, ledger: Ledger): Promise<string> {
  const nonEmpty = (value: string) => value.trim() !== "" || "it cannot be empty";
  switch (field) {
    case "id":
      if (kind === "statement") return prompter.choose("Which claim is the statement about?", [...ledger.claims.values()].map((c) => ({ value: c.id, description: c.data.question })));
      return prompter.text(`Id of the new ${kind} (lower-case letters, digits and '-')`, (value) => (!isId(value) ? "an id is lower-case letters, digits and '-', starting with a letter or digit" : ledger.declared.has(value) ? `'${value}' is already declared; ids are global across the ledger` : true));
    case "source": {
      const sources = [...ledger.sources.values()].map((s) => ({ value: s.id, description: s.data.name }));
      return sources.length > 0 ? prompter.choose("Who said it? (source)", sources) : prompter.text("Who said it? (a source id; declare it with 'claims add source' first)", nonEmpty);
    }
    case "says": {
      const context = contextFor(kind, id, options, ledger);
      return prompter.text(`What does ${options.source ?? "the source"} say? (${context?.type ?? "a"} value, or unknown)`, (value) => {
        if (value.trim() === "") return "it cannot be empty: write the value, or unknown";
        if (context === undefined) return true;
        const read = parseValue(context, statementRecord({ source: "", says: value }, context).says);
        return read.ok ? true : read.message;
      });
    }
    case "type":
      return prompter.choose(kind === "source" ? "What kind of source is it?" : "What type of answer does the claim take?", (kind === "source" ? SOURCE_TYPES : CLAIM_TYPES).map((value) => ({ value })));
    case "options":
      return prompter.text("The options a statement can name, comma-separated (such as police,protesters)", (value) => {
        const list = splitList(value);
        return list.length > 0 && list.every(isId) ? true : "options are ids (lower-case letters, digits and '-'), separated by commas";
      });
    case "name":
      return prompter.text("The source's name (who speaks)", nonEmpty);
    case "title":
      return prompter.text("The document's title", nonEmpty);
    case "publisher":
      return prompter.text("Who published it?", nonEmpty);
    case "question":
      return prompter.text("The question the claim answers", nonEmpty);
  }
}

/** How a statement's value is read: the claim's own context, or the new claim's. */
function contextFor(kind: AddKind, id: string | undefined, options: AddOptions, ledger: Ledger): ValueContext | undefined {
  if (kind === "statement") {
    const claim = id === undefined ? undefined : ledger.claims.get(id);
    return claim && valueContext(claim);
  }
  if (!(CLAIM_TYPES as readonly string[]).includes(options.type ?? "")) return undefined;
  return { type: options.type as ValueContext["type"], unit: options.unit && [...options.unit], margin: 0.1, options: options.options && [...options.options] };
}

/** A list option: comma-separated, and the option may be repeated (`--tags a,b --tags c`). */
export function splitList(value: string, previous: readonly string[] = []): string[] {
  return [...previous, ...value.split(",").map((part) => part.trim()).filter((part) => part !== "")];
}

/** The record the options describe, placed at `place` (an archive's path is written relative to that file). */
export function recordFor(io: Io, kind: AddKind, id: string, options: AddOptions, ledger: Ledger, place: Placement, root: string): Record<string, unknown> {
  const statement = (): StatementFields => ({ source: options.source!, says: options.says!, quote: options.quote, in: options.in, on: options.on, via: options.via, retracted: options.retracted, asOf: options.asOf, url: options.url, note: options.note });
  switch (kind) {
    case "statement": {
      const claim = ledger.claims.get(id);
      return statementRecord(statement(), claim ? { type: claim.data.type, options: claim.data.type === "choice" ? claim.data.options : undefined } : { type: "unknown" });
    }
    case "source":
      return sourceRecord({ name: options.name!, type: options.type!, side: options.side, reliability: options.reliability, url: options.url, note: options.note });
    case "document":
      return documentRecord({ title: options.title!, publisher: options.publisher!, url: options.url, published: options.published, archive: options.archive === undefined ? undefined : archiveOf(io, options.archive, place, root) });
    case "claim":
      return claimRecord({ question: options.question!, type: options.type!, unit: options.unit, cumulative: options.cumulative, options: options.options, tags: options.tags }, statement());
  }
}

/** `--archive FILE`: a regular file inside the ledger folder, its path relative to the YAML file, and its SHA-256. */
function archiveOf(io: Io, given: string, place: Placement, root: string): { path: string; sha256: string } {
  const abs = resolve(io.cwd, given);
  let real: string;
  try {
    real = realpathSync(abs);
  } catch {
    throw new UsageError(`--archive '${given}' does not exist; save the archived text first`);
  }
  if (!statSync(real).isFile()) throw new UsageError(`--archive '${given}' is not a file`);
  if (!isInside(realpathSync(root), real)) throw new UsageError(`--archive '${given}' lies outside the ledger folder; copy it into the ledger (an archive/ folder beside the YAML files, say) and give that copy`);
  const sha256 = createHash("sha256").update(readFileSync(real)).digest("hex");
  return { path: relative(dirname(place.abs), abs).split(sep).join("/"), sha256 };
}
