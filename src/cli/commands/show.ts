/** `claims show <claim-id>`: one claim in detail. */
import { materialize } from "../../core/report.js";
import { closest } from "../../core/suggest.js";
import { UsageError } from "../../core/workspace.js";
import { chalkFor } from "../colour.js";
import type { Io } from "../io.js";
import { claimDetail } from "../render/text.js";
import { checkPaths, writeOut } from "./common.js";

/** Prints one claim's timeline, revisions, conflicts and verdict; exit 1 when the ledger has errors. */
export async function runShow(io: Io, id: string, paths: readonly string[], options: { color: boolean }): Promise<number> {
  const report = materialize((await checkPaths(io, paths)).report);
  const claim = report.claims.find((c) => c.id === id);
  if (!claim) {
    const guess = closest(id, report.claims.map((c) => c.id));
    throw new UsageError(`no claim '${id}' in the ledger${guess ? ` — did you mean '${guess}'?` : ""} (run 'claims check' to list the claims)`);
  }
  const chalk = chalkFor(io, options.color);
  writeOut(io, claimDetail(claim, { chalk, width: io.columns }), chalk);
  const errors = report.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) io.stderr(`claims: the ledger has ${errors.length} ${errors.length === 1 ? "error" : "errors"}; run 'claims lint' to see them\n`);
  return errors.length > 0 ? 1 : 0;
}
