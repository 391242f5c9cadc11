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

function exported(format: string): string {
  const result = runBin(["export", "--format", format, LEDGER]);
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

describe("exports of a hostile ledger, read back", () => {
  it("markdown: every cell and the heading come back as text, no HTML, no extra columns", () => {
    // Read as GitHub reads it: `http://…` in a cell would become a link, `~~x~~` strikethrough.
    const tree = parseGfm(exported("markdown"));
    const types = new Set<string>();
    const tables: Table[] = [];
    const html: string[] = [];
    walk(tree, (n) => {
      types.add(n.type);
      if (n.type === "table") tables.push(n);
      if (n.type === "html") html.push(n.value);
    });
    // No HTML of the ledger's: only the empty comment that splits a would-be link (`http://`).
    expect(new Set(html)).toEqual(new Set(["<!-- -->"]));
    expect(types.has("inlineCode")).toBe(false);
    expect(types.has("link")).toBe(false);
    expect(types.has("delete")).toBe(false);
    const rows = tables.map((t) => t.children.map((row) => row.children.map(textOf)));
    // Summary: claim, status, sources (groups), conflicts (pairs in id order: formula-source, pipe-source).
    expect(rows[0][1]).toEqual(["hostile-toll", "conflict", "2 (2)", `${FORMULA_SOURCE} vs ${PIPE_SOURCE}`]);
    // Statements: a line break in a cell becomes one space.
    const statements = rows[1];
    expect(statements[0]).toEqual(["source", "side", "says", "date", "reported in", "quote", "conflicts with"]);
    expect(statements[1]).toEqual([PIPE_SOURCE, "workers", "10", "2011-12-17", `${TITLE} — =HYPERLINK("http://example.invalid")`, QUOTE.replace("\n", " "), FORMULA_SOURCE]);
    expect(statements[2]).toEqual([FORMULA_SOURCE, "government", "64", "2011-12-17", `${TITLE} — =HYPERLINK("http://example.invalid")`, "@cmd -2+3", PIPE_SOURCE]);
    const headings: string[] = [];
    walk(tree, (n) => void (n.type === "heading" && headings.push(textOf(n))));
    expect(headings).toContain(QUESTION.replace("\n", " "));
  });

  it("csv: every field comes back exactly, formulas neutralised with a leading quote", () => {
    const rows = parseCsv(exported("csv"), { relax_column_count: false }) as string[][];
    expect(rows[0]).toEqual(["claim", "question", "source", "side", "says", "date", "document", "quote", "status", "conflicts", "range", "window"]);
    expect(rows.slice(1)).toEqual([
      ["hostile-toll", QUESTION, PIPE_SOURCE, "workers", "10", "2011-12-17", `${TITLE} — =HYPERLINK("http://example.invalid")`, `'${QUOTE}`, "conflict", `'${FORMULA_SOURCE}`, "10–64", "none"],
      ["hostile-toll", QUESTION, `'${FORMULA_SOURCE}`, "government", "64", "2011-12-17", `${TITLE} — =HYPERLINK("http://example.invalid")`, "'@cmd -2+3", "conflict", PIPE_SOURCE, "10–64", "none"],
    ]);
  });

  it("json: the report keeps every string exactly", () => {
    const report = JSON.parse(exported("json"));
    expect(report.claims[0].question).toBe(QUESTION);
    expect(report.claims[0].statements.map((s: { quote: string }) => s.quote)).toEqual([QUOTE, "@cmd -2+3"]);
    expect(report.documents[0].title).toBe(TITLE);
  });

  it("claimreview: the question and the speakers come back exactly", () => {
    const [review] = JSON.parse(exported("claimreview"));
    expect(review.claimReviewed).toBe(QUESTION);
    expect(review.itemReviewed.author.map((a: { name: string }) => a.name)).toEqual([PIPE_SOURCE, FORMULA_SOURCE]);
    expect(review.itemReviewed.appearance[0].headline).toBe(TITLE);
  });

  it("html: markup in cells is text, never elements; no script, no image", () => {
    const html = exported("html");
    const elements = new Set<string>();
    let text = "";
    const parser = new Parser({ onopentag: (name) => void elements.add(name), ontext: (t) => void (text += t) }, { decodeEntities: true });
    parser.write(html);
    parser.end();
    for (const tag of ["script", "img", "b", "i"]) expect(elements.has(tag)).toBe(false);
    expect(text).toContain(TITLE);
    expect(text).toContain(PIPE_SOURCE);
    expect(text).toContain("new line <img src=x>");
    expect(text).toContain("note | with <i>html</i>");
  });
});
