/** `unused-source` and `unused-document`: declared records no statement (or verdict claimant) cites. */
import { diagnostic, type Diagnostic } from "../../shared/diagnostics.js";
import type { Ledger } from "../../load/ledger.js";
import { locate } from "../../load/locate.js";

export function checkUnused(ledger: Ledger): Diagnostic[] {
  const cited = new Set<string>(ledger.citedByInvalid);
  for (const claim of ledger.claims.values()) {
    for (const statement of claim.data.statements) {
      cited.add(statement.source);
      if (statement.via) cited.add(statement.via);
      if (statement.in) cited.add(statement.in);
    }
    // A verdict's claimant is cited too: the rated assertion is theirs (SPEC §4 v2).
    if (claim.data.verdict?.claimant) cited.add(claim.data.verdict.claimant);
  }
  const out: Diagnostic[] = [];
  for (const source of ledger.sources.values()) {
    if (!cited.has(source.id)) out.push(diagnostic("unused-source", `source '${source.id}' is not cited by any statement; cite it or remove it`, locate(source.file, ["sources", source.id], "key")));
  }
  for (const document of ledger.documents.values()) {
    if (!cited.has(document.id)) out.push(diagnostic("unused-document", `document '${document.id}' is not cited by any statement; cite it with \`in\` or remove it`, locate(document.file, ["documents", document.id], "key")));
  }
  return out;
}
