/**
 * What the exports should show, written from the report's fields independently of the formatters,
 * and the readers the tests parse exports back with: a GFM parser for Markdown, htmlparser2 for HTML.
 */
import { Parser } from "htmlparser2";
import type { Nodes, Table } from "mdast";
import type { Report, ReportClaim, ReportInterval, ReportStatement } from "../../src/core/report/types.js";
import { displayValue } from "../../src/formats/exports/display.js";
import { sanitize } from "../../src/formats/sanitize.js";
import { parseGfm } from "./markdown.js";

export function name(report: Report, id: string): string {
  return report.sources.find((s) => s.id === id)?.name ?? id;
}

const ERROR_WORDS = { "invalid-value": "value not read", "unknown-source": "unknown source", "invalid-source": "source has errors" } as const;

export function says(statement: ReportStatement): string {
  const value = displayValue(statement.says) + (statement.error === null ? "" : ` (${ERROR_WORDS[statement.error]})`);
  if (statement.retracted === false) return value;
  return statement.retracted === true ? `${value} (retracted)` : `${value} (retracted ${statement.retracted})`;
}

export function documentCell(report: Report, id: string | null): string {
  if (id === null) return "";
  const d = report.documents.find((doc) => doc.id === id);
  return d === undefined ? id : `${d.title} — ${d.publisher}`;
}

/** The statement's own url, else its document's (SPEC §12 v2). */
export function urlOf(report: Report, statement: ReportStatement): string | null {
  return statement.url ?? (statement.in === null ? null : (report.documents.find((d) => d.id === statement.in)?.url ?? null));
}

