/** The `json` export (SPEC §12): the §11 report itself. */
import type { Report } from "../../core/report/types.js";
import type { ExportOptions } from "./types.js";

/**
 * Renders the whole §11 report, unchanged: `--all` does not apply, because the JSON report is a
 * stable data contract that consumers filter themselves (by `status`), and a filtered copy would
 * disagree with its own `summary`.
 */
export function json(report: Report, _options: ExportOptions): string {
  return JSON.stringify(report, null, 2) + "\n";
}
