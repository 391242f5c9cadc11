/** The `csv` export (SPEC §12): one row per statement, RFC 4180, safe to open in a spreadsheet. */
import type { Report } from "../../core/report/types.js";
import { displayRange, displayWindow, documentLabel, exportedClaims } from "./display.js";
import type { StatementLink } from "./links.js";
import { statementRows } from "./rows.js";
import type { ExportOptions } from "./types.js";

/** The header row; exported so tests compare against the same words. */
export const CSV_HEADER = [
  "claim",
  "question",
  "source",
  "side",
  "says",
  "stands",
  "date",
  "as of",
  "document",
  "link",
  "quote",
  "quote check",
  "status",
  "conflicts",
  "range",
  "window",
] as const;

/**
 * The link column: the address to open, only ever an http(s) one, so a sheet or a CMS that makes
 * links of the column makes no `javascript:` one; an address of another scheme is kept, marked as
 * not a link, rather than dropped.
 */
function linkCell(link: StatementLink): string {
  if (link.href !== null) return link.href;
  return link.unlinked === null ? "" : `(not a web link) ${link.unlinked}`;
}

/**
 * Rows end in LF, not RFC 4180's CRLF: the CLI passes every output through `sanitize()`, which
 * shows a CR as the visible text `\u000d`, so CRLF rows would reach the file as `…\u000d` + LF.
 * Every spreadsheet and CSV reader accepts LF rows; RFC 4180 itself notes that implementations do.
 */
const EOL = "\n";

/**
 * Where a spreadsheet may take text for a formula: the start of the cell, and the start of every
 * piece it may split the cell into — after a `,`, `;` or TAB (the separators spreadsheets guess or
 * are told to use) or a line break, blanks allowed between — when the piece starts with `=`, `+`,
 * `-`, `@`, TAB or CR, or their full-width forms (＝ ＋ － ＠), which some spreadsheets read as the
 * ASCII ones.
 */
const FORMULA_START = /(?<=(?:^|[,;\t\r\n])[ ]*)(?=[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20])/g;

/**
 * OWASP's CSV-injection rule, in full: every place where a formula could start gets a `'`, which
 * spreadsheets read as "text follows". Plain negative numbers (`-5`) are prefixed too, as OWASP
 * advises: a number check would have to agree with every spreadsheet's number syntax, and `'-5`
 * still reads as -5 to a person.
 */
export function neutraliseFormula(value: string): string {
  return value.replace(FORMULA_START, "'");
}

/** RFC 4180 quoting, for every cell (as OWASP advises): in quotes, quotes doubled. */
export function quoteField(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

/** The cells of every exported statement, before quoting and formula neutralisation. */
export function csvRows(report: Report, all: boolean): string[][] {
  // The statement columns of the other formats (names, not ids: the sheet is read by people; ids
  // are in the json export), with the date it was said and the date its figure refers to apart,
  // and the document and its link apart, so a sheet can sort and filter them; framed by the
  // claim's id and question, its status, and for a quantity its range and window (SPEC §8 v2).
  return exportedClaims(report, all).flatMap((claim) => {
    const [range, window] = claim.type === "quantity" ? [displayRange(claim), displayWindow(claim)] : ["", ""];
    return statementRows(report, claim).map(({ statement, fields, link }) => [
      claim.id,
      claim.question,
      fields.source,
      fields.side,
      fields.says,
      fields.stands,
      statement.on ?? "",
      statement.asOf ?? "",
      documentLabel(report, statement.in),
      linkCell(link),
      fields.quote,
      fields["quote check"],
      claim.status,
      fields["conflicts with"],
      range,
      window,
    ]);
  });
}

/** Renders the statements of the exported claims as CSV. */
export function csv(report: Report, options: ExportOptions): string {
  const lines = [CSV_HEADER, ...csvRows(report, options.all)].map((cells) => cells.map((value) => quoteField(neutraliseFormula(value))).join(","));
  return lines.map((line) => line + EOL).join("");
}
