/** `unused-source` and `unused-document`: declared records no statement (or verdict claimant) cites. */
import { diagnostic, type Diagnostic } from "../../shared/diagnostics.js";
import type { ClaimEntry, Ledger } from "../../load/ledger.js";
import { locate } from "../../load/locate.js";

export function checkUnused(ledger: Ledger): Diagnostic[] {
  const cited = new Set<string>(ledger.citedByInvalid);
  for (const claim of ledger.claims.values()) for (const id of citationsOf(claim)) cited.add(id);
  return reportUnused(ledger, cited);
}

/** The ids a claim cites: each statement's `source`, `via` and `in`, and its verdict's claimant. */
export function citationsOf(claim: ClaimEntry): string[] {
  const ids: string[] = [];
  for (const statement of claim.data.statements) {
    ids.push(statement.source);
    if (statement.via) ids.push(statement.via);
    if (statement.in) ids.push(statement.in);
  }
  // A verdict's claimant is cited too: the rated assertion is theirs (SPEC §4 v2).
  if (claim.data.verdict?.claimant) ids.push(claim.data.verdict.claimant);
  return ids;
}

/** The sources and documents that are not `cited`, as diagnostics at their ids. */
export function reportUnused(ledger: Ledger, cited: { has(id: string): boolean }): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const source of ledger.sources.values()) {
    if (!cited.has(source.id)) out.push(diagnostic("unused-source", `source '${source.id}' is not cited by any statement; cite it or remove it`, locate(source.file, ["sources", source.id], "key")));
  }
  for (const document of ledger.documents.values()) {
    if (!cited.has(document.id)) out.push(diagnostic("unused-document", `document '${document.id}' is not cited by any statement; cite it with \`in\` or remove it`, locate(document.file, ["documents", document.id], "key")));
  }
  return out;
}
