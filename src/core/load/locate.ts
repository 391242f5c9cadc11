/**
 * Where things stand in a ledger file (SPEC §9 positions): the places of statement fields kept from
 * the first parse, and any other key or value found by parsing the file again when it is reported.
 */
import { type Document, isMap, isScalar, isSeq, type LineCounter, type Pair } from "yaml";
import type { Position } from "../shared/diagnostics.js";
import type { LedgerFile, StatementHints } from "./ledger.js";
import { nodeAt, parseYaml } from "./parse.js";
import { readGivenText, readTextFile } from "./read.js";

/** The statement fields whose places are kept as hints; "" is the statement itself. */
export const HINTED_FIELDS = ["", "source", "says", "quote", "in", "via"] as const;

/** The hinted place of a value's path, when it is a statement or one of its hinted fields. */
export function hinted(file: LedgerFile, path: readonly PropertyKey[]): Position | undefined {
  if (!file.hints || path[0] !== "claims" || path[2] !== "statements" || typeof path[3] !== "number") return undefined;
  const field = HINTED_FIELDS.indexOf((path.length === 4 ? "" : path[4]) as (typeof HINTED_FIELDS)[number]);
  const start = file.hints.start[String(path[1])];
  if (field < 0 || path.length > 5 || start === undefined) return undefined;
  const at = 2 * (start + path[3] * HINTED_FIELDS.length + field);
  if (at + 1 >= file.hints.places.length) return undefined;
  return { file: file.display, line: file.hints.places[at], column: file.hints.places[at + 1] };
}

/** Where a claim's id key stands (SPEC §11 v2 `line`/`column`): from the hints, else by locating it. */
export function claimKeyPlace(file: LedgerFile, id: string): Position {
  const start = file.hints?.start[id];
  if (start !== undefined && start >= 1) return { file: file.display, line: file.hints!.places[2 * start - 2], column: file.hints!.places[2 * start - 1] };
  return locate(file, ["claims", id], "key");
}

/** The key of a hinted record place: a record's key (`part` "key"), or a document field's value. */
function recordHintKey(path: readonly PropertyKey[], part: "key" | "value"): string | undefined {
  if (part === "key" && path.length === 2) return `${String(path[0])}\u0000${String(path[1])}`;
  if (part === "value" && path.length === 3 && path[0] === "documents" && (path[2] === "archive" || path[2] === "sha256")) return path.map(String).join("\u0000");
  return undefined;
}

/** The hinted place of a record's key, or of a document's `archive` or `sha256`. */
function recordHinted(file: LedgerFile, path: readonly PropertyKey[], part: "key" | "value"): Position | undefined {
  const key = recordHintKey(path, part);
  const { records, recordPlaces } = file.hints ?? {};
  if (key === undefined || records === undefined || recordPlaces === undefined || !Object.hasOwn(records, key)) return undefined;
  const at = 2 * records[key];
  return { file: file.display, line: recordPlaces[at], column: recordPlaces[at + 1] };
}

/** The places of every record key, and of each document's `archive` and `sha256`, as `locate` places them. */
function recordHints(doc: Document.Parsed, lineCounter: LineCounter): { records: Record<string, number>; recordPlaces: Int32Array } {
  const records: Record<string, number> = Object.create(null);
  const places: number[] = [];
  const put = (key: string | undefined, node: { range?: readonly number[] | null } | null | undefined) => {
    if (key === undefined || key in records || !node?.range) return;
    records[key] = places.length / 2;
    const { line, col } = lineCounter.linePos(node.range[0]);
    places.push(line, col);
  };
  for (const kind of ["sources", "documents", "claims"]) {
    const section = pairNamed(doc.contents, kind)?.value;
    if (!isMap(section)) continue;
    for (const pair of section.items) {
      if (!isScalar(pair.key)) continue;
      const id = String(pair.key.value);
      put(recordHintKey([kind, id], "key"), pair.key);
      if (kind !== "documents") continue;
      for (const field of ["archive", "sha256"]) {
        const found = pairNamed(pair.value, field);
        if (found) put(recordHintKey([kind, id, field], "value"), (found.value ?? found.key) as { range?: readonly number[] } | null);
      }
    }
  }
  return { records, recordPlaces: Int32Array.from(places) };
}

/**
 * The hints of a parsed file: each claim's id key, its statements and their hinted fields, placed as `locate`
 * places them (a field's value, its key when the value is empty, the statement when the field is
 * absent), and the places of record keys (see `StatementHints.records`). One walk over the
 * claims, rather than a lookup from the root for every field.
 */
