/** The export formats of `claims export` (SPEC §12), as one registry; `main.ts` offers exactly its keys as `--format` choices (the compiler checks). */
import { claimreview } from "./claimreview.js";
import { csv } from "./csv.js";
import { html } from "./html.js";
import { json } from "./json.js";
import { markdown } from "./markdown.js";
import type { ExportFormat, ExportFormatter } from "./types.js";

export type { ExportFormat, ExportFormatter, ExportOptions } from "./types.js";

/** Every export format by its `--format` name; `satisfies` makes the compiler check both lists stay in step. */
export const EXPORT_FORMATTERS = { markdown, csv, json, claimreview, html } satisfies Record<ExportFormat, ExportFormatter>;

/** The format names, in the order `--help` shows them. */
export const EXPORT_FORMATS = Object.keys(EXPORT_FORMATTERS) as ExportFormat[];
