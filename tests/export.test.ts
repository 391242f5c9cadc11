import { parse as parseCsv } from "csv-parse/sync";
import type { Link, Strong } from "mdast";
import { describe, expect, it } from "vitest";
import type { Report, ReportClaim } from "../src/core/report/types.js";
import { EXPORT_FORMATS, EXPORT_FORMATTERS, type ExportOptions } from "../src/formats/exports/index.js";
import { displayRating, displayValue } from "../src/formats/exports/display.js";
import { chooseScale } from "../src/formats/exports/html.js";
import { sanitize } from "../src/formats/sanitize.js";
import { parseGfm } from "./helpers/markdown.js";
import { hostile, HOSTILE_TEXTS } from "./fixtures/reports/hostile.js";
import { interval } from "./fixtures/reports/build.js";
import { zhanaozen } from "./fixtures/reports/zhanaozen.js";
import {
  allNodes,
  asCell,
  bounds,
  documentCell,
  expectedStatementRow,
  expectedSummaryRow,
  exported,
  inspectHtml,
  isWeb,
  lf,
  name,
  parseMarkdown,
  plain,
  STATEMENT_COLUMNS,
  SUMMARY_COLUMNS,
  stands,
  tables,
  urlOf,
} from "./helpers/exports.js";

const CONFLICTS_ONLY: ExportOptions = { all: false, publisher: null };
const ALL: ExportOptions = { all: true, publisher: null };

/** [range, window] of a claim as every export shows them; empty for a claim that is not a quantity. */
function rangeAndWindow(claim: ReportClaim): [string, string] {
  if (claim.type !== "quantity") return ["", ""];
  return [bounds(claim.range, claim.unit, "—"), bounds(claim.window, claim.unit, claim.range ? "none" : "—")];
}

// ---- displayValue -----------------------------------------------------------------------------

describe("displayValue", () => {
  const cases: [unknown, string][] = [
    ["at least 64", "at least 64"],
    [16, "16"],
    [-5, "-5"],
    [1.5, "1.5"],
    [true, "true"],
    [null, ""],
    [{ min: 3, max: 7 }, "3–7"],
    [{ min: 3 }, "at least 3"],
    [{ max: 7 }, "at most 7"],
    [["police", "protesters"], "police, protesters"],
    [{ odd: 1 }, '{"odd":1}'],
  ];
  it.each(cases)("%j → %s", (value, shown) => expect(displayValue(value)).toBe(shown));

  it("names ratings in words", () => {
    expect(displayRating("mostly-false")).toBe("Mostly false");
    expect(displayRating(null)).toBe("Unrated");
    expect(displayRating("constructor")).toBe("Constructor");
  });
});

describe("registry", () => {
  it("has one formatter per format name", () => {
    expect(EXPORT_FORMATS).toEqual(["markdown", "csv", "json", "claimreview", "html"]);
    for (const format of EXPORT_FORMATS) expect(typeof EXPORT_FORMATTERS[format]).toBe("function");
  });

  it("is deterministic and safe for a terminal after sanitize", () => {
    for (const format of EXPORT_FORMATS) {
      const once = EXPORT_FORMATTERS[format](hostile, ALL);
      expect(EXPORT_FORMATTERS[format](hostile, ALL)).toBe(once);
      expect(sanitize(sanitize(once))).toBe(sanitize(once));
    }
  });
});

// ---- markdown ---------------------------------------------------------------------------------

const BRIEF_LABELS = ["Disputed:", "Question:", "Who says what:", "Together the sources allow:", "Verdict:"];

