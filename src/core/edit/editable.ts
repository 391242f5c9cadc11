/**
 * A ledger file opened for editing: its exact text and yaml's concrete syntax tree (CST), which
 * keeps every character of the text, and the layout new text should follow (indentation, quotes,
 * line ends) as the file itself shows it.
 */
import { CST, Parser } from "yaml";
import { parseYaml } from "../load/parse.js";
import { EditRefused } from "./types.js";

export interface Editable {
  /** The text exactly as read, a leading BOM included. */
  readonly text: string;
  /** The plain value, as the loader reads it. */
  readonly value: unknown;
  /** A fresh copy of the file's CST: every character of `text`, in order (`CST.stringify`). */
  tokens(): CST.Token[];
  readonly style: Style;
}

/** How the file lays out what it holds, for new text to look as if written by the same hand. */
export interface Style {
  readonly eol: "\n" | "\r\n";
  /** Columns a mapping nested in a mapping is indented by. */
  readonly step: number;
  /** Whether a list under a key is indented (`key:\n  - a`) rather than level with it (`key:\n- a`). */
  readonly indentSeq: boolean;
  /** Columns from a list item's `-` to its content. */
  readonly seqOffset: number;
  /** `{ a: 1 }` rather than `{a: 1}`. */
  readonly flowPadding: boolean;
  /** Single quotes where a string needs quoting and the file prefers them. */
  readonly singleQuote: boolean;
}

/**
 * Opens a file's text for editing. A file with any parse fault (a syntax error, an alias, a key
 * written twice) is refused: what it means is not settled, so nothing can be added to it safely.
 */
export function openEditable(text: string): Editable {
  const plain = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const parsed = parseYaml(plain);
  const fault = parsed.faults[0];
  if (fault !== undefined) {
    const { line, col } = parsed.lineCounter.linePos(fault.offset);
    throw new EditRefused(`it has a fault at line ${line}, column ${col} (${fault.message}); fix it first ('claims lint' shows it)`);
  }
  const tokens = (): CST.Token[] => [...new Parser().parse(text)];
  const first = tokens();
  if (first.map((t) => CST.stringify(t)).join("") !== text) throw new EditRefused("yaml's syntax tree does not hold every character of it, so it cannot be edited without changing other text");
  return { text, value: parsed.value, tokens, style: detectStyle(text, first) };
}

/** The text of a whole token stream. */
export function stringifyTokens(tokens: readonly CST.Token[]): string {
  return tokens.map((t) => CST.stringify(t)).join("");
}

type Collection = CST.BlockMap | CST.BlockSequence | CST.FlowCollection;

/** Whether a CST token is a collection (block or flow). */
export function isCollectionToken(token: CST.Token | undefined | null): token is Collection {
  return token?.type === "block-map" || token?.type === "block-seq" || token?.type === "flow-collection";
}

/** The first of each layout signal the file shows; yaml's and the example ledger's defaults otherwise. */
function detectStyle(text: string, tokens: readonly CST.Token[]): Style {
  let step: number | undefined;
  let indentSeq: boolean | undefined;
  let seqOffset: number | undefined;
  let flowPadding: boolean | undefined;
  let single = 0;
  let double = 0;
  const visit = (token: CST.Token | undefined | null, parent: Collection | undefined): void => {
    if (!token) return;
    if (token.type === "single-quoted-scalar") single++;
    else if (token.type === "double-quoted-scalar") double++;
    if (!isCollectionToken(token)) return;
    if (parent?.type === "block-map" && token.type === "block-map") step ??= token.indent - parent.indent;
    if (parent?.type === "block-map" && token.type === "block-seq") indentSeq ??= token.indent > parent.indent;
    // `{ a` is padded and `{a` is not; a collection whose entries start on new lines says nothing.
    const first = token.type === "flow-collection" ? token.items[0] : undefined;
    if (first && (first.key || first.value) && first.start[0]?.type !== "newline") flowPadding ??= first.start[0]?.type === "space";
    for (const item of token.items) {
      if (token.type === "block-seq" && item.value?.type === "block-map") seqOffset ??= item.value.indent - token.indent;
      visit(item.key, token);
      visit(item.value, token);
    }
  };
  for (const token of tokens) if (token.type === "document") visit(token.value, undefined);
  const firstBreak = text.indexOf("\n");
  return {
    eol: firstBreak > 0 && text[firstBreak - 1] === "\r" ? "\r\n" : "\n",
    step: step !== undefined && step > 0 ? step : 2,
    indentSeq: indentSeq ?? true,
    seqOffset: seqOffset !== undefined && seqOffset > 0 ? seqOffset : 2,
    flowPadding: flowPadding ?? false,
    singleQuote: single > double,
  };
}
