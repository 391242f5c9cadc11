/**
 * Adding an entry to a ledger file through yaml's concrete syntax tree (README "Design notes").
 * The entry's text is written by yaml's stringifier in the file's layout, parsed into CST tokens,
 * and spliced into the file's tree after the last entry of its collection; CST.stringify then
 * writes the tree back, so every character outside the new entry is the file's own. Two checks
 * hold before anything is returned: the new text is the old with one span inserted, and it reads
 * back as the old value with exactly the new entry added.
 */
import { CST, Parser } from "yaml";
import { parseYaml } from "../load/parse.js";
import { isCollectionToken, stringifyTokens, type Editable, type Style } from "./editable.js";
import { EditRefused, type Insertion } from "./types.js";
import { blankLineBefore, contentOffset, endOf, isMapToken, keyOf, lastEntry, lastList, lengthOf, takeIndent, takeTrailing } from "./cst-items.js";
import { blockItem, blockPair, blockValue, flowText } from "./render.js";

interface Planned {
  readonly at: number;
  readonly inserted: string;
}

type Item = CST.CollectionItem;

/**
 * Adds `key: value` at the end of the mapping at `path` (with `key` null, `value` at the end of
 * the list there). Mappings missing on the way are created as one new entry of the deepest one
 * that exists, or as the file's content when it has none.
 */
