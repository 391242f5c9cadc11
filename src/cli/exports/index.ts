/** The export formats of `claims export` (SPEC §12), as one registry; `main.ts` offers exactly its keys as `--format` choices (the compiler checks). */
import type { Report } from "../../core/report.js";
import { claimreview } from "./claimreview.js";
import { csv } from "./csv.js";
import { html } from "./html.js";
import { json } from "./json.js";
import { markdown } from "./markdown.js";

/** What every export format is given besides the report. */
export interface ExportOptions {
  /** Every claim, not only those in conflict (json and claimreview ignore it; see there). */
  readonly all: boolean;
  /** The fact-checking organisation named as author (claimreview) and in the page title (html). */
  readonly publisher: string | null;
  /** A timestamp to print; left out by default so that the same ledger gives the same bytes. */
  readonly generated?: string;
}

/** An export format: a pure function from a report to the text to write. */
export type ExportFormatter = (report: Report, options: ExportOptions) => string;

/** The name of an export format. */
export type ExportFormat = "markdown" | "csv" | "json" | "claimreview" | "html";

/** Every export format by its `--format` name; `satisfies` makes the compiler check both lists stay in step. */
export const EXPORT_FORMATTERS = { markdown, csv, json, claimreview, html } satisfies Record<ExportFormat, ExportFormatter>;

/** The format names, in the order `--help` shows them. */
export const EXPORT_FORMATS = Object.keys(EXPORT_FORMATTERS) as ExportFormat[];
