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
import { bullets, labelled, plainBullets, richTable } from "../src/formats/exports/mdast-blocks.js";

/** What the serialiser writes with its own handlers and every pattern (as `serialise`, less the handler). */
function reference(tree: Root): string {
  const markdown = toMarkdown(tree, { extensions: [gfmTableToMarkdown(), gfmStrikethroughToMarkdown(), gfmAutolinkLiteralToMarkdown()] });
  return markdown.replace(/^([^\S\n]*):(?=:)/gm, "$1\\:");
}

const punctuation = fc.constantFrom(..."\\`*_{}[]()#+-.!|~<>&:@\"'=^$%;/?,", " ", "  ", "\t", "\n", "1.", "1)", "---", "www.", "http://", "a@b", "é", "x", "word", "_a_", "**", "<!--");
const text = fc.array(punctuation, { minLength: 0, maxLength: 24 }).map((parts) => parts.join(""));

/** Every kind of block the exports write: headings, paragraphs, plain and linked tables, bullets nested or not. */
const KINDS = ["heading", "paragraph", "table", "linked", "bullets", "nested"] as const;
function block(kind: (typeof KINDS)[number], a: string, b: string, c: string): RootContent {
  if (kind === "heading") return heading(2, a);
  if (kind === "paragraph") return paragraph(`${a} ${b}`);
  if (kind === "table") return table([a, "h"], [[b, c], [c, a]]);
  if (kind === "linked") return richTable(["reported in", "x"], [[{ text: a, href: `https://example.org/${encodeURIComponent(b)}` }, c]]);
  if (kind === "bullets") return plainBullets([a, b, c]);
  return bullets([labelled(a, b), { paragraph: labelled("Disputed", c), nested: plainBullets([a, c]) }]);
}

describe("Markdown escaping told only of the patterns whose character is present", () => {
  it("writes the same bytes as the serialiser with every pattern", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...KINDS), text, text, text), { minLength: 1, maxLength: 6 }), (blocks) => {
        const children: RootContent[] = blocks.map(([kind, a, b, c]) => block(kind, a, b, c));
        const tree: Root = { type: "root", children };
        expect(serialise(tree)).toBe(reference(tree));
      }),
      { numRuns: 500 },
    );
  });

  it("a document serialised a group of blocks at a time is the document serialised whole", () => {
    const one = fc.tuple(fc.constantFrom(...KINDS), text, text, text).map(([kind, a, b, c]) => block(kind, a, b, c));
    fc.assert(
      fc.property(fc.array(fc.array(one, { minLength: 0, maxLength: 4 }), { minLength: 1, maxLength: 5 }).filter((groups) => groups.some((g) => g.length > 0)), (groups) => {
        const whole = reference({ type: "root", children: groups.flat() });
        // Every group on its own, a few blocks per call, and all in one call.
        for (const blocksPerCall of [1, 3, 48]) expect(serialiseGroups(groups, blocksPerCall)).toBe(whole);
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
