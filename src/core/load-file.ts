/** One file → its plain data and parse faults. What the parse workers run; no schema, no ledger. */
import { diagnostic, type Diagnostic } from "./diagnostics.js";
import { type LedgerFile, statementHints } from "./ledger.js";
import { parseYaml } from "./parse.js";
import { readTextFile } from "./read.js";
import type { WorkspaceFile } from "./workspace.js";

export interface LoadedFile {
  readonly file: LedgerFile;
  readonly value: unknown;
  readonly diagnostics: readonly Diagnostic[];
}

/** Reads and parses one file; a broken file gives diagnostics and no value. */
export function loadFile(found: WorkspaceFile): LoadedFile {
  const bare: LedgerFile = { abs: found.abs, display: found.display, root: found.root, parsed: false };
  const at = (line = 1, column = 1) => ({ file: found.display, line, column });
  if (found.fault) return { file: bare, value: undefined, diagnostics: [diagnostic("unreadable-file", found.fault, at())] };
  const read = readTextFile(found.abs);
  if (!read.ok) return { file: bare, value: undefined, diagnostics: [diagnostic("unreadable-file", read.message, at(read.line, read.column))] };
  const parsed = parseYaml(read.text);
  const value = parsed.faults.some((f) => f.code === "yaml-syntax") ? undefined : parsed.value;
  const hints = parsed.doc && value !== undefined ? statementHints(parsed.doc, parsed.lineCounter) : undefined;
  const file: LedgerFile = { ...bare, parsed: parsed.doc !== undefined, ...(hints ? { hints } : {}) };
  const diagnostics = parsed.faults.map((f) => {
    const { line, col } = parsed.lineCounter.linePos(f.offset);
    return diagnostic(f.code, f.message, at(line, col));
  });
  return { file, value, diagnostics };
}

