/** Reading and cutting yaml's CST items: where an entry ends, what trails it, what it is keyed by. */
import { CST } from "yaml";
import { EditRefused } from "./types.js";

type Item = CST.CollectionItem;

/** Whether a CST token is a mapping, block or flow. */
export function isMapToken(token: CST.Token): token is CST.BlockMap | CST.FlowCollection {
  return token.type === "block-map" || (token.type === "flow-collection" && token.start.source === "{");
}

/** The key of a mapping entry as a string, when it is a scalar. */
export function keyOf(item: Item): string | undefined {
  const resolved = item.key ? CST.resolveAsScalar(item.key, true, () => {}) : null;
  return resolved ? resolved.value : undefined;
}

/** The index of the last item that is an entry, not only comments and space. */
export function lastEntry(items: readonly Item[]): number {
  for (let i = items.length - 1; i >= 0; i--) if (items[i].key || items[i].value || items[i].sep) return i;
  return -1;
}

/** The list holding the last source tokens of an item, when they are in one. */
export function lastList(node: Item | CST.Token | undefined): CST.SourceToken[] | undefined {
  if (node === undefined) return undefined;
  if (!("type" in node)) return node.value ? lastList(node.value) : (node.sep ?? node.start);
  switch (node.type) {
    case "block-map":
    case "block-seq":
      return lastList(node.items[node.items.length - 1]);
    case "flow-collection":
      return node.end;
    case "scalar":
    case "single-quoted-scalar":
    case "double-quoted-scalar":
    case "alias":
      return node.end;
    default:
      return undefined; // a block scalar keeps its line breaks in its own source
  }
}

/** Removes and returns the space tokens at the end of `list` that indent the line after it. */
export function takeIndent(list: CST.SourceToken[] | undefined, text: string): CST.SourceToken[] {
  const moved: CST.SourceToken[] = [];
  while (list && list.length > 0) {
    const token = list[list.length - 1];
    if (token.type !== "space" || (token.offset > 0 && text[token.offset - 1] !== "\n")) break;
    moved.unshift(list.pop()!);
  }
  return moved;
}

/** Removes and returns the spaces, comments and line breaks at the end of `list`. */
export function takeTrailing(list: CST.SourceToken[] | undefined): CST.SourceToken[] {
  const moved: CST.SourceToken[] = [];
  while (list && list.length > 0 && ["space", "comment", "newline"].includes(list[list.length - 1].type)) moved.unshift(list.pop()!);
  return moved;
}

/** The number of characters of some tokens. */
export function lengthOf(tokens: readonly CST.SourceToken[]): number {
  return tokens.reduce((n, t) => n + t.source.length, 0);
}

/** Where an item's text ends in the file. */
export function endOf(item: Item): number {
  return offsetOf(item) + CST.stringify(item).length;
}

/** Where an item's text starts in the file. */
export function offsetOf(item: Item): number {
  const first = item.start[0] ?? item.key ?? item.sep?.[0] ?? item.value;
  if (first === undefined || first === null) throw new EditRefused("an empty entry has no place; please report this");
  return first.offset;
}

/** Where an entry's own content starts: its `-`, or its key. */
export function contentOffset(item: Item): number {
  return item.start.find((t) => t.type === "seq-item-ind")?.offset ?? item.key?.offset ?? item.value?.offset ?? offsetOf(item);
}

/** Whether the line before the one holding `offset` is blank: entries set off from each other. */
export function blankLineBefore(text: string, offset: number): boolean {
  const lineStart = text.lastIndexOf("\n", offset - 1);
  if (lineStart <= 0) return false;
  return /^[ \t\r]*$/.test(text.slice(text.lastIndexOf("\n", lineStart - 1) + 1, lineStart));
}
