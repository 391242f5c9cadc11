/** The types every export format shares: the formatters import them from here, the registry too. */
import type { Report } from "../../core/report/types.js";

/** What every export format is given besides the report. */
export interface ExportOptions {
  /** Every claim, not only those in conflict (json and claimreview ignore it; see there). */
  readonly all: boolean;
  /** The fact-checking organisation named as author (claimreview) and in the page title (html). */
  readonly publisher: string | null;
  /**
   * When the export was made, to print (an ISO timestamp, shown in UTC by html); left out by default
   * so that the same ledger gives the same bytes. The CLI gives the html page the time of the run,
   * or SOURCE_DATE_EPOCH's.
   */
  readonly generated?: string;
  /** The version of claims that made the export, to print (html). */
  readonly version?: string;
  /** claimreview only: the `<script type="application/ld+json">` blocks a page embeds, instead of a JSON array. */
  readonly html?: boolean;
  /** Markdown only: list the diagnostics and the claims left out for errors, as `check --format markdown` does. */
  readonly diagnostics?: boolean;
}

/** An export format: a pure function from a report to the text to write. */
export type ExportFormatter = (report: Report, options: ExportOptions) => string;

/** The name of an export format. */
export type ExportFormat = "markdown" | "csv" | "json" | "claimreview" | "html";
