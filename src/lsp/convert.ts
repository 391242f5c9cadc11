/**
 * Between the core's terms and the protocol's: file paths and URIs, 1-based lines and columns
 * and 0-based positions (both count UTF-16 code units, the protocol's default encoding), and
 * diagnostics. Every message passes through the CLI's sanitiser: an editor running in a terminal
 * (Neovim, Helix) shows it there.
 */
import { fileURLToPath, pathToFileURL } from "node:url";
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic, type Position, type Range } from "vscode-languageserver";
import type { Diagnostic, Severity } from "../core/shared/diagnostics.js";
import { sanitize } from "../formats/sanitize.js";

/** The absolute path of a `file:` URI; undefined for any other scheme (an unsaved "untitled:" buffer). */
export function pathOf(uri: string): string | undefined {
  if (!uri.startsWith("file:")) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function uriOf(abs: string): string {
  return pathToFileURL(abs).href;
}

/** A core place (1-based line and column) as a protocol position (0-based). */
export function positionOf(place: { readonly line: number; readonly column: number }): Position {
  return { line: Math.max(0, place.line - 1), character: Math.max(0, place.column - 1) };
}

const SEVERITIES: Record<Severity, DiagnosticSeverity> = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information };

/**
 * A diagnostic for the editor. With the file's lines (an open file), its range covers the key or
 * value it points at; without them, the range is empty and editors mark the word there.
 */
export function toLspDiagnostic(d: Diagnostic, lineAt?: (line: number) => string): LspDiagnostic {
  const start = positionOf(d);
  const range: Range = { start, end: lineAt === undefined ? start : { line: start.line, character: tokenEnd(lineAt(start.line), start.character) } };
  return { range, severity: SEVERITIES[d.severity], code: d.code, source: "claims", message: sanitize(d.message) };
}

/**
 * Where the YAML token starting at `start` of a line ends: a quoted scalar at its closing quote, a
 * key before its colon, a plain value before a comment, a flow separator or the line's end. A
 * diagnostic at a collection (a statement, a list) covers its first line's content.
 */
export function tokenEnd(line: string, start: number): number {
  const first = line[start];
  if (first === '"' || first === "'") {
    for (let i = start + 1; i < line.length; i++) {
      if (first === '"' && line[i] === "\\") i++; // an escape in double quotes
      else if (first === "'" && line[i] === "'" && line[i + 1] === "'") i++; // '' is a quote in single quotes
      else if (line[i] === first) return i + 1;
    }
    return line.length;
  }
  const flow = /[[{,]\s*$/.test(line.slice(0, start));
  let end = start;
  for (; end < line.length; end++) {
    const ch = line[end];
    if (ch === ":" && (end + 1 === line.length || /\s/.test(line[end + 1]))) break;
    if (ch === "#" && end > start && /\s/.test(line[end - 1])) break;
    if (flow && (ch === "," || ch === "]" || ch === "}")) break;
  }
  while (end > start && /\s/.test(line[end - 1])) end--;
  // A list item or flow collection: its first line is the token.
  if (end === start && start < line.length) return line.replace(/\s+$/, "").length;
  return end;
}
