/** The whole flow, one way: files → ledger → checks → analysis → report. */
import { analyseLedger } from "./analysis.js";
import { readArchives } from "./archives.js";
import { buildReport } from "./build-report.js";
import { LEDGER_CHECKS } from "./checks/index.js";
import type { Ledger } from "./ledger.js";
import { loadLedger } from "./load.js";
import { checkQuotes } from "./quote-checks.js";
import type { Report } from "./report.js";

export interface Checked {
  readonly ledger: Ledger;
  readonly report: Report;
}

/** Loads, checks and analyses the ledger under `paths`. Throws UsageError only for an unusable path argument. */
export function checkLedger(paths: readonly string[], cwd: string): Checked {
  const ledger = loadLedger(paths, { cwd });
  const archives = readArchives(ledger);
  const analysis = analyseLedger(ledger);
  const quotes = checkQuotes(ledger, archives);
  const diagnostics = [
    ...ledger.diagnostics,
    ...LEDGER_CHECKS.flatMap((check) => check(ledger)),
    ...archives.diagnostics,
    ...analysis.diagnostics,
    ...quotes.diagnostics,
  ];
  return { ledger, report: buildReport(ledger, analysis.claims, quotes, diagnostics) };
}
