/** Parsed files → validated records (per file) → ledger (across files). No terminal, no process state. */
import { diagnostic, type Diagnostic, type Position } from "../shared/diagnostics.js";
import { pushAll } from "../shared/arrays.js";
import { shortened } from "../shared/list.js";
import type { ClaimEntry, Entry, Kind, Ledger, LedgerFile, OmittedClaim } from "./ledger.js";
import { locate } from "./locate.js";
import { isMapping } from "./parse.js";
import type { ClaimInput, DocumentInput, SettingsInput, SourceInput, StatementInput } from "./records.js";
import { claimCommonSchema, claimShellSchema, documentSchema, fileSchema, ID_MAX, isId, settingsSchema, sourceSchema, statementSchema } from "./schema.js";
import { schemaDiagnostics } from "./schema-issues.js";

const SECTIONS = ["sources", "documents", "claims"] as const;

/** A record of one file, validated where the file was parsed; whether it counts is decided across files. */
export interface LoadedRecord {
  readonly kind: Kind;
  readonly id: string;
  /** Set when the id is not a slug: the record is reported with this and skipped. */
  readonly badId?: Diagnostic;
  /** The validated record (a claim with the statements that passed), when it is usable. */
  readonly data?: SourceInput | DocumentInput | ClaimInput;
  /** For a claim: the index in the file of each statement in `data.statements`. */
  readonly statementIndexes?: readonly number[];
  /** The record's schema diagnostics; reported only when its id is the first declaration. */
  readonly diagnostics: readonly Diagnostic[];
  /**
   * Ids (`source`, `via`, `in`) cited by statements the analysis will not see: those left out for
   * schema errors, or every statement of a claim whose id is not a slug.
   */
  readonly cited: readonly string[];
}

/** What one file gives the ledger: its own faults, its settings and its records, in file order. */
export interface FileRecords {
  readonly diagnostics: readonly Diagnostic[];
  readonly settings?: { readonly at: Position; readonly data?: SettingsInput; readonly diagnostics: readonly Diagnostic[] };
  readonly records: readonly LoadedRecord[];
}

/**
 * Validates one file's records against the schemas: the part of loading that needs no other
 * file, so it runs on the parse workers. `value` is the parsed file (undefined when broken).
 */
export function validateFile(file: LedgerFile, value: unknown): FileRecords {
  const diagnostics: Diagnostic[] = [];
  const records: LoadedRecord[] = [];
  if (value === undefined || value === null) return { diagnostics, records }; // broken, or an empty fragment
  if (!isMapping(value)) {
    diagnostics.push(diagnostic("schema", "a ledger file is a mapping with `sources`, `documents`, `claims` and/or `settings`", locate(file, [])));
    return { diagnostics, records };
  }
  for (const key of Object.keys(value)) {
    if (key === "settings") continue;
    if (!(SECTIONS as readonly string[]).includes(key)) {
      pushAll(diagnostics, schemaDiagnostics(file, [], fileSchema.safeParse({ [key]: null }).error?.issues ?? []));
    }
  }
  let settings: FileRecords["settings"];
  if (value.settings !== undefined) {
    const result = settingsSchema.safeParse(value.settings);
    const at = locate(file, ["settings"], "key");
    settings = result.success ? { at, data: result.data, diagnostics: [] } : { at, diagnostics: schemaDiagnostics(file, ["settings"], result.error.issues, value.settings) };
  }
  for (const kind of SECTIONS) {
    const section = value[kind];
    if (section === undefined || section === null) continue;
    if (!isMapping(section)) {
      diagnostics.push(diagnostic("schema", `\`${kind}\` must be a mapping from id to record`, locate(file, [kind])));
      continue;
    }
    for (const [id, record] of Object.entries(section)) records.push(validateRecord(file, kind, id, record));
  }
  return { diagnostics, records, ...(settings ? { settings } : {}) };
}

