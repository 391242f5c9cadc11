import { parse as parseCsv } from "csv-parse/sync";
import { Parser } from "htmlparser2";
import type { Nodes, Table } from "mdast";
import { describe, expect, it } from "vitest";
import type { Report, ReportClaim, ReportInterval, ReportStatement } from "../src/core/report/types.js";
import { EXPORT_FORMATS, EXPORT_FORMATTERS, type ExportOptions } from "../src/formats/exports/index.js";
import { displayRating, displayValue } from "../src/formats/exports/display.js";
import { chooseScale } from "../src/formats/exports/html.js";
import { sanitize } from "../src/formats/sanitize.js";
import { parseGfm } from "./helpers/markdown.js";
import { hostile, HOSTILE_TEXTS } from "./fixtures/reports/hostile.js";
import { interval } from "./fixtures/reports/build.js";
import { zhanaozen } from "./fixtures/reports/zhanaozen.js";

const CONFLICTS_ONLY: ExportOptions = { all: false, publisher: null };
const ALL: ExportOptions = { all: true, publisher: null };

// ---- expectations, written from the report's fields independently of the formatters ---------

function name(report: Report, id: string): string {
  return report.sources.find((s) => s.id === id)?.name ?? id;
}

const ERROR_WORDS = { "invalid-value": "value not read", "unknown-source": "unknown source", "invalid-source": "source has errors" } as const;

function says(statement: ReportStatement): string {
  const value = displayValue(statement.says) + (statement.error === null ? "" : ` (${ERROR_WORDS[statement.error]})`);
  if (statement.retracted === false) return value;
  return statement.retracted === true ? `${value} (retracted)` : `${value} (retracted ${statement.retracted})`;
}

function documentCell(report: Report, id: string | null): string {
  if (id === null) return "";
  const d = report.documents.find((doc) => doc.id === id);
  return d === undefined ? id : `${d.title} — ${d.publisher}`;
}

function expectedStatementRow(report: Report, statement: ReportStatement): string[] {
  return [
    statement.via === null ? name(report, statement.source) : `${name(report, statement.source)} (via ${name(report, statement.via)})`,
    statement.side ?? "",
    says(statement),
    statement.on ?? "",
    documentCell(report, statement.in),
    statement.quote ?? "",
    statement.conflictsWith.map((id) => name(report, id)).join(", "),
  ];
}

function expectedSummaryRow(report: Report, claim: ReportClaim): string[] {
  return [
    claim.id,
    claim.status,
    // As `check` counts them: sources whose position stands, and their independence groups.
    `${claim.positions.filter((p) => p.committed).length} (${claim.groups})`,
    // One disagreement once: a pair of origins (SPEC §6 v2).
    claim.conflicts.map(({ origins: [a, b] }) => `${name(report, a)} vs ${name(report, b)}`).join("; "),
  ];
}

/** A range or window as SPEC §8 v2 shows it: exact bounds, the claim's unit after. */
function bounds(interval: ReportInterval | null | undefined, unit: string | null, missing: string): string {
  if (!interval) return missing;
  const n = (x: number) => x.toLocaleString("en-US", { maximumFractionDigits: 12 });
  const { min, max, minOpen, maxOpen } = interval;
  let text: string;
  if (min === null && max === null) text = "unbounded";
  else if (max === null) text = `${minOpen ? ">" : "≥"} ${n(min!)}`;
  else if (min === null) text = `${maxOpen ? "<" : "≤"} ${n(max)}`;
  else if (!minOpen && !maxOpen) text = min === max ? n(min) : `${n(min)}–${n(max)}`;
  else text = `${minOpen ? "> " : ""}${n(min)} to ${maxOpen ? "< " : ""}${n(max)}`;
  return unit === null || text === "unbounded" ? text : `${text} ${unit}`;
}

/** [range, window] of a claim as every export shows them; empty for a claim that is not a quantity. */
function rangeAndWindow(claim: ReportClaim): [string, string] {
  if (claim.type !== "quantity") return ["", ""];
  return [bounds(claim.range, claim.unit, "—"), bounds(claim.window, claim.unit, claim.range ? "none" : "—")];
}

