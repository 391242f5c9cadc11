/** `claims show <claim-id>`: one claim in detail. */
import { materialize } from "../../core/report/types.js";
import { closest } from "../../core/shared/suggest.js";
import { resolve } from "node:path";
import { displayPath, UsageError } from "../../core/load/workspace.js";
import { chalkFor } from "../colour.js";
import { sanitizeLine } from "../../formats/sanitize.js";
import type { Io } from "../io.js";
import { claimDetail } from "../../formats/text/text.js";
import { checkPaths, ledgerErrors, writeOut } from "./common.js";

/** Prints one claim's timeline, revisions, conflicts and verdict; exit 1 when the ledger has errors. */
export async function runShow(io: Io, id: string, paths: readonly string[], options: { color: boolean; ignore: boolean }): Promise<number> {
  const { ledger, report: stream, plan } = await checkPaths(io, paths, options);
  const report = materialize(stream);
  const claim = report.claims.find((c) => c.id === id);
  // Files named inside the ledger folder report only their own claims (SPEC §10), but the whole
  // ledger was read: a claim declared in another file is known, just not among those named.
  const declaredIn = ledger.claims.get(id)?.file.abs ?? ledger.omittedClaims.find((c) => c.id === id)?.at.file;
  if (!claim && plan.focus && declaredIn !== undefined && !plan.focus(resolve(io.cwd, declaredIn))) {
    const file = displayPath(io.cwd, resolve(io.cwd, declaredIn));
    throw new UsageError(`claim '${id}' is declared in ${file}, which is not among the paths named (${paths.join(", ")}); name that file, or no path, to show it`);
  }
  if (!claim && ledger.declared.get(id) === "claims") {
    io.stderr(`claims: claim '${sanitizeLine(id)}' has errors and cannot be shown; run 'claims lint' to see them\n`);
    return 1;
  }
  if (!claim) {
    const guess = closest(id, [...ledger.claims.keys()]); // the whole ledger, not only the named files
    throw new UsageError(`no claim '${id}' in the ledger${guess ? ` — did you mean '${guess}'?` : ""} (run 'claims check' to list the claims)`);
  }
  const chalk = await chalkFor(io, options.color);
  writeOut(io, claimDetail(claim, { chalk, width: io.columns }, report), chalk);
  return ledgerErrors(io, report);
}
