/**
 * New YAML text for a record, written by yaml's own stringifier (so every value is quoted exactly
 * as it must be) in the layout of the file it goes into.
 */
import { Document, isScalar, isSeq, visit } from "yaml";
import type { Style } from "./editable.js";

/** Options for yaml's stringifier: no folding, the file's indentation, quotes and padding. */
function options(style: Style, indent = style.step) {
  return { indent, indentSeq: style.indentSeq, lineWidth: 0, minContentWidth: 0, flowCollectionPadding: style.flowPadding, singleQuote: style.singleQuote, version: "1.2" } as const;
}

/** A document for `value` with yaml 1.2's core schema, the one the loader reads with. */
function documentOf(value: unknown): Document {
  return new Document(value, { version: "1.2", schema: "core" });
}

/**
 * Whether a string with line breaks can be a block scalar (`|-`) wherever it is put. One that
 * starts with white space needs an indentation indicator, which yaml writes for two-space
 * indentation whatever `indent` is; one that ends with a line break would be kept (`|+`) with the
 * blank lines after it in the file, or lose its break at the end of a file without one. Those
 * are written double-quoted, with escapes.
 */
function safeAsBlock(value: string): boolean {
  return !value.includes("\n") || !(/^\s/.test(value) || /\n\s*$/.test(value));
}

/** Lists of plain values read best on one line (`tags: [casualties]`), as the example ledger writes them. */
function flowShortLists(doc: Document): void {
  visit(doc, {
    Seq(_, node) {
      if (node.items.every((item) => isScalar(item))) node.flow = true;
    },
    Scalar(_, node, path) {
      if (typeof node.value !== "string") return;
      const inFlow = path.some((p) => isSeq(p) && p.flow);
      if ((inFlow && /[\n\t]/.test(node.value)) || !safeAsBlock(node.value)) node.type = "QUOTE_DOUBLE";
    },
  });
}

/** The lines (without line ends) of a mapping or value written in block style at column 0. */
function blockLines(value: unknown, style: Style): string[] {
  const doc = documentOf(value);
  flowShortLists(doc);
  return doc.toString(options(style)).replace(/\n$/, "").split("\n");
}

function indentLines(lines: readonly string[], first: string, rest: string): string[] {
  // Empty lines stay empty: inside a block scalar they are blank lines either way.
  return lines.map((line, i) => (line === "" ? "" : (i === 0 ? first : rest) + line));
}

/** `key: value` as the lines of a block mapping entry at column `indent`. */
export function blockPair(key: string, value: unknown, indent: number, style: Style): string[] {
  const pad = " ".repeat(indent);
  return indentLines(blockLines({ [key]: value }, style), pad, pad);
}

/** `value` as the lines of a block list item whose `-` stands at column `indent`. */
export function blockItem(value: unknown, indent: number, offset: number, style: Style): string[] {
  const content = Math.max(2, offset); // "-" and at least one space
  return indentLines(blockLines(value, style), `${" ".repeat(indent)}-${" ".repeat(content - 1)}`, " ".repeat(indent + content));
}

/** `value` as a block collection whose entries stand at column `indent` (a list's `-`, a mapping's keys). */
export function blockValue(value: unknown, indent: number, style: Style): string[] {
  const pad = " ".repeat(indent);
  return indentLines(blockLines(value, style), pad, pad);
}

/** `value` on one line in flow style: `{source: a, says: 10}`. */
export function flowText(value: unknown, style: Style): string {
  const doc = documentOf(value);
  visit(doc, {
    Map(_, node) {
      node.flow = true;
    },
    Seq(_, node) {
      node.flow = true;
    },
    Scalar(_, node) {
      if (typeof node.value === "string" && /[\n\t]/.test(node.value)) node.type = "QUOTE_DOUBLE";
    },
  });
  const text = doc.toString(options(style)).replace(/\n$/, "");
  // yaml breaks a flow collection over lines only for a value that cannot stay on one line.
  if (text.includes("\n")) throw new Error("a value could not be written on one line");
  return text;
}
