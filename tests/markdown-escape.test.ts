/**
 * The Markdown exports serialise text nodes telling the serialiser only of the escaping patterns
 * whose character occurs in or beside the text (src/formats/exports/mdast.ts): the result must be
 * byte for byte what mdast-util-to-markdown writes with every pattern, for text full of Markdown's
 * punctuation, in every place the exports put text (headings, paragraphs, table cells, beside the
 * empty comment that splits would-be links).
 */
import fc from "fast-check";
import type { Root, RootContent } from "mdast";
import { toMarkdown } from "mdast-util-to-markdown";
import { gfmAutolinkLiteralToMarkdown } from "mdast-util-gfm-autolink-literal";
import { gfmStrikethroughToMarkdown } from "mdast-util-gfm-strikethrough";
import { gfmTableToMarkdown } from "mdast-util-gfm-table";
import { describe, expect, it } from "vitest";
import { heading, paragraph, serialise, serialiseGroups, table } from "../src/formats/exports/mdast.js";

/** What the serialiser writes with its own handlers and every pattern (as `serialise`, less the handler). */
function reference(tree: Root): string {
  const markdown = toMarkdown(tree, { extensions: [gfmTableToMarkdown(), gfmStrikethroughToMarkdown(), gfmAutolinkLiteralToMarkdown()] });
  return markdown.replace(/^([^\S\n]*):(?=:)/gm, "$1\\:");
}

const punctuation = fc.constantFrom(..."\\`*_{}[]()#+-.!|~<>&:@\"'=^$%;/?,", " ", "  ", "\t", "\n", "1.", "1)", "---", "www.", "http://", "a@b", "é", "x", "word", "_a_", "**", "<!--");
const text = fc.array(punctuation, { minLength: 0, maxLength: 24 }).map((parts) => parts.join(""));

describe("Markdown escaping told only of the patterns whose character is present", () => {
  it("writes the same bytes as the serialiser with every pattern", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom("heading", "paragraph", "table"), text, text, text), { minLength: 1, maxLength: 6 }), (blocks) => {
        const children: RootContent[] = blocks.map(([kind, a, b, c]) => (kind === "heading" ? heading(2, a) : kind === "paragraph" ? paragraph(`${a} ${b}`) : table([a, "h"], [[b, c], [c, a]])));
        const tree: Root = { type: "root", children };
        expect(serialise(tree)).toBe(reference(tree));
      }),
      { numRuns: 500 },
    );
  });

  it("a document serialised a group of blocks at a time is the document serialised whole", () => {
    const block = fc.tuple(fc.constantFrom("heading", "paragraph", "table"), text, text).map(([kind, a, b]): RootContent => (kind === "heading" ? heading(2, a) : kind === "paragraph" ? paragraph(`${a}${b}`) : table([a, b], [[b, a]])));
    fc.assert(
      fc.property(fc.array(fc.array(block, { minLength: 0, maxLength: 4 }), { minLength: 1, maxLength: 5 }).filter((groups) => groups.some((g) => g.length > 0)), (groups) => {
        expect(serialiseGroups(groups)).toBe(reference({ type: "root", children: groups.flat() }));
      }),
      { numRuns: 300 },
    );
  });

  it("escapes what must be escaped (the comparison above is not of two unescaped texts)", () => {
    const tree: Root = { type: "root", children: [paragraph("*not emphasis* and | a [link](x) ~~struck~~")] };
    expect(serialise(tree)).toBe("\\*not emphasis\\* and | a \\[link]\\(x) \\~\\~struck\\~\\~\n");
    expect(serialise(tree)).toBe(reference(tree));
  });
});