export function insertEntry(file: Editable, path: readonly string[], key: string | null, value: unknown): Insertion {
  const tokens = file.tokens();
  const planned = plan(file, tokens, path, key, value);
  const text = stringifyTokens(tokens);
  if (text !== file.text.slice(0, planned.at) + planned.inserted + file.text.slice(planned.at)) {
    throw new EditRefused("the change would touch text outside the new entry, so it was not made; please report this with the file");
  }
  const parsed = parseYaml(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  if (parsed.faults.length > 0) throw new EditRefused(`the new entry would not read back (${parsed.faults[0].message})`);
  if (JSON.stringify(parsed.value) !== JSON.stringify(withEntry(file.value, path, key, value))) {
    throw new EditRefused("the new entry would not read back as written, so it was not made; please report this with the file");
  }
  return { text, at: planned.at, inserted: planned.inserted };
}

function plan(file: Editable, tokens: CST.Token[], path: readonly string[], key: string | null, value: unknown): Planned {
  const doc = tokens.find((t): t is CST.Document => t.type === "document");
  if (doc?.value === undefined) return fillDocument(file, tokens, doc, path, key, value);
  let container: CST.Token = doc.value;
  for (let i = 0; i < path.length; i++) {
    const where = path.slice(0, i).join(".") || "the file";
    if (!isMapToken(container)) throw new EditRefused(`${where} is not a mapping`);
    const item = container.items.find((it) => keyOf(it) === path[i]);
    if (item === undefined) return append(file, container, path[i], nest(path.slice(i + 1), key, value), i === 0);
    if (item.value === undefined) return fillEmpty(file, container, item, nest(path.slice(i + 1), key, value));
    container = item.value;
  }
  const where = path.join(".");
  if (!isCollectionToken(container)) throw new EditRefused(`'${where}' holds a single value, not ${key === null ? "a list" : "a mapping"}; make it one, or add the first entry by hand`);
  if ((key === null) === isMapToken(container)) throw new EditRefused(`'${where}' is ${key === null ? "a mapping" : "a list"}, not ${key === null ? "a list" : "a mapping"}`);
  return append(file, container, key, value, path.length === 0);
}

/** Appends an entry to a block or flow collection. `section`: a top-level entry, set off by a blank line. */
function append(file: Editable, collection: CST.BlockMap | CST.BlockSequence | CST.FlowCollection, key: string | null, value: unknown, section: boolean): Planned {
  if (collection.type === "flow-collection") return appendFlow(file, collection, key, value);
  const local = localIndent(collection);
  const lines =
    collection.type === "block-map"
      ? blockPair(key ?? "", value, collection.indent, { ...file.style, step: local ?? file.style.step })
      : blockItem(value, collection.indent, local ?? file.style.seqOffset, file.style);
  // The block map's item type is narrower than an item in general; the spliced items are its own kind.
  const items = collection.items as Item[];
  const last = lastEntry(items);
  const entry = items[last];
  const end = endOf(entry);
  // The indentation of the line after the entry stays at the start of that line.
  const moved = takeIndent(lastList(entry), file.text);
  const at = end - lengthOf(moved);
  const blank = section || blankLineBefore(file.text, contentOffset(entry));
  const inserted = lineText(file, at, lines, blank);
  items.splice(last + 1, 0, itemFrom(inserted), ...(moved.length > 0 ? [{ start: moved }] : []));
  return { at, inserted };
}

function appendFlow(file: Editable, collection: CST.FlowCollection, key: string | null, value: unknown): Planned {
  const style = file.style;
  const entryText = key === null ? flowText(value, style) : `${flowText(key, style)}: ${flowText(value, style)}`;
  const map = collection.start.source === "{";
  const last = lastEntry(collection.items);
  if (last < 0) {
    const item = parsedFlowItem(map ? "{" : "[", entryText, map ? "}" : "]", 0);
    collection.items.unshift(item);
    return { at: collection.start.offset + 1, inserted: entryText };
  }
  const entry = collection.items[last];
  const end = endOf(entry);
  // A comment after the last entry (and the line break ending it) stays after the new entry.
  const moved = takeTrailing(lastList(entry));
  const inserted = separatorLike(entry, style) + entryText;
  collection.items.splice(last + 1, 0, parsedFlowItem(map ? "{k: 0" : "[0", inserted, map ? "}" : "]", 1), ...(moved.length > 0 ? [{ start: moved }] : []));
  return { at: end - lengthOf(moved), inserted };
}

/** A key written with nothing after it (`sources:` and comments only): the new entry becomes its value. */
function fillEmpty(file: Editable, map: CST.BlockMap | CST.FlowCollection, item: Item, value: unknown): Planned {
  if (map.type !== "block-map") throw new EditRefused(`'${keyOf(item)}' has no value inside a flow mapping; give it one by hand`);
  const indent = Array.isArray(value) && !file.style.indentSeq ? map.indent : map.indent + file.style.step;
  const end = endOf(item);
  const moved = takeIndent(item.sep, file.text);
  const at = end - lengthOf(moved);
  const inserted = lineText(file, at, blockValue(value, indent, file.style), false);
  const { lead, collection } = parsedBlock(inserted);
  item.sep = [...(item.sep ?? []), ...lead];
  item.value = collection;
  if (moved.length > 0) (map.items as Item[]).splice(map.items.indexOf(item as CST.BlockMap["items"][number]) + 1, 0, { start: moved });
  return { at, inserted };
}

/** A file with no content yet (empty, comments only): the entry, in its mappings, becomes its content. */
function fillDocument(file: Editable, tokens: CST.Token[], doc: CST.Document | undefined, path: readonly string[], key: string | null, value: unknown): Planned {
  if (path.length === 0) throw new EditRefused("the file has no mapping to add to");
  if (doc?.end?.length) throw new EditRefused("the file ends its empty document with `...`; remove that line or add the first entry by hand");
  const at = file.text.length;
  const inserted = lineText(file, at, blockPair(path[0], nest(path.slice(1), key, value), 0, file.style), false);
  if (doc === undefined) {
    tokens.push(...new Parser().parse(inserted));
  } else {
    const { lead, collection } = parsedBlock(inserted);
    doc.start.push(...lead);
    doc.value = collection;
  }
  return { at, inserted };
}

/** Lines joined with the file's line end, starting on a line of their own and ending as the text there does. */
function lineText(file: Editable, at: number, lines: readonly string[], blank: boolean): string {
  const { text, style } = file;
  const onNewLine = at === 0 || text[at - 1] === "\n" || (at === 1 && text[0] === "\uFEFF");
  const body = (blank ? style.eol : "") + lines.join(style.eol);
  // At the end of a file without a final line break, none is added after the entry either.
  return onNewLine ? body + style.eol : style.eol + body;
}

/** The CST item of `text` parsed as a one-entry block collection, with everything before the collection in its start. */
function itemFrom(text: string): Item {
  const { lead, collection } = parsedBlock(text);
  const [item, ...rest] = collection.items;
  const made: Item = { ...item, start: [...lead, ...item.start] };
  if (rest.length > 0 || CST.stringify(made) !== text) throw new EditRefused("the new entry did not parse as one entry; please report this");
  return made;
}

function parsedBlock(text: string): { lead: CST.SourceToken[]; collection: CST.BlockMap | CST.BlockSequence } {
  const lead: CST.SourceToken[] = [];
  for (const token of new Parser().parse(text)) {
    if (token.type === "document") {
      lead.push(...token.start);
      const value = token.value;
      if ((value?.type === "block-map" || value?.type === "block-seq") && !token.end?.length) return { lead, collection: value };
      break;
    }
    if (token.type === "newline" || token.type === "space" || token.type === "comment") lead.push(token);
  }
  throw new EditRefused("the new entry did not parse as a block collection; please report this");
}

/** The item at `index` of a flow collection parsed from `open + text + close`, whose own text is `text`. */
function parsedFlowItem(open: string, text: string, close: string, index: number): Item {
  const [doc] = new Parser().parse(open + text + close);
  const value = doc?.type === "document" ? doc.value : undefined;
  const item = value?.type === "flow-collection" ? value.items[index] : undefined;
  if (item === undefined || CST.stringify(item) !== text) throw new EditRefused("the new entry did not parse as one flow entry; please report this");
  return item;
}

/** The separator before a new flow entry, like the one before `entry`: a comma, then a line break and indent if it has one. */
function separatorLike(entry: Item, style: Style): string {
  const comma = entry.start.findIndex((t) => t.type === "comma");
  const after = entry.start.slice(comma + 1);
  const lastBreak = after.map((t) => t.type).lastIndexOf("newline");
  if (lastBreak < 0) return ", ";
  const indent = after[lastBreak + 1]?.type === "space" ? after[lastBreak + 1].source : "";
  return `,${style.eol}${indent}`;
}

/**
 * How far a mapping in one of this collection's entries is indented from the collection: a block
 * mapping's step, or a list's columns from `-` to an item's keys.
 */
function localIndent(collection: CST.BlockMap | CST.BlockSequence): number | undefined {
  const nested = collection.items.find((it) => it.value?.type === "block-map")?.value as CST.BlockMap | undefined;
  return nested && nested.indent > collection.indent ? nested.indent - collection.indent : undefined;
}

/** `key: value` (or `[value]`) inside the mappings named by `path`, innermost last. */
function nest(path: readonly string[], key: string | null, value: unknown): unknown {
  let nested: unknown = key === null ? [value] : { [key]: value };
  for (const segment of [...path].reverse()) nested = { [segment]: nested };
  return nested;
}

/** The plain value the file should read as after the insertion. */
function withEntry(value: unknown, path: readonly string[], key: string | null, entry: unknown): unknown {
  const root = (value === null || value === undefined ? {} : JSON.parse(JSON.stringify(value))) as Record<string, unknown>;
  let current = root;
  path.forEach((segment, i) => {
    const last = i === path.length - 1;
    if (current[segment] === null || current[segment] === undefined) current[segment] = last && key === null ? [] : {};
    current = current[segment] as Record<string, unknown>;
  });
  const plain = JSON.parse(JSON.stringify(entry)) as unknown;
  if (key === null) (current as unknown as unknown[]).push(plain);
  else current[key] = plain;
  return root;
}