function checkMarkdown(report: Report, all: boolean): void {
  const output = sanitize(EXPORT_FORMATTERS.markdown(report, { all, publisher: null }));
  const claims = exported(report, all);
  const found = tables(output);
  expect(found).toHaveLength(claims.length + 1);
  expect(found[0]).toEqual([SUMMARY_COLUMNS, ...claims.map((c) => expectedSummaryRow(c).map(asCell))]);
  claims.forEach((claim, i) => {
    expect(found[i + 1]).toEqual([STATEMENT_COLUMNS, ...claim.statements.map((s) => expectedStatementRow(report, claim, s).map(asCell))]);
  });
  const tree = parseGfm(output);
  const headings = tree.children.filter((node) => node.type === "heading" && node.depth === 2).map((node) => plain(node));
  expect(headings).toEqual(claims.map((c) => asCell(c.question)));
  // Nothing the ledger wrote may come back as markup: no raw HTML, strikethrough, emphasis or code
  // spans. The only links are the statements' http(s) addresses, the only bold text the brief's
  // labels, the only HTML the formatter's own empty comment, which splits a would-be link.
  const nodes = allNodes(tree);
  expect([...new Set(nodes.map((node) => node.type))].sort()).toEqual(
    expect.arrayContaining(["heading", "list", "listItem", "paragraph", "root", "strong", "table", "tableCell", "tableRow", "text"]),
  );
  for (const node of nodes) expect(["heading", "html", "link", "list", "listItem", "paragraph", "root", "strong", "table", "tableCell", "tableRow", "text"]).toContain(node.type);
  for (const node of nodes) if (node.type === "html") expect(node.value).toBe("<!-- -->");
  const expectedLinks = claims.flatMap((c) => c.statements.map((s) => urlOf(report, s)).filter(isWeb)).map(sanitize);
  expect(nodes.filter((node): node is Link => node.type === "link").map((link) => link.url)).toEqual(expectedLinks);
  for (const strong of nodes.filter((node): node is Strong => node.type === "strong")) expect(BRIEF_LABELS).toContain(plain(strong));
}

describe("markdown export", () => {
  it("shows only the claims in conflict by default", () => checkMarkdown(zhanaozen, false));
  it("shows every claim with --all", () => checkMarkdown(zhanaozen, true));
  it("keeps every hostile cell as text", () => {
    checkMarkdown(hostile, true);
    checkMarkdown(hostile, false);
  });

  it("escapes HTML rather than passing it through", () => {
    const output = EXPORT_FORMATTERS.markdown(hostile, ALL);
    expect(output).not.toMatch(/(^|[^\\])<(script|b|i|img)\b/m);
  });

  it("writes one row per line, whatever the line breaks in the ledger", () => {
    const output = EXPORT_FORMATTERS.markdown(hostile, ALL);
    expect(output).not.toMatch(/\r/);
    const rows = output.split("\n").filter((line) => line.startsWith("|"));
    // The summary table's header, rule and one row per claim at least: the check below is not vacuous.
    expect(rows.length).toBeGreaterThanOrEqual(2 + hostile.claims.length);
    for (const line of rows) expect(line.endsWith("|")).toBe(true);
  });

  it("says so when nothing is in conflict", () => {
    const calm: Report = { ...zhanaozen, claims: zhanaozen.claims.filter((c) => c.status !== "conflict") };
    expect(EXPORT_FORMATTERS.markdown(calm, CONFLICTS_ONLY)).toContain("No claim is in conflict.");
  });

  it("prints the generated stamp only when given", () => {
    expect(EXPORT_FORMATTERS.markdown(zhanaozen, { ...CONFLICTS_ONLY, generated: "2026-01-02T03:04:05Z" })).toContain("Generated 2026-01-02T03:04:05Z");
    expect(EXPORT_FORMATTERS.markdown(zhanaozen, CONFLICTS_ONLY)).not.toContain("Generated");
  });
});

// ---- csv --------------------------------------------------------------------------------------

const CSV_COLUMNS = ["claim", "question", "source", "side", "says", "stands", "date", "as of", "document", "link", "quote", "quote check", "status", "conflicts", "range", "window"];

/** Where a spreadsheet may start a formula (OWASP, in full): the cell's start, or after a separator it may split on, blanks between. */
const TRIGGERS = new Set(["=", "+", "-", "@", "\t", "\r", "\uFF1D", "\uFF0B", "\uFF0D", "\uFF20"]);
const SEPARATORS = new Set([",", ";", "\t", "\r", "\n"]);

/** The cell with `'` before every trigger that starts the cell or a piece after a separator, written as a scan, independently of the formatter. */
function neutralised(cell: string): string {
  let out = "";
  let atStart = true;
  for (const ch of cell) {
    if (atStart && TRIGGERS.has(ch)) out += "'";
    out += ch;
    if (SEPARATORS.has(ch)) atStart = true;
    else if (ch !== " ") atStart = false;
  }
  return out;
}

