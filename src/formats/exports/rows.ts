/**
 * The statement rows every table export shows (SPEC §12 v2): who said what and when, how it
 * stands, where it was said (a link), the quote and its check, and whom its position conflicts
 * with. Markdown and HTML show one table per claim; CSV one row per statement with the claim's
 * columns around them.
 */
import type { Report, ReportClaim, ReportStatement } from "../../core/report/types.js";
import { displayConflictsWith, displaySays, sourceName } from "./display.js";
import { linkText, statementLink, type StatementLink } from "./links.js";
import { quoteCheckText, type Standing, standings, standingText } from "./standing.js";

/** The per-claim statement table's header (Markdown and HTML). */
export const STATEMENT_HEADER = ["source", "side", "says", "stands", "date", "reported in", "quote", "quote check", "conflicts with"] as const;

/** A column of the statement table. */
export type StatementColumn = (typeof STATEMENT_HEADER)[number];

/** One statement, ready for any table format. */
export interface StatementRow {
  readonly statement: ReportStatement;
  readonly standing: Standing;
  readonly link: StatementLink;
  /** Each column's text; "reported in" as `linkText` gives it. */
  readonly fields: Readonly<Record<StatementColumn, string>>;
  /** The same in the order of `STATEMENT_HEADER`. */
  readonly cells: readonly string[];
}

/** "Wire agency A (relaying Prosecutor's office)": a relay names the origin it relays. */
export function speakerCell(report: Report, statement: ReportStatement): string {
  const name = sourceName(report, statement.source);
  return statement.via === null ? name : `${name} (relaying ${sourceName(report, statement.via)})`;
}

/** "2011-12-18 (as of 2011-12-16)": when it was said, and the date its figure refers to where that differs. */
export function dateCell(statement: ReportStatement): string {
  const { on, asOf } = statement;
  if (asOf === null || asOf === on) return on ?? "";
  return on === null ? `as of ${asOf}` : `${on} (as of ${asOf})`;
}

/** The rows of one claim's statements, in the claim's order. */
export function statementRows(report: Report, claim: ReportClaim): StatementRow[] {
  const standing = standings(report, claim);
  return claim.statements.map((statement, i) => {
    const link = statementLink(report, statement);
    const stands = standing[i] ?? "superseded";
    const fields: Record<StatementColumn, string> = {
      source: speakerCell(report, statement),
      side: statement.side ?? "",
      says: displaySays(statement),
      stands: standingText(statement, stands),
      date: dateCell(statement),
      "reported in": linkText(link),
      quote: statement.quote ?? "",
      "quote check": quoteCheckText(statement),
      "conflicts with": displayConflictsWith(report, statement),
    };
    return { statement, standing: stands, link, fields, cells: STATEMENT_HEADER.map((column) => fields[column]) };
  });
}