/** Whether an address may become a link: absolute http(s) with a host. */
export function isWeb(url: string | null): url is string {
  if (url === null || !/^https?:\/\//i.test(url)) return false;
  try {
    return new URL(url).hostname !== "";
  } catch {
    return false;
  }
}

/**
 * How a statement stands, for fixtures without relay warnings: in error, retracted, its origin's
 * position, a relay whose speaker its origin's position lists in `reportedBy`, else superseded.
 */
export function stands(claim: ReportClaim, statement: ReportStatement): string {
  if (statement.error !== null) return `in error: ${ERROR_WORDS[statement.error]}`;
  if (statement.retracted !== false) return statement.retracted === true ? "retracted" : `retracted ${statement.retracted}`;
  if (statement.position) return "position";
  const reportedBy = claim.positions.find((p) => p.origin === statement.origin)?.reportedBy ?? [];
  if (statement.via !== null && reportedBy.includes(statement.source)) return "agrees with position";
  return "superseded";
}

export const QUOTE_CHECK = { verified: "verified", "not-found": "not found in the archive", unchecked: "unchecked" } as const;

/** The "reported in" cell as text: the document (else the link's host), and an address that is not a link after " · ". */
export function reportedIn(report: Report, statement: ReportStatement): string {
  const url = urlOf(report, statement);
  const document = documentCell(report, statement.in);
  const label = document !== "" ? document : isWeb(url) ? new URL(url).host : "";
  return url === null || isWeb(url) ? label : [label, url].filter((part) => part !== "").join(" · ");
}

export const STATEMENT_COLUMNS = ["source", "side", "says", "stands", "date", "reported in", "quote", "quote check", "conflicts with"];

export function expectedStatementRow(report: Report, claim: ReportClaim, statement: ReportStatement): string[] {
  const date = statement.asOf === null || statement.asOf === statement.on ? (statement.on ?? "") : statement.on === null ? `as of ${statement.asOf}` : `${statement.on} (as of ${statement.asOf})`;
  return [
    statement.via === null ? name(report, statement.source) : `${name(report, statement.source)} (relaying ${name(report, statement.via)})`,
    statement.side ?? "",
    says(statement),
    stands(claim, statement),
    date,
    reportedIn(report, statement),
    statement.quote ?? "",
    statement.quoteCheck === null ? "" : QUOTE_CHECK[statement.quoteCheck],
    statement.conflictsWith.map((id) => name(report, id)).join(", "),
  ];
}

export const SUMMARY_COLUMNS = ["claim", "status", "sources (groups)", "conflicts", "verdict"];

const RATINGS: Record<string, string> = { true: "True", "mostly-true": "Mostly true", mixed: "Mixed", "mostly-false": "Mostly false", false: "False", unproven: "Unproven" };

export function expectedSummaryRow(claim: ReportClaim): string[] {
  const pairs = claim.conflicts.length;
  const rating = claim.verdict === null ? (claim.unresolved ? "unresolved" : "") : claim.verdict.rating === null ? "Unrated" : (RATINGS[claim.verdict.rating] ?? claim.verdict.rating.replace(/-/g, " ").replace(/^./, (c) => c.toUpperCase()));
  return [claim.id, claim.status, `${claim.positions.filter((p) => p.committed).length} (${claim.groups})`, pairs === 0 ? "" : `${pairs} ${pairs === 1 ? "pair" : "pairs"}`, rating];
}

/** A range or window as SPEC §8 v2 shows it: exact bounds, the claim's unit after. */
export function bounds(interval: ReportInterval | null | undefined, unit: string | null, missing: string): string {
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

export function exported(report: Report, all: boolean): readonly ReportClaim[] {
  return all ? report.claims : report.claims.filter((c) => c.status === "conflict");
}

// ---- Markdown ---------------------------------------------------------------------------------

/** Plain text of a parsed node: text and inline code values, concatenated. */
export function plain(node: Nodes): string {
  if (node.type === "text" || node.type === "inlineCode") return node.value;
  return "children" in node ? node.children.map((child) => plain(child)).join("") : "";
}

/** Read as GitHub reads it (tables, strikethrough, bare URLs as links), so a would-be link in a cell is seen. */
export function parseMarkdown(text: string) {
  return parseGfm(text);
}

export function tables(text: string): string[][][] {
  return parseMarkdown(text)
    .children.filter((node): node is Table => node.type === "table")
    .map((table) => table.children.map((row) => row.children.map((cell) => plain(cell))));
}

/** Every node of a tree, depth first. */
export function allNodes(node: Nodes): Nodes[] {
  return [node, ...("children" in node ? node.children.flatMap((child) => allNodes(child)) : [])];
}

/** What a cell shows: the formatter's one-line rule, the CLI's sanitize, and GFM's trimming of cells. */
export function asCell(text: string): string {
  return sanitize(text.replace(/\r\n|\r|\n/g, " ")).replace(/^[ \t]+|[ \t]+$/g, "");
}

// ---- HTML -------------------------------------------------------------------------------------

export interface HtmlFacts {
  tags: Set<string>;
  /** Every link: its address and its `rel`. */
  links: { href: string; rel: string | undefined }[];
  srcs: string[];
  /** Cell texts of each table, by rows (header cells and row headers included). */
  tables: string[][][];
  captions: string[];
  /** The `scope` of every `th`. */
  scopes: string[];
  h2: string[];
  /** Per range chart: its bars, how many conflict, its finding bands, its red caps. */
  charts: { bars: number; conflicts: number; findings: number; caps: number; label: string }[];
  /** Per timeline: its lanes' names. */
  timelines: { lanes: number; strips: number; label: string }[];
  /** `aria-label` of every element with role="img". */
  images: string[];
  text: string;
}

/** Reads a page with htmlparser2, entities decoded, as a browser's parser would. */
export function inspectHtml(page: string): HtmlFacts {
  const facts: HtmlFacts = { tags: new Set(), links: [], srcs: [], tables: [], captions: [], scopes: [], h2: [], charts: [], timelines: [], images: [], text: "" };
  let cell: string | null = null;
  let h2: string | null = null;
  let caption: string | null = null;
  const parser = new Parser(
    {
      onopentag(tag, a) {
        facts.tags.add(tag);
        if (a.href !== undefined) facts.links.push({ href: a.href, rel: a.rel });
        if (a.src !== undefined) facts.srcs.push(a.src);
        if (tag === "table") facts.tables.push([]);
        if (tag === "tr") facts.tables.at(-1)?.push([]);
        if (tag === "td" || tag === "th") cell = "";
        if (tag === "th") facts.scopes.push(a.scope ?? "");
        if (tag === "h2") h2 = "";
        if (tag === "caption") caption = "";
        if (a.role === "img") facts.images.push(a["aria-label"] ?? "");
        const classes = (a.class ?? "").split(" ");
        if (tag === "figure" && classes.includes("range-chart")) facts.charts.push({ bars: 0, conflicts: 0, findings: 0, caps: 0, label: a["aria-label"] ?? "" });
        if (tag === "figure" && classes.includes("timeline")) facts.timelines.push({ lanes: 0, strips: 0, label: a["aria-label"] ?? "" });
        const chart = facts.charts.at(-1);
        if (tag === "rect" && classes.includes("bar") && chart) chart.bars++;
        if (tag === "li" && classes.includes("conflict") && chart) chart.conflicts++;
        if (tag === "rect" && classes.includes("finding") && chart) chart.findings++;
        if (tag === "rect" && classes.includes("cap") && chart) chart.caps++;
        const timeline = facts.timelines.at(-1);
        if (tag === "li" && classes.includes("lane") && timeline) timeline.lanes++;
        if (tag === "svg" && classes.includes("lane-strip") && timeline) timeline.strips++;
      },
      ontext(text) {
        facts.text += text;
        if (cell !== null) cell += text;
        if (h2 !== null) h2 += text;
        if (caption !== null) caption += text;
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
        if (tag === "caption" && caption !== null) {
          facts.captions.push(caption);
          caption = null;
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
export const lf = (text: string): string => text.replace(/\r\n?/g, "\n");
