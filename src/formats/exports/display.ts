/** Shared text helpers for the export formats, so every format shows a value, a date or a source the same way. */
import type { Report, ReportClaim, ReportDocument, ReportInterval, ReportSource, ReportStatement, ReportVerdict, StatementError } from "../../core/report/types.js";
import { formatSet } from "../../core/values/index.js";
import { count } from "../count.js";

/** Shows a `says` or `finding` value as YAML held it: strings and numbers as written, `{min, max}` as a range, lists joined with ", ". */
export function displayValue(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  if (Array.isArray(value)) return value.map(displayValue).join(", ");
  if (typeof value === "object") {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    // `{min, max}` is the one object the value grammar (SPEC §5) knows; anything else was an
    // invalid value, shown as JSON so the reader sees exactly what was written.
    if (keys.length > 0 && keys.every((key) => key === "min" || key === "max")) {
      const hasMin = record.min !== undefined && record.min !== null;
      const hasMax = record.max !== undefined && record.max !== null;
      if (hasMin && hasMax) return `${displayValue(record.min)}–${displayValue(record.max)}`;
      if (hasMin) return `at least ${displayValue(record.min)}`;
      if (hasMax) return `at most ${displayValue(record.max)}`;
    }
    return JSON.stringify(value) ?? "";
  }
  return String(value);
}

/** Replaces every line break (CRLF, CR, LF) by one space, for cells and headings that hold one line. */
export function oneLine(text: string): string {
  return text.replace(/\r\n|\r|\n/g, " ");
}

/** The claims an export shows: only those in conflict, or every claim with `all`. */
export function exportedClaims(report: Report, all: boolean): readonly ReportClaim[] {
  return all ? report.claims : report.claims.filter((claim) => claim.status === "conflict");
}

interface Records {
  readonly sources: ReadonlyMap<string, ReportSource>;
  readonly documents: ReadonlyMap<string, ReportDocument>;
}

// Built once per report: a search of the list for every name shown made an export of n statements
// by n sources cost n² (the first of a repeated id wins, as a search would find it).
const RECORDS = new WeakMap<Report, Records>();

function recordsOf(report: Report): Records {
  let records = RECORDS.get(report);
  if (!records) {
    const sources = new Map<string, ReportSource>();
    const documents = new Map<string, ReportDocument>();
    for (const source of report.sources) if (!sources.has(source.id)) sources.set(source.id, source);
    for (const document of report.documents) if (!documents.has(document.id)) documents.set(document.id, document);
    RECORDS.set(report, (records = { sources, documents }));
  }
  return records;
}

/** The report's source with this id, if it knows one. */
export function sourceOf(report: Report, id: string): ReportSource | undefined {
  return recordsOf(report).sources.get(id);
}

/** The report's document with this id, if it knows one. */
export function documentOf(report: Report, id: string): ReportDocument | undefined {
  return recordsOf(report).documents.get(id);
}

/** A source's display name (its id when the report does not know it). */
export function sourceName(report: Report, id: string): string {
  return sourceOf(report, id)?.name ?? id;
}

/** "Title — Publisher" for a document id (the id itself when the report does not know it; "" for none). */
export function documentLabel(report: Report, id: string | null): string {
  if (id === null) return "";
  const document = documentOf(report, id);
  return document === undefined ? id : `${document.title} — ${document.publisher}`;
}

/** The `says` cell: the value, marked when the statement was withdrawn, since a retracted value must never read as live. */
export function displaySays(statement: ReportStatement): string {
  const value = displayValue(statement.says) + (statement.error === null ? "" : ` (${STATEMENT_ERRORS[statement.error]})`);
  if (statement.retracted === false) return value;
  return statement.retracted === true ? `${value} (retracted)` : `${value} (retracted ${statement.retracted})`;
}

/** How a statement in error is marked, in check, show and every export. */
export const STATEMENT_ERRORS: Record<StatementError, string> = {
  "invalid-value": "value not read",
  "unknown-source": "unknown source",
  "invalid-source": "source has errors",
};

/** The "conflicts with" cell: the names of the origins this statement's position conflicts with. */
export function displayConflictsWith(report: Report, statement: ReportStatement): string {
  return statement.conflictsWith.map((id) => sourceName(report, id)).join(", ");
}

const RATING_NAMES: Record<string, string> = {
  true: "True",
  "mostly-true": "Mostly true",
  mixed: "Mixed",
  "mostly-false": "Mostly false",
  false: "False",
  unproven: "Unproven",
};

