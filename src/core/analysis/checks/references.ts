/** `unknown-source` and `unknown-document`: every `source`, `via` and `in` names a declared record. */
import { diagnostic, type Diagnostic } from "../../shared/diagnostics.js";
import type { Ledger } from "../../load/ledger.js";
import { locate } from "../../load/locate.js";
import { didYouMean } from "../../shared/suggest.js";

export function checkReferences(ledger: Ledger): Diagnostic[] {
  const out: Diagnostic[] = [];
  const sourceIds = [...ledger.sources.keys()];
  const documentIds = [...ledger.documents.keys()];
  for (const claim of ledger.claims.values()) {
    claim.data.statements.forEach((statement, i) => {
      const path = ["claims", claim.id, "statements", claim.statementIndexes[i]];
      for (const key of ["source", "via"] as const) {
        const id = statement[key];
        if (id === undefined || ledger.declared.get(id) === "sources") continue;
        const other = ledger.declared.get(id);
        const hint = other ? ` ('${id}' is declared as a ${other === "claims" ? "claim" : "document"})` : didYouMean(id, sourceIds);
        out.push(diagnostic("unknown-source", `unknown source '${id}'${hint}`, locate(claim.file, [...path, key])));
      }
      if (statement.in !== undefined && ledger.declared.get(statement.in) !== "documents") {
        const other = ledger.declared.get(statement.in);
        const hint = other ? ` ('${statement.in}' is declared as a ${other === "claims" ? "claim" : "source"})` : didYouMean(statement.in, documentIds);
        out.push(diagnostic("unknown-document", `unknown document '${statement.in}'${hint}`, locate(claim.file, [...path, "in"])));
      }
    });
  }
  return out;
}
