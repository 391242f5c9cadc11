/** The pipeline on the main thread, synchronously: for tests that examine the report of a fixture. */
import { archiveText } from "../../src/core/quotes/archive-text.js";
import { readArchives } from "../../src/core/quotes/archives.js";
import { buildLedger } from "../../src/core/load/validate.js";
import { loadFile } from "../../src/core/load/load-file.js";
import type { Ledger } from "../../src/core/load/ledger.js";
import { checkRead } from "../../src/core/pipeline.js";
import { materialize, type Report } from "../../src/core/report/types.js";
import { collectFiles } from "../../src/core/load/workspace.js";

/** What `checkLedger` gives, without workers or dynamic imports, every claim built. */
export function checkLedgerSync(paths: readonly string[], cwd: string): { ledger: Ledger; report: Report } {
  const ledger = buildLedger(collectFiles(paths, cwd).map(loadFile));
  return { ledger, report: materialize(checkRead(ledger, readArchives(ledger), archiveText).report) };
}

/** The report of a fixture under tests/fixtures/analysis/. */
export function analyseFixture(name: string, cwd: string): Report {
  return checkLedgerSync([`tests/fixtures/analysis/${name}`], cwd).report;
}

/** A claim of a report by id; fails the test when it is missing. */
export function claimOf(report: Report, id: string): Report["claims"][number] {
  const claim = report.claims.find((c) => c.id === id);
  if (!claim) throw new Error(`no claim '${id}' in the report`);
  return claim;
}
