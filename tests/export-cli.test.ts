/**
 * Every export format, run from the built CLI on a ledger whose cells hold pipes, backslashes,
 * newlines, backticks, HTML and formula-looking text, read back by a real consumer of the format.
 */
import { parse as parseCsv } from "csv-parse/sync";
import { Parser } from "htmlparser2";
import type { Nodes, Table } from "mdast";
import { describe, expect, it } from "vitest";
import { parseGfm } from "./helpers/markdown.js";
import { runBin } from "./helpers/run.js";

const LEDGER = "tests/fixtures/export-hostile";
const QUESTION = "How many | were \\ killed?\nSecond line <b>x</b> `code`";
const PIPE_SOURCE = "Pipe | Source \\ with `ticks`";
const FORMULA_SOURCE = "+SUM(A1:A9)";
const QUOTE = "=1+1 | pipe \\ slash\nnew line <img src=x>";
const TITLE = "<script>alert(1)</script> & <b>bold</b>";

function exported(format: string, extra: readonly string[] = []): string {
  const result = runBin(["export", "--format", format, ...extra, LEDGER]);
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  return result.stdout;
}

/** What a reader sees: an HTML comment shows nothing. */
function textOf(node: Nodes): string {
  if (node.type === "html") return node.value === "<!-- -->" ? "" : node.value;
  if ("value" in node && typeof node.value === "string") return node.value;
  if ("children" in node) return (node.children as Nodes[]).map(textOf).join("");
  return "";
}

function walk(node: Nodes, visit: (n: Nodes) => void): void {
  visit(node);
  if ("children" in node) for (const child of node.children as Nodes[]) walk(child, visit);
}

const URL_SAID = `https://example.org/said?a=</script><!--&b="q"&c='|'`;
const CLAIM = "</script><!-- <script>alert(1)</script> | `ten` \u2028killed";
const PUBLISHER = "</script><!-- Pub & <b>Co</b>";
const DOCUMENT = `${TITLE} — =HYPERLINK("http://example.invalid")`;

