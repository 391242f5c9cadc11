/** Diagnostic codes (SPEC §9): one table, so every code has a severity and an explanation. */

export type Severity = "error" | "warning" | "info";

interface CodeInfo {
  readonly severity: Severity;
  /** One line for `--help`, the README and SARIF rule descriptions. */
  readonly summary: string;
}

export const DIAGNOSTIC_CODES = {
  "yaml-syntax": { severity: "error", summary: "The file is not plain YAML 1.2: a syntax error, a key written twice, an alias, anchor or custom tag, nesting deeper than 100 levels, or more than 300,000 tokens." },
  schema: { severity: "error", summary: "A record does not match the file format: an unknown key, a missing required key, or a value of the wrong kind." },
  "duplicate-id": { severity: "error", summary: "An id is declared twice in the ledger; ids are global across files and kinds." },
  "unknown-source": { severity: "error", summary: "A statement's `source` or `via`, or a verdict's `claimant`, names no declared source." },
  "unknown-document": { severity: "error", summary: "A statement's `in` names no declared document." },
  "invalid-value": { severity: "error", summary: "A `says` or `finding` value cannot be read for the claim's type." },
  "archive-missing": { severity: "error", summary: "A document's `archive` file does not exist." },
  "archive-outside-workspace": { severity: "error", summary: "A document's `archive` resolves (after symlinks) outside the workspace root it was found under." },
  "archive-changed": { severity: "error", summary: "An archive's SHA-256 differs from the document's `sha256`." },
  "quote-not-found": { severity: "error", summary: "A quote does not appear in its document's archived text." },
  "unreadable-file": { severity: "error", summary: "A file is not a regular file, is over 10 MiB, is not UTF-8, or holds a NUL character." },
  "unused-source": { severity: "warning", summary: "A source is declared but no statement cites it." },
  "unused-document": { severity: "warning", summary: "A document is declared but no statement cites it." },
  "ambiguous-revision": { severity: "warning", summary: "An origin made (or is reported as making) two conflicting statements with the same date; the later one in file order is taken." },
  "stale-relay": { severity: "warning", summary: "A relay, dated after its origin's position, repeats a figure the origin has since revised." },
  "relay-mismatch": { severity: "warning", summary: "A relay reports its origin as saying something that agrees with none of the origin's own statements." },
  "self-relay": { severity: "warning", summary: "A statement's `via` names its own source: a source does not relay itself, so the statement is read as its own." },
  "quote-unchecked": { severity: "info", summary: "A quote could not be checked: no `in`, no archive, or an unreadable archive." },
  "conflicts-truncated": { severity: "info", summary: "A claim has more than 1,000 conflicting pairs: the report lists the first 1,000, and `conflictCount` counts them all." },
} as const satisfies Record<string, CodeInfo>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

/** A place in a file: 1-based line and column, columns in UTF-16 code units. */
export interface Position {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export interface Diagnostic extends Position {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly message: string;
}

/** Builds a diagnostic; its severity comes from the code table, never from the caller. */
export function diagnostic(code: DiagnosticCode, message: string, at: Position): Diagnostic {
  return { code, severity: DIAGNOSTIC_CODES[code].severity, message, file: at.file, line: at.line, column: at.column };
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** What ordering and counting need of a diagnostic (or of a result shaped like one). */
type Placed = Position & { readonly severity: Severity; readonly code: string };

/** Orders diagnostics by file, line, column, then severity, so every output is stable. */
export function compareDiagnostics(a: Placed, b: Placed): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

/** Counts by severity. */
export function countSeverities(diagnostics: readonly Pick<Diagnostic, "severity">[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  return counts;
}
