/**
 * A new statement's quote, checked against its document's archive before anything else (SPEC
 * §7): a misquote is caught with the closest passage shown, before the ledger is checked.
 */
import type { Ledger } from "../load/ledger.js";
import { isHtmlExtension, readArchives } from "../quotes/archives.js";
import { checkQuote, prepareArchive, type QuoteMatch } from "../quotes/match.js";

/** The quote checked against document `documentId`'s archive; undefined when there is none to read. */
export async function checkNewQuote(ledger: Ledger, documentId: string, quote: string): Promise<QuoteMatch | undefined> {
  const document = ledger.documents.get(documentId);
  if (document?.data.archive === undefined) return undefined;
  // The archive is read, confined and hashed as every check reads it, for this one document.
  const state = readArchives({ ...ledger, documents: new Map([[documentId, document]]) }).byDocument.get(documentId);
  if (state?.status !== "ok") return undefined;
  const text = isHtmlExtension(state.extension) ? (await import("../quotes/archive-text.js")).archiveText(state.text, state.extension) : state.text;
  return checkQuote(quote, prepareArchive(text));
}
