/**
 * `unknown-source` and `unknown-document`: every `source`, `via`, `in` and `verdict.claimant`
 * names a declared record; and `self-relay`, a `via` that names the statement's own source.
 */
import { diagnostic, type Diagnostic } from "../../shared/diagnostics.js";
import type { Ledger } from "../../load/ledger.js";
import { locate } from "../../load/locate.js";
import { didYouMean } from "../../shared/suggest.js";

export function checkReferences(ledger: Ledger): Diagnostic[] {
  const out: Diagnostic[] = [];
  // The candidates for "did you mean" are listed only once an id is unknown: most ledgers have none.
  let sourceIds: string[] | undefined;
  let documentIds: string[] | undefined;
  const sources = () => (sourceIds ??= [...ledger.sources.keys()]);
  for (const claim of ledger.claims.values()) {
    claim.data.statements.forEach((statement, i) => {
      const path = ["claims", claim.id, "statements", claim.statementIndexes[i]];
      for (const key of ["source", "via"] as const) {
        const id = statement[key];
        if (id === undefined || ledger.declared.get(id) === "sources") continue;
        out.push(diagnostic("unknown-source", `unknown source '${id}'${hintFor(ledger, id, sources)}`, locate(claim.file, [...path, key])));
      }
      if (statement.via === statement.source) {
        out.push(diagnostic("self-relay", `'${statement.source}' is named as relaying itself; remove \`via\`, or name the source it relays`, locate(claim.file, [...path, "via"])));
      }
      if (statement.in !== undefined && ledger.declared.get(statement.in) !== "documents") {
        const other = ledger.declared.get(statement.in);
        const hint = other ? ` ('${statement.in}' is declared as a ${other === "claims" ? "claim" : "source"})` : didYouMean(statement.in, (documentIds ??= [...ledger.documents.keys()]));
        out.push(diagnostic("unknown-document", `unknown document '${statement.in}'${hint}`, locate(claim.file, [...path, "in"])));
      }
    });
    // (v2) The claimant of a verdict is who made the assertion rated: a source (SPEC §4).
    const claimant = claim.data.verdict?.claimant;
    if (claimant !== undefined && ledger.declared.get(claimant) !== "sources") {
      out.push(diagnostic("unknown-source", `unknown source '${claimant}' as claimant${hintFor(ledger, claimant, sources)}`, locate(claim.file, ["claims", claim.id, "verdict", "claimant"])));
    }
  }
  return out;
}

/** What an id that is not a source is instead ("declared as a claim"), or the nearest source id. */
function hintFor(ledger: Ledger, id: string, sourceIds: () => readonly string[]): string {
  const other = ledger.declared.get(id);
  return other ? ` ('${id}' is declared as a ${other === "claims" ? "claim" : "document"})` : didYouMean(id, sourceIds());
}
