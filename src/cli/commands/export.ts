/** `claims export`: the report in a publishable format, to stdout or atomically to `-o FILE`. */
import type { Io } from "../io.js";
import { sanitize } from "../../formats/sanitize.js";
import { checkPaths, type LedgerFlags, ledgerErrors, writeJson, writeResult } from "./common.js";
import { materialize } from "../../core/report/types.js";
import type { ExportFormat } from "../../formats/exports/index.js";

export interface ExportCommandOptions extends LedgerFlags {
  readonly format: ExportFormat;
  readonly all?: true;
  readonly output?: string;
  readonly publisher?: string;
}

/** Exports the checked ledger; exit 1 when the ledger has errors (the export is still written). */
export async function runExport(io: Io, paths: readonly string[], options: ExportCommandOptions): Promise<number> {
  const run = await checkPaths(io, paths, options);
  const { EXPORT_FORMATTERS } = await import("../../formats/exports/index.js");
  if (options.output === undefined && options.format === "json") {
    writeJson(io, run.report); // the same text as the json formatter, claims built as they are written
    return ledgerErrors(io, run.report); // the export is still written
  }
  const report = materialize(run.report);
  await writeResult(io, run, sanitize(EXPORT_FORMATTERS[options.format](report, { all: options.all === true, publisher: options.publisher ?? null })), options.output);
  return ledgerErrors(io, report);
}