/** A verdict rating in words ("mostly-false" → "Mostly false"; "Unrated" for none). */
export function displayRating(rating: string | null): string {
  if (rating === null) return "Unrated";
  // hasOwn, not a plain lookup: a rating such as "constructor" must not reach Object.prototype.
  if (Object.hasOwn(RATING_NAMES, rating)) return RATING_NAMES[rating] as string;
  const words = rating.replace(/-/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The summary table's header; exported so tests compare against the same words. */
export const SUMMARY_HEADER = ["claim", "status", "sources (groups)", "conflicts", "verdict"] as const;

/**
 * The summary row of one claim: its id, status, how many sources speak, how many pairs of origins
 * conflict (each pair is listed under the claim: a cell holding every pair was a wall of names),
 * and the verdict's rating ("unresolved" for a conflict without one).
 */
export function summaryRow(claim: ReportClaim): string[] {
  // Every pair counted, those beyond the 1,000 listed too (issue 18).
  const conflicts = claim.conflictCount === 0 ? "" : count(claim.conflictCount, "pair");
  const verdict = claim.verdict !== null ? displayRating(claim.verdict.rating) : claim.unresolved ? "unresolved" : "";
  return [claim.id, claim.status, sourcesAndGroups(claim), conflicts, verdict];
}

/**
 * "2 (1)": the sources whose position stands (not retracted, readable), and the independence
 * groups they form. The same figures in `check` and in every export.
 */
export function sourcesAndGroups(claim: ReportClaim): string {
  return `${claim.positions.filter((p) => p.committed).length} (${claim.groups})`;
}

/** One line on a verdict: its rating in words, then the finding, who and when. */
export function verdictLine(verdict: ReportVerdict): string {
  const parts = [`Verdict: ${displayRating(verdict.rating)}`];
  if (verdict.finding !== null && verdict.finding !== undefined) parts.push(`finding: ${displayValue(verdict.finding)}`);
  if (verdict.by !== null) parts.push(`by ${verdict.by}`);
  if (verdict.on !== null) parts.push(`on ${verdict.on}`);
  return parts.join(" · ");
}

/** An interval of the report as text, exactly (SPEC §8 v2): the same forms as every set the tool shows. */
export function displayInterval(interval: ReportInterval, unit: string | null): string {
  const lo = interval.min ?? -Infinity;
  const hi = interval.max ?? Infinity;
  return formatSet({ kind: "interval", lo, hi, loOpen: interval.minOpen || interval.min === null, hiOpen: interval.maxOpen || interval.max === null }, "quantity", unit);
}

/** A quantity claim's range (SPEC §8): "—" without a committed position. */
export function displayRange(claim: ReportClaim): string {
  return claim.range ? displayInterval(claim.range, claim.unit) : "—";
}

/**
 * A quantity claim's window (SPEC §8 v2): "—" without a committed position, "none" when the
 * positions allow no common value. On a cumulative claim it is the value at the latest as-of date.
 */
export function displayWindow(claim: ReportClaim): string {
  if (!claim.range) return "—";
  if (!claim.window) return "none";
  const text = displayInterval(claim.window, claim.unit);
  const latest = claim.cumulative ? latestAsOf(claim) : null;
  return latest === null ? text : `${text} as of ${latest}`;
}

/**
 * Why a quantity claim has no window, or null when it has one (SPEC §8 v2): no committed position;
 * positions that conflict, so they cannot all be right; or, with a tolerance, positions that agree
 * only within it. Every output that explains an empty window words one of these.
 */
export function noWindowBecause(claim: ReportClaim): "no-position" | "conflict" | "tolerance" | null {
  if (claim.window) return null;
  if (!claim.range) return "no-position";
  return claim.status === "conflict" ? "conflict" : "tolerance";
}

const NO_WINDOW_NOTES = {
  "no-position": "no committed position",
  conflict: "the positions allow no common value",
  tolerance: "the positions agree only within the claim's tolerance",
} as const;

/** The window as every output shows it, followed by why, when there is none: "corroborated" beside a bare "none" reads as a contradiction. */
export function explainedWindow(claim: ReportClaim): string {
  const why = noWindowBecause(claim);
  return why === null ? displayWindow(claim) : `${displayWindow(claim)} (${NO_WINDOW_NOTES[why]})`;
}

/** The latest as-of date of a claim's committed positions: the date a cumulative claim's window speaks of. */
export function latestAsOf(claim: ReportClaim): string | null {
  let latest: string | null = null;
  for (const p of claim.positions) if (p.committed && p.asOf !== null && (latest === null || p.asOf > latest)) latest = p.asOf;
  return latest;
}

/** An origin and the other speakers that report its position ("Morgue (reported by Wire agency A)"), by `name`. */
export function originWithRelays(claim: ReportClaim, origin: string, name: (id: string) => string): string {
  const relays = relaysOf(claim, origin);
  return relays.length === 0 ? name(origin) : `${name(origin)} (reported by ${relays.map(name).join(", ")})`;
}

// Built once per claim: a search of the positions for each origin shown made a claim of n
// positions cost n² in its detail, its summary row and its CI findings.
const POSITIONS = new WeakMap<ReportClaim, Map<string, ReportClaim["positions"][number]>>();

/** A claim's position of an origin (each origin has at most one, SPEC §6 v2). */
export function positionOf(claim: ReportClaim, origin: string): ReportClaim["positions"][number] | undefined {
  let byOrigin = POSITIONS.get(claim);
  if (!byOrigin) {
    byOrigin = new Map();
    for (const p of claim.positions) if (!byOrigin.has(p.origin)) byOrigin.set(p.origin, p);
    POSITIONS.set(claim, byOrigin);
  }
  return byOrigin.get(origin);
}

/** The speakers other than the origin whose statements stand for its position: the relay it comes from, and those that agree. */
export function relaysOf(claim: ReportClaim, origin: string): string[] {
  const position = positionOf(claim, origin);
  if (!position) return [];
  const speakers = new Set(position.reportedBy);
  if (position.source !== origin) speakers.add(position.source);
  speakers.delete(origin);
  return [...speakers].sort();
}

/** The facts line under a claim's heading: id, type, status, unit, and for a quantity its range and window. */
export function claimFacts(claim: ReportClaim, withStatus = true): string[] {
  const facts = withStatus ? [claim.id, claim.type, claim.status] : [claim.id, claim.type];
  if (claim.cumulative) facts.push("cumulative");
  if (claim.unit !== null) facts.push(`unit: ${claim.unit}`);
  if (claim.type === "quantity") facts.push(`range: ${displayRange(claim)}`, `window: ${displayWindow(claim)}`);
  return facts;
}