/** Assembles the ledger from its files' records, in file order: settings, ids across files and kinds. */
export function buildLedger(loaded: readonly (FileRecords & { readonly file: LedgerFile })[]): Ledger {
  const ledger = {
    files: loaded.map((l) => l.file),
    sources: new Map<string, Entry<SourceInput>>(),
    documents: new Map<string, Entry<DocumentInput>>(),
    claims: new Map<string, ClaimEntry>(),
    declared: new Map<string, Kind>(),
    diagnostics: loaded.flatMap((l) => l.diagnostics),
    settings: {} as SettingsInput,
    citedByInvalid: new Set<string>(),
    omittedClaims: [] as OmittedClaim[],
  };
  const omit = (file: LedgerFile, record: LoadedRecord, reason: OmittedClaim["reason"]) => {
    if (record.kind === "claims") ledger.omittedClaims.push({ id: record.id, reason, at: locate(file, ["claims", record.id], "key") });
  };
  let settingsFrom: string | undefined;
  const firstDeclared = new Map<string, FirstDeclaration>();
  for (const { file, settings, records } of loaded) {
    if (settings !== undefined) {
      if (settingsFrom !== undefined) {
        ledger.diagnostics.push(diagnostic("schema", `settings are already given in ${settingsFrom}; keep them in one file`, settings.at));
      } else if (settings.data === undefined) {
        pushAll(ledger.diagnostics, settings.diagnostics);
      } else {
        ledger.settings = settings.data;
        settingsFrom = `${settings.at.file}:${settings.at.line}`;
      }
    }
    for (const record of records) {
      if (!declare(ledger, firstDeclared, file, record)) {
        omit(file, record, record.badId ? "id" : "duplicate-id");
        // A claim left out for its id still cites its sources and documents: they are not "unused".
        for (const id of record.cited) ledger.citedByInvalid.add(id);
        if (record.kind === "claims" && record.data !== undefined) for (const id of citations(record.data)) ledger.citedByInvalid.add(id);
        continue;
      }
      pushAll(ledger.diagnostics, record.diagnostics);
      for (const id of record.cited) ledger.citedByInvalid.add(id);
      if (record.data === undefined) {
        omit(file, record, "schema");
        continue;
      }
      const entry = { id: record.id, file };
      if (record.kind === "sources") ledger.sources.set(record.id, { ...entry, data: record.data as SourceInput });
      else if (record.kind === "documents") ledger.documents.set(record.id, { ...entry, data: record.data as DocumentInput });
      else ledger.claims.set(record.id, { ...entry, data: record.data as ClaimInput, statementIndexes: record.statementIndexes ?? [] });
    }
  }
  return ledger;
}

interface FirstDeclaration {
  readonly file: LedgerFile;
  readonly kind: Kind;
}

/** Records the first declaration of a record's id; false when the record must be skipped. */
function declare(ledger: Ledger & { declared: Map<string, Kind> }, first: Map<string, FirstDeclaration>, file: LedgerFile, record: LoadedRecord): boolean {
  const { kind, id } = record;
  if (record.badId) {
    ledger.diagnostics.push(record.badId);
    return false;
  }
  const previous = first.get(id);
  if (previous !== undefined) {
    // Positions are found only for what is reported: locating every id would re-parse every file.
    const where = locate(previous.file, [previous.kind, id], "key");
    ledger.diagnostics.push(diagnostic("duplicate-id", `id '${id}' is already declared (${kindNoun(previous.kind)} at ${where.file}:${where.line}:${where.column}); rename one, since ids are global across files and kinds`, locate(file, [kind, id], "key")));
    return false;
  }
  first.set(id, { file, kind });
  ledger.declared.set(id, kind);
  return true;
}

function kindNoun(kind: Kind): string {
  return kind === "sources" ? "a source" : kind === "documents" ? "a document" : "a claim";
}

/** Validates one record of a file, as far as the file alone can tell. */
function validateRecord(file: LedgerFile, kind: Kind, id: string, record: unknown): LoadedRecord {
  if (!isId(id)) {
    const message = `id '${shortened(id)}' is not a slug: use lower-case letters, digits and '-', starting with a letter or digit, at most ${ID_MAX} characters`;
    const cited = kind === "claims" ? citations(record) : [];
    return { kind, id, badId: diagnostic("schema", message, locate(file, [kind, id], "key")), diagnostics: [], cited };
  }
  const path = [kind, id];
  if (kind === "claims") {
    const diagnostics: Diagnostic[] = [];
    const cited = new Set<string>();
    const claim = validateClaim(file, path, record, diagnostics, cited);
    return { kind, id, ...claim, diagnostics, cited: [...cited] };
  }
  const result = (kind === "sources" ? sourceSchema : documentSchema).safeParse(record);
  return result.success ? { kind, id, data: result.data, diagnostics: [], cited: [] } : { kind, id, diagnostics: schemaDiagnostics(file, path, result.error.issues, record), cited: [] };
}

/**
 * Validates a claim; when only some statements are malformed, those are reported and left out
 * and the rest of the claim is kept, so one typo does not hide a whole claim from the analysis.
 *
 * Statements are validated one at a time, and the claim around them with only the good ones: a
 * claim of a hundred thousand bad statements handed Zod one list of their issues, which it
 * spreads into a function call (`push(...issues)`) and so overflowed the stack and ended the run.
 */
