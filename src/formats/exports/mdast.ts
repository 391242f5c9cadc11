/** Building Markdown as a syntax tree (mdast) and serialising it with GFM tables: escaping is the serialiser's job, never done by hand. */
import type { Heading, Paragraph, PhrasingContent, Root, RootContent, Table, TableCell, TableRow, Text } from "mdast";
import { defaultHandlers, toMarkdown, type Handle, type State, type Unsafe } from "mdast-util-to-markdown";
import { gfmAutolinkLiteralToMarkdown } from "mdast-util-gfm-autolink-literal";
import { gfmStrikethroughToMarkdown } from "mdast-util-gfm-strikethrough";
import { gfmTableToMarkdown } from "mdast-util-gfm-table";
import { sanitize } from "../sanitize.js";
import { oneLine } from "./display.js";

/**
 * Plain text as a phrasing node. The serialiser escapes whatever would be read as syntax (pipes,
 * backslashes, `<`, `*`, backticks…), so no text is escaped by hand here.
 *
 * A GFM table cell cannot hold a line break (a raw newline ends the row, and `<br>` is HTML that
 * some renderers strip), so every CRLF, CR or LF becomes one space, in every format that needs a
 * single line. The text is also sanitised first: the CLI sanitises the whole output anyway, but a
 * backslash written just before a control character would otherwise combine with the `\uXXXX`
 * that replaces it into a different escape. Leading and trailing spaces and tabs are dropped,
 * because GFM trims every cell: dropping them here keeps the tree equal to what readers see.
 */
export function text(value: string): PhrasingContent[] {
  return unlinked(sanitize(oneLine(value)).replace(/^[ \t]+|[ \t]+$/g, ""));
}

/**
 * Where GitHub would make a link of plain text: `www.`, `http://`, `https://`, and the `@` of an
 * e-mail address (also after `mailto:` and `xmpp:`). GitHub finds these a second time after
 * parsing, in the text as read, so escaping them (`www\.`) does not help: the text is split there
 * by an empty HTML comment, which renders as nothing and leaves no text node with a link in it.
 */
const LINK_START = /(?<=www)(?=\.)|(?<=https?)(?=:\/\/)|(?<=[\w+.-])(?=@[\w-])/gi;
const SPLIT: PhrasingContent = { type: "html", value: "<!-- -->" };

/** Text as phrasing content that no GFM reader turns into a link. */
function unlinked(value: string): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  value.split(LINK_START).forEach((part, i) => {
    if (i > 0) out.push(SPLIT);
    out.push({ type: "text", value: part });
  });
  return out;
}

/** A table cell holding plain text (none for ""). */
export function cell(value: string): TableCell {
  return { type: "tableCell", children: value === "" ? [] : text(value) };
}

/** A GFM table: a header row and rows of plain text. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): Table {
  const row = (cells: readonly string[]): TableRow => ({ type: "tableRow", children: cells.map(cell) });
  return { type: "table", align: header.map(() => null), children: [row(header), ...rows.map(row)] };
}

/** A paragraph of plain text. */
export function paragraph(value: string): Paragraph {
  return { type: "paragraph", children: text(value) };
}

/** A heading of plain text. */
export function heading(depth: 1 | 2 | 3, value: string): Heading {
  return { type: "heading", depth, children: text(value) };
}

/** Made once: their patterns are then the same objects in every serialisation (see charactersOf). */
const EXTENSIONS = [gfmTableToMarkdown(), gfmStrikethroughToMarkdown(), gfmAutolinkLiteralToMarkdown()];

/**
 * The tree as GitHub-Flavored Markdown. The strikethrough and autolink-literal extensions are here
 * for what they escape: `~` (else `~~x~~` renders struck through), and the `@`, `www.` and `http:/`
 * that GitHub turns into links. Every cell shows its text literally.
 */
export function serialise(tree: Root): string {
  const markdown = toMarkdown(tree, { extensions: EXTENSIONS, handlers: { text: textOnlyTestingItsCharacters } });
  // A line that starts with `::` is a workflow command to GitHub Actions; `\:` renders as `:`.
  return markdown.replace(/^([^\S\n]*):(?=:)/gm, "$1\\:");
}

/**
 * Blocks as one GitHub-Flavored Markdown document, serialised a few groups at a time: the serialiser
 * writes each top-level block on its own (every one starts a line) and joins them with a blank
 * line, so the groups' texts joined with a blank line are the document it would write in one
 * piece — without a tree of the whole report held at once. Each group is written with a last
 * paragraph that is then cut off, so that what ends the group is exactly what the whole document
 * has there (an empty block ends in a line break, and the serialiser adds one only when none is).
 */
