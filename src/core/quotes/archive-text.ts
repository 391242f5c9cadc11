/**
 * Archive text (SPEC §3): HTML archives stripped to their readable text. Its own module because
 * the HTML parser is loaded only when a ledger has an HTML archive.
 */
import { Tokenizer, type TokenizerCallbacks } from "htmlparser2";
import { isHtmlExtension } from "./archives.js";

// Tags whose boundaries separate words; inline tags (b, a, span…) must not, or "<b>re</b>port" splits.
const BLOCK_TAGS = new Set([
  "address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "div", "dl", "dt",
  "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
  "hr", "li", "main", "nav", "ol", "option", "p", "pre", "section", "summary", "table", "tbody", "td",
  "tfoot", "th", "thead", "title", "tr", "ul", "img", "image", "body", "head", "html",
]);
// Their content is code, not prose, and must never verify a quote.
const SKIPPED_TAGS = new Set(["script", "style", "template"]);
// Inside these, `<title>` and `<textarea>` are elements like any other, and CDATA is text.
const FOREIGN_TAGS = new Set(["svg", "math"]);
// Elements without content: an end tag of one is no element's end (except `</br>`, read as `<br>`).
const VOID_TAGS = new Set(["area", "base", "basefont", "br", "col", "command", "embed", "frame", "hr", "image", "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr"]);

/**
 * Returns the readable text of an archive: HTML (`.html`, `.htm`) is stripped to text, anything
 * else is returned as is.
 *
 * Only htmlparser2's tokenizer is used, not its parser: the text needs tag names, never the tree,
 * and the parser's stack of open elements costs time with the depth at every tag (inserting at its
 * front, searching it for each end tag and each `<form>`), so a page of a few thousand unclosed
 * tags took seconds and one of a megabyte took minutes. The tokenizer keeps the lexical rules
 * (script and style content is raw text, comments, CDATA, entities) in one linear pass. Of the
 * tree, only how many elements of each name are open is kept, which is enough to ignore a stray
 * end tag as a browser does and to know when script, style or foreign content ends.
 */
export function archiveText(raw: string, extension: string): string {
  if (!isHtmlExtension(extension)) return raw;
  const parts: string[] = [];
  const open = new Map<string, number>();
  const count = (tag: string) => open.get(tag) ?? 0;
  let skipping = 0;
  let foreign = 0;
  let current = "";
  const name = (start: number, end: number) => raw.slice(start, end).toLowerCase();
  const close = (tag: string) => {
    open.set(tag, count(tag) - 1);
    if (FOREIGN_TAGS.has(tag)) foreign--;
    if (SKIPPED_TAGS.has(tag)) skipping--;
    else if (BLOCK_TAGS.has(tag)) parts.push("\n");
  };
  const callbacks: TokenizerCallbacks = {
    onopentagname(start, end) {
      const tag = (current = name(start, end));
      // A form inside a form is no element at all (HTML's parsing rules), so it separates nothing.
      if (tag === "form" && count(tag) > 0) return void (current = "");
      if (!VOID_TAGS.has(tag)) open.set(tag, count(tag) + 1);
      if (FOREIGN_TAGS.has(tag)) foreign++;
      if (SKIPPED_TAGS.has(tag)) skipping++;
      else if (BLOCK_TAGS.has(tag)) parts.push("\n");
    },
    onclosetag(start, end) {
      const tag = name(start, end);
      if (count(tag) === 0) {
        // A stray end tag closes nothing; `</br>` and `</p>` are read as an empty element of their own.
        if (tag === "br" || tag === "p") parts.push("\n");
        return;
      }
      close(tag);
    },
    onselfclosingtag() {
      // `<x/>` ends the element only in SVG and MathML; in HTML the slash is ignored.
      if (foreign > 0 && !VOID_TAGS.has(current) && count(current) > 0) close(current);
    },
    ontext(start, end) {
      if (skipping === 0) parts.push(raw.slice(start, end));
    },
    ontextentity(codePoint) {
      if (skipping === 0) parts.push(String.fromCodePoint(codePoint));
    },
    oncdata(start, end, offset) {
      if (foreign > 0 && skipping === 0) parts.push(raw.slice(start, end - offset));
    },
    isInForeignContext: () => foreign > 0,
    // Attributes, comments, declarations and processing instructions are not text.
    onattribdata() {},
    onattribentity() {},
    onattribend() {},
    onattribname() {},
    oncomment() {},
    ondeclaration() {},
    onprocessinginstruction() {},
    onopentagend() {},
    onend() {},
  };
  const tokenizer = new Tokenizer({ decodeEntities: true }, callbacks);
  tokenizer.write(raw);
  tokenizer.end();
  return parts.join("");
}
