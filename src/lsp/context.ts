/**
 * Where the cursor stands for completion, read from the indentation of the lines above it. While
 * a key or value is half typed the file is often not valid YAML, and the syntax tree has no node
 * at the cursor (a blank line in a mapping, `- sou` in a list of mappings); the indentation of
 * block-style YAML, which every ledger file uses, still says which mapping the cursor is in.
 */

/** The place being typed: the path of the mapping (a key) or of the key whose value it is (a value). */
export interface CompletionPlace {
  readonly path: readonly PropertyKey[];
  readonly part: "key" | "value";
  /** A value typed as an item of a list (`- x` under the key, or inside `[…]`). */
  readonly item: boolean;
  /** What is typed so far, and the character where it starts (the range a completion replaces). */
  readonly prefix: string;
  readonly start: number;
}

interface Opener {
  readonly kind: "key" | "item";
  readonly col: number;
  readonly key?: string;
}

interface Frame extends Opener {
  readonly index: number;
}

interface Line {
  readonly openers: readonly Opener[];
  /** Where the content after the last `- ` starts. */
  readonly contentCol: number;
  /** The text after `key:`, when the line has a key, and where it starts. */
  readonly value?: string;
  readonly valueCol?: number;
}

const KEY = /^("[^"]*"|'[^']*'|[^\s#'"[\]{},:-][^:#]*?|-[^\s:#][^:#]*?)[ \t]*:(?=\s|$)/;

/** The list items and the key that a line opens, in order. */
function readLine(line: string): Line {
  const openers: Opener[] = [];
  let i = 0;
  while (line[i] === " ") i++;
  while (line[i] === "-" && (i + 1 === line.length || line[i + 1] === " ")) {
    openers.push({ kind: "item", col: i });
    i++;
    while (line[i] === " ") i++;
  }
  const match = KEY.exec(line.slice(i));
  if (!match) return { openers, contentCol: i };
  const raw = match[1].trim();
  const key = /^["']/.test(raw) ? raw.slice(1, -1) : raw;
  openers.push({ kind: "key", col: i, key });
  const valueCol = i + match[0].length;
  return { openers, contentCol: i, value: line.slice(valueCol), valueCol };
}

/** Puts what a line opens on the stack of open mappings and lists, closing those it ends. */
function open(stack: Frame[], opener: Opener): void {
  while (stack.length > 0 && stack[stack.length - 1].col > opener.col) stack.pop();
  let index = 0;
  const top = stack[stack.length - 1];
  if (top?.col === opener.col) {
    if (opener.kind === "item" && top.kind === "item") {
      index = top.index + 1;
      stack.pop();
    } else if (opener.kind === "key") {
      stack.pop();
      // A key beside a list written at its parent key's indentation ends both.
      if (top.kind === "item" && stack[stack.length - 1]?.col === opener.col) stack.pop();
    }
    // A list item at its key's own indentation (`statements:` then `- …` below it) belongs to that key.
  }
  stack.push({ ...opener, index });
}

const pathOf = (stack: readonly Frame[]): PropertyKey[] => stack.map((f) => (f.kind === "key" ? f.key! : f.index));

/** Keys whose value is a list of plain values, typed item by item. */
const SCALAR_LISTS = new Set(["says", "finding", "options", "tags"]);

/** The completion place at a 0-based line and character, or undefined (in a comment, a block of text, a flow mapping). */
export function completionPlace(text: string, line: number, character: number): CompletionPlace | undefined {
  const lines = text.split("\n");
  if (line >= lines.length) return undefined;
  const stack: Frame[] = [];
  // While inside a block scalar (`note: |`) or a quoted scalar over several lines, lines are text, not keys.
  let textAbove: number | undefined;
  let quote: string | undefined;
  for (let n = 0; n < line; n++) {
    const current = lines[n].replace(/\r$/, "");
    if (quote !== undefined) {
      if (closesQuote(current, quote, 0)) quote = undefined;
      continue;
    }
    const indent = current.length - current.trimStart().length;
    if (current.trim() === "" || current.trimStart().startsWith("#")) continue;
    if (textAbove !== undefined && indent > textAbove) continue;
    textAbove = undefined;
    const read = readLine(current);
    for (const opener of read.openers) open(stack, opener);
    const value = read.value?.trimStart() ?? "";
    if (/^[|>][-+0-9]*\s*(#.*)?$/.test(value)) textAbove = read.openers[read.openers.length - 1].col;
    else if ((value.startsWith('"') || value.startsWith("'")) && !closesQuote(value, value[0], 1)) quote = value[0];
  }
  if (quote !== undefined || textAbove !== undefined) {
    const indent = lines[line].length - lines[line].trimStart().length;
    if (quote !== undefined || (lines[line].trim() !== "" && indent > textAbove!)) return undefined;
  }

  const before = lines[line].slice(0, character);
  if (/(^|\s)#/.test(before.replace(/"[^"]*"|'[^']*'/g, ""))) return undefined;
  const read = readLine(before);
  if (read.value !== undefined) {
    for (const opener of read.openers) open(stack, opener);
    let typed = read.value;
    let start = read.valueCol!;
    const item = /^\s*\[/.test(typed);
    // In a flow list, the item being typed follows the last `[` or `,`.
    const cut = item ? Math.max(typed.lastIndexOf("["), typed.lastIndexOf(",")) + 1 : 0;
    start += cut;
    typed = typed.slice(cut);
    const lead = typed.length - typed.trimStart().length;
    typed = typed.slice(lead);
    start += lead;
    if (/^["']/.test(typed)) {
      typed = typed.slice(1);
      start++;
    }
    return { path: pathOf(stack), part: "value", item, prefix: typed, start };
  }
  const typed = before.slice(read.contentCol);
  if (!/^[\w-]*$/.test(typed)) return undefined;
  const items = read.openers.filter((o) => o.kind === "item");
  if (items.length > 0) {
    for (const opener of items) open(stack, opener);
    const owner = stack[stack.length - 2];
    if (owner?.kind === "key" && SCALAR_LISTS.has(owner.key!)) {
      return { path: pathOf(stack.slice(0, -1)), part: "value", item: true, prefix: typed, start: read.contentCol };
    }
    return { path: pathOf(stack), part: "key", item: false, prefix: typed, start: read.contentCol };
  }
  // A key being typed at this indentation closes what is indented deeper, and replaces a sibling.
  while (stack.length > 0 && stack[stack.length - 1].col >= read.contentCol) stack.pop();
  return { path: pathOf(stack), part: "key", item: false, prefix: typed, start: read.contentCol };
}

/** Whether a quoted scalar opened before `from` closes on this line. */
function closesQuote(line: string, quote: string, from: number): boolean {
  for (let i = from; i < line.length; i++) {
    if (quote === '"' && line[i] === "\\") i++;
    else if (quote === "'" && line[i] === "'" && line[i + 1] === "'") i++;
    else if (line[i] === quote) return true;
  }
  return false;
}