export function serialiseGroups(groups: Iterable<readonly RootContent[]>, blocksPerCall = BLOCKS_PER_CALL): string {
  const parts: string[] = [];
  let pending: RootContent[] = [];
  const flush = () => {
    if (pending.length > 0) parts.push(serialise({ type: "root", children: [...pending, END] }).slice(0, -END_TEXT.length));
    pending = [];
  };
  for (const children of groups) {
    if (children.length === 0) continue;
    // A list right after a list takes the other bullet, so such neighbours are written together.
    // Groups are gathered up to BLOCKS_PER_CALL blocks: each call of the serialiser sets up its
    // handlers and patterns afresh, which per claim section was a good part of the export's time.
    if (pending.length >= blocksPerCall && !(children[0]?.type === "list" && pending.at(-1)?.type === "list")) flush();
    for (const child of children) pending.push(child);
  }
  flush();
  const document = parts.join("\n\n");
  return document === "" || /[\n\r]$/.test(document) ? document : `${document}\n`;
}

/** Blocks written by one call of the serialiser, about a dozen claim sections: few enough that no large tree is held. */
const BLOCKS_PER_CALL = 48;

const END: Paragraph = { type: "paragraph", children: [{ type: "text", value: "end" }] };
const END_TEXT = "\n\nend\n";

/**
 * The serialiser's own text handler, with two shortcuts that leave its output as it was. First,
 * it is told only of the escaping patterns whose character occurs in the text or beside it: its
 * escaping tries every pattern (some sixty) by a regular expression over every text node, which
 * was most of the time of a Markdown export of 10,000 claims; each pattern's expression contains
 * its character literally, so one whose character is absent cannot match, and leaving it out
 * changes nothing. Second, what it writes for a text depends only on the text, the characters
 * before and after it, the kinds of its neighbouring nodes, the constructs it is inside, the
 * characters to encode and the patterns, so a text met again in the same place (a source's name,
 * a date, "verified" in every table) is written from a cache (tests/markdown-escape.test.ts
 * compares this with the serialiser's own handler on random text).
 */
const textOnlyTestingItsCharacters: Handle = (node: Text, parent, state: State, info) => {
  const all = state.unsafe;
  const subject = `${info.before}${node.value}${info.after}`;
  const { characters, any, signature } = charactersOf(all);
  // No pattern's character and no backslash: the serialiser finds nothing to escape and writes
  // the text as it is (its `safe` then returns the text, less the characters before and after).
  if (!any.test(subject)) return node.value;
  const siblings = parent ? parent.children : [];
  const index = state.indexStack[state.indexStack.length - 1];
  const key = `${signature}\u0000${state.stack.join(",")}\u0000${siblings[index - 1]?.type}\u0000${siblings[index + 1]?.type}\u0000${(info as { encode?: readonly string[] }).encode?.join("")}\u0000${info.before.length}\u0000${subject}`;
  const cached = WRITTEN.get(key);
  if (cached !== undefined) return cached;
  let present: Set<string> | undefined;
  for (const ch of characters) if (subject.includes(ch)) (present ??= new Set()).add(ch);
  state.unsafe = present === undefined ? [] : all.filter((pattern) => present.has(pattern.character));
  try {
    const written = defaultHandlers.text(node, parent, state, info);
    if (WRITTEN.size >= MAX_WRITTEN) WRITTEN.clear();
    WRITTEN.set(key, written);
    return written;
  } finally {
    state.unsafe = all;
  }
};

/** Texts as written, by everything the writing depends on (see above); emptied when full. */
const WRITTEN = new Map<string, string>();
const MAX_WRITTEN = 50_000;

interface Characters {
  readonly characters: readonly string[];
  /** Any of them, or a backslash (which the serialiser doubles before punctuation). */
  readonly any: RegExp;
  /** The list's number (see SIGNATURES): each serialisation makes its own list, of the same patterns when its options are. */
  readonly signature: number;
}

const CHARACTERS = new WeakMap<readonly Unsafe[], Characters>();
/**
 * Each pattern object met, numbered, and each list of them by those numbers: the serialiser never
 * changes a pattern (it only keeps a compiled expression on it), so two lists of the same
 * patterns in the same order escape alike. Numbers are never reused, so a number once given to a
 * list means that list for the whole run.
 */
const PATTERN_IDS = new WeakMap<Unsafe, number>();
let nextPatternId = 0;
const SIGNATURES = new Map<string, number>();
let nextSignature = 0;

/** The distinct characters of a list of escaping patterns, found once per serialisation. */
function charactersOf(patterns: readonly Unsafe[]): Characters {
  let found = CHARACTERS.get(patterns);
  if (found === undefined) {
    const characters = [...new Set(patterns.map((p) => p.character))];
    const any = new RegExp(`[${[...characters, "\\"].map((c) => c.replace(/[\\\]^-]/g, "\\$&")).join("")}]`);
    const ids = patterns.map((p) => PATTERN_IDS.get(p) ?? PATTERN_IDS.set(p, nextPatternId++).get(p)!).join(",");
    if (SIGNATURES.size >= MAX_WRITTEN) SIGNATURES.clear();
    const signature = SIGNATURES.get(ids) ?? SIGNATURES.set(ids, nextSignature++).get(ids)!;
    CHARACTERS.set(patterns, (found = { characters, any, signature }));
  }
  return found;
}