export function statementHints(doc: Document.Parsed, lineCounter: LineCounter): StatementHints | undefined {
  const recorded = recordHints(doc, lineCounter);
  const claims = pairNamed(doc.contents, "claims")?.value;
  if (!isMap(claims)) return recorded.recordPlaces.length > 0 ? { start: {}, places: new Int32Array(0), ...recorded } : undefined;
  const start: Record<string, number> = {};
  const places: number[] = [];
  for (const pair of claims.items) {
    if (!isScalar(pair.key)) continue;
    const id = String(pair.key.value);
    const statements = pairNamed(pair.value, "statements")?.value;
    if (id in start || !isSeq(statements)) continue;
    // The claim's own id key comes first, then its statements' places.
    const key = lineCounter.linePos(pair.key.range?.[0] ?? 0);
    places.push(key.line, key.col);
    start[id] = places.length / 2;
    for (const item of statements.items) {
      const itemOffset = (item as { range?: readonly number[] } | null)?.range?.[0] ?? 0;
      for (const field of HINTED_FIELDS) {
        const found = field === "" ? undefined : pairNamed(item, field);
        const node = (found?.value ?? found?.key) as { range?: readonly number[] } | null | undefined;
        const { line, col } = lineCounter.linePos(node?.range?.[0] ?? itemOffset);
        places.push(line, col);
      }
    }
  }
  return { start, places: Int32Array.from(places), ...recorded };
}

function pairNamed(node: unknown, name: string): Pair | undefined {
  return isMap(node) ? node.items.find((p) => isScalar(p.key) && String(p.key.value) === name) : undefined;
}

/** The offset `locate` points at for a path: the key or value, or the nearest existing ancestor. */
function targetOffset(doc: Document.Parsed, path: readonly PropertyKey[], part: "key" | "value"): number {
  const { node, key, reached } = nodeAt(doc, path);
  const target = part === "key" || !reached ? (key ?? node) : node;
  return target?.range?.[0] ?? 0;
}

export interface Syntax {
  readonly doc: Document.Parsed;
  readonly lineCounter: LineCounter;
}

// The last few files' trees: a file's diagnostics are found together, so a handful of entries
// avoids re-parsing, while a large ledger with many diagnostics never holds thousands of trees.
const SYNTAX_CACHE_SIZE = 8;
const syntaxCache = new Map<LedgerFile, Syntax | null>();

/**
 * Runs `work` with the file's syntax tree from its first parse at hand, so that what it locates
 * (the schema faults of the file's own records) needs no second parse; the tree is let go after.
 */
export function withSyntax<T>(file: LedgerFile, syntax: Syntax, work: () => T): T {
  // A tree kept for good (a supplied text, see `keepSyntax`) stays kept.
  if (syntaxCache.has(file)) return work();
  syntaxCache.set(file, syntax);
  try {
    return work();
  } finally {
    syntaxCache.delete(file);
  }
}

/** The file's syntax tree and line index, parsed again on first use and kept for its next few diagnostics. */
function syntaxOf(file: LedgerFile): Syntax | null {
  if (!file.parsed) return null;
  let syntax = syntaxCache.get(file);
  if (syntax === undefined) {
    const read = file.text !== undefined ? readGivenText(file.text) : readTextFile(file.abs);
    const parsed = read.ok ? parseYaml(read.text) : undefined;
    syntax = parsed?.doc ? { doc: parsed.doc, lineCounter: parsed.lineCounter } : null;
    keepSyntax(file, syntax);
  }
  return syntax;
}

/**
 * Keeps a file's tree from its first parse, for a file whose text was supplied (an editor's
 * buffer): its diagnostics are placed as soon as it is loaded, and parsing it twice per keystroke
 * doubles the cost of an edit. Files read from disk are not kept (see `LedgerFile`).
 */
export function keepSyntax(file: LedgerFile, syntax: Syntax | null): void {
  if (syntaxCache.size >= SYNTAX_CACHE_SIZE) syntaxCache.delete(syntaxCache.keys().next().value!);
  syntaxCache.set(file, syntax);
}

/** Where a key (`"key"`) or its value (`"value"`) stands in a file; the nearest existing ancestor if it is absent. */
export function locate(file: LedgerFile, path: readonly PropertyKey[], part: "key" | "value" = "value"): Position {
  const hint = (part === "value" ? hinted(file, path) : undefined) ?? recordHinted(file, path, part);
  if (hint) return hint;
  const syntax = syntaxOf(file);
  if (!syntax) return { file: file.display, line: 1, column: 1 };
  const { line, col } = syntax.lineCounter.linePos(targetOffset(syntax.doc, path, part));
  return { file: file.display, line, column: col };
}
