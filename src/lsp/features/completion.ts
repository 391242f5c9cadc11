/**
 * Completion: the keys a record of that kind takes at the cursor; source ids (with their names)
 * after `source:` and `via:`; document ids after `in:`; a choice claim's options, or the value
 * forms of its type, after `says:` and `finding:`; the enumerated values of `type`,
 * `reliability` and `rating`.
 */
import { CompletionItemKind, type CompletionItem, type Position, type Range } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { CLAIM_TYPE_DESCRIPTIONS, KEY_DESCRIPTIONS, RATING_DESCRIPTIONS, RELIABILITY_DESCRIPTIONS, SOURCE_TYPE_DESCRIPTIONS } from "../../core/load/descriptions.js";
import { nodeAt } from "../../core/load/parse.js";
import { mappingAt } from "../../core/load/schema.js";
import type { ClaimType } from "../../core/values/types.js";
import { completionPlace } from "../context.js";
import type { LedgerEngine } from "../ledger/engine.js";
import { syntaxOf, type Syntax } from "../syntax.js";
import { claimShape, isClaimant, isStatementField, unitWords, valuePath, valueAt } from "./targets.js";
import { valueForms } from "./value-forms.js";
import { isMap, isScalar } from "yaml";

/** The completions at a position; `snippets` when the client takes snippet syntax. */
export function complete(engine: LedgerEngine, document: TextDocument, position: Position, snippets: boolean): CompletionItem[] {
  const place = completionPlace(document.getText(), position.line, position.character);
  if (!place) return [];
  const range: Range = { start: { line: position.line, character: place.start }, end: position };
  const syntax = syntaxOf(document);
  const { path } = place;
  if (place.part === "key") return keys(syntax, path, range);
  const key = path[path.length - 1];
  if ((isStatementField(path) && path.length === 5 && (key === "source" || key === "via")) || isClaimant(path)) return sourceIds(engine, range);
  if (isStatementField(path) && path.length === 5 && key === "in") return documentIds(engine, range);
  if (valuePath(path)?.length === path.length) return claimValues(syntax, String(path[1]), range, snippets, place.item);
  if (key === "type" && path.length === 3 && path[0] === "sources") return enumValues(SOURCE_TYPE_DESCRIPTIONS, range);
  if (key === "reliability" && path.length === 3 && path[0] === "sources") return enumValues(RELIABILITY_DESCRIPTIONS, range);
  if (key === "type" && path.length === 3 && path[0] === "claims") return enumValues(CLAIM_TYPE_DESCRIPTIONS, range);
  if (key === "rating" && path[2] === "verdict") return enumValues(RATING_DESCRIPTIONS, range);
  return [];
}

/** The keys the mapping at `path` takes and does not have yet, each with what it means. */
function keys(syntax: Syntax | undefined, path: readonly PropertyKey[], range: Range): CompletionItem[] {
  const type = path[0] === "claims" && path.length === 2 ? claimShape(syntax, String(path[1])).type : undefined;
  const mapping = mappingAt(path, type);
  if (!mapping) return [];
  const present = new Set<string>();
  const node = syntax ? nodeAt(syntax.doc, path) : undefined;
  if (node?.reached && isMap(node.node)) for (const pair of node.node.items) if (isScalar(pair.key)) present.add(String(pair.key.value));
  // The key being typed is in the tree already; it is still offered.
  const descriptions = KEY_DESCRIPTIONS[mapping.kind] as Record<string, string>;
  return mapping.keys
    .filter((key) => !present.has(key) || syntaxKeyAt(syntax, path, key, range))
    .map((key, i) => ({
      label: key,
      kind: CompletionItemKind.Property,
      detail: mapping.noun,
      documentation: { kind: "markdown", value: descriptions[key] ?? "" },
      sortText: String(i).padStart(3, "0"),
      textEdit: { range, newText: `${key}: ` },
    }));
}

/** Whether the key present in the tree is the one being typed at `range` (so it stays on offer). */
function syntaxKeyAt(syntax: Syntax | undefined, path: readonly PropertyKey[], key: string, range: Range): boolean {
  if (!syntax) return false;
  const found = nodeAt(syntax.doc, [...path, key]);
  const at = found.key?.range?.[0];
  if (at === undefined) return false;
  const { line, col } = syntax.lineCounter.linePos(at);
  return line - 1 === range.start.line && col - 1 === range.start.character;
}

function sourceIds(engine: LedgerEngine, range: Range): CompletionItem[] {
  return [...engine.ledger.sources.values()].map(({ id, data }) => ({
    label: id,
    kind: CompletionItemKind.Reference,
    detail: data.name,
    documentation: { kind: "markdown", value: `${data.type}${data.side ? ` · side \`${data.side}\`` : ""}${data.reliability ? ` · reliability ${data.reliability}` : ""}` },
    textEdit: { range, newText: id },
  }));
}

function documentIds(engine: LedgerEngine, range: Range): CompletionItem[] {
  return [...engine.ledger.documents.values()].map(({ id, data }) => ({
    label: id,
    kind: CompletionItemKind.Reference,
    detail: `${data.title} — ${data.publisher}${data.published ? `, ${data.published}` : ""}`,
    textEdit: { range, newText: id },
  }));
}

/** A choice claim's options, or the forms of the claim's type; `unknown` always. */
function claimValues(syntax: Syntax | undefined, claim: string, range: Range, snippets: boolean, item: boolean): CompletionItem[] {
  const shape = claimShape(syntax, claim);
  if (shape.type === "choice") {
    const options = shape.options.map((option, i) => ({ label: option, kind: CompletionItemKind.EnumMember, detail: "an option of this claim", sortText: String(i).padStart(3, "0"), textEdit: { range, newText: option } }));
    return [...options, { label: "unknown", kind: CompletionItemKind.Keyword, detail: "commits to nothing and never conflicts", sortText: "999", textEdit: { range, newText: "unknown" } }];
  }
  if (item || typeof shape.type !== "string" || !Object.hasOwn(CLAIM_TYPE_DESCRIPTIONS, shape.type)) return [];
  const units = syntax ? unitWords(valueAt(syntax, ["claims", claim, "unit"])) : [];
  return valueForms(shape.type as ClaimType, range, snippets, units[0]);
}

function enumValues(meanings: Readonly<Record<string, string>>, range: Range): CompletionItem[] {
  return Object.entries(meanings).map(([value, meaning], i) => ({
    label: value,
    kind: CompletionItemKind.EnumMember,
    detail: meaning,
    sortText: String(i).padStart(3, "0"),
    textEdit: { range, newText: value },
  }));
}
