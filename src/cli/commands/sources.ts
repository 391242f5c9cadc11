/** `claims sources`: one row per source. */
import { materialize } from "../../core/report/types.js";
import { chalkFor } from "../colour.js";
import type { Io } from "../io.js";
import { sourceTable } from "../../formats/text/text.js";
import { checkPaths, ledgerErrors, writeOut } from "./common.js";

/** Prints the source table; exit 1 when the ledger has errors. */
export async function runSources(io: Io, paths: readonly string[], options: { color: boolean; ignore: boolean }): Promise<number> {
  const report = materialize((await checkPaths(io, paths, options)).report);
  const chalk = await chalkFor(io, options.color);
  writeOut(io, sourceTable(report, { chalk, width: io.columns }), chalk);
  return ledgerErrors(io, report);
}