describe("exports of a hostile ledger, read back", () => {
  it("markdown: every cell, the heading and the brief come back as text, the one link to its address; no HTML, no extra columns", () => {
    // Read as GitHub reads it: `http://…` in a cell would become a link, `~~x~~` strikethrough.
    const tree = parseGfm(exported("markdown"));
    const types = new Set<string>();
    const tables: Table[] = [];
    const links: string[] = [];
    const items: string[] = [];
    const html: string[] = [];
    walk(tree, (n) => {
      types.add(n.type);
      if (n.type === "table") tables.push(n);
      if (n.type === "link") links.push(n.url);
      if (n.type === "listItem") items.push(textOf(n));
      if (n.type === "html") html.push(n.value);
    });
    // No HTML of the ledger's: only the empty comment that splits a would-be link (`http://`).
    expect(new Set(html)).toEqual(new Set(["<!-- -->"]));
    expect(types.has("inlineCode")).toBe(false);
    expect(links).toEqual([URL_SAID]);
    expect(types.has("delete")).toBe(false);
    const rows = tables.map((t) => t.children.map((row) => row.children.map(textOf)));
    expect(rows[0][1]).toEqual(["hostile-toll", "conflict", "2 (2)", "1 pair", "Mixed"]);
    // Statements: a line break in a cell becomes one space; the document is the link's text.
    const statements = rows[1];
    expect(statements[0]).toEqual(["source", "side", "says", "stands", "date", "reported in", "quote", "quote check", "conflicts with"]);
    expect(statements[1]).toEqual([PIPE_SOURCE, "workers", "10", "position", "2011-12-17", DOCUMENT, QUOTE.replace("\n", " "), "unchecked", FORMULA_SOURCE]);
    expect(statements[2]).toEqual([FORMULA_SOURCE, "government", "64", "position", "2011-12-17 (as of 2011-12-16)", DOCUMENT, "@cmd -2+3", "unchecked", PIPE_SOURCE]);
    // The brief: the pair of origins, and the rated claim (the CLI shows U+2028 as its escape).
    expect(items).toContain(`${FORMULA_SOURCE} 64 vs ${PIPE_SOURCE} 10`);
    expect(items.some((item) => item.includes(`rating the claim “${CLAIM.replace("\u2028", "\\u2028")}” by ${FORMULA_SOURCE}`))).toBe(true);
    const headings: string[] = [];
    walk(tree, (n) => void (n.type === "heading" && headings.push(textOf(n))));
    expect(headings).toContain(QUESTION.replace("\n", " "));
  });

  it("csv: every field comes back exactly, formulas neutralised with a leading quote, the link in its column", () => {
    const rows = parseCsv(exported("csv"), { relax_column_count: false }) as string[][];
    expect(rows[0]).toEqual(["claim", "question", "source", "side", "says", "stands", "date", "as of", "document", "link", "quote", "quote check", "status", "conflicts", "range", "window"]);
    expect(rows.slice(1)).toEqual([
      ["hostile-toll", QUESTION, PIPE_SOURCE, "workers", "10", "position", "2011-12-17", "2011-12-17", DOCUMENT, URL_SAID, `'${QUOTE}`, "unchecked", "conflict", `'${FORMULA_SOURCE}`, "10–64", "none"],
      ["hostile-toll", QUESTION, `'${FORMULA_SOURCE}`, "government", "64", "position", "2011-12-17", "2011-12-16", DOCUMENT, "", "'@cmd -2+3", "unchecked", "conflict", PIPE_SOURCE, "10–64", "none"],
    ]);
  });

  it("json: the report keeps every string exactly", () => {
    const report = JSON.parse(exported("json"));
    expect(report.claims[0].question).toBe(QUESTION);
    expect(report.claims[0].statements.map((s: { quote: string }) => s.quote)).toEqual([QUOTE, "@cmd -2+3"]);
    expect(report.claims[0].statements[0].url).toBe(URL_SAID);
    expect(report.documents[0].title).toBe(TITLE);
  });

  it("claimreview: the rated claim, its claimant, the publisher and the addresses come back exactly", () => {
    const [review] = JSON.parse(exported("claimreview"));
    // The CLI writes U+2028 as its escape, which JSON reads back as the character.
    expect(review.claimReviewed).toBe(CLAIM);
    expect(review.author).toEqual({ "@type": "Organization", name: PUBLISHER });
    expect(review.url).toBe(`${new URL("https://example.org/checks?x=</script><!--").href}#claim-hostile-toll`);
    expect(review.itemReviewed.author).toEqual({ "@type": "Organization", name: FORMULA_SOURCE });
    expect(review.itemReviewed.appearance).toEqual([{ "@type": "CreativeWork", headline: TITLE, publisher: { "@type": "Organization", name: '=HYPERLINK("http://example.invalid")' }, datePublished: "2011-12-17" }]);
  });

  it("claimreview --html: script blocks whose text never ends the element or opens a comment, and parse back to the same reviews", () => {
    const blocks = exported("claimreview", ["--html"]);
    // One review, so one element: the only `</script` is the one that closes it, and no `<!--` at all.
    expect(blocks.match(/<\/script/gi)).toHaveLength(1);
    expect(blocks).not.toContain("<!--");
    const scripts: { type: string | undefined; text: string }[] = [];
    let inside: { type: string | undefined; text: string } | null = null;
    const parser = new Parser(
      {
        onopentag: (tag, attributes) => void (tag === "script" && (inside = { type: attributes.type, text: "" })),
        ontext: (text) => void (inside !== null && (inside.text += text)),
        onclosetag: (tag) => {
          if (tag === "script" && inside !== null) scripts.push(inside);
          inside = null;
        },
      },
      { decodeEntities: true },
    );
    parser.write(blocks);
    parser.end();
    expect(scripts.map((s) => s.type)).toEqual(["application/ld+json"]);
    expect(scripts.map((s) => JSON.parse(s.text))).toEqual(JSON.parse(exported("claimreview")));
    expect(scripts[0]!.text).not.toMatch(/<|>|&/);
  });

  it("html: markup in cells is text, never elements; no script, no image; the link escaped, with rel", () => {
    const html = exported("html");
    const elements = new Set<string>();
    const links: { href: string; rel: string | undefined }[] = [];
    let text = "";
    const parser = new Parser(
      {
        onopentag: (name, attributes) => {
          elements.add(name);
          if (name === "a" && !attributes.href!.startsWith("#")) links.push({ href: attributes.href!, rel: attributes.rel });
        },
        ontext: (t) => void (text += t),
      },
      { decodeEntities: true },
    );
    parser.write(html);
    parser.end();
    for (const tag of ["script", "img", "b", "i"]) expect(elements.has(tag)).toBe(false);
    expect(links).toEqual([{ href: URL_SAID, rel: "noopener noreferrer" }]);
    expect(text).toContain(TITLE);
    expect(text).toContain(PIPE_SOURCE);
    expect(text).toContain("new line <img src=x>");
    expect(text).toContain("note | with <i>html</i>");
    expect(text).toContain(`${FORMULA_SOURCE} 64 vs ${PIPE_SOURCE} 10`);
    // The timeline: a lane per origin, named in its text and in its strip's accessible name.
    expect(elements.has("figure")).toBe(true);
    expect(text).toContain(`${PIPE_SOURCE}: 10 as of 2011-12-17 (position)`);
    expect(html).toContain(`aria-label="${FORMULA_SOURCE}: 64 as of 2011-12-16 (position)"`);
  });
});
