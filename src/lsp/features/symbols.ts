/** Document symbols: a file's sources, documents and claims, each claim with its statements and verdict (an outline). */
import { isMap, isNode, isScalar, isSeq, type Pair, type YAMLMap } from "yaml";
import { type DocumentSymbol, SymbolKind } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { displayValue } from "../../formats/exports/display.js";
import { sanitize } from "../../formats/sanitize.js";
import { rangeOf, syntaxOf, type Syntax } from "../syntax.js";

const SECTIONS: Record<string, { readonly kind: SymbolKind; readonly detail: string }> = {
  sources: { kind: SymbolKind.Constant, detail: "name" },
  documents: { kind: SymbolKind.File, detail: "title" },
  claims: { kind: SymbolKind.Class, detail: "question" },
};

export function documentSymbols(document: TextDocument): DocumentSymbol[] {
  const syntax = syntaxOf(document);
  if (!syntax || !isMap(syntax.doc.contents)) return [];
  const out: DocumentSymbol[] = [];
  for (const section of syntax.doc.contents.items) {
    const name = keyOf(section);
    if (name === undefined) continue;
    const records = isMap(section.value) ? section.value.items.flatMap((pair) => record(syntax, name, pair) ?? []) : [];
    out.push(symbol(syntax, section, name, SymbolKind.Namespace, undefined, records));
  }
  return out;
}

function record(syntax: Syntax, section: string, pair: Pair): DocumentSymbol | undefined {
  const id = keyOf(pair);
  const shape = SECTIONS[section];
  if (id === undefined || shape === undefined) return undefined;
  const fields = isMap(pair.value) ? pair.value : undefined;
  const detail = text(fields, shape.detail);
  return symbol(syntax, pair, id, shape.kind, detail, section === "claims" && fields ? claimParts(syntax, fields) : []);
}

/** A claim's statements ("source: says") and its verdict. */
function claimParts(syntax: Syntax, claim: YAMLMap): DocumentSymbol[] {
  const parts: DocumentSymbol[] = [];
  for (const pair of claim.items) {
    const key = keyOf(pair);
    if (key === "statements" && isSeq(pair.value)) {
      pair.value.items.forEach((item, i) => {
        if (!isMap(item)) return;
        const source = text(item, "source") ?? `statement ${i + 1}`;
        const says = item.get("says", true);
        const name = `${source}: ${isNode(says) ? sanitize(displayValue(says.toJS(syntax.doc))) : "…"}`;
        parts.push({ name, detail: text(item, "on"), kind: SymbolKind.Event, range: rangeOf(syntax, item), selectionRange: rangeOf(syntax, item) });
      });
    } else if (key === "verdict" && isMap(pair.value)) {
      parts.push(symbol(syntax, pair, "verdict", SymbolKind.Property, text(pair.value, "rating"), []));
    }
  }
  return parts;
}

function symbol(syntax: Syntax, pair: Pair, name: string, kind: SymbolKind, detail: string | undefined, children: DocumentSymbol[]): DocumentSymbol {
  const key = pair.key as { range?: readonly number[] };
  const end = (pair.value as { range?: readonly number[] } | null)?.range?.[1] ?? key.range?.[1] ?? 0;
  return {
    name: sanitize(name) || "(empty)",
    kind,
    ...(detail === undefined ? {} : { detail }),
    range: rangeOf(syntax, { range: [key.range?.[0] ?? 0, end] }),
    selectionRange: rangeOf(syntax, key),
    children,
  };
}

function keyOf(pair: Pair): string | undefined {
  return isScalar(pair.key) ? String(pair.key.value) : undefined;
}

/** A text field of a mapping, on one line and safe to show. */
function text(map: YAMLMap | undefined, key: string): string | undefined {
  const value = map?.get(key);
  return typeof value === "string" ? sanitize(value.replace(/\s+/g, " ")).slice(0, 200) : undefined;
}
