/** `claims export`: the report in a publishable format, to stdout or atomically to `-o FILE`. */
import { dirname, resolve } from "node:path";
import { UsageError } from "../../core/load/workspace.js";
import type { Io } from "../io.js";
import { sanitize } from "../../formats/sanitize.js";
import { checkPaths, ledgerErrors, writeJson, writeOut } from "./common.js";
import { materialize } from "../../core/report/types.js";
import type { ExportFormat } from "../../formats/exports/index.js";

export interface ExportCommandOptions {
  readonly format: ExportFormat;
  readonly all?: true;
  readonly output?: string;
  readonly publisher?: string;
  readonly ignore: boolean;
}

/** Exports the checked ledger; exit 1 when the ledger has errors (the export is still written). */
export async function runExport(io: Io, paths: readonly string[], options: ExportCommandOptions): Promise<number> {
  const { ledger, report: stream } = await checkPaths(io, paths, options);
  const [{ EXPORT_FORMATTERS }, { writeOutputAtomic, OutputRefused }] = await Promise.all([import("../../formats/exports/index.js"), import("../write-output.js")]);
  if (options.output === undefined && options.format === "json") {
    writeJson(io, stream); // the same text as the json formatter, claims built as they are written
    return ledgerErrors(io, stream); // the export is still written
  }
  const report = materialize(stream);
  const text = sanitize(EXPORT_FORMATTERS[options.format](report, { all: options.all === true, publisher: options.publisher ?? null }));
  if (options.output === undefined) writeOut(io, text);
  else {
    // Every file the ledger is made of is off limits, archives included.
    const archives = [...ledger.documents.values()].flatMap((d) => (d.data.archive === undefined ? [] : [resolve(dirname(d.file.abs), d.data.archive)]));
    try {
      const roots = [...new Set(ledger.files.map((f) => f.root))];
      writeOutputAtomic(options.output, text, { cwd: io.cwd, ledgerFiles: ledger.files.map((f) => f.abs), archives, roots });
    } catch (error) {
      if (error instanceof OutputRefused) throw new UsageError(error.message);
      throw new UsageError(`cannot write '${options.output}': ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return ledgerErrors(io, report);
}
