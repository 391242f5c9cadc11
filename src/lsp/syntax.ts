/**
 * An open document's YAML syntax tree, parsed by the core's own parser (so the same limits hold:
 * size, depth, no aliases) and kept per version, and the key or value under the cursor.
 */
import { isMap, isScalar, isSeq, type Document, type LineCounter, type Node as YamlNode, type Scalar } from "yaml";
import type { Position, Range } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { parseYaml } from "../core/load/parse.js";
import { readGivenText } from "../core/load/read.js";
import { positionOf } from "./convert.js";

export interface Syntax {
  readonly doc: Document.Parsed;
  readonly lineCounter: LineCounter;
  /** The parsed value: plain data, undefined when the file has syntax errors. */
  readonly value: unknown;
}

const cache = new WeakMap<TextDocument, { readonly version: number; readonly syntax: Syntax | undefined }>();

/** The document's syntax tree, or undefined when it cannot be parsed at all (over the size or depth limit, not text). */
export function syntaxOf(document: TextDocument): Syntax | undefined {
  const kept = cache.get(document);
  if (kept?.version === document.version) return kept.syntax;
  const checked = readGivenText(document.getText());
  const parsed = checked.ok ? parseYaml(checked.text) : undefined;
  const syntax = parsed?.doc ? { doc: parsed.doc, lineCounter: parsed.lineCounter, value: parsed.value } : undefined;
  cache.set(document, { version: document.version, syntax });
  return syntax;
}

/** The protocol range of a node's source (its value, without a trailing comment or line break). */
export function rangeOf(syntax: Syntax, node: { readonly range?: readonly number[] | null }): Range {
  const [start, end] = node.range ?? [0, 0];
  return { start: positionAt(syntax, start), end: positionAt(syntax, end) };
}

export function positionAt(syntax: Syntax, offset: number): Position {
  const { line, col } = syntax.lineCounter.linePos(offset);
  return positionOf({ line, column: col });
}

/** What is under the cursor: the path to it (as the core's paths: keys and list indexes), and whether it is a key or a value. */
export interface Place {
  readonly path: readonly PropertyKey[];
  readonly part: "key" | "value";
  /** The scalar under the cursor (a key, or a value), if it is one. */
  readonly scalar?: Scalar;
  /** The node under the cursor: the scalar, or the collection whose items the cursor is between. */
  readonly node: YamlNode;
}

const within = (node: unknown, offset: number): boolean => {
  const range = (node as { range?: readonly number[] } | null)?.range;
  return range !== undefined && range[0] <= offset && offset <= range[1];
};

/** The key or value at an offset, found by descending the tree through the nodes that contain it. */
export function placeAt(syntax: Syntax, offset: number): Place | undefined {
  let node = syntax.doc.contents as YamlNode | null;
  const path: PropertyKey[] = [];
  while (node) {
    if (isMap(node)) {
      const pair = node.items.find((p) => within(p.key, offset) || within(p.value, offset));
      if (!pair) return within(node, offset) ? { path, part: "value", node } : undefined;
      const key = isScalar(pair.key) ? String(pair.key.value) : "";
      if (within(pair.key, offset)) return { path: [...path, key], part: "key", node: pair.key as YamlNode, ...(isScalar(pair.key) ? { scalar: pair.key } : {}) };
      path.push(key);
      node = pair.value as YamlNode | null;
    } else if (isSeq(node)) {
      const index = node.items.findIndex((item) => within(item, offset));
      if (index === -1) return within(node, offset) ? { path, part: "value", node } : undefined;
      path.push(index);
      node = node.items[index] as YamlNode;
    } else if (isScalar(node)) {
      return { path, part: "value", node, scalar: node };
    } else {
      return undefined;
    }
  }
  return undefined;
}
