/** The types every export format shares: the formatters import them from here, the registry too. */
import type { Report } from "../../core/report/types.js";

/** What every export format is given besides the report. */
export interface ExportOptions {
  /** Every claim, not only those in conflict (json and claimreview ignore it; see there). */
  readonly all: boolean;
  /** The fact-checking organisation named as author (claimreview) and in the page title (html). */
  readonly publisher: string | null;
  /** A timestamp to print; left out by default so that the same ledger gives the same bytes. */
  readonly generated?: string;
  /** Markdown only: list the diagnostics and the claims left out for errors, as `check --format markdown` does. */
  readonly diagnostics?: boolean;
}

/** An export format: a pure function from a report to the text to write. */
export type ExportFormatter = (report: Report, options: ExportOptions) => string;

/** The name of an export format. */
export type ExportFormat = "markdown" | "csv" | "json" | "claimreview" | "html";
