/**
 * Fixes made through yaml's CST: each rewrites one scalar with `CST.setScalarValue`, which keeps
 * the scalar's quoting and the comment after it, and everything else of the file is untouched.
 * As for insertions, the result is checked before it is returned: the new text differs from the
 * old only inside the rewritten scalars, and it reads back as the old value with the fixes made.
 */
import { CST } from "yaml";
import { parseYaml } from "../load/parse.js";
import { keyOf } from "./cst-items.js";
import { isCollectionToken, openEditable, stringifyTokens, type Editable } from "./editable.js";
import { findFixes, type Fix } from "./fix-find.js";
import { EditRefused, type AppliedFix, type FileText, type Fixed } from "./types.js";
import { pushAll } from "../shared/arrays.js";

interface Rewrite {
  readonly offset: number;
  readonly before: string;
  token: CST.FlowScalar | CST.BlockScalar;
}

/** Makes the fixes of one file; a fix whose scalar cannot be found is left out. */
export function applyFixes(file: Editable, fixes: readonly Fix[]): { text: string; applied: AppliedFix[] } {
  const tokens = file.tokens();
  const doc = tokens.find((t): t is CST.Document => t.type === "document");
  const rewrites: Rewrite[] = [];
  const applied: AppliedFix[] = [];
  for (const fix of fixes) {
    const found = doc?.value ? scalarAt(doc.value, fix.path, fix.part) : undefined;
    if (!found || rewrites.some((r) => r.token === found.token)) continue;
    const { token, inFlow, afterKey } = found;
    const rewrite = { offset: token.offset, before: CST.stringify(token), token };
    // A plain scalar stays plain unless the new text would then read as something else (`true`, `10`).
    const plain = token.type === "scalar" && readsAsString(fix.to);
    CST.setScalarValue(token, fix.to, { implicitKey: fix.part === "key", afterKey, inFlow, ...(token.type === "scalar" && !plain ? { type: "QUOTE_DOUBLE" as const } : {}) });
    rewrites.push(rewrite);
    applied.push({ ...fix, ...placeOf(file.text, rewrite.offset) });
  }
  const text = stringifyTokens(tokens);
  let expected = file.text;
  for (const r of [...rewrites].sort((a, b) => b.offset - a.offset)) expected = expected.slice(0, r.offset) + CST.stringify(r.token) + expected.slice(r.offset + r.before.length);
  if (text !== expected) throw new EditRefused("a fix would touch text outside the scalar it rewrites, so none was made; please report this with the file");
  const parsed = parseYaml(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  const want = JSON.parse(JSON.stringify(file.value ?? null)) as unknown;
  for (const fix of applied) applyToValue(want, fix);
  if (parsed.faults.length > 0 || JSON.stringify(parsed.value) !== JSON.stringify(want)) {
    throw new EditRefused("the fixed file would not read back as intended, so no fix was made; please report this with the file");
  }
  return { text, applied };
}

/** The scalar token at `path`: a mapping's key, or the value at the end of the path. */
function scalarAt(root: CST.Token, path: readonly (string | number)[], part: Fix["part"]): { token: CST.FlowScalar | CST.BlockScalar; inFlow: boolean; afterKey: boolean } | undefined {
  let node: CST.Token | undefined = root;
  let inFlow = false;
  for (let i = 0; i < path.length; i++) {
    if (!isCollectionToken(node)) return undefined;
    inFlow ||= node.type === "flow-collection";
    const step = path[i];
    const item: CST.CollectionItem | undefined =
      typeof step === "number" ? node.items.filter((it) => it.value !== undefined || it.start.some((t) => t.type === "seq-item-ind"))[step] : node.items.find((it) => keyOf(it) === step);
    if (item === undefined) return undefined;
    if (i === path.length - 1) {
      const token = part === "key" ? item.key : item.value;
      return CST.isScalar(token ?? undefined) ? { token: token as CST.FlowScalar | CST.BlockScalar, inFlow, afterKey: part === "value" && typeof step === "string" } : undefined;
    }
    node = item.value;
  }
  return undefined;
}

/** Whether `text` written as a plain scalar reads back as that same string. */
function readsAsString(text: string): boolean {
  const read = parseYaml(text);
  return read.faults.length === 0 && read.value === text;
}

/** The same fix on a plain value: a key renamed where it stands, or a value replaced. */
function applyToValue(root: unknown, fix: Fix): void {
  let node = root as Record<string | number, unknown>;
  for (const step of fix.path.slice(0, -1)) node = node[step] as Record<string | number, unknown>;
  const last = fix.path[fix.path.length - 1];
  if (fix.part === "value") {
    node[last] = fix.to;
    return;
  }
  const entries = Object.entries(node).map(([k, v]) => [k === last ? fix.to : k, v] as const);
  for (const key of Object.keys(node)) delete node[key];
  for (const [k, v] of entries) node[k] = v;
}

/** 1-based line and column of an offset, as the loader counts them (a BOM is not a column). */
function placeOf(text: string, offset: number): { line: number; column: number } {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) line++;
  return { line, column: offset - Math.max(lineStart, bom) + 1 };
}

/**
 * Every fix of the ledger's files, made again and again until none is left (a key fixed can
 * let its record be checked further), at most five rounds. Only files `editable` accepts are
 * changed; the others give context (their ids). Files that cannot be edited (a syntax error) are
 * left as they are.
 */
export function fixFiles(files: readonly FileText[], editable: (abs: string) => boolean = () => true): Fixed {
  const current = new Map(files.map((f) => [f.abs, f.text]));
  const applied: AppliedFix[] = [];
  for (let round = 0; round < 5; round++) {
    const open = new Map<string, Editable>();
    for (const f of files) {
      try {
        open.set(f.abs, openEditable(current.get(f.abs)!));
      } catch (error) {
        if (!(error instanceof EditRefused)) throw error;
      }
    }
    const fixes = findFixes(
      files.filter((f) => open.has(f.abs)).map((f) => ({ abs: f.abs, display: f.display, value: open.get(f.abs)!.value })),
      editable,
    );
    let made = 0;
    for (const [abs, editable] of open) {
      const mine = fixes.filter((fix) => fix.abs === abs);
      if (mine.length === 0) continue;
      const result = applyFixes(editable, mine);
      current.set(abs, result.text);
      pushAll(applied, result.applied);
      made += result.applied.length;
    }
    if (made === 0) break;
  }
  const edits = files.filter((f) => current.get(f.abs) !== f.text).map((f) => ({ abs: f.abs, display: f.display, before: f.text, after: current.get(f.abs)! }));
  return { applied, edits };
}