function expectedCsv(report: Report, all: boolean): string[][] {
  const rows = [CSV_COLUMNS];
  for (const claim of exported(report, all)) {
    for (const s of claim.statements) {
      const [source, side, value, standing, , , quote, check, conflicts] = expectedStatementRow(report, claim, s) as string[];
      const url = urlOf(report, s);
      const link = url === null ? "" : isWeb(url) ? url : `(not a web link) ${url}`;
      rows.push([claim.id, claim.question, source!, side!, value!, standing!, s.on ?? "", s.asOf ?? "", documentCell(report, s.in), link, quote!, check!, claim.status, conflicts!, ...rangeAndWindow(claim)]);
    }
  }
  return rows.map((row) => row.map(neutralised));
}

describe("relays in every export", () => {
  // One statement of the example report, made a relay of another source.
  const claim = zhanaozen.claims.find((c) => new Set(c.statements.map((s) => s.source)).size > 1)!;
  const [relay] = claim.statements;
  const origin = claim.statements.find((s) => s.source !== relay.source)!;
  const relayed: Report = { ...zhanaozen, claims: [{ ...claim, statements: [{ ...relay, via: origin.source, origin: origin.source }, ...claim.statements.slice(1)] }] };
  const shown = `${name(zhanaozen, relay.source)} (relaying ${name(zhanaozen, origin.source)})`;

  it.each(["markdown", "csv"] as const)("%s names whom a relay relays", (format) => {
    expect(EXPORT_FORMATTERS[format](relayed, ALL)).toContain(shown);
    expect(EXPORT_FORMATTERS[format](zhanaozen, ALL)).not.toContain("(relaying ");
  });

  it("html names whom a relay relays", () => {
    const cells = (report: Report) => inspectHtml(EXPORT_FORMATTERS.html(report, ALL)).tables.flat(2);
    expect(cells(relayed)).toContain(shown);
    expect(cells(zhanaozen).some((cell) => cell.includes("(relaying "))).toBe(false);
  });
});

describe("range, window and relays in every export (SPEC §8 v2, §6 v2)", () => {
  const toll = zhanaozen.claims.find((c) => c.id === "death-toll")!;
  // The morgue's position, reported by the union as well: one disagreement, its relay beside it.
  const relayed: Report = {
    ...zhanaozen,
    claims: [{ ...toll, window: interval(64, 64), positions: toll.positions.map((p) => (p.origin === "morgue-witnesses" ? { ...p, reportedBy: ["oil-workers-union"] } : p)) }],
  };
  const facts = "death-toll · quantity · conflict · unit: people · range: ≥ 16 people · window: 64 people";
  const pair = `${name(zhanaozen, "morgue-witnesses")} at least 64 (via ${name(zhanaozen, "oil-workers-union")}) vs ${name(zhanaozen, "prosecutor-general")} 16`;

  it("markdown gives the range and window under the heading, and each pair of origins with its relays in the brief", () => {
    const output = EXPORT_FORMATTERS.markdown(relayed, ALL);
    const paragraphs = parseGfm(output).children.filter((node) => node.type === "paragraph").map((node) => plain(node));
    expect(paragraphs).toContain(facts);
    const items = allNodes(parseMarkdown(output)).filter((node) => node.type === "listItem").map((node) => plain(node));
    expect(items).toContain(pair);
    expect(items).toContain(`${name(zhanaozen, "oil-workers-union")} dozens vs ${name(zhanaozen, "prosecutor-general")} 16`);
    expect(tables(output)[0]![1]).toEqual(["death-toll", "conflict", "4 (3)", "3 pairs", "Mixed"]);
  });

  it("html gives them in the claim's facts and the brief", () => {
    const page = inspectHtml(EXPORT_FORMATTERS.html(relayed, ALL));
    expect(page.text).toContain(facts.replace(" · conflict", ""));
    expect(page.text).toContain(pair);
    expect(page.tables[0]![1]).toEqual(["death-toll", "conflict", "4 (3)", "3 pairs", "Mixed"]);
  });

  it("csv gives them on every row of the claim", () => {
    const rows = parseCsv(EXPORT_FORMATTERS.csv(relayed, ALL)) as string[][];
    expect(rows.slice(1).map((row) => row.slice(-2))).toEqual(toll.statements.map(() => ["≥ 16 people", "64 people"]));
  });
});

