/** Quote checks (SPEC §7): each quote against its document's archive, each archive prepared once. */
import type { Archives } from "./archives.js";
import { diagnostic, type Diagnostic } from "./diagnostics.js";
import { type Ledger, locate } from "./ledger.js";
import { checkQuote, type PreparedArchive, prepareArchive } from "./quotes.js";
import type { QuoteCheck } from "./report.js";

export interface QuoteChecks {
  /** Per claim id, per kept statement (in `data.statements` order): the result, or null without a quote. */
  readonly byClaim: ReadonlyMap<string, readonly (QuoteCheck | null)[]>;
  readonly diagnostics: readonly Diagnostic[];
}

/** Turns an archive's raw text into the text quotes are checked against (SPEC §3). */
export type ArchiveTextFn = (raw: string, extension: string) => string;

/** Checks every quote of the ledger. */
export function checkQuotes(ledger: Ledger, archives: Archives, archiveText: ArchiveTextFn): QuoteChecks {
  const diagnostics: Diagnostic[] = [];
  // Keyed by archive state: documents that share one archive file share one state, so one preparation.
  const prepared = new Map<object, PreparedArchive>();
  const byClaim = new Map<string, (QuoteCheck | null)[]>();
  for (const claim of ledger.claims.values()) {
    byClaim.set(
      claim.id,
      claim.data.statements.map((statement, k) => {
        if (statement.quote === undefined) return null;
        // Found only when reported: a position costs a parse of the file.
        const at = () => locate(claim.file, ["claims", claim.id, "statements", claim.statementIndexes[k], "quote"]);
        const unchecked = (why: string): QuoteCheck => {
          diagnostics.push(diagnostic("quote-unchecked", `quote not checked: ${why}`, at()));
          return "unchecked";
        };
        if (statement.in === undefined) return unchecked("the statement has no `in` document; add one whose `archive` holds the text");
        const state = archives.byDocument.get(statement.in);
        if (state === undefined) return unchecked(`document '${statement.in}' is not declared`);
        if (state.status === "none") return unchecked(`document '${statement.in}' has no \`archive\`; archive the text to check quotes`);
        if (state.status === "unreadable") return unchecked(`the archive of document '${statement.in}' cannot be read`);
        let archive = prepared.get(state);
        if (!archive) prepared.set(state, (archive = prepareArchive(archiveText(state.text, state.extension))));
        const match = checkQuote(statement.quote, archive);
        if (match.result === "verified") return "verified";
        const closest = match.closest === "" ? "the archive has no similar passage" : `closest passage (${match.similarity}% similar): "${match.closest}"`;
        diagnostics.push(diagnostic("quote-not-found", `quote not found in the archive of '${statement.in}'; ${closest}`, at()));
        return "not-found";
      }),
    );
  }
  return { byClaim, diagnostics };
}