function exported(report: Report, all: boolean): readonly ReportClaim[] {
  return all ? report.claims : report.claims.filter((c) => c.status === "conflict");
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

/** Plain text of a parsed node: text and inline code values, concatenated. */
function plain(node: Nodes): string {
  if (node.type === "text" || node.type === "inlineCode") return node.value;
  return "children" in node ? node.children.map((child) => plain(child)).join("") : "";
}

function tables(text: string): string[][][] {
  return parseGfm(text)
    .children.filter((node): node is Table => node.type === "table")
    .map((table) => table.children.map((row) => row.children.map((cell) => plain(cell))));
}

/** What a cell shows: the formatter's one-line rule, the CLI's sanitize, and GFM's trimming of cells. */
function asCell(text: string): string {
  return sanitize(text.replace(/\r\n|\r|\n/g, " ")).replace(/^[ \t]+|[ \t]+$/g, "");
}

function checkMarkdown(report: Report, all: boolean): void {
  const output = sanitize(EXPORT_FORMATTERS.markdown(report, { all, publisher: null }));
  const claims = exported(report, all);
  const found = tables(output);
  expect(found).toHaveLength(claims.length + 1);
  expect(found[0]).toEqual([["claim", "status", "sources (groups)", "conflicts"], ...claims.map((c) => expectedSummaryRow(report, c).map(asCell))]);
  claims.forEach((claim, i) => {
    expect(found[i + 1]).toEqual([
      ["source", "side", "says", "date", "reported in", "quote", "conflicts with"],
      ...claim.statements.map((s) => expectedStatementRow(report, s).map(asCell)),
    ]);
  });
  const tree = parseGfm(output);
  const headings = tree.children.filter((node) => node.type === "heading" && node.depth === 2).map((node) => plain(node));
  expect(headings).toEqual(claims.map((c) => asCell(c.question)));
  // Nothing the ledger wrote may come back as markup: no raw HTML, links, strikethrough, emphasis
  // or code spans. The one HTML is the formatter's own empty comment, which splits a would-be link.
  const kinds = new Set<string>();
  const walk = (node: Nodes): void => {
    kinds.add(node.type);
    if (node.type === "html") expect(node.value).toBe("<!-- -->");
    if ("children" in node) node.children.forEach((child) => walk(child));
  };
  walk(tree);
  for (const kind of kinds) expect(["heading", "html", "paragraph", "root", "table", "tableCell", "tableRow", "text"]).toContain(kind);
  expect([...kinds]).not.toContain("link");
  expect([...kinds]).not.toContain("delete");
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
    for (const line of output.split("\n")) if (line.startsWith("|")) expect(line.endsWith("|")).toBe(true);
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
  const rows = [["claim", "question", "source", "side", "says", "date", "document", "quote", "status", "conflicts", "range", "window"]];
  for (const claim of exported(report, all)) {
    for (const s of claim.statements) {
      const [source, side, value, date, document, quote, conflicts] = expectedStatementRow(report, s) as [string, string, string, string, string, string, string];
      rows.push([claim.id, claim.question, source, side, value, date, document, quote, claim.status, conflicts, ...rangeAndWindow(claim)]);
    }
  }
  return rows.map((row) => row.map(neutralised));
}

describe("relays in every export", () => {
  // One statement of the example report, made a relay of another source.
  const claim = zhanaozen.claims.find((c) => new Set(c.statements.map((s) => s.source)).size > 1)!;
  const [relay] = claim.statements;
  const origin = claim.statements.find((s) => s.source !== relay.source)!;
  const relayed: Report = { ...zhanaozen, claims: [{ ...claim, statements: [{ ...relay, via: origin.source }, ...claim.statements.slice(1)] }] };
  const shown = `${name(zhanaozen, relay.source)} (via ${name(zhanaozen, origin.source)})`;

  it.each(["markdown", "csv"] as const)("%s names whom a relay relays", (format) => {
    expect(EXPORT_FORMATTERS[format](relayed, ALL)).toContain(shown);
    expect(EXPORT_FORMATTERS[format](zhanaozen, ALL)).not.toContain("(via ");
  });

  it("html names whom a relay relays", () => {
    const cells = (report: Report) => inspectHtml(EXPORT_FORMATTERS.html(report, ALL)).tables.flat(2);
    expect(cells(relayed)).toContain(shown);
    expect(cells(zhanaozen).some((cell) => cell.includes("(via "))).toBe(false);
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
  const summary = `${name(zhanaozen, "morgue-witnesses")} (reported by ${name(zhanaozen, "oil-workers-union")}) vs ${name(zhanaozen, "prosecutor-general")}`;

  it("markdown gives the range and window under the heading, and relays beside their origin in the summary", () => {
    const output = EXPORT_FORMATTERS.markdown(relayed, ALL);
    const paragraphs = parseGfm(output).children.filter((node) => node.type === "paragraph").map((node) => plain(node));
    expect(paragraphs).toContain(facts);
    expect(tables(output)[0][1][3]).toBe(`${summary}; ${name(zhanaozen, "oil-workers-union")} vs ${name(zhanaozen, "prosecutor-general")}; ${name(zhanaozen, "prosecutor-general")} vs ${name(zhanaozen, "rferl-correspondent")}`);
  });

  it("html gives them in the claim's facts and the summary table", () => {
    const page = EXPORT_FORMATTERS.html(relayed, ALL);
    const text: string[] = [];
    const parser = new Parser({ ontext: (t) => void text.push(t) }, { decodeEntities: true });
    parser.write(page);
    parser.end();
    expect(text.join("")).toContain(facts.replace(" · conflict", ""));
    expect(inspectHtml(page).tables[0][1][3]).toContain(summary);
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
    expect(output.split("\n")[0]).toBe(`"claim","question","source","side","says","date","document","quote","status","conflicts","range","window"`);
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

// ---- claimreview ------------------------------------------------------------------------------

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Google's required ClaimReview fields and the shapes this export promises. */
function checkClaimReview(review: unknown): asserts review is Json {
  expect(isObject(review)).toBe(true);
  const r = review as Json;
  expect(r["@context"]).toBe("https://schema.org");
  expect(r["@type"]).toBe("ClaimReview");
  expect(typeof r.claimReviewed).toBe("string");
  expect(r.url).toMatch(/^#claim-[a-z0-9-]+$/);
  expect(isObject(r.author) && r.author["@type"] === "Organization" && typeof r.author.name === "string").toBe(true);
  const rating = r.reviewRating as Json;
  expect(rating["@type"]).toBe("Rating");
  expect(typeof rating.alternateName).toBe("string");
  if (rating.ratingValue !== undefined) {
    expect(rating.ratingValue).toBeGreaterThanOrEqual(rating.worstRating as number);
    expect(rating.ratingValue).toBeLessThanOrEqual(rating.bestRating as number);
  }
  const item = r.itemReviewed as Json;
  expect(item["@type"]).toBe("Claim");
  expect(Array.isArray(item.author)).toBe(true);
  for (const author of item.author as Json[]) {
    expect(["Person", "Organization"]).toContain(author["@type"]);
    expect(typeof author.name).toBe("string");
  }
  for (const work of (item.appearance as Json[] | undefined) ?? []) {
    expect(work["@type"]).toBe("CreativeWork");
    expect(typeof work.headline).toBe("string");
  }
  if (item.datePublished !== undefined) expect(item.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  if (r.datePublished !== undefined) expect(r.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  // No nulls: JSON-LD leaves out what is unknown.
  expect(JSON.stringify(r)).not.toContain("null");
}

describe("claimreview export", () => {
  it("publishes one ClaimReview per claim with a verdict, --all or not", () => {
    const output = EXPORT_FORMATTERS.claimreview(zhanaozen, CONFLICTS_ONLY);
    expect(EXPORT_FORMATTERS.claimreview(zhanaozen, ALL)).toBe(output);
    const reviews = JSON.parse(output) as unknown[];
    expect(reviews).toHaveLength(2);
    reviews.forEach(checkClaimReview);
    const [deaths, fire] = reviews as [Json, Json];
    expect(deaths.claimReviewed).toBe("How many people were killed in Zhanaozen on 16 December 2011?");
    expect(deaths.url).toBe("#claim-death-toll");
    expect(deaths.author).toEqual({ "@type": "Organization", name: "claims ledger" });
    expect(deaths.datePublished).toBe("2012-01-26");
    expect(deaths.reviewRating).toMatchObject({ alternateName: "Mixed", ratingValue: 3, bestRating: 5, worstRating: 1 });
    expect((deaths.reviewRating as Json).additionalProperty).toEqual([
      { "@type": "PropertyValue", name: "prosecutor-general", value: "agrees" },
      { "@type": "PropertyValue", name: "morgue-witnesses", value: "contradicts" },
      { "@type": "PropertyValue", name: "oil-workers-union", value: "contradicts" },
      { "@type": "PropertyValue", name: "rferl-correspondent", value: "contradicts" },
    ]);
    const item = deaths.itemReviewed as Json;
    expect(item.datePublished).toBe("2011-12-16");
    expect(item.author).toEqual([
      { "@type": "Organization", name: "Prosecutor-General's Office of Kazakhstan", url: "https://prokuror.gov.kz" },
      { "@type": "Person", name: "Witnesses at the Zhanaozen morgue" },
      { "@type": "Organization", name: "Ozenmunaigas strikers' committee" },
      { "@type": "Person", name: "RFE/RL correspondent" },
    ]);
    expect(item.appearance).toEqual([
      { "@type": "CreativeWork", headline: "Ten killed in Kazakh oil town clashes", datePublished: "2011-12-16", publisher: { "@type": "Organization", name: "Reuters" } },
      {
        "@type": "CreativeWork",
        url: "https://www.aljazeera.com/news/2011/12/17/security-clampdown-on-kazakh-town",
        headline: "Security clampdown on Kazakh town",
        datePublished: "2011-12-17",
        publisher: { "@type": "Organization", name: "Al Jazeera" },
      },
      {
        "@type": "CreativeWork",
        url: "https://www.rferl.org/a/zhanaozen/24425000.html",
        headline: "Witnesses describe Zhanaozen shooting",
        datePublished: "2011-12-18",
        publisher: { "@type": "Organization", name: "RFE/RL" },
      },
    ]);
    expect(fire.reviewRating).toMatchObject({ alternateName: "Mostly false", ratingValue: 2 });
  });

  it("names the publisher and says Unrated without a rating", () => {
    const unrated: Report = {
      ...zhanaozen,
      claims: zhanaozen.claims.map((c) => (c.verdict === null ? c : { ...c, verdict: { ...c.verdict, rating: null, on: null } })),
    };
    const reviews = JSON.parse(EXPORT_FORMATTERS.claimreview(unrated, { all: false, publisher: "Factcheck.kz" })) as Json[];
    reviews.forEach(checkClaimReview);
    for (const review of reviews) {
      expect(review.author).toEqual({ "@type": "Organization", name: "Factcheck.kz" });
      expect((review.reviewRating as Json).alternateName).toBe("Unrated");
      expect((review.reviewRating as Json).ratingValue).toBeUndefined();
      expect(review.datePublished).toBeUndefined();
    }
  });

  it("is an empty list without verdicts, and keeps hostile text exact through sanitize", () => {
    expect(JSON.parse(EXPORT_FORMATTERS.claimreview({ ...zhanaozen, claims: [] }, ALL))).toEqual([]);
    const reviews = JSON.parse(sanitize(EXPORT_FORMATTERS.claimreview(hostile, ALL))) as Json[];
    expect(reviews).toHaveLength(1);
    reviews.forEach(checkClaimReview);
    expect(reviews[0]?.claimReviewed).toBe(hostile.claims[0]?.question);
  });
});

// ---- html -------------------------------------------------------------------------------------

interface HtmlFacts {
  tags: Set<string>;
  hrefs: string[];
  srcs: string[];
  /** Cell texts of each table, by rows. */
  tables: string[][][];
  h2: string[];
  /** Per SVG: the number of `rect.bar` elements. */
  bars: number[];
  conflictBars: number[];
  findings: number[];
}

function inspectHtml(page: string): HtmlFacts {
  const facts: HtmlFacts = { tags: new Set(), hrefs: [], srcs: [], tables: [], h2: [], bars: [], conflictBars: [], findings: [] };
  let cell: string | null = null;
  let h2: string | null = null;
  const parser = new Parser(
    {
      onopentag(tag, attributes) {
        facts.tags.add(tag);
        if (attributes.href !== undefined) facts.hrefs.push(attributes.href);
        if (attributes.src !== undefined) facts.srcs.push(attributes.src);
        if (tag === "table") facts.tables.push([]);
        if (tag === "tr") facts.tables.at(-1)?.push([]);
        if (tag === "td" || tag === "th") cell = "";
        if (tag === "h2") h2 = "";
        if (tag === "svg") facts.bars.push(0), facts.conflictBars.push(0), facts.findings.push(0);
        const classes = (attributes.class ?? "").split(" ");
        if (tag === "rect" && classes.includes("bar")) {
          facts.bars[facts.bars.length - 1]! += 1;
          if (classes.includes("conflict")) facts.conflictBars[facts.conflictBars.length - 1]! += 1;
        }
        if (tag === "rect" && classes.includes("finding")) facts.findings[facts.findings.length - 1]! += 1;
      },
      ontext(text) {
        if (cell !== null) cell += text;
        if (h2 !== null) h2 += text;
      },
      onclosetag(tag) {
        if ((tag === "td" || tag === "th") && cell !== null) {
          facts.tables.at(-1)?.at(-1)?.push(cell);
          cell = null;
        }
        if (tag === "h2" && h2 !== null) {
          facts.h2.push(h2);
          h2 = null;
        }
      },
    },
    { decodeEntities: true, recognizeSelfClosing: true },
  );
  parser.write(page);
  parser.end();
  return facts;
}

/** HTML parsers treat CRLF and CR as LF. */
const lf = (text: string): string => text.replace(/\r\n?/g, "\n");

const ALLOWED_TAGS = ["html", "head", "meta", "title", "style", "body", "h1", "h2", "p", "span", "strong", "a", "div", "table", "thead", "tbody", "tr", "th", "td", "section", "svg", "g", "text", "rect", "line", "polygon", "circle"];

describe("html export", () => {
  it("counts the claims in words that agree with the number", () => {
    const one = { ...zhanaozen, summary: { ...zhanaozen.summary, claims: 1 } };
    expect(EXPORT_FORMATTERS.html(one, ALL)).toContain("1 claim: ");
    expect(EXPORT_FORMATTERS.html(zhanaozen, ALL)).toContain(`${zhanaozen.summary.claims} claims: `);
  });

  it("is self-contained: no script, nothing fetched", () => {
    for (const report of [zhanaozen, hostile]) {
      const page = EXPORT_FORMATTERS.html(report, ALL);
      expect(page).not.toMatch(/<script/i);
      expect(page).not.toMatch(/(src|href)\s*=\s*["']?\s*(https?:)?\/\//i);
      expect(page).not.toMatch(/@import/i);
      expect(page).not.toMatch(/url\(/i);
      const facts = inspectHtml(page);
      expect(facts.srcs).toEqual([]);
      for (const href of facts.hrefs) expect(href).toMatch(/^#claim-[a-z0-9-]+$/);
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
        ["source", "side", "says", "date", "reported in", "quote", "conflicts with"],
        ...claim.statements.map((s) => expectedStatementRow(hostile, s).map(shown)),
      ]);
    });
    expect(facts.tables[0]?.slice(1)).toEqual(claims.map((c) => expectedSummaryRow(hostile, c).map(shown)));
  });

  it("draws a range chart per quantity claim: one bar per stated interval, conflicts marked, the finding as a band", () => {
    for (const all of [false, true]) {
      const claims = exported(zhanaozen, all).filter((c) => c.type === "quantity");
      const facts = inspectHtml(EXPORT_FORMATTERS.html(zhanaozen, { all, publisher: null }));
      expect(facts.bars).toEqual(claims.map((c) => c.positions.filter((p) => p.interval !== null).length));
      expect(facts.conflictBars).toEqual(
        claims.map((c) => {
          const inConflict = new Set(c.conflicts.flatMap((x) => x.sources));
          return c.positions.filter((p) => p.interval !== null && inConflict.has(p.source)).length;
        }),
      );
      expect(facts.findings).toEqual(claims.map((c) => (c.verdict?.interval ? 1 : 0)));
    }
    const hostileFacts = inspectHtml(EXPORT_FORMATTERS.html(hostile, CONFLICTS_ONLY));
    expect(hostileFacts.bars).toEqual([6]);
  });

  it("marks conflicts with more than colour, for greyscale print", () => {
    const page = EXPORT_FORMATTERS.html(zhanaozen, CONFLICTS_ONLY);
    expect(page).toMatch(/<rect class="bar conflict"[^>]*stroke-dasharray/);
    expect(page).toContain("✕ Prosecutor-General");
    expect(page).toContain("@media print");
    expect(page).toMatch(/<svg class="chart" viewBox="0 0 800 \d+" width="100%"/);
  });

  it("draws unbounded ends as arrows and excluded bounds as hollow circles", () => {
    const page = EXPORT_FORMATTERS.html(zhanaozen, CONFLICTS_ONLY);
    // death-toll: "at least 64" and "more than 20" run to the right edge; "more than 20" excludes 20.
    expect(page.match(/<polygon class="arrow"/g)).toHaveLength(2);
    expect(page.match(/<circle class="open-end"/g)).toHaveLength(1);
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
