/** Quote checks (SPEC §7): each quote against its document's archive, each archive prepared once. */
import type { Archives, ArchiveState } from "./archives.js";
import { diagnostic, type Diagnostic, type Position } from "../shared/diagnostics.js";
import type { ClaimEntry, Ledger } from "../load/ledger.js";
import { locate } from "../load/locate.js";
import { checkQuote, ClosestBudget, type PreparedArchive, prepareArchive } from "./match.js";

/** The result of one quote check (SPEC §7). */
export type QuoteCheck = "verified" | "not-found" | "unchecked";

export interface QuoteChecks {
  /** Per claim id, per kept statement (in `data.statements` order): the result, or null without a quote. */
  readonly byClaim: ReadonlyMap<string, readonly (QuoteCheck | null)[]>;
  readonly diagnostics: readonly Diagnostic[];
}

/** Turns an archive's raw text into the text quotes are checked against (SPEC §3). */
export type ArchiveTextFn = (raw: string, extension: string) => string;

/** Archives prepared for quote checks, kept by their state: a long-lived caller (the language server) prepares each once. */
export type PreparedArchives = WeakMap<ArchiveState, PreparedArchive>;

/**
 * Checks every quote of the ledger. Quotes are grouped by archive, so each archive is prepared
 * once and released before the next: a large ledger never holds every prepared archive at once
 * (unless `prepared` is given, which keeps them).
 */
export function checkQuotes(ledger: Ledger, archives: Archives, archiveText: ArchiveTextFn, prepared?: PreparedArchives): QuoteChecks {
  const diagnostics: Diagnostic[] = [];
  const byClaim = new Map<string, (QuoteCheck | null)[]>();
  // Keyed by archive state: documents that share one archive file share one state.
  const jobs = new Map<Extract<ArchiveState, { status: "ok" }>, { claim: ClaimEntry; k: number; quote: string; document: string }[]>();
  for (const claim of ledger.claims.values()) {
    const results = claim.data.statements.map((statement, k): QuoteCheck | null => {
      if (statement.quote === undefined) return null;
      const unchecked = (why: string): QuoteCheck => {
        diagnostics.push(diagnostic("quote-unchecked", `quote not checked: ${why}`, quoteAt(claim, k)));
        return "unchecked";
      };
      if (statement.in === undefined) return unchecked("the statement has no `in` document; add one whose `archive` holds the text");
      const state = archives.byDocument.get(statement.in);
      if (state === undefined) {
        const broken = ledger.declared.get(statement.in) === "documents";
        return unchecked(broken ? `document '${statement.in}' has errors; fix them to check this quote` : `document '${statement.in}' is not declared`);
      }
      if (state.status === "none") return unchecked(`document '${statement.in}' has no \`archive\`; archive the text to check quotes`);
      if (state.status === "unreadable") return unchecked(`the archive of document '${statement.in}' cannot be read`);
      const job = { claim, k, quote: statement.quote, document: statement.in };
      const list = jobs.get(state);
      if (list) list.push(job);
      else jobs.set(state, [job]);
      return null; // filled in below
    });
    byClaim.set(claim.id, results);
  }
  const budget = new ClosestBudget();
  for (const [state, list] of jobs) {
    const archive = prepared?.get(state) ?? prepareArchive(archiveText(state.text, state.extension));
    prepared?.set(state, archive);
    budget.startArchive(archive.normalized.length);
    for (const { claim, k, quote, document } of list) {
      const match = checkQuote(quote, archive, budget);
      byClaim.get(claim.id)![k] = match.result === "verified" ? "verified" : "not-found";
      if (match.result === "verified") continue;
      const closest =
        match.closest === null
          ? "its closest passage is not searched: the closest-passage searches of this run have reached their limit (see the README's limits)"
          : match.closest === ""
            ? "the archive has no similar passage"
            : `closest passage (${match.similarity}% similar): "${match.closest}"`;
      diagnostics.push(diagnostic("quote-not-found", `quote not found in the archive of '${document}'; ${closest}`, quoteAt(claim, k)));
    }
  }
  return { byClaim, diagnostics };
}

/** Where a statement's quote stands; found only when reported, since a position costs a parse of the file. */
function quoteAt(claim: ClaimEntry, k: number): Position {
  return locate(claim.file, ["claims", claim.id, "statements", claim.statementIndexes[k], "quote"]);
}