function validateClaim(file: LedgerFile, path: readonly PropertyKey[], record: unknown, out: Diagnostic[], cited: Set<string>): { data: ClaimInput; statementIndexes: number[] } | undefined {
  const tooLong = LIST_KEYS.find((key) => isMapping(record) && Array.isArray(record[key]) && record[key].length > MAX_LIST_ITEMS);
  if (tooLong !== undefined) {
    const items = ((record as Record<string, unknown[]>)[tooLong]).length.toLocaleString("en-US");
    out.push(diagnostic("schema", `\`${tooLong}\` lists ${items} items; a claim takes at most ${MAX_LIST_ITEMS.toLocaleString("en-US")}`, locate(file, [...path, tooLong])));
    for (const id of citations(record)) cited.add(id);
    return undefined;
  }
  const statements = isMapping(record) && Array.isArray(record.statements) ? (record.statements as unknown[]) : undefined;
  const statementIndexes: number[] = [];
  const checked: StatementInput[] = [];
  if (statements) {
    let unlisted = 0;
    statements.forEach((statement, i) => {
      const result = statementSchema.safeParse(statement);
      if (result.success) {
        statementIndexes.push(i);
        checked.push(result.data);
      }
      else if (i - statementIndexes.length < MAX_LISTED_BAD_STATEMENTS) pushAll(out, schemaDiagnostics(file, [...path, "statements", i], result.error.issues, statement));
      else unlisted++;
    });
    if (unlisted > 0) {
      const more = `${unlisted.toLocaleString("en-US")} more statement${unlisted === 1 ? " has" : "s have"} faults, not listed one by one (the first ${MAX_LISTED_BAD_STATEMENTS.toLocaleString("en-US")} are); fix those and run again`;
      out.push(diagnostic("schema", more, locate(file, [...path, "statements"], "key")));
    }
    // What a statement left out still cites: its sources and documents are not "unused".
    if (statementIndexes.length < statements.length) for (const id of citations(record)) cited.add(id);
  }
  // The claim with its good statements only, or with one stand-in when none is good (so that
  // "at least one statement" speaks only of an empty list); an empty list stays empty.
  // The statements are checked; the rest of the claim is checked with them taken as they are.
  const kept = statements === undefined ? undefined : statementIndexes.length > 0 || statements.length === 0 ? checked : [STAND_IN];
  const claim = kept === undefined ? record : { ...(record as object), statements: kept };
  const result = claimShellSchema.safeParse(claim);
  if (!result.success) {
    // Without a known type the union checks nothing else; the keys all claims share are checked too.
    const typeUnknown = result.error.issues.some((issue) => issue.path.length === 1 && issue.path[0] === "type");
    const common = typeUnknown ? (claimCommonSchema.safeParse(claim).error?.issues ?? []) : [];
    pushAll(out, schemaDiagnostics(file, path, [...result.error.issues, ...common], record));
    for (const id of citations(record)) cited.add(id);
    return undefined;
  }
  if (statementIndexes.length === 0) return undefined;
  return { data: { ...result.data, statements: checked } as ClaimInput, statementIndexes };
}

/**
 * The most statements with faults listed one by one per claim; the rest are counted in one more
 * diagnostic. Each costs Zod's issue objects, a place, and a line of output: a claim of a hundred
 * thousand bad statements took twenty seconds to list, to no reader's benefit.
 */
export const MAX_LISTED_BAD_STATEMENTS = 1_000;

/**
 * The most items a claim's other lists may hold. Zod validates every item of a list before any
 * length check, and hands the item faults up in one spread call, which overflows the stack beyond
 * about a hundred thousand; and no claim has ten thousand options or tags.
 */
export const MAX_LIST_ITEMS = 10_000;
const LIST_KEYS = ["options", "tags", "unit"] as const;

/** A statement with no fault, standing in for a claim's statements when every one of them was left out. */
const STAND_IN = { source: "stand-in", says: "unknown" };

/** The ids a claim cites (its statements' `source`, `via`, `in`, its verdict's `claimant`), whether or not they are valid. */
function citations(claim: unknown): string[] {
  const ids: string[] = [];
  if (!isMapping(claim)) return ids;
  if (isMapping(claim.verdict) && typeof claim.verdict.claimant === "string") ids.push(claim.verdict.claimant);
  const statements = Array.isArray(claim.statements) ? claim.statements : [];
  for (const statement of statements) {
    if (!isMapping(statement)) continue;
    for (const key of ["source", "via", "in"]) if (typeof statement[key] === "string") ids.push(statement[key]);
  }
  return ids;
}