describe("statements in error in every export", () => {
  const claim = zhanaozen.claims.find((c) => c.statements.length > 2)!;
  const [first, second, ...rest] = claim.statements;
  const broken: Report = { ...zhanaozen, claims: [{ ...claim, statements: [{ ...first, error: "invalid-value", position: false }, { ...second, error: "invalid-source", position: false }, ...rest] }] };

  it.each(["markdown", "csv", "html"] as const)("%s marks them", (format) => {
    const text = format === "html" ? inspectHtml(EXPORT_FORMATTERS.html(broken, ALL)).tables.flat(2).join("\n") : EXPORT_FORMATTERS[format](broken, ALL);
    expect(text).toContain(`${displayValue(first.says)} (value not read)`);
    expect(text).toContain(`${displayValue(second.says)} (source has errors)`);
    expect(text).toContain("in error: value not read");
    expect(text).toContain("in error: source has errors");
  });
});

describe("csv export", () => {
  for (const [label, report] of [["zhanaozen", zhanaozen], ["hostile", hostile]] as const) {
    for (const all of [false, true]) {
      it(`${label}${all ? " --all" : ""}: parses back cell for cell, raw and after sanitize`, () => {
        const output = EXPORT_FORMATTERS.csv(report, { all, publisher: null });
        const expected = expectedCsv(report, all);
        expect(parseCsv(output, { relax_column_count: false })).toEqual(expected);
        expect(parseCsv(sanitize(output), { relax_column_count: false })).toEqual(expected.map((row) => row.map(sanitize)));
      });
    }
  }

  it("lets no cell, nor any piece of one after a separator, start a formula", () => {
    const rows = parseCsv(EXPORT_FORMATTERS.csv(hostile, ALL)) as string[][];
    const cells = rows.flat();
    // Nor any piece a spreadsheet may split a cell into, on a comma, semicolon, TAB or line break.
    for (const cell of cells) for (const piece of cell.split(/[,;\t\r\n]/)) expect(piece.replace(/^ +/, "")).not.toMatch(/^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/);
    expect(cells).toContain("'=1+1");
    expect(cells).toContain("'-5");
    expect(cells).toContain("'@SUM(A1) (retracted 2020-02-02)");
    expect(cells).toContain("'\tmore than 1");
    expect(cells).toContain("'\rless than 100 (retracted)");
    // After a separator a spreadsheet may split on (issue 18), and in full-width form.
    expect(cells).toContain("x;'=cmd|' /C calc'!A0");
    expect(cells).toContain("x\t'=1+1");
    expect(cells).toContain("a, '-2");
    expect(cells).toContain("'\uFF1D1+1 full-width");
  });

  it("quotes every cell by RFC 4180 and ends each row with LF", () => {
    const output = EXPORT_FORMATTERS.csv(hostile, ALL);
    expect(output.endsWith("\n")).toBe(true);
    expect(output).toContain(`"""quoted"", with comma"`);
    expect(output.split("\n")[0]).toBe(CSV_COLUMNS.map((column) => `"${column}"`).join(","));
  });
});

// ---- json -------------------------------------------------------------------------------------

describe("json export", () => {
  it("is the whole §11 report, with or without --all", () => {
    for (const report of [zhanaozen, hostile]) {
      const output = EXPORT_FORMATTERS.json(report, CONFLICTS_ONLY);
      expect(output).toBe(JSON.stringify(report, null, 2) + "\n");
      expect(EXPORT_FORMATTERS.json(report, ALL)).toBe(output);
      // sanitize's \uXXXX escapes are JSON escapes of the same characters.
      expect(JSON.parse(sanitize(output))).toEqual(report);
    }
  });
});

// ---- html -------------------------------------------------------------------------------------

const ALLOWED_TAGS = [
  ...["html", "head", "meta", "title", "style", "body", "header", "main", "section", "h1", "h2", "p", "span", "strong", "s", "a", "time"],
  ...["table", "caption", "thead", "tbody", "tr", "th", "td", "dl", "div", "dt", "dd", "ul", "li", "figure", "figcaption"],
  ...["svg", "text", "rect", "line", "polygon", "circle", "path"],
];

