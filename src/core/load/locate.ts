/**
 * Where things stand in a ledger file (SPEC §9 positions): the places of statement fields kept from
 * the first parse, and any other key or value found by parsing the file again when it is reported.
 */
import { type Document, isMap, isScalar, isSeq, type LineCounter, type Pair } from "yaml";
import type { Position } from "../shared/diagnostics.js";
import type { LedgerFile, StatementHints } from "./ledger.js";
import { pack, unpackAt } from "./packed.js";
import { nodeAt, parseYaml } from "./parse.js";
import { readGivenText, readTextFile } from "./read.js";

/** The statement fields whose places are kept as hints; "" is the statement itself. */
export const HINTED_FIELDS = ["", "source", "says", "quote", "in", "via"] as const;

/** The hinted place of a value's path, when it is a statement or one of its hinted fields. */
export function hinted(file: LedgerFile, path: readonly PropertyKey[]): Position | undefined {
  const hints = file.hints;
  if (!hints || path[0] !== "claims" || path[2] !== "statements" || typeof path[3] !== "number") return undefined;
  const field = HINTED_FIELDS.indexOf((path.length === 4 ? "" : path[4]) as (typeof HINTED_FIELDS)[number]);
  const claim = indexIn(hints.claims, String(path[1]));
  if (field < 0 || path.length > 5 || claim < 0) return undefined;
  return pairAt(file, unpackAt(hints.places, claim)! + path[3] * HINTED_FIELDS.length + field);
}

/** Where a claim's id key stands (SPEC §11 v2 `line`/`column`): from the hints, else by locating it. */
export function claimKeyPlace(file: LedgerFile, id: string): Position {
  const claim = file.hints ? indexIn(file.hints.claims, id) : -1;
  const at = claim < 0 ? undefined : pairAt(file, unpackAt(file.hints!.places, claim)! - 1);
  return at ?? locate(file, ["claims", id], "key");
}

/** The `pair`-th line and column pair of the file's hints (record places first, then statements'). */
function pairAt(file: LedgerFile, pair: number): Position | undefined {
  const { claims, places } = file.hints!;
  const at = claims.length + 2 * pair;
  const line = unpackAt(places, at);
  const column = unpackAt(places, at + 1);
  return line === undefined || column === undefined || pair < 0 ? undefined : { file: file.display, line, column };
}

// Lists of more ids than this are looked up through a Map, made on first use and kept as long as
// the list is; shorter ones (nearly every file holds one claim) by a scan, with nothing kept.
const SCANNED = 16;
const indexes = new WeakMap<readonly string[], Map<string, number>>();

function indexIn(list: readonly string[], key: string): number {
  if (list.length <= SCANNED) return list.indexOf(key);
  let index = indexes.get(list);
  if (index === undefined) indexes.set(list, (index = new Map(list.map((k, i) => [k, i]))));
  return index.get(key) ?? -1;
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
  const record = key === undefined || file.hints === undefined ? -1 : indexIn(file.hints.records, key);
  return record < 0 ? undefined : pairAt(file, record);
}

/**
 * The hints of a parsed file (see `StatementHints`): the places of record keys and of each
 * document's `archive` and `sha256` as `locate` places them; then for each claim its id key, and
 * for its statements the hinted fields (a field's value, its key when the value is empty, the
 * statement when the field is absent). One walk, rather than a lookup from the root for every field.
 */
export function statementHints(doc: Document.Parsed, lineCounter: LineCounter): StatementHints | undefined {
  const records: string[] = [];
  const seen = new Set<string>();
  const pairs: number[] = [];
  const place = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    pairs.push(line, col);
  };
  const put = (key: string | undefined, node: { range?: readonly number[] | null } | null | undefined) => {
    if (key === undefined || seen.has(key) || !node?.range) return;
    seen.add(key);
    records.push(key);
    place(node.range[0]);
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
  const claims: string[] = [];
  const placed = new Set<string>();
  const starts: number[] = [];
  const section = pairNamed(doc.contents, "claims")?.value;
  for (const pair of isMap(section) ? section.items : []) {
    if (!isScalar(pair.key)) continue;
    const id = String(pair.key.value);
    const statements = pairNamed(pair.value, "statements")?.value;
    if (placed.has(id) || !isSeq(statements)) continue;
    placed.add(id);
    // The claim's own id key comes first, then its statements' places.
    place(pair.key.range?.[0] ?? 0);
    claims.push(id);
    starts.push(pairs.length / 2);
    for (const item of statements.items) {
      const itemOffset = (item as { range?: readonly number[] } | null)?.range?.[0] ?? 0;
      for (const field of HINTED_FIELDS) {
        const found = field === "" ? undefined : pairNamed(item, field);
        const node = (found?.value ?? found?.key) as { range?: readonly number[] } | null | undefined;
        place(node?.range?.[0] ?? itemOffset);
      }
    }
  }
  return pairs.length === 0 ? undefined : { claims, records, places: pack([...starts, ...pairs]) };
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
