/**
 * Links (SPEC §12 v2): from the built CLI, every statement of the example ledger and of the
 * running-count example (relays, a revision, a cumulative toll) links to its `url`, else its
 * document's, in Markdown, CSV and HTML; read back by a GFM parser, a CSV parser and htmlparser2.
 * An address that is not http(s) never becomes a link, in any format, and is shown as text.
 */
import { parse as parseCsv } from "csv-parse/sync";
import type { Link, TableRow } from "mdast";
import { describe, expect, it } from "vitest";
import type { Report } from "../src/core/report/types.js";
import { EXPORT_FORMATTERS } from "../src/formats/exports/index.js";
import { claim, report, statement } from "./fixtures/reports/build.js";
import { allNodes, inspectHtml, parseMarkdown, urlOf } from "./helpers/exports.js";
import { runBin } from "./helpers/run.js";

/** The export of a ledger by the built CLI, every claim. */
function exported(format: string, ledger: string): string {
  const result = runBin(["export", "--all", "--format", format, ledger], { env: { SOURCE_DATE_EPOCH: "0" } });
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  return result.stdout;
}

/** The report of a ledger, as `check --format json` gives it. */
function reportOf(ledger: string): Report {
  return JSON.parse(runBin(["check", "--format", "json", ledger]).stdout) as Report;
}

// The example's one statement without a place: the company's `unknown`, recorded because the
// report carries nothing from it ("until its own figure is found"); there is nothing to link.
const UNSAID: Record<string, string[]> = { claims: ["workers-sacked/uzenmunaigas"], "docs/examples/running-count": [] };

describe.each(["claims", "docs/examples/running-count"])("every statement of %s is linked", (ledger) => {
  const checked = reportOf(ledger);
  const all = checked.claims.flatMap((c) => c.statements.map((s) => ({ id: `${c.id}/${s.source}`, url: urlOf(checked, s) })));
  const urls = all.flatMap(({ url }) => (url === null ? [] : [url]));

  it("the ledger gives every statement a web address (its own or its document's), but a statement not yet made", () => {
    expect(urls.length).toBeGreaterThan(5);
    expect(all.filter(({ url }) => url === null).map(({ id }) => id)).toEqual(UNSAID[ledger]);
    for (const url of urls) expect(url).toMatch(/^https:\/\/[a-z0-9.-]+\//);
  });

  it("markdown: each statement row's 'reported in' cell is a link to it", () => {
    const tree = parseMarkdown(exported("markdown", ledger));
    const rows = allNodes(tree).filter((node): node is TableRow => node.type === "tableRow" && node.children.length === 9);
    const linked = rows.slice(0).flatMap((row) => allNodes(row.children[5]!).filter((node): node is Link => node.type === "link").map((link) => link.url));
    expect(linked).toEqual(urls);
  });

  it("csv: the link column holds each statement's address", () => {
    const [header, ...rows] = parseCsv(exported("csv", ledger)) as string[][];
    const column = header!.indexOf("link");
    expect(rows.map((row) => row[column])).toEqual(all.map(({ url }) => url ?? ""));
  });

  it("html: each statement links to it, opened without opener or referrer", () => {
    const facts = inspectHtml(exported("html", ledger));
    const links = facts.links.filter((link) => !link.href.startsWith("#"));
    expect(links.map((link) => link.href)).toEqual(urls);
    for (const link of links) expect(link.rel).toBe("noopener noreferrer");
  });
});

describe("an address that is not http(s) is text in every format", () => {
  // The schema refuses these in a ledger; a report built by a program may still hold them.
  const hostileUrls = ["javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)", "/relative/path", "//evil.example/x", "https://"];
  const one = report(
    [claim({ id: "c", question: "Q?", type: "boolean", status: "single-source", statements: hostileUrls.map((url) => statement({ source: "a", says: true, url })) })],
    [{ id: "a", name: "A", type: "media", side: null, url: null }],
    [],
  );

  it("markdown: no link node, the address in the cell as text", () => {
    const output = EXPORT_FORMATTERS.markdown(one, { all: true, publisher: null });
    const tree = parseMarkdown(output);
    expect(allNodes(tree).filter((node) => node.type === "link")).toEqual([]);
    const rows = allNodes(tree).filter((node): node is TableRow => node.type === "tableRow").slice(-hostileUrls.length);
    // As a reader sees it: the empty comment that keeps `https://` from becoming a link renders as nothing.
    expect(rows.map((row) => allNodes(row.children[5]!).map((n) => (n.type !== "html" && "value" in n ? n.value : "")).join(""))).toEqual(hostileUrls);
  });

  it("csv: marked as not a web link, so no sheet or CMS takes the column for links", () => {
    const [header, ...rows] = parseCsv(EXPORT_FORMATTERS.csv(one, { all: true, publisher: null })) as string[][];
    expect(rows.map((row) => row[header!.indexOf("link")])).toEqual(hostileUrls.map((url) => `(not a web link) ${url}`));
  });

  it("html: no href but the page's own anchors; the address shown in words", () => {
    const facts = inspectHtml(EXPORT_FORMATTERS.html(one, { all: true, publisher: null }));
    expect(facts.links.map((link) => link.href)).toEqual(["#claim-c"]);
    expect(facts.tables[1]!.slice(1).map((row) => row[5])).toEqual(hostileUrls.map((url) => `(not a web link: ${url})`));
  });
});