describe("html export", () => {
  it("counts the claims in words that agree with the number", () => {
    const one = { ...zhanaozen, summary: { ...zhanaozen.summary, claims: 1 } };
    expect(EXPORT_FORMATTERS.html(one, ALL)).toContain("1 claim: ");
    expect(EXPORT_FORMATTERS.html(zhanaozen, ALL)).toContain(`${zhanaozen.summary.claims} claims: `);
  });

  it("is self-contained: no script, nothing fetched; links only to its own claims and to http(s) pages, opened without a referrer", () => {
    for (const report of [zhanaozen, hostile]) {
      const page = EXPORT_FORMATTERS.html(report, ALL);
      expect(page).not.toMatch(/<script/i);
      expect(page).not.toMatch(/@import/i);
      expect(page).not.toMatch(/url\(/i);
      const facts = inspectHtml(page);
      expect(facts.srcs).toEqual([]);
      const expected = exported(report, true).flatMap((c) => c.statements.map((s) => urlOf(report, s)).filter(isWeb));
      expect(facts.links.filter((l) => !l.href.startsWith("#")).map((l) => l.href)).toEqual(expected);
      for (const link of facts.links) {
        if (link.href.startsWith("#")) expect(link.href).toMatch(/^#claim-[a-z0-9-]+$/);
        else expect(link.rel).toBe("noopener noreferrer");
      }
    }
  });

  it("escapes every hostile text: only its own elements appear, and each cell reads back exactly", () => {
    const page = EXPORT_FORMATTERS.html(hostile, ALL);
    const facts = inspectHtml(sanitize(page));
    for (const tag of facts.tags) expect(ALLOWED_TAGS).toContain(tag);
    for (const text of HOSTILE_TEXTS) if (/[<>&"']/.test(text)) expect(page).not.toContain(text);
    expect(page).not.toContain("<b>x</b>");
    expect(page).not.toContain("<img");
    // The page escapes `#` and a line-starting `:` as character references: it reads the same, and
    // its source holds no workflow command for a CI runner that prints it.
    expect(page).not.toContain("##[");
    expect(page).not.toMatch(/^\s*::/m);
    const shown = (cell: string) => lf(sanitize(cell)).replaceAll("#\\u0023[", "##[");
    const claims = exported(hostile, true);
    expect(facts.h2).toEqual(claims.map((c) => shown(c.question)));
    expect(facts.tables).toHaveLength(claims.length + 1);
    claims.forEach((claim, i) => {
      expect(facts.tables[i + 1]).toEqual([
        STATEMENT_COLUMNS,
        ...claim.statements.map((s) => {
          const row = expectedStatementRow(hostile, claim, s);
          // HTML shows an address that is not a link in words, beside the document.
          const url = urlOf(hostile, s);
          if (url !== null && !isWeb(url)) row[5] = [documentCell(hostile, s.in), `(not a web link: ${url})`].filter((p) => p !== "").join(" ");
          return row.map(shown);
        }),
      ]);
    });
    expect(facts.tables[0]?.slice(1)).toEqual(claims.map((c) => expectedSummaryRow(c).map(shown)));
  });

  it("gives every table a caption, every column header scope=col and every row's first cell scope=row", () => {
    const facts = inspectHtml(EXPORT_FORMATTERS.html(zhanaozen, ALL));
    expect(facts.captions).toEqual(["Every claim", ...zhanaozen.claims.map((c) => `Statements (${c.statements.length})`)]);
    const rows = facts.tables.reduce((n, t) => n + t.length - 1, 0);
    const columns = facts.tables.reduce((n, t) => n + t[0]!.length, 0);
    expect(facts.scopes.filter((s) => s === "col")).toHaveLength(columns);
    expect(facts.scopes.filter((s) => s === "row")).toHaveLength(rows);
    expect(facts.scopes).toHaveLength(columns + rows);
  });

  it("draws a range chart per quantity claim: one bar per stated interval, red caps only where positions conflict, the finding as a band", () => {
    for (const all of [false, true]) {
      const claims = exported(zhanaozen, all).filter((c) => c.type === "quantity" && c.positions.some((p) => p.interval !== null));
      const facts = inspectHtml(EXPORT_FORMATTERS.html(zhanaozen, { all, publisher: null }));
      expect(facts.charts.map((c) => c.bars)).toEqual(claims.map((c) => c.positions.filter((p) => p.interval !== null).length));
      expect(facts.charts.map((c) => c.conflicts)).toEqual(claims.map((c) => new Set(c.conflicts.flatMap((x) => x.origins)).size));
      // A band in every bar's strip, so it lines up across the rows.
      expect(facts.charts.map((c) => c.findings)).toEqual(claims.map((c) => (c.verdict?.interval ? c.positions.filter((p) => p.interval !== null).length : 0)));
    }
    // death-toll: the prosecutor's 16 against the morgue's ≥ 64, the union's 24–99 and RFE/RL's > 20:
    // one cap on the 16, and one on the lower bound of each of the three.
    const toll = inspectHtml(EXPORT_FORMATTERS.html(zhanaozen, CONFLICTS_ONLY)).charts[0]!;
    expect(toll.caps).toBe(4);
    expect(toll.label).toBe(
      `Range chart of each origin's position: ${name(zhanaozen, "prosecutor-general")} 16 people; ${name(zhanaozen, "morgue-witnesses")} ≥ 64 people; ${name(zhanaozen, "oil-workers-union")} 24–99 people; ${name(zhanaozen, "rferl-correspondent")} > 20 people; verdict finding 16–20 people.`,
    );
    expect(inspectHtml(EXPORT_FORMATTERS.html(hostile, CONFLICTS_ONLY)).charts.map((c) => c.bars)).toEqual([6]);
  });

  it("names each bar with its exact value and whom it conflicts with, in its accessible name and its tooltip", () => {
    const page = EXPORT_FORMATTERS.html(zhanaozen, CONFLICTS_ONLY);
    const expected = `${name(zhanaozen, "prosecutor-general")} 16: 16 people; in conflict with ${name(zhanaozen, "morgue-witnesses")} (≥ 64 people), ${name(zhanaozen, "oil-workers-union")} (24–99 people), ${name(zhanaozen, "rferl-correspondent")} (> 20 people)`;
    expect(inspectHtml(page).images).toContain(expected);
    expect(page).toContain(`<title>${expected.replace(/'/g, "&#39;").replace(/>/g, "&#62;")}</title>`);
    // Marked with more than colour, for greyscale print: a ✕ before the label.
    expect(page).toContain(`<span class="cross" aria-hidden="true">✕ </span>Prosecutor-General`);
  });

  it("draws unbounded ends as arrows and excluded bounds as hollow circles", () => {
    const page = EXPORT_FORMATTERS.html(zhanaozen, CONFLICTS_ONLY);
    // death-toll: "at least 64" and "more than 20" run to the right edge; "more than 20" excludes 20.
    expect(page.match(/<polygon class="arrow"/g)).toHaveLength(2);
    expect(page.match(/<circle class="open-end"/g)).toHaveLength(1);
  });

  it("lays charts out in percent without a viewBox, so their text keeps its pixel size", () => {
    const page = EXPORT_FORMATTERS.html(zhanaozen, ALL);
    expect(page).not.toContain("viewBox");
    expect(page).toMatch(/<rect class="bar" x="[\d.]+%"/);
    expect(page).toContain(".tick-label, .axis-caption, .value { font-size: 12px;");
  });

  it("stamps the page with its generation time and the version of claims only when given", () => {
    const page = EXPORT_FORMATTERS.html(zhanaozen, { ...ALL, generated: "2026-01-02T03:04:05Z", version: "9.8.7" });
    expect(inspectHtml(page).text).toContain("Generated 2026-01-02 03:04 UTC by claims 9.8.7.");
    expect(page).toContain(`<time datetime="2026-01-02T03:04:05Z">`);
    expect(EXPORT_FORMATTERS.html(zhanaozen, ALL)).not.toContain("Generated");
  });

  it("chooses a log axis only for positive bounds spanning more than 50×", () => {
    expect(chooseScale([interval(50, 50), interval(2000, 9999)]).kind).toBe("log");
    expect(chooseScale([interval(16, 16), interval(64, null)]).kind).toBe("linear");
    expect(chooseScale([interval(0, 1), interval(100, 1000)]).kind).toBe("linear");
    expect(chooseScale([interval(null, null)]).kind).toBe("linear");
    const scale = chooseScale([interval(10, 10)]);
    expect(scale.ticks.length).toBeGreaterThan(1);
    for (const tick of scale.ticks) expect(Number.isFinite(scale.x(tick))).toBe(true);
  });
});

describe("which statement stands, in every format (SPEC §12 v2)", () => {
  it("the helper's expectations cover every kind the fixtures hold", () => {
    const kinds = new Set(hostile.claims.flatMap((c) => c.statements.map((s) => stands(c, s).replace(/ \d{4}-\d{2}-\d{2}$/, ""))));
    expect([...kinds].sort()).toEqual(["agrees with position", "position", "retracted", "superseded"]);
  });
});
