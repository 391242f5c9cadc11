/**
 * Archive text (SPEC §3): HTML archives stripped to their readable text. Its own module because
 * the HTML parser is loaded only when a ledger has an HTML archive.
 */
import { Parser } from "htmlparser2";
import { isHtmlExtension } from "./archives.js";

// Tags whose boundaries separate words; inline tags (b, a, span…) must not, or "<b>re</b>port" splits.
const BLOCK_TAGS = new Set([
  "address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "div", "dl", "dt",
  "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
  "hr", "li", "main", "nav", "ol", "option", "p", "pre", "section", "summary", "table", "tbody", "td",
  "tfoot", "th", "thead", "title", "tr", "ul", "img", "body", "head", "html",
]);
// Their content is code, not prose, and must never verify a quote.
const SKIPPED_TAGS = new Set(["script", "style", "template"]);

/** Returns the readable text of an archive: HTML (`.html`, `.htm`) is stripped to text, anything else is returned as is. */
export function archiveText(raw: string, extension: string): string {
  if (!isHtmlExtension(extension)) return raw;
  const parts: string[] = [];
  let skipping = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (SKIPPED_TAGS.has(name)) skipping++;
        else if (BLOCK_TAGS.has(name)) parts.push("\n");
      },
      onclosetag(name) {
        if (SKIPPED_TAGS.has(name)) skipping = Math.max(0, skipping - 1);
        else if (BLOCK_TAGS.has(name)) parts.push("\n");
      },
      ontext(text) {
        if (skipping === 0) parts.push(text);
      },
      // Comments, processing instructions and CDATA are dropped by not listening for them.
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(raw);
  parser.end();
  return parts.join("");
}
