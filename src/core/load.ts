/** Parsed files → validated records → ledger. No terminal, no process state. */
import { diagnostic, type Diagnostic } from "./diagnostics.js";
import { type ClaimEntry, type Entry, type Kind, type Ledger, type LedgerFile, locate } from "./ledger.js";
import type { LoadedFile } from "./load-file.js";
import { isMapping } from "./parse.js";
import { claimSchema, documentSchema, fileSchema, ID_PATTERN, settingsSchema, sourceSchema, type DocumentInput, type SettingsInput, type SourceInput } from "./schema.js";
import { schemaDiagnostics } from "./schema-issues.js";

const SECTIONS = ["sources", "documents", "claims"] as const;

/** Validates each record of each file and resolves ids across the ledger. */
export function buildLedger(loaded: readonly LoadedFile[]): Ledger {
  const ledger = {
    files: loaded.map((l) => l.file),
    sources: new Map<string, Entry<SourceInput>>(),
    documents: new Map<string, Entry<DocumentInput>>(),
    claims: new Map<string, ClaimEntry>(),
    declared: new Map<string, Kind>(),
    diagnostics: loaded.flatMap((l) => l.diagnostics),
    settings: {} as SettingsInput,
    citedByInvalid: new Set<string>(),
  };
  let settingsFrom: string | undefined;
  const firstDeclared = new Map<string, FirstDeclaration>();
  for (const { file, value } of loaded) {
    if (value === undefined || value === null) continue; // broken, or an empty fragment
    if (!isMapping(value)) {
      ledger.diagnostics.push(diagnostic("schema", "a ledger file is a mapping with `sources`, `documents`, `claims` and/or `settings`", locate(file, [])));
      continue;
    }
    for (const key of Object.keys(value)) {
      if (key === "settings") continue;
      if (!(SECTIONS as readonly string[]).includes(key)) {
        ledger.diagnostics.push(...schemaDiagnostics(file, [], fileSchema.safeParse({ [key]: null }).error?.issues ?? []));
      }
    }
    if (value.settings !== undefined) {
      const at = locate(file, ["settings"], "key");
      const result = settingsSchema.safeParse(value.settings);
      if (settingsFrom !== undefined) {
        ledger.diagnostics.push(diagnostic("schema", `settings are already given in ${settingsFrom}; keep them in one file`, at));
      } else if (!result.success) {
        ledger.diagnostics.push(...schemaDiagnostics(file, ["settings"], result.error.issues, value.settings));
      } else {
        ledger.settings = result.data;
        settingsFrom = `${at.file}:${at.line}`;
      }
    }
    for (const kind of SECTIONS) {
      const section = value[kind];
      if (section === undefined || section === null) continue;
      if (!isMapping(section)) {
        ledger.diagnostics.push(diagnostic("schema", `\`${kind}\` must be a mapping from id to record`, locate(file, [kind])));
        continue;
      }
      for (const [id, record] of Object.entries(section)) {
        if (!declare(ledger, firstDeclared, file, kind, id)) continue;
        addRecord(ledger, file, kind, id, record);
      }
    }
  }
  return ledger;
}

interface FirstDeclaration {
  readonly file: LedgerFile;
  readonly kind: Kind;
}

/** Checks an id and records its first declaration; false when the record must be skipped. */
function declare(ledger: Ledger & { declared: Map<string, Kind> }, first: Map<string, FirstDeclaration>, file: LedgerFile, kind: Kind, id: string): boolean {
  // Positions are found only for what is reported: locating every id would re-parse every file.
  const at = () => locate(file, [kind, id], "key");
  if (id.length > 64 || !ID_PATTERN.test(id)) {
    ledger.diagnostics.push(diagnostic("schema", `id '${id}' is not a slug: use lower-case letters, digits and '-', starting with a letter or digit, at most 64 characters`, at()));
    return false;
  }
  const previous = first.get(id);
  if (previous !== undefined) {
    const where = locate(previous.file, [previous.kind, id], "key");
    ledger.diagnostics.push(diagnostic("duplicate-id", `id '${id}' is already declared (${kindNoun(previous.kind)} at ${where.file}:${where.line}:${where.column}); ids are global across files and kinds — rename one`, at()));
    return false;
  }
  first.set(id, { file, kind });
  ledger.declared.set(id, kind);
  return true;
}

function kindNoun(kind: Kind): string {
  return kind === "sources" ? "a source" : kind === "documents" ? "a document" : "a claim";
}

function addRecord(ledger: Ledger, file: LedgerFile, kind: Kind, id: string, record: unknown): void {
  const path = [kind, id];
  if (kind === "sources") {
    const result = sourceSchema.safeParse(record);
    if (result.success) (ledger.sources as Map<string, Entry<SourceInput>>).set(id, { id, data: result.data, file });
    else ledger.diagnostics.push(...schemaDiagnostics(file, path, result.error.issues, record));
  } else if (kind === "documents") {
    const result = documentSchema.safeParse(record);
    if (result.success) (ledger.documents as Map<string, Entry<DocumentInput>>).set(id, { id, data: result.data, file });
    else ledger.diagnostics.push(...schemaDiagnostics(file, path, result.error.issues, record));
  } else {
    const claim = validateClaim(file, path, record, ledger.diagnostics, ledger.citedByInvalid as Set<string>);
    if (claim) (ledger.claims as Map<string, ClaimEntry>).set(id, { id, file, ...claim });
  }
}

/**
 * Validates a claim; when only some statements are malformed, those are reported and left out
 * and the rest of the claim is kept, so one typo does not hide a whole claim from the analysis.
 */
function validateClaim(file: LedgerFile, path: readonly PropertyKey[], record: unknown, out: Diagnostic[], cited: Set<string>): Omit<ClaimEntry, "id" | "file"> | undefined {
  const result = claimSchema.safeParse(record);
  if (result.success) return { data: result.data, statementIndexes: result.data.statements.map((_, i) => i) };
  out.push(...schemaDiagnostics(file, path, result.error.issues, record));
  // What a statement left out still cites: its sources and documents are not "unused".
  const raw = isMapping(record) && Array.isArray(record.statements) ? record.statements : [];
  for (const statement of raw) {
    if (!isMapping(statement)) continue;
    for (const key of ["source", "via", "in"]) if (typeof statement[key] === "string") cited.add(statement[key]);
  }
  const badStatements = new Set<number>();
  for (const issue of result.error.issues) {
    if (issue.path[0] !== "statements" || typeof issue.path[1] !== "number") return undefined;
    badStatements.add(issue.path[1]);
  }
  const statements = isMapping(record) ? record.statements : undefined;
  if (!Array.isArray(statements)) return undefined;
  const statementIndexes = statements.map((_, i) => i).filter((i) => !badStatements.has(i));
  if (statementIndexes.length === 0) return undefined;
  const retry = claimSchema.safeParse({ ...(record as object), statements: statementIndexes.map((i) => statements[i]) });
  return retry.success ? { data: retry.data, statementIndexes } : undefined;
}

